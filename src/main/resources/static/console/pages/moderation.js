// The moderation queue: flagged messages of a domain, most flags first, and deleting them.
import { api, seg } from "../api.js";
import { attempt, clear, confirmed, h, pager, section, showNotice, table, when } from "../ui.js";

export async function moderation(main, domain) {
  const list = h("div");
  const load = async (page = 1) => {
    const result = await api.get(`/admin/v1/domains/${seg(domain)}/moderation/flagged`, { page, limit: 20 });
    clear(list,
      table("Flagged messages", [
        ["Flags", (f) => h("strong", {}, String(f.flagCount))],
        ["Message", (f) => f.message.content ?? `(${f.message.type})`],
        ["Sender", (f) => h("a", { href: `#/d/${seg(domain)}/users/${seg(f.message.senderId)}` }, f.message.senderId)],
        ["Flagged by", (f) => f.flaggedBy.join(", ")],
        ["Conversation", (f) => h("a", { href: `#/d/${seg(domain)}/conversations/${seg(f.message.conversationId)}` }, "open")],
        ["Sent", (f) => when(f.message.createdAt)],
        ["Actions", (f) => h("button", { type: "button", class: "danger",
          "aria-label": `Delete message ${f.message.messageId}`,
          onclick: () => attempt(async () => {
            if (!confirmed("Delete this message? Its content is removed for everyone.")) return;
            await api.del(`/admin/v1/domains/${seg(domain)}/messages/${seg(f.message.messageId)}`);
            showNotice("Message deleted.");
            await load(result.page);
          }) }, "Delete")],
      ], result.items, "No flagged messages: the queue is empty."),
      pager(result, (p) => attempt(() => load(p))));
  };
  clear(main, h("h1", {}, `Moderation · ${domain}`),
    h("p", {}, "To ban a user from the whole domain, disable the user on the user's page."),
    section("Queue", list));
  await load();
}
