// Domains: search, create, describe, delete.
import { api, seg } from "../api.js";
import { attempt, clear, confirmed, form, h, pager, section, showNotice, table, when } from "../ui.js";
import { loadDomains } from "../console.js";

export async function domains(main) {
  const list = h("div");
  let query = "";
  const load = async (page = 1) => {
    const result = await api.get("/admin/v1/domains", { q: query, page, limit: 20 });
    clear(list,
      table("Domains", [
        ["Name", (d) => h("a", { href: `#/d/${seg(d.domain)}/users` }, d.domain)],
        ["Description", (d) => d.description || "—"],
        ["Created", (d) => when(d.createdAt)],
        ["Actions", (d) => d.domain === "default" ? "—" : h("button", {
          type: "button", class: "danger",
          "aria-label": `Delete domain ${d.domain}`,
          onclick: () => remove(d.domain) }, "Delete")],
      ], result.items, "No domain matches."),
      pager(result, (p) => attempt(() => load(p))));
  };
  const remove = (name) => attempt(async () => {
    if (!confirmed(`Delete the domain ${name}? Every user is erased and every credential revoked. This cannot be undone.`)) return;
    const result = await api.del(`/admin/v1/domains/${seg(name)}`);
    showNotice(`Domain ${name} deleted: ${result.usersErased} users erased, ${result.numbersReleased} numbers released.`);
    await loadDomains();
    await load();
  });
  clear(main, h("h1", {}, "Domains"),
    h("div", { class: "columns" },
      form("Create a domain", [
        ["domain", "Name (letters, digits, . _ -)", { required: true }],
        ["description", "Description"],
      ], "Create domain", (values, el) => attempt(async () => {
        const created = await api.post("/admin/v1/domains", values);
        el.reset();
        showNotice(`Domain ${created.domain} created.`);
        await loadDomains();
        await load();
      }), "create-domain"),
      form("Search", [["q", "Name or description contains"]], "Search", (values) => {
        query = values.q || "";
        return attempt(() => load(1));
      }, "search-domains")),
    section("All domains", list));
  await load();
}
