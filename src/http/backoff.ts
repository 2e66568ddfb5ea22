/**
 * Exponential backoff with jitter: attempt 1 waits about `baseMs`, each next one twice as long,
 * capped at `maxMs`; the wait is drawn between half and all of that ("equal jitter"), so clients
 * that failed together do not retry together.
 */
export function backoffMs(attempt: number, baseMs = 250, maxMs = 30_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The delay a server asked for: a `Retry-After` header (seconds or an HTTP date), else a hint in
 * a JSON body (`retry_after`/`retryAfter` in seconds, or `retry_after_ms`), else the `retryDelay`
 * of a Google API error (see `googleRetryDelayMs`), else undefined.
 */
export function retryAfterMs(header: unknown, body?: unknown, now = Date.now()): number | undefined {
  if (typeof header === "string" && header.trim() !== "") {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const ms = b.retry_after_ms ?? b.retryAfterMs;
    if (typeof ms === "number" && ms >= 0) return ms;
    const s = b.retry_after ?? b.retryAfter;
    if (typeof s === "number" && s >= 0) return s * 1000;
    return googleRetryDelayMs(body);
  }
  return undefined;
}

/** A protobuf Duration in its JSON form ("30s", "1.5s") in milliseconds, else undefined. */
export function protobufDurationMs(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Google APIs send no Retry-After: a failed call answers a `google.rpc.Status`
 * (`{"error": {"details": [...]}}`) whose wait is the `retryDelay` Duration of a
 * `google.rpc.RetryInfo` detail, or, in the Google Ads API, of a quota error inside a
 * `GoogleAdsFailure` detail (`errors[].details.quotaErrorDetails.retryDelay`). The longest
 * delay found is the one to wait.
 */
export function googleRetryDelayMs(body: unknown): number | undefined {
  const details = isObject(body) && isObject(body.error) ? body.error.details : undefined;
  if (!Array.isArray(details)) return undefined;
  const delays: number[] = [];
  const add = (v: unknown) => {
    const ms = protobufDurationMs(v);
    if (ms !== undefined) delays.push(ms);
  };
  for (const detail of details) {
    if (!isObject(detail)) continue;
    add(detail.retryDelay);
    for (const e of Array.isArray(detail.errors) ? detail.errors : []) {
      const quota = isObject(e) && isObject(e.details) ? e.details.quotaErrorDetails : undefined;
      if (isObject(quota)) add(quota.retryDelay);
    }
  }
  return delays.length ? Math.max(...delays) : undefined;
}
