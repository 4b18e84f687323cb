// A Parsons list: drag steps into "Your order", or use the buttons (Alt+Arrow keys move a step).
let counter = 0;

function button(label, name, act, key, disabled) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.setAttribute("aria-label", name);
  b.title = name;
  b.dataset.act = act;
  b.dataset.key = key;
  b.disabled = disabled;
  b.className = "lwi-order-btn";
  return b;
}

function render({ model, el }) {
  const id = `lwi-order-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const steps = model.get("steps");
  const text = Object.fromEntries(steps.map((s) => [s.key, s.text]));
  let focusAfter = null;

  el.classList.add("lwi-order");
  // Keys pressed here are the learner's (arrows move a slider, a radio, a step), not the
  // notebook's shortcuts: without this, ArrowLeft collapsed a heading instead.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (e) => e.stopPropagation());
  const note = document.createElement("p");
  note.className = "lwi-order-note";
  note.id = `${id}-note`;
  note.textContent = model.get("note");
  const cols = document.createElement("div");
  cols.className = "lwi-order-cols";
  const live = document.createElement("p");
  live.className = "lwi-order-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  el.replaceChildren(note, cols, live);

  function column(title, tag, cls) {
    const box = document.createElement("div");
    box.className = `lwi-order-col ${cls}`;
    const label = document.createElement("p");
    label.className = "lwi-order-title";
    label.id = `${id}-${cls}`;
    label.textContent = title;
    const list = document.createElement(tag);
    list.className = "lwi-order-list";
    list.setAttribute("aria-labelledby", label.id);
    list.dataset.list = cls;
    box.append(label, list);
    return [box, list];
  }

  function commit(order, message, focus) {
    focusAfter = focus;
    live.textContent = message;
    model.set("value", order);
    model.save_changes();
  }

  function move(key, to) {
    const order = model.get("value").filter((k) => k !== key);
    if (to === null) return commit(order, `Took \u201c${text[key]}\u201d out of your order.`, [key, "add"]);
    to = Math.max(0, Math.min(to, order.length));
    order.splice(to, 0, key);
    return commit(order, `\u201c${text[key]}\u201d is now step ${to + 1} of ${order.length}.`, [key, null]);
  }

  function draw() {
    const order = model.get("value").filter((k) => k in text);
    const pool = steps.map((s) => s.key).filter((k) => !order.includes(k));
    const [poolBox, poolList] = column("Steps to place", "ul", "pool");
    const [orderBox, orderList] = column("Your order", "ol", "answer");
    pool.forEach((key) => {
      const li = item(key);
      li.append(actions(button("Add", `Add \u201c${text[key]}\u201d to the end of your order`, "add", key, false)));
      poolList.append(li);
    });
    order.forEach((key, i) => {
      const li = item(key);
      const number = document.createElement("span");
      number.className = "lwi-order-num";
      number.textContent = `${i + 1}.`;
      li.prepend(number);
      li.append(actions(
        button("\u2191", `Move \u201c${text[key]}\u201d up`, "up", key, i === 0),
        button("\u2193", `Move \u201c${text[key]}\u201d down`, "down", key, i === order.length - 1),
        button("\u2715", `Take \u201c${text[key]}\u201d out of your order`, "remove", key, false),
      ));
      orderList.append(li);
    });
    if (!order.length) {
      const empty = document.createElement("li");
      empty.className = "lwi-order-empty";
      empty.textContent = "Drag steps here, or press Add.";
      orderList.append(empty);
    }
    [poolList, orderList].forEach(dropTarget);
    cols.replaceChildren(poolBox, orderBox);
    if (focusAfter) {
      const [key, act] = focusAfter;
      focusAfter = null;
      const sel = act ? `button[data-key="${key}"][data-act="${act}"]` : `button[data-key="${key}"]:not([disabled])`;
      const target = el.querySelector(sel) || el.querySelector(`button[data-key="${key}"]`);
      if (target) target.focus();
    }
  }

  function actions(...buttons) {
    const span = document.createElement("span");
    span.className = "lwi-order-actions";
    span.append(...buttons);
    return span;
  }

  function item(key) {
    const li = document.createElement("li");
    li.className = "lwi-order-item";
    li.draggable = true;
    li.dataset.key = key;
    const span = document.createElement("span");
    span.className = "lwi-order-text";
    span.textContent = text[key];
    li.append(span);
    li.addEventListener("dragstart", (e) => {
      e.dataTransfer.setData("text/plain", key);
      e.dataTransfer.effectAllowed = "move";
    });
    return li;
  }

  function dropTarget(list) {
    list.addEventListener("dragover", (e) => { e.preventDefault(); list.classList.add("lwi-drop"); });
    list.addEventListener("dragleave", () => list.classList.remove("lwi-drop"));
    list.addEventListener("drop", (e) => {
      e.preventDefault();
      list.classList.remove("lwi-drop");
      const key = e.dataTransfer.getData("text/plain");
      if (!(key in text)) return;
      if (list.dataset.list === "pool") return move(key, null);
      const order = model.get("value").filter((k) => k !== key);
      const over = e.target.closest && e.target.closest("li.lwi-order-item");
      let at = over ? order.indexOf(over.dataset.key) : order.length;
      if (over && at >= 0) {
        const box = over.getBoundingClientRect();
        if (e.clientY > box.top + box.height / 2) at += 1;
      } else at = order.length;
      move(key, at);
    });
  }

  el.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest("button.lwi-order-btn");
    if (!b || b.disabled) return;
    const key = b.dataset.key;
    const order = model.get("value");
    const at = order.indexOf(key);
    if (b.dataset.act === "add") move(key, order.length);
    else if (b.dataset.act === "remove") move(key, null);
    else if (b.dataset.act === "up") move(key, at - 1);
    else if (b.dataset.act === "down") move(key, at + 1);
  });
  el.addEventListener("keydown", (e) => {
    const b = e.target.closest && e.target.closest("button.lwi-order-btn");
    if (!b || !e.altKey || !["ArrowUp", "ArrowDown"].includes(e.key)) return;
    const order = model.get("value");
    const at = order.indexOf(b.dataset.key);
    if (at < 0) return;
    e.preventDefault();
    move(b.dataset.key, e.key === "ArrowUp" ? at - 1 : at + 1);
  });

  model.on("change:value", draw);
  draw();
  return () => model.off("change:value", draw);
}

export default { render };
