// Conversations of a domain: search; one conversation: members, messages (each read audited)
// and its changes live, as server-sent events from the change log.
import { api, seg } from "../api.js";
import { attempt, clear, form, h, pager, section, showNotice, table, when } from "../ui.js";

export async function conversations(main, domain) {
  const base = `/admin/v1/domains/${seg(domain)}/conversations`;
  const list = h("div");
  let query = {};
  const load = async (page = 1) => {
    const result = await api.get(base, { ...query, page, limit: 20 });
    clear(list,
      table(`Conversations of ${domain}`, [
        ["Conversation", (c) => h("a", { href: `#/d/${seg(domain)}/conversations/${seg(c.conversationId)}` },
          c.title || c.members.map((m) => m.userId).join(", ") || c.conversationId)],
        ["Kind", (c) => c.kind],
        ["Members", (c) => c.members.length],
        ["Messages", (c) => c.messages],
        ["Last activity", (c) => when(c.lastActivityAt)],
      ], result.items, "No conversation matches."),
      pager(result, (p) => attempt(() => load(p))));
  };
  clear(main, h("h1", {}, `Conversations · ${domain}`),
    form("Search", [
      ["member", "Member (user id)"],
      ["kind", "Kind", { options: [["", "Any"], ["direct", "Direct"], ["group", "Group"],
        ["community", "Community"], ["live", "Live"], ["broadcast", "Broadcast"]] }],
      ["q", "Id or title contains"],
    ], "Search", (values) => {
      query = values;
      return attempt(() => load(1));
    }, "search-conversations"),
    section("Conversations", list));
  await load();
}

export async function conversationDetail(main, domain, conversationId) {
  const base = `/admin/v1/domains/${seg(domain)}/conversations/${seg(conversationId)}`;
  const conversation = await api.get(base);
  const messages = h("ol", { class: "messages", id: "messages", reversed: true });
  const live = h("ol", { class: "messages live", id: "live", "aria-live": "polite" });
  const state = h("p", { class: "stream-state", id: "stream-state" }, "Connecting to live changes…");
  let before = null;
  const more = h("button", { type: "button", class: "secondary", id: "older",
    onclick: () => attempt(() => loadMessages()) }, "Older messages");
  const loadMessages = async () => {
    const page = await api.get(`${base}/messages`, { before, limit: 25 });
    page.items.forEach((m) => messages.append(messageItem(m)));
    before = page.nextBefore;
    more.hidden = before === null;
  };
  clear(main,
    h("p", {}, h("a", { href: `#/d/${seg(domain)}/conversations` }, `← Conversations of ${domain}`)),
    h("h1", {}, conversation.title || `Conversation ${conversation.conversationId}`),
    section("About",
      h("dl", { class: "facts" },
        h("dt", {}, "Id"), h("dd", {}, h("code", {}, conversation.conversationId)),
        h("dt", {}, "Kind"), h("dd", {}, conversation.kind),
        h("dt", {}, "Messages"), h("dd", {}, String(conversation.messages)),
        h("dt", {}, "Members"), h("dd", {}, conversation.members.map((m) =>
          h("a", { class: "chip", href: `#/d/${seg(domain)}/users/${seg(m.userId)}` }, m.userId))))),
    h("div", { class: "columns" },
      section("Live changes", state, live),
      form("Ban a user from this conversation", [["userId", "User id", { required: true }]], "Ban",
        (values, el) => attempt(async () => {
          await api.post(`${base}/bans`, values);
          el.reset();
          showNotice(`${values.userId} is banned from this conversation.`);
        }), "ban")),
    section("Messages, newest first (this read is written to the audit log)", messages, more));
  await loadMessages();
  const source = new EventSource(`${base}/changes/stream`);
  source.addEventListener("open", () => { state.textContent = "Live: new changes appear below as they happen."; });
  source.addEventListener("error", () => { state.textContent = "Live changes interrupted; reconnecting…"; });
  source.addEventListener("change", (event) => {
    const change = JSON.parse(event.data);
    live.prepend(changeItem(change));
  });
  return () => source.close();
}

function messageItem(m) {
  return h("li", { class: m.deleted ? "message deleted" : "message", "data-message-id": m.messageId },
    h("span", { class: "meta" }, `#${m.seq} · ${m.senderId} · `, when(m.createdAt),
      m.flagCount ? h("span", { class: "badge bad" }, `${m.flagCount} flags`) : null),
    h("span", { class: "content" }, m.deleted ? "(deleted)" : m.content ?? `(${m.type})`));
}

function changeItem(change) {
  const message = change.data && change.data.message;
  const text = message
    ? `${message.senderId}: ${message.content ?? `(${message.type || "no content"})`}`
    : JSON.stringify(change.data);
  return h("li", { class: "message change" },
    h("span", { class: "meta" }, `${change.event} · change ${change.changeSeq} · `, when(change.at)),
    h("span", { class: "content" }, text));
}
