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
 * a JSON body (`retry_after`/`retryAfter` in seconds, or `retry_after_ms`), else undefined.
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
  }
  return undefined;
}
