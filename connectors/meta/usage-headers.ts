/**
 * How long Meta says a throttled caller must wait. Marketing API calls (Custom Audience calls
 * among them) are counted by Business Use Case rate limits, reported in the
 * `X-Business-Use-Case-Usage` response header ("Rate Limits", Graph API overview): a JSON object
 * keyed by business object id (the ad account), each an array of
 * `{type, call_count, total_cputime, total_time, estimated_time_to_regain_access}`, where
 * `estimated_time_to_regain_access` is in minutes and `type` names the limit (`custom_audience`
 * for this connector's calls, `ads_management`, ...).
 */

/** The wait after a throttling error that names no time: Meta's limits are counted per hour. */
export const THROTTLE_WAIT_MS = 60_000;

/**
 * The longest wait a run sits through. Beyond it the run stops and the rows not sent stay planned:
 * a scheduled run that holds its lock for most of an hour helps nobody, the next one sends them.
 */
export const MAX_THROTTLE_WAIT_MS = 15 * 60_000;

interface UsageEntry {
  type?: unknown;
  estimated_time_to_regain_access?: unknown;
}

/**
 * The longest `estimated_time_to_regain_access` in the header, in milliseconds, preferring the
 * `custom_audience` entries when there are any; undefined when the header is absent, unreadable
 * or says 0 (Meta gives no estimate).
 *
 * @example
 * regainAccessMs({ "x-business-use-case-usage": '{"123":[{"type":"custom_audience","call_count":100,"estimated_time_to_regain_access":7}]}' })
 * // 420000
 */
export function regainAccessMs(headers: Record<string, unknown> | undefined): number | undefined {
  const raw = headers?.["x-business-use-case-usage"];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== "object") return undefined;
  const entries: UsageEntry[] = [];
  for (const list of Object.values(parsed as Record<string, unknown>)) {
    if (Array.isArray(list)) for (const e of list) if (e && typeof e === "object") entries.push(e);
  }
  const audience = entries.filter((e) => e.type === "custom_audience");
  let minutes = 0;
  for (const e of audience.length ? audience : entries) {
    const m = Number(e.estimated_time_to_regain_access);
    if (Number.isFinite(m) && m > minutes) minutes = m;
  }
  return minutes > 0 ? minutes * 60_000 : undefined;
}
