/**
 * HubSpot's rate limit headers ("API usage guidelines"), as far as a response carries them:
 * `X-HubSpot-RateLimit-Daily` and `-Daily-Remaining` (private apps; OAuth apps have no daily
 * limit and get neither), `-Interval-Milliseconds`, `-Max` and `-Remaining` for the rolling
 * (ten-secondly) window. Names arrive lower-cased from the HTTP client.
 *
 * @example
 * rateLimitHeaders({ "x-hubspot-ratelimit-daily": "250000", "x-hubspot-ratelimit-daily-remaining": "0" })
 * // { daily: 250000, dailyRemaining: 0 }
 */
export interface RateLimitHeaders {
  /** Requests the portal may send per day. */
  daily?: number;
  dailyRemaining?: number;
  /** The rolling window's length, in milliseconds (10,000). */
  intervalMs?: number;
  /** Requests allowed per window. */
  max?: number;
  /** Requests left in the current window. */
  remaining?: number;
}

function count(headers: Record<string, unknown> | undefined, name: string): number | undefined {
  const raw = headers?.[name];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function rateLimitHeaders(headers: Record<string, unknown> | undefined): RateLimitHeaders {
  const out: RateLimitHeaders = {};
  const read = {
    daily: "x-hubspot-ratelimit-daily",
    dailyRemaining: "x-hubspot-ratelimit-daily-remaining",
    intervalMs: "x-hubspot-ratelimit-interval-milliseconds",
    max: "x-hubspot-ratelimit-max",
    remaining: "x-hubspot-ratelimit-remaining",
  } as const;
  for (const [key, name] of Object.entries(read) as [keyof RateLimitHeaders, string][]) {
    const n = count(headers, name);
    if (n !== undefined) out[key] = n;
  }
  return out;
}
