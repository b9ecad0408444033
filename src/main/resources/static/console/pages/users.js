// Users of a domain: search, create; one user: disable/enable, reset password, scope, credits
// and the ledger, delete.
import { api, seg } from "../api.js";
import { attempt, clear, confirmed, form, h, pager, section, showNotice, table, when } from "../ui.js";

const SCOPES = [["Basic User", "Basic User"], ["Office Manager", "Office Manager"],
  ["Reseller", "Reseller"], ["Super User", "Super User"]];

export async function users(main, domain) {
  const base = `/admin/v1/domains/${seg(domain)}/users`;
  const list = h("div");
  let query = {};
  const load = async (page = 1) => {
    const result = await api.get(base, { ...query, page, limit: 20 });
    clear(list,
      table(`Users of ${domain}`, [
        ["User id", (u) => h("a", { href: `#/d/${seg(domain)}/users/${seg(u.userId)}` }, u.userId)],
        ["Display name", (u) => u.displayName || "—"],
        ["Scope", (u) => u.scope],
        ["State", (u) => u.disabled ? h("span", { class: "badge bad" }, "disabled") : h("span", { class: "badge ok" }, "active")],
        ["Created", (u) => when(u.createdAt)],
      ], result.items, "No user matches."),
      pager(result, (p) => attempt(() => load(p))));
  };
  clear(main, h("h1", {}, `Users · ${domain}`),
    h("div", { class: "columns" },
      form("Create a user", [
        ["userId", "User id", { required: true }],
        ["displayName", "Display name"],
        ["password", "Password (8 to 128 characters)", { type: "password", autocomplete: "new-password" }],
        ["scope", "Scope", { options: SCOPES }],
      ], "Create user", (values, el) => attempt(async () => {
        const created = await api.post(base, values);
        el.reset();
        showNotice(`User ${created.userId} created.`);
        await load();
      }), "create-user"),
      form("Search", [
        ["q", "User id or display name contains"],
        ["disabled", "State", { options: [["", "Any"], ["false", "Active"], ["true", "Disabled"]] }],
      ], "Search", (values) => {
        query = values;
        return attempt(() => load(1));
      }, "search-users")),
    section("Users", list));
  await load();
}

export async function userDetail(main, domain, userId) {
  const base = `/admin/v1/domains/${seg(domain)}/users/${seg(userId)}`;
  const render = async () => {
    const user = await api.get(base);
    const ledger = h("div");
    const loadLedger = async (page = 1) => {
      const result = await api.get(`${base}/ledger`, { page, limit: 10 });
      clear(ledger,
        h("p", {}, `Balance: `, h("strong", { id: "balance" }, String(result.balance)), " credits"),
        table("Ledger entries, newest first", [
          ["When", (e) => when(e.createdAt)],
          ["Kind", (e) => e.kind.replace("_", " ")],
          ["Amount", (e) => (e.amount > 0 ? "+" : "") + e.amount],
          ["Balance after", (e) => e.balanceAfter],
          ["Other account", (e) => e.counterparty],
          ["Reason", (e) => e.reason || "—"],
        ], result.items, "No ledger entries yet."),
        pager(result, (p) => attempt(() => loadLedger(p))));
    };
    const act = (label, action) => attempt(async () => {
      await action();
      showNotice(label);
      await render();
    });
    clear(main,
      h("p", {}, h("a", { href: `#/d/${seg(domain)}/users` }, `← Users of ${domain}`)),
      h("h1", {}, `${user.displayName || user.userId}`),
      section("Profile",
        h("dl", { class: "facts" },
          h("dt", {}, "User id"), h("dd", {}, user.userId),
          h("dt", {}, "Scope"), h("dd", {}, user.scope),
          h("dt", {}, "State"), h("dd", { id: "user-state" }, user.disabled ? `disabled since ${new Date(user.disabledAt).toLocaleString()}` : "active"),
          h("dt", {}, "Created"), h("dd", {}, when(user.createdAt))),
        h("div", { class: "actions" },
          user.disabled
            ? h("button", { type: "button", id: "enable-user", onclick: () => act("User enabled.", () => api.post(`${base}/enable`)) }, "Enable")
            : h("button", { type: "button", id: "disable-user", class: "danger",
              onclick: () => confirmed(`Disable ${userId}? Every token, session and API key acting as this user stops working now.`)
                && act("User disabled: every credential acting as this user was revoked.", () => api.post(`${base}/disable`)) }, "Disable"),
          h("button", { type: "button", class: "danger", id: "delete-user",
            onclick: () => confirmed(`Delete ${userId}? The content of every message this user sent is erased, credits return to the domain, and the id stays taken. This cannot be undone.`)
              && attempt(async () => {
                await api.del(base);
                showNotice(`User ${userId} deleted.`);
                location.hash = `#/d/${seg(domain)}/users`;
              }) }, "Delete"))),
      h("div", { class: "columns" },
        form("Change profile", [
          ["displayName", "Display name", { value: user.displayName || "" }],
          ["scope", "Scope", { options: SCOPES, value: user.scope }],
        ], "Save profile", (values) => act("Profile saved.", () => api.patch(base, values)), "profile"),
        form("Reset password", [
          ["password", "New password (8 to 128 characters)", { type: "password", required: true, autocomplete: "new-password" }],
        ], "Reset password", (values, el) => act("Password reset; the user's tokens were revoked.", async () => {
          await api.patch(base, values);
          el.reset();
        }), "password"),
        form("Credits", [
          ["amount", "Amount (negative to remove)", { type: "number", required: true }],
          ["reason", "Reason", { required: true }],
        ], "Post to the ledger", (values, el) => act("Credits posted to the ledger.", async () => {
          await api.post(`${base}/credit-adjustments`, { amount: Number(values.amount), reason: values.reason });
          el.reset();
        }), "credits")),
      section("Credits and ledger", ledger));
    await loadLedger();
  };
  await render();
}
