// Matching as a grid of radio buttons: one row per item, one column per category.
// Each radio is named by its row and column headers; arrow keys move along a row.
let counter = 0;

function render({ model, el }) {
  const id = `lwi-grid-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const items = model.get("items");
  const categories = model.get("categories");
  el.classList.add("lwi-grid");
  // Keys pressed here are the learner's (arrows move a slider, a radio, a step), not the
  // notebook's shortcuts: without this, ArrowLeft collapsed a heading instead.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (e) => e.stopPropagation());

  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = model.get("note");
  const head = document.createElement("tr");
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = model.get("item_heading");
  head.append(corner);
  categories.forEach((c, j) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.id = `${id}-c${j}`;
    th.textContent = c.label;
    head.append(th);
  });
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  const inputs = [];
  items.forEach((item, i) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.id = `${id}-r${i}`;
    th.textContent = item.text;
    tr.append(th);
    categories.forEach((c, j) => {
      const td = document.createElement("td");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = `${id}-r${i}`;
      input.value = c.key;
      input.dataset.item = item.key;
      input.setAttribute("aria-labelledby", `${th.id} ${id}-c${j}`);
      input.addEventListener("change", () => {
        if (!input.checked) return;
        model.set("value", { ...model.get("value"), [item.key]: c.key });
        model.save_changes();
      });
      inputs.push(input);
      td.append(input);
      td.addEventListener("click", (e) => { if (e.target === td) input.click(); });
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(caption, thead, tbody);
  el.replaceChildren(table);

  function sync() {
    const value = model.get("value") || {};
    inputs.forEach((input) => { input.checked = value[input.dataset.item] === input.value; });
  }
  model.on("change:value", sync);
  sync();
  return () => model.off("change:value", sync);
}

export default { render };
