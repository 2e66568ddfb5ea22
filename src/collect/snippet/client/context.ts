import { win } from "./dom.ts";

declare const __CDP_VERSION__: string;

export type Json = Record<string, unknown>;

/** The page as analytics.js describes it: the URL without its fragment, path, query, title, referrer. */
export function pageFacts(): { path: string; referrer: string; search: string; title: string; url: string } {
  const { href, hash, pathname, search } = win.location;
  return {
    path: pathname,
    referrer: win.document.referrer,
    search,
    title: win.document.title,
    url: hash ? href.slice(0, href.length - hash.length) : href,
  };
}

/** `utm_source=x&utm_medium=y` → `{ source: "x", medium: "y" }` (Segment's `context.campaign`). */
export function campaign(search: string): Json | undefined {
  const out: Json = {};
  let found = false;
  for (const [key, value] of new URLSearchParams(search)) {
    if (!key.startsWith("utm_") || !value) continue;
    // utm_campaign is the campaign's name in Segment's spec.
    const field = key === "utm_campaign" ? "name" : key.slice(4);
    out[field] = value;
    found = true;
  }
  return found ? out : undefined;
}

/** The `context` every message carries: page, user agent, locale, library, campaign. */
export function eventContext(): Json {
  const page = pageFacts();
  const context: Json = {
    page,
    userAgent: win.navigator.userAgent,
    library: { name: "cdp.js", version: __CDP_VERSION__ },
  };
  if (win.navigator.language) context.locale = win.navigator.language;
  const utm = campaign(page.search);
  if (utm) context.campaign = utm;
  return context;
}
