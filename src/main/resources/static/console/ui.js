// Small DOM helpers: elements built without HTML strings (so nothing a user typed is ever
// parsed as markup), tables that become cards on a phone, pagers, forms and the alert line.

/** h("button", {type: "button", onclick: f}, "Save") */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const alertBox = () => document.getElementById("alert");

export function showError(error) {
  const box = alertBox();
  box.className = "alert error";
  box.textContent = error && error.message ? error.message : String(error);
  box.hidden = false;
}

export function showNotice(text) {
  const box = alertBox();
  box.className = "alert notice";
  box.textContent = text;
  box.hidden = false;
}

export function hideAlert() {
  alertBox().hidden = true;
}

/** Runs an action, reporting its failure in words; returns its result or undefined. */
export async function attempt(action) {
  try {
    hideAlert();
    return await action();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

/** A table of rows; each column is [heading, row => cell]. Cells carry their heading for phones. */
export function table(caption, columns, rows, empty) {
  if (!rows.length) return h("p", { class: "empty" }, empty || "Nothing here yet.");
  return h("div", { class: "table-wrap" },
    h("table", {},
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, columns.map(([title]) => h("th", { scope: "col" }, title)))),
      h("tbody", {}, rows.map((row) =>
        h("tr", {}, columns.map(([title, cell]) => h("td", { "data-label": title }, cell(row))))))));
}

/** Previous/next buttons for a page {page, limit, total}. */
export function pager(result, go) {
  const pages = Math.max(1, Math.ceil(result.total / result.limit));
  return h("nav", { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", class: "secondary", disabled: result.page <= 1,
      onclick: () => go(result.page - 1) }, "Previous"),
    h("span", {}, `Page ${result.page} of ${pages} (${result.total} in all)`),
    h("button", { type: "button", class: "secondary", disabled: result.page >= pages,
      onclick: () => go(result.page + 1) }, "Next"));
}

/**
 * A labelled form: fields are [name, label, {type, required, options, value, placeholder}];
 * onSubmit receives the values by name (empty strings left out).
 */
export function form(title, fields, submitLabel, onSubmit, id) {
  const inputs = {};
  const body = fields.map(([name, label, options = {}]) => {
    const inputId = `${id || title.replace(/\W+/g, "-").toLowerCase()}-${name}`;
    let input;
    if (options.options) {
      input = h("select", { id: inputId, name },
        options.options.map(([value, text]) => h("option", { value }, text)));
      if (options.value !== undefined) input.value = options.value;
    } else {
      input = h("input", { id: inputId, name, type: options.type || "text", required: options.required,
        placeholder: options.placeholder, value: options.value, autocomplete: options.autocomplete || "off" });
    }
    inputs[name] = input;
    return h("div", { class: "field" }, h("label", { for: inputId }, label), input);
  });
  const el = h("form", { class: "card", id,
    onsubmit: async (event) => {
      event.preventDefault();
      const values = {};
      for (const [name, input] of Object.entries(inputs)) {
        if (input.value !== "") values[name] = input.value;
      }
      const button = el.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        await onSubmit(values, el);
      } finally {
        button.disabled = false;
      }
    } },
    h("h3", {}, title), body, h("button", { type: "submit" }, submitLabel));
  return el;
}

export function when(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return h("time", { datetime: iso }, date.toLocaleString());
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), children);
}

/** Asks before a destructive action. */
export function confirmed(question) {
  return window.confirm(question);
}
