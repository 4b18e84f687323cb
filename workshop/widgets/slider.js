// A native range input with a visible label and readout: named for screen readers,
// moved with the arrow keys, and committed on each step (not on every pixel of a drag).
let counter = 0;

function render({ model, el }) {
  const id = `lwi-slider-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  el.classList.add("lwi-slider");
  // Keys pressed here are the learner's (arrows move a slider, a radio, a step), not the
  // notebook's shortcuts: without this, ArrowLeft collapsed a heading instead.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (e) => e.stopPropagation());
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  const output = document.createElement("output");
  output.htmlFor = id;
  el.replaceChildren(label, input, output);

  const show = (v) => {
    const decimals = model.get("decimals");
    output.textContent = Number(v).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    input.setAttribute("aria-valuetext", `${output.textContent} ${model.get("unit")}`.trim());
  };
  const sync = () => {
    label.textContent = model.get("description");
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    show(model.get("value"));
  };
  input.addEventListener("input", () => show(input.value));
  input.addEventListener("change", () => {
    model.set("value", Number(input.value));
    model.save_changes();
  });
  model.on("change", sync);
  sync();
  return () => model.off("change", sync);
}

export default { render };
