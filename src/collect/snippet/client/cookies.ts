import { win } from "./dom.ts";

/** A year: Segment's own cookie lifetime; renewed on every page load, so an active visitor keeps theirs. */
const MAX_AGE_SECONDS = 365 * 24 * 3600;

export function readCookie(name: string): string | undefined {
  for (const part of win.document.cookie.split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq) === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * A first-party cookie: set by the page itself (so browsers that block third-party cookies keep
 * it), `SameSite=Lax` (sent on top-level navigations from other sites, never on their
 * sub-requests), `Secure` on https. `domain` shares it across sub-domains (`example.com` for
 * www. and shop.).
 */
export function writeCookie(name: string, value: string | undefined, domain: string | undefined): void {
  const parts = [
    `${name}=${value === undefined ? "" : encodeURIComponent(value)}`,
    `Max-Age=${value === undefined ? 0 : MAX_AGE_SECONDS}`,
    "Path=/",
    "SameSite=Lax",
  ];
  if (domain) parts.push(`Domain=${domain}`);
  if (win.location.protocol === "https:") parts.push("Secure");
  win.document.cookie = parts.join("; ");
}
