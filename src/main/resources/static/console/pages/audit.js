// The audit log: every operator action, newest first, filtered by domain, action and text.
import { api } from "../api.js";
import { attempt, clear, form, h, section, table, when } from "../ui.js";

export async function audit(main) {
  const list = h("div");
  let query = {};
  // The cursors of the newer pages, so "Newer" can go back one page at a time.
  let trail = [];
  let current;
  const load = async (before) => {
    const result = await api.get("/admin/v1/audit", { ...query, before, limit: 50 });
    current = before;
    clear(list,
      table("Audit log", [
        ["When", (e) => when(e.at)],
        ["Who", (e) => e.actor],
        ["Action", (e) => h("code", {}, e.action)],
        ["Domain", (e) => e.domain || "—"],
        ["Target", (e) => e.target || "—"],
        ["Details", (e) => e.details || "—"],
        ["From", (e) => e.clientAddress || "—"],
      ], result.items, "No entries match."),
      h("nav", { class: "pager", "aria-label": "Pages" },
        h("button", { type: "button", class: "secondary", disabled: !trail.length,
          onclick: () => attempt(() => load(trail.pop())) }, "Newer"),
        h("button", { type: "button", class: "secondary", disabled: !result.nextBefore,
          onclick: () => attempt(() => {
            trail.push(current);
            return load(result.nextBefore);
          }) }, "Older")));
  };
  clear(main, h("h1", {}, "Audit log"),
    form("Filter", [
      ["domain", "Domain"],
      ["action", "Action starts with (e.g. user.)"],
      ["q", "Target or details contain"],
    ], "Filter", (values) => {
      query = values;
      return attempt(() => load());
    }, "filter-audit"),
    section("Entries", list));
  await load();
}
