// SMS of a domain: its numbers, and the outbox by status with attempts and last error; a failed
// entry can be retried, a queued one cancelled.
import { api, seg } from "../api.js";
import { attempt, clear, confirmed, form, h, pager, section, showNotice, table, when } from "../ui.js";

export async function sms(main, domain) {
  const base = `/admin/v1/domains/${seg(domain)}/sms`;
  const numbers = h("div");
  const outbox = h("div");
  let status = "";
  const loadNumbers = async () => {
    const result = await api.get(`${base}/numbers`);
    clear(numbers, table("Numbers", [
      ["Number", (n) => n.number],
      ["User", (n) => n.userId || "unassigned"],
      ["Since", (n) => when(n.createdAt)],
    ], result.items, "This domain has no SMS numbers."));
  };
  const loadOutbox = async (page = 1) => {
    const result = await api.get(`${base}/outbox`, { status, page, limit: 20 });
    clear(outbox,
      table("Outbox", [
        ["Created", (e) => when(e.createdAt)],
        ["From → to", (e) => `${e.from} → ${e.to}`],
        ["Status", (e) => h("span", { class: `badge ${e.status === "failed" ? "bad" : "ok"}` }, e.status)],
        ["Attempts", (e) => e.attempts],
        ["Last error", (e) => e.lastError || "—"],
        ["Actions", (e) => actions(e, result.page)],
      ], result.items, "No SMS in this state."),
      pager(result, (p) => attempt(() => loadOutbox(p))));
  };
  const actions = (entry, page) => {
    if (entry.status === "failed") {
      return h("button", { type: "button", "aria-label": `Retry SMS ${entry.id}`,
        onclick: () => attempt(async () => {
          await api.post(`${base}/outbox/${seg(entry.id)}/retry`);
          showNotice("The SMS is queued again.");
          await loadOutbox(page);
        }) }, "Retry");
    }
    if (entry.status === "queued") {
      return h("button", { type: "button", class: "danger", "aria-label": `Cancel SMS ${entry.id}`,
        onclick: () => attempt(async () => {
          if (!confirmed("Cancel this SMS? It will not be sent.")) return;
          await api.post(`${base}/outbox/${seg(entry.id)}/cancel`);
          showNotice("The SMS was cancelled.");
          await loadOutbox(page);
        }) }, "Cancel");
    }
    return "—";
  };
  clear(main, h("h1", {}, `SMS · ${domain}`),
    section("Numbers", numbers),
    form("Outbox filter", [["status", "Status", { options: [["", "Any"], ["queued", "Queued"],
      ["sending", "Sending"], ["sent", "Sent"], ["delivered", "Delivered"], ["failed", "Failed"]] }]],
    "Show", (values) => {
      status = values.status || "";
      return attempt(() => loadOutbox(1));
    }, "outbox-filter"),
    section("Outbox", outbox));
  await loadNumbers();
  await loadOutbox();
}
