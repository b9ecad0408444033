// The console: sign-in, the domain picker and a hash router over the pages. Every page is a
// client of the admin API (/admin/v1); nothing here keeps the admin key.
import { api, resume, signIn, signOut } from "./api.js";
import { attempt, clear, form, h, hideAlert, showError } from "./ui.js";
import { dashboard } from "./pages/dashboard.js";
import { domains } from "./pages/domains.js";
import { users, userDetail } from "./pages/users.js";
import { keys } from "./pages/keys.js";
import { conversations, conversationDetail } from "./pages/conversations.js";
import { moderation } from "./pages/moderation.js";
import { sms } from "./pages/sms.js";
import { webhooks } from "./pages/webhooks.js";
import { audit } from "./pages/audit.js";

const main = document.getElementById("main");
let stopCurrent = null;
let signedIn = false;

const routes = [
  [/^#\/dashboard$/, () => ["dashboard", dashboard]],
  [/^#\/domains$/, () => ["domains", domains]],
  [/^#\/audit$/, () => ["audit", audit]],
  [/^#\/d\/([^/]+)\/users$/, (d) => ["users", (el) => users(el, d)]],
  [/^#\/d\/([^/]+)\/users\/([^/]+)$/, (d, u) => ["users", (el) => userDetail(el, d, u)]],
  [/^#\/d\/([^/]+)\/keys$/, (d) => ["keys", (el) => keys(el, d)]],
  [/^#\/d\/([^/]+)\/conversations$/, (d) => ["conversations", (el) => conversations(el, d)]],
  [/^#\/d\/([^/]+)\/conversations\/([^/]+)$/, (d, c) => ["conversations", (el) => conversationDetail(el, d, c)]],
  [/^#\/d\/([^/]+)\/moderation$/, (d) => ["moderation", (el) => moderation(el, d)]],
  [/^#\/d\/([^/]+)\/sms$/, (d) => ["sms", (el) => sms(el, d)]],
  [/^#\/d\/([^/]+)\/webhooks$/, (d) => ["webhooks", (el) => webhooks(el, d)]],
];

/** The domain the pages work on: the one in the address, else the picker's. */
export function currentDomain() {
  const match = location.hash.match(/^#\/d\/([^/]+)\//);
  return match ? decodeURIComponent(match[1]) : document.getElementById("domain-picker").value || "default";
}

async function route() {
  if (stopCurrent) {
    stopCurrent();
    stopCurrent = null;
  }
  hideAlert();
  if (!signedIn) return showSignIn();
  const hash = location.hash || "#/dashboard";
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      const [section, render] = page(...match.slice(1).map(decodeURIComponent));
      markSection(section);
      clear(main);
      stopCurrent = (await attempt(() => render(main))) || null;
      main.focus();
      return;
    }
  }
  location.hash = "#/dashboard";
}

function markSection(section) {
  const domain = encodeURIComponent(currentDomain());
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.dataset.domainLink) link.href = `#/d/${domain}/${link.dataset.domainLink}`;
    if (link.dataset.section === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const picker = document.getElementById("domain-picker");
  if (picker.value !== currentDomain() && [...picker.options].some((o) => o.value === currentDomain())) {
    picker.value = currentDomain();
  }
}

export async function loadDomains() {
  const picker = document.getElementById("domain-picker");
  const chosen = currentDomain();
  const page = await api.get("/admin/v1/domains", { limit: 100 });
  clear(picker, page.items.map((d) => h("option", { value: d.domain }, d.domain)));
  picker.value = page.items.some((d) => d.domain === chosen) ? chosen : "default";
}

function showSignIn() {
  document.getElementById("nav").hidden = true;
  document.getElementById("session").hidden = true;
  clear(main,
    h("div", { class: "sign-in" },
      h("h1", {}, "Sign in to the Switchboard console"),
      h("p", {}, "Use the server's admin key (data/admin.key, or SWITCHBOARD_ADMIN_KEY). It is sent once and exchanged for a session cookie; it is not kept in this browser."),
      form("Admin key", [["key", "Admin key", { type: "password", required: true, autocomplete: "current-password" }]],
        "Sign in", async ({ key }) => {
          await attempt(async () => {
            try {
              await signIn(key);
            } catch (e) {
              if (e.status === 401) {
                throw new Error("That admin key was not accepted. Check data/admin.key (or SWITCHBOARD_ADMIN_KEY) and try again.");
              }
              throw e;
            }
            await enter();
          });
        }, "sign-in")));
  document.getElementById("sign-in-key")?.focus();
}

async function enter() {
  signedIn = true;
  document.getElementById("nav").hidden = false;
  document.getElementById("session").hidden = false;
  await loadDomains();
  if (!location.hash || location.hash === "#/sign-in") location.hash = "#/dashboard";
  else await route();
}

window.addEventListener("hashchange", route);
window.addEventListener("signed-out", () => {
  if (signedIn) {
    signedIn = false;
    showError(new Error("Your session ended. Sign in again."));
    route();
  }
});

document.getElementById("domain-picker").addEventListener("change", (event) => {
  const section = document.querySelector("#nav a[aria-current=page]");
  const target = section && section.dataset.domainLink ? section.dataset.domainLink : "users";
  location.hash = `#/d/${encodeURIComponent(event.target.value)}/${target}`;
});

document.getElementById("sign-out").addEventListener("click", () =>
  attempt(async () => {
    await signOut();
    signedIn = false;
    location.hash = "#/sign-in";
    showSignIn();
  }));

attempt(async () => {
  if (await resume()) await enter();
  else showSignIn();
});
