import type { Json } from "./context.ts";
import { warn, win } from "./dom.ts";

export interface DispatchSettings {
  writeKey: string;
  /** The collector's origin, e.g. `https://collect.example.com`. */
  host: string;
  /** Send as soon as this many events wait... */
  flushAt: number;
  /** ...or this long after the first one was queued. */
  flushInterval: number;
  /** Give a batch up after this many failed attempts. */
  maxAttempts: number;
  /** Exponential backoff: the first retry waits about `backoffMin`, then twice as long each time, up to `backoffMax`. */
  backoffMin: number;
  backoffMax: number;
}

// Segment's documented limits: 32 KB per event, 500 KB per batch (a larger one is refused whole).
const MAX_EVENT_BYTES = 32 * 1024;
const MAX_BATCH_BYTES = 480 * 1024;
// Browsers cap the bodies of beacons and keepalive requests of a page at 64 KiB in total.
const MAX_BEACON_BYTES = 60 * 1024;

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Batches messages to `POST /v1/batch`, one request at a time (so events arrive in order), retries
 * what can succeed later (network errors, 408, 429, 5xx) with exponential backoff and jitter,
 * honouring Retry-After, and beacons whatever still waits when the page goes away.
 */
export class Dispatcher {
  private settings: DispatchSettings | undefined;
  private queue: Json[] = [];
  /** The batch being sent, or waiting for its retry. */
  private current: Json[] | undefined;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retrying = false;
  private idle: (() => void)[] = [];

  configure(settings: DispatchSettings): void {
    this.settings = settings;
    this.schedule();
  }

  enqueue(message: Json): void {
    const size = bytes(JSON.stringify(message));
    if (size > MAX_EVENT_BYTES) {
      warn(`dropped a ${String(message.type)} event of ${size} bytes: the limit is ${MAX_EVENT_BYTES}`);
      return;
    }
    this.queue.push(message);
    this.schedule();
  }

  /**
   * Sends what waits now, without waiting for `flushInterval`; resolves once everything queued so
   * far was delivered or given up. A batch waiting for its retry keeps its backoff.
   */
  flush(): Promise<void> {
    if (!this.settings || (!this.current && this.queue.length === 0)) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.idle.push(resolve));
    if (!this.current) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.send();
    }
    return done;
  }

  /** The page is going away (or hidden, and may never come back): hand what waits to the browser. */
  beacon(): void {
    const settings = this.settings;
    if (!settings) return;
    // A batch in flight is left to its keepalive request; one waiting for a retry goes now.
    const pending = this.retrying ? [...this.current!, ...this.queue] : this.queue;
    if (this.retrying) {
      this.current = undefined;
      this.retrying = false;
      this.attempts = 0;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
    for (const chunk of this.chunks(pending, MAX_BEACON_BYTES)) {
      const body = this.body(chunk);
      const url = `${settings.host}/v1/batch`;
      const sent = win.navigator.sendBeacon?.(url, new Blob([body], { type: "text/plain" })) ?? false;
      if (!sent) void fetch(url, this.request(body)).catch(() => undefined);
    }
    this.settle();
  }

  private schedule(): void {
    if (!this.settings || this.current) return;
    if (this.queue.length >= this.settings.flushAt) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.send();
    } else if (this.queue.length > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.send();
      }, this.settings.flushInterval);
    }
  }

  private async send(): Promise<void> {
    const settings = this.settings!;
    if (!this.current) {
      const [first] = this.chunks(this.queue, MAX_BATCH_BYTES);
      if (!first) return this.settle();
      this.current = first;
      this.queue = this.queue.slice(first.length);
    }
    const batch = this.current;
    this.retrying = false;
    const body = this.body(batch);
    let status = 0;
    let retryAfter: number | undefined;
    let reason = "";
    try {
      const response = await fetch(`${settings.host}/v1/batch`, this.request(body));
      status = response.status;
      retryAfter = retryAfterMs(response.headers.get("Retry-After"));
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        // Refused for good (bad write key, malformed event): retrying cannot help.
        const reason = (await response.text().catch(() => "")).slice(0, 300);
        warn(`dropped ${batch.length} events: the collector answered ${status} ${reason}`);
        if (this.current === batch) this.next();
        return;
      }
    } catch (error) {
      reason = String(error);
    }
    // beacon() took the batch over while the request was out.
    if (this.current !== batch) return;
    if (status >= 200 && status < 300) return this.next();
    this.attempts++;
    if (this.attempts >= settings.maxAttempts) {
      warn(`dropped ${batch.length} events after ${this.attempts} attempts: ${status || reason}`);
      return this.next();
    }
    // Exponential backoff with "equal jitter": between half and all of the doubled delay, so
    // browsers that failed together do not come back together.
    const ceiling = Math.min(settings.backoffMax, settings.backoffMin * 2 ** (this.attempts - 1));
    const delay = retryAfter ?? ceiling / 2 + Math.random() * (ceiling / 2);
    this.retrying = true;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, delay);
  }

  private next(): void {
    this.current = undefined;
    this.attempts = 0;
    if (this.queue.length > 0 && this.idle.length > 0) {
      void this.send();
      return;
    }
    this.schedule();
    this.settle();
  }

  private settle(): void {
    if (this.current || this.queue.length > 0) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Messages in order, cut into runs whose batch body stays under `limit` bytes. */
  private chunks(messages: Json[], limit: number): Json[][] {
    const out: Json[][] = [];
    let run: Json[] = [];
    let size = 200;
    for (const m of messages) {
      const s = bytes(JSON.stringify(m)) + 1;
      if (run.length > 0 && size + s > limit) {
        out.push(run);
        run = [];
        size = 200;
      }
      run.push(m);
      size += s;
    }
    if (run.length > 0) out.push(run);
    return out;
  }

  /** Segment's batch body; `sentAt` is stamped per attempt, so the collector can correct the clock. */
  private body(batch: Json[]): string {
    const sentAt = new Date().toISOString();
    return JSON.stringify({
      batch: batch.map((m) => ({ ...m, sentAt })),
      sentAt,
      writeKey: this.settings!.writeKey,
    });
  }

  /** text/plain, like analytics.js: a "simple" CORS request, so no preflight before every batch. */
  private request(body: string): RequestInit {
    return {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body,
      credentials: "omit",
      keepalive: bytes(body) < MAX_BEACON_BYTES,
    };
  }
}
