// Webhooks of a domain: subscribe a URL (the signing secret is shown once), each endpoint's
// state (posts, errors, last error), pause, reactivate and delete. NetSapiens subscriptions,
// made through ns-api, are listed too.
import { api, seg } from "../api.js";
import { attempt, clear, confirmed, form, h, section, showNotice, table, when } from "../ui.js";

const FACES = ["native", "amity", "netsapiens"];

export async function webhooks(main, domain) {
  const base = `/admin/v1/domains/${seg(domain)}/webhooks`;
  const list = h("div");
  const secret = h("div", { "aria-live": "polite" });
  const load = async () => {
    const all = [];
    for (const face of FACES) {
      const result = await api.get(base, { face });
      all.push(...result.items);
    }
    clear(list, table(`Webhooks of ${domain}`, [
      ["Face", (w) => w.model ? `${w.face} (${w.model})` : w.face],
      ["URL", (w) => h("code", {}, w.url)],
      ["Events", (w) => w.events.length ? w.events.join(", ") : "all"],
      ["State", (w) => h("span", { class: `badge ${w.status === "active" ? "ok" : "bad"}` }, w.status)],
      ["Posts", (w) => w.postsCount],
      ["Errors", (w) => w.errorCount],
      ["Last error", (w) => w.lastError || "—"],
      ["Since", (w) => when(w.createdAt)],
      ["Actions", (w) => actions(w)],
    ], all, "This domain has no webhooks."));
  };
  const actions = (w) => h("span", {},
    h("button", { type: "button", class: "secondary",
      "aria-label": `${w.status === "active" ? "Pause" : "Reactivate"} webhook ${w.id}`,
      onclick: () => attempt(async () => {
        const status = w.status === "active" ? "suspended" : "active";
        await api.patch(`${base}/${seg(w.id)}?face=${w.face}`, { status });
        showNotice(status === "active" ? "The webhook receives events again." : "The webhook is paused.");
        await load();
      }) }, w.status === "active" ? "Pause" : "Reactivate"),
    " ",
    h("button", { type: "button", class: "danger", "aria-label": `Delete webhook ${w.id}`,
      onclick: () => attempt(async () => {
        if (!confirmed(`Delete the webhook to ${w.url}? Its pending events are dropped.`)) return;
        await api.del(`${base}/${seg(w.id)}?face=${w.face}`);
        showNotice("Webhook deleted.");
        await load();
      }) }, "Delete"));
  clear(main, h("h1", {}, `Webhooks · ${domain}`),
    form("Subscribe a URL", [
      ["url", "URL (https://…)", { required: true }],
      ["face", "Shape", { options: [["native", "Native"], ["amity", "Amity"]] }],
      ["events", "Events (comma-separated; empty: all)"],
    ], "Subscribe", (values, el) => attempt(async () => {
      const body = { url: values.url, face: values.face };
      if (values.events) body.events = values.events.split(",").map((e) => e.trim()).filter((e) => e);
      const created = await api.post(base, body);
      el.reset();
      clear(secret, h("div", { class: "card secret" },
        h("h3", {}, "Copy the signing secret now: it is shown only this once"),
        h("code", { id: "new-webhook-secret" }, created.secret),
        h("p", {}, "Posts carry webhook-id, webhook-timestamp and webhook-signature (docs/webhooks.md).")));
      await load();
    }), "create-webhook"),
    secret,
    section("Webhooks", list));
  await load();
}
