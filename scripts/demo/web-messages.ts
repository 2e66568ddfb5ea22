/**
 * The demo's web events (seeds/raw_web_events.csv) as the Segment calls a storefront would have
 * made: what the replay sends to `cdp collect`, and what the collected-events mode of the demo's
 * models reads back from the event tables.
 *
 * - page_view → `page` (no name); product_view → `page` named "Product";
 * - add_to_cart → `track` "Product Added", checkout → `track` "Checkout Started" (Segment's
 *   e-commerce spec names);
 * - login and signup → `identify` with the user id and `traits.email` when the form had one; a
 *   signup also sets `traits.createdAt` (Segment's reserved trait for when the account was made),
 *   which is how the models tell a signup from a login.
 *
 * The seed's `event_id` is the messageId (so a replay twice loads nothing twice) and its
 * `occurred_at` the `timestamp`: an explicit time is a historical import's, not corrected.
 */
import { CDP_VERSION } from "../../src/project/artifacts.ts";

export interface WebEventRow {
  event_id: string;
  anonymous_id: string;
  user_id: string;
  event_type: string;
  page_url: string;
  utm_source: string;
  utm_medium: string;
  occurred_at: string;
  email: string;
}

export type SegmentMessage = Record<string, unknown> & { type: string; messageId: string };

export const TRACK_NAMES: Record<string, string> = {
  add_to_cart: "Product Added",
  checkout: "Checkout Started",
};

function pageFacts(url: string): { url: string; path: string; search: string } {
  try {
    const u = new URL(url);
    return { url, path: u.pathname, search: u.search };
  } catch {
    return { url, path: "", search: "" };
  }
}

/** One seed row as one Segment message; throws on an event type the demo does not produce. */
export function webEventMessage(row: WebEventRow): SegmentMessage {
  const page = pageFacts(row.page_url);
  const context: Record<string, unknown> = {
    page,
    library: { name: "cdp-demo-replay", version: CDP_VERSION },
  };
  if (row.utm_source || row.utm_medium) {
    context.campaign = { source: row.utm_source || undefined, medium: row.utm_medium || undefined };
  }
  const common = {
    messageId: row.event_id,
    anonymousId: row.anonymous_id || null,
    userId: row.user_id || null,
    timestamp: row.occurred_at,
    context,
  };
  switch (row.event_type) {
    case "page_view":
      return { type: "page", ...common, name: null, properties: page };
    case "product_view":
      return { type: "page", ...common, name: "Product", properties: { ...page, name: "Product" } };
    case "add_to_cart":
    case "checkout":
      return { type: "track", ...common, event: TRACK_NAMES[row.event_type]!, properties: {} };
    case "login":
    case "signup": {
      const traits: Record<string, unknown> = {};
      if (row.email) traits.email = row.email;
      if (row.event_type === "signup") traits.createdAt = row.occurred_at;
      return { type: "identify", ...common, traits };
    }
    default:
      throw new Error(`event ${row.event_id}: unknown event_type "${row.event_type}"`);
  }
}
