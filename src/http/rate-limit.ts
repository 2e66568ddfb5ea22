/**
 * A token bucket per destination: `rate` requests per second with bursts up to `burst`. A 429
 * halves the rate (down to a tenth of the configured one) and pauses everyone until the
 * Retry-After delay is over; each success then wins back a twentieth of the configured rate.
 *
 * @example
 * const bucket = new TokenBucket(10);
 * await bucket.take(); // resolves when a request may be sent
 */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private current: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly rate: number,
    readonly burst = Math.max(1, Math.min(rate, 10)),
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {
    if (!(rate > 0)) throw new Error(`rate limit must be positive, got ${rate}`);
    this.tokens = this.burst;
    this.current = rate;
  }

  /** The rate in force now (requests per second). */
  get currentRate(): number {
    return this.current;
  }

  /** Waits for a token. Callers are served in order. */
  take(): Promise<void> {
    const next = this.queue.then(() => this.takeOne());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A 429: slow down, and wait `retryAfterMs` (when the server said) before the next request. */
  throttled(retryAfterMs?: number): void {
    this.current = Math.max(this.rate / 10, this.current / 2);
    this.tokens = Math.min(this.tokens, 0);
    if (retryAfterMs) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
  }

  /** A success: recover towards the configured rate. */
  succeeded(): void {
    if (this.current < this.rate) this.current = Math.min(this.rate, this.current + this.rate / 20);
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.current);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.current) * 1000));
    }
  }
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
