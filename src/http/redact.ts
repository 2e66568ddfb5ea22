import type { Redactor } from "../redactor.ts";

/** Headers whose values are credentials. */
const SECRET_HEADERS =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-cdp-signature)$/i;

/** Header values safe to log: credentials replaced by `***`. */
export function redactHeaders(headers: Record<string, unknown>, redactor?: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const text = String(value);
    out[name] = SECRET_HEADERS.test(name) ? "***" : (redactor?.redact(text) ?? text);
  }
  return out;
}

/**
 * A URL safe to log: registered secrets redacted first (a secret URL with a query must not
 * survive because the query was rewritten before the redactor saw it), then user info dropped,
 * query values replaced by `***` (tokens often travel there).
 */
export function redactUrl(url: string, redactor?: Redactor): string {
  const known = redactor ? redactor.redact(url) : url;
  let text: string;
  try {
    const u = new URL(known);
    u.username = "";
    u.password = "";
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, "***");
    text = u.toString().replace(/%2A%2A%2A/g, "***");
  } catch {
    text = known.replace(/\?.*$/, "?***");
  }
  return redactor ? redactor.redact(text) : text;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Looks like a generated token: 20 characters or more, or 8 or more with a digit. */
function tokenLike(text: string): boolean {
  return text.length >= 20 || (text.length >= 8 && /\d/.test(text));
}

/**
 * The credentials inside a URL that is itself a secret (a webhook's): the whole URL, its user
 * info, and the query values and path segments that look like tokens (`T0123ABCD`, `xoxb...`,
 * not `webhooks`, `v1` or `json`), plus any query value named like a credential. APIs echo a
 * path or a token alone in their error messages, where the whole URL would not match.
 */
export function urlSecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [url];
  }
  const out = [url, u.toString()];
  if (u.username) out.push(u.username, decoded(u.username));
  if (u.password) out.push(u.password, decoded(u.password));
  for (const part of u.search.slice(1).split("&")) {
    const [name = "", raw = ""] = part.split(/=(.*)/s);
    if (tokenLike(decoded(raw)) || /key|token|secret|sig|auth|pass|code/i.test(decoded(name)))
      out.push(raw, decoded(raw.replace(/\+/g, " ")));
  }
  for (const segment of u.pathname.split("/"))
    if (tokenLike(decoded(segment))) out.push(segment, decoded(segment));
  return [...new Set(out)];
}

/**
 * The credentials in headers: each secret header's value, and the token after its scheme
 * (`Bearer <token>`; for `Basic`, the decoded `user:password` and the password), since an API
 * may echo the token without its scheme.
 */
export function headerSecrets(headers: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!SECRET_HEADERS.test(name) || typeof value !== "string") continue;
    out.push(value);
    const scheme = /^(\S+)\s+(\S.*)$/.exec(value.trim());
    if (!scheme) continue;
    out.push(scheme[2]!);
    if (scheme[1]!.toLowerCase() === "basic") {
      const pair = Buffer.from(scheme[2]!, "base64").toString("utf8");
      if (pair.includes(":")) out.push(pair, pair.slice(pair.indexOf(":") + 1));
    }
  }
  return out;
}
