// Health, activity and a small live chart of messages per minute (polled every 5 s).
import { api } from "../api.js";
import { clear, h, section, showError } from "../ui.js";

const POLL_MS = 5000;
const POINTS = 60;

export async function dashboard(main) {
  const tiles = h("div", { class: "tiles" });
  const chart = h("div", { class: "chart" });
  clear(main, h("h1", {}, "Dashboard"), tiles,
    section("Messages per minute (every domain, updated every 5 seconds)", chart));
  const samples = [];
  let stopped = false;
  const refresh = async () => {
    try {
      const status = await api.get("/admin/v1/status");
      samples.push(status.messagesLastMinute);
      if (samples.length > POINTS) samples.shift();
      clear(tiles,
        tile("Database", status.database.status, status.database.status === "UP"),
        tile(`Bus (${status.bus.kind})`, status.bus.status, status.bus.status === "UP"),
        tile(`SMS carrier${status.carrier.kind ? ` (${status.carrier.kind})` : ""}`,
          status.carrier.status === "CONFIGURED" ? "configured" : "none configured"),
        tile("Messages, last minute", status.messagesLastMinute),
        tile("Open connections (this node)", status.connections),
        tile("SMS outbox", `${status.outbox.queued} queued, ${status.outbox.sending} sending, ${status.outbox.failed} failed`,
          status.outbox.failed === 0),
        tile("Version", status.version));
      clear(chart, sparkline(samples));
    } catch (e) {
      showError(e);
    }
  };
  await refresh();
  const timer = setInterval(() => { if (!stopped) refresh(); }, POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function tile(label, value, healthy) {
  const state = healthy === undefined ? "" : healthy ? " ok" : " bad";
  return h("div", { class: `tile${state}` }, h("span", { class: "label" }, label),
    h("strong", { class: "value" }, String(value)));
}

/** An SVG line of the samples, scaled to the largest, with a text summary for screen readers. */
function sparkline(samples) {
  const width = 600;
  const height = 120;
  const max = Math.max(1, ...samples);
  const step = samples.length > 1 ? width / (POINTS - 1) : 0;
  const points = samples
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 4 - (v / max) * (height - 8)).toFixed(1)}`)
    .join(" ");
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label",
    `Messages per minute over the last ${samples.length} samples; now ${samples.at(-1) ?? 0}, highest ${max}`);
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", points);
  line.setAttribute("class", "line");
  svg.append(line);
  // The newest sample as a dot, so even the first one shows.
  const [x, y] = points.split(" ").at(-1).split(",");
  const dot = document.createElementNS(ns, "circle");
  dot.setAttribute("cx", x);
  dot.setAttribute("cy", y);
  dot.setAttribute("r", "5");
  dot.setAttribute("class", "dot");
  svg.append(dot);
  return h("figure", {}, svg,
    h("figcaption", {}, `Now ${samples.at(-1) ?? 0} per minute · highest shown ${max}`));
}
