import type { TokenBucket } from "../../src/connector-kit/index.ts";

/** `api-usage=18/5000; api-bursts=1/750` → `{ used: 18, max: 5000 }`. */
export function parseLimitInfo(header: unknown): { used: number; max: number } | undefined {
  if (typeof header !== "string") return undefined;
  const m = /api-usage=(\d+)\/(\d+)/.exec(header);
  if (!m) return undefined;
  const used = Number(m[1]);
  const max = Number(m[2]);
  return max > 0 ? { used, max } : undefined;
}

/**
 * The org's daily API usage, read from the `Sforce-Limit-Info` header of every REST response.
 * Salesforce counts API requests per org per rolling 24 hours, shared by every integration; a
 * sync that used it all would break the others. So, with `maxApiUsage` = m:
 * - at or above m - 0.1 of the limit, each response halves the request rate (down to a tenth);
 * - at or above m, the connector stops sending: rows stay retryable and go out next run.
 */
export class ApiUsage {
  used?: number;
  max?: number;

  constructor(
    private readonly maxShare: number,
    private readonly bucket?: TokenBucket,
  ) {}

  /** Reads one response's header. */
  observe(header: unknown): void {
    const info = parseLimitInfo(header);
    if (!info) return;
    this.used = info.used;
    this.max = info.max;
    if (this.share !== undefined && this.share >= this.maxShare - 0.1) this.bucket?.throttled();
  }

  /** Used / limit, when a response has said. */
  get share(): number | undefined {
    return this.used !== undefined && this.max ? this.used / this.max : undefined;
  }

  /** Why the connector must not send now, or undefined. */
  stopReason(): string | undefined {
    const share = this.share;
    if (share === undefined || share < this.maxShare) return undefined;
    const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
    return `Salesforce API usage is at ${pct(share)} of the org's daily limit (${this.used}/${this.max} requests), above destination.maxApiUsage (${pct(this.maxShare)}): stopped sending to leave room for the org's other integrations; these rows are sent next run (or raise maxApiUsage)`;
  }
}
