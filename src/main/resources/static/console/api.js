// The admin API as the console calls it: the session cookie authenticates, the CSRF token
// (kept in memory only) goes with every change, and failures become sentences.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const WORDS = {
  400: "The request was not accepted",
  401: "You are not signed in (or the session ended)",
  402: "Not enough credits",
  403: "That is not allowed",
  404: "Not found",
  405: "That operation is not available here",
  409: "That conflicts with what exists",
  413: "That is too large",
  429: "Too many attempts; wait a moment",
  503: "A service Switchboard needs is unavailable",
};

/** A sentence for a failed answer: what went wrong in general, then the server's own words. */
export function describe(status, body) {
  const general = WORDS[status] || (status >= 500 ? "The server failed" : "The request failed");
  const detail = body && typeof body.message === "string" ? body.message : "";
  return detail && status < 500 ? `${general}: ${detail}.` : `${general}.`;
}

async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, "network", "The server cannot be reached. Check the connection and try again.");
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    parsed = null;
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent("signed-out"));
    throw new ApiError(response.status, parsed && parsed.error, describe(response.status, parsed));
  }
  return parsed;
}

export const api = {
  get: (path, query) => call("GET", withQuery(path, query)),
  post: (path, body) => call("POST", path, body === undefined ? {} : body),
  patch: (path, body) => call("PATCH", path, body),
  del: (path) => call("DELETE", path),
};

export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Encodes one path segment. */
export const seg = (value) => encodeURIComponent(value);

export async function signIn(key) {
  const session = await call("POST", "/console/session", { key });
  csrfToken = session.csrfToken;
  return session;
}

/** The current session after a reload (the cookie survives; the token is fetched again). */
export async function resume() {
  try {
    const session = await call("GET", "/console/session");
    csrfToken = session.csrfToken;
    return session;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function signOut() {
  try {
    await call("DELETE", "/console/session");
  } finally {
    csrfToken = null;
  }
}
