/**
 * Below the documented rate by this share: a request the event loop or the network delays by a
 * few milliseconds must not land in the same second as the request one full second of requests
 * later. At 97.5% the requests `rate` apart span 1.026 s, room for ~25 ms of such delay.
 */
const PACE = 0.975;
/**
 * How early a request may go (ms) to make up for a timer that fired late, so the pace holds on a
 * busy event loop. It must stay well under the ~25 ms that PACE leaves.
 */
const TOLERANCE_MS = 10;

/**
 * The pace of requests to one destination: `rate` requests per second, spread evenly (a token
 * bucket kept as a schedule, GCRA), no faster than that in any second, with no burst after an
 * idle moment unless `burst` allows one: APIs that count requests per sliding second answer 429
 * to the burst a plain token bucket lets through, and each 429 costs a Retry-After pause.
 *
 * A 429 halves the rate (down to a tenth of the configured one) and pauses everyone until the
 * Retry-After delay is over; each success then wins back a twentieth of the configured rate.
 *
 * @example
 * const bucket = new TokenBucket(10);
 * await bucket.take(); // resolves when a request may be sent
 */
export class TokenBucket {
  private current: number;
  /** When the next request is due to keep the pace (ms on `now`'s clock). */
  private due: number;
  private pausedUntil = 0;
  /** Bumped by each 429, so a request that was waiting meanwhile waits behind the new pause. */
  private throttles = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly rate: number,
    /** Requests that may go back to back after an idle moment (1: none). */
    readonly burst = 1,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(rate > 0)) throw new Error(`rate limit must be positive, got ${rate}`);
    this.current = rate;
    this.due = now();
  }

  /** The rate in force now (requests per second). */
  get currentRate(): number {
    return this.current;
  }

  /** Waits for the request's turn. Callers are served in order. */
  take(): Promise<void> {
    const next = this.queue.then(() => this.takeOne());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A 429: slow down, and wait `retryAfterMs` (when the server said) before the next request. */
  throttled(retryAfterMs?: number): void {
    const now = this.now();
    this.current = Math.max(this.rate / 10, this.current / 2);
    if (retryAfterMs) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    this.due = Math.max(now, this.pausedUntil);
    this.throttles++;
  }

  /** A success: recover towards the configured rate. */
  succeeded(): void {
    if (this.current < this.rate) this.current = Math.min(this.rate, this.current + this.rate / 20);
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      const throttles = this.throttles;
      const interval = 1000 / (this.current * PACE);
      const early = Math.max(TOLERANCE_MS, (this.burst - 1) * interval);
      const now = this.now();
      const at = Math.max(now, this.pausedUntil, this.due - early);
      if (at > now) await this.sleep(Math.ceil(at - now));
      if (throttles !== this.throttles) continue;
      // Kept on schedule when it went up to `early` ms before its time; a request later than its
      // time starts the schedule afresh (no catching up in a burst).
      this.due = Math.max(this.due, this.now()) + interval;
      return;
    }
  }
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
