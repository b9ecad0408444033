// API keys of a domain: create (the key is shown once), list with last use, revoke.
import { api, seg } from "../api.js";
import { attempt, clear, confirmed, form, h, pager, section, showNotice, table, when } from "../ui.js";

export async function keys(main, domain) {
  const base = `/admin/v1/domains/${seg(domain)}/api-keys`;
  const list = h("div");
  const secret = h("div", { "aria-live": "polite" });
  const load = async (page = 1) => {
    const result = await api.get(base, { page, limit: 20 });
    clear(list,
      table(`API keys of ${domain}`, [
        ["Key id", (k) => h("code", {}, k.keyId)],
        ["Description", (k) => k.description || "—"],
        ["Scope", (k) => k.scope],
        ["Created", (k) => when(k.createdAt)],
        ["Last used", (k) => k.lastUsedAt ? when(k.lastUsedAt) : "never"],
        ["State", (k) => k.revokedAt ? h("span", { class: "badge bad" }, "revoked") : h("span", { class: "badge ok" }, "active")],
        ["Actions", (k) => k.revokedAt ? "—" : h("button", { type: "button", class: "danger",
          "aria-label": `Revoke key ${k.keyId}`,
          onclick: () => attempt(async () => {
            if (!confirmed(`Revoke the key ${k.keyId}? Requests with it are refused from now on.`)) return;
            await api.del(`${base}/${seg(k.keyId)}`);
            showNotice(`Key ${k.keyId} revoked.`);
            await load(result.page);
          }) }, "Revoke")],
      ], result.items, "This domain has no API keys."),
      pager(result, (p) => attempt(() => load(p))));
  };
  clear(main, h("h1", {}, `API keys · ${domain}`),
    form("Create an API key", [
      ["description", "What it is for"],
      ["scope", "Scope", { options: [["Basic User", "Basic User"], ["Office Manager", "Office Manager"],
        ["Reseller", "Reseller"], ["Super User", "Super User"]] }],
    ], "Create key", (values, el) => attempt(async () => {
      const created = await api.post(base, values);
      el.reset();
      clear(secret, h("div", { class: "card secret" },
        h("h3", {}, "Copy the key now: it is shown only this once"),
        h("code", { id: "new-key" }, created.key),
        h("p", {}, `Key id ${created.keyId}.`)));
      await load();
    }), "create-key"),
    secret,
    section("Keys", list));
  await load();
}
