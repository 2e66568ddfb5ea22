import type { Redactor } from "../config/secrets.ts";

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
 * A URL safe to log: user info dropped, query values replaced by `***` (tokens often travel
 * there), and any registered secret (e.g. a token in the path) redacted.
 */
export function redactUrl(url: string, redactor?: Redactor): string {
  let text: string;
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, "***");
    text = u.toString().replace(/%2A%2A%2A/g, "***");
  } catch {
    text = url.replace(/\?.*$/, "?***");
  }
  return redactor ? redactor.redact(text) : text;
}
