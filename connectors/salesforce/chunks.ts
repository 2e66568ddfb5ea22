import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { classify, type Failure } from "./errors.ts";

/** Every row of `records` with the outcome a whole-request failure gives it. */
export function failRows(records: readonly { key: string }[], failure: Failure): RowResult[] {
  return records.map((r) =>
    failure.kind === "retry"
      ? { key: r.key, status: "retryable", reason: failure.message, retryAfterMs: failure.retryAfterMs }
      : { key: r.key, status: "rejected", reason: failure.message },
  );
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends `records` in requests of at most `size`, one after another, and returns one result per row.
 * A request refused for its content is split in halves until the bad rows stand alone, so they
 * are rejected with the API's message and the rest goes through. A request the API cannot take
 * now (limits, 5xx) or refuses for the setup stops the sending: this and the later rows get that
 * failure (retryable, or rejected), rather than spending requests that would fail the same way.
 * `onFailure` hears of such a stop.
 */
export async function sendInChunks(
  records: SyncRecord[],
  size: number,
  send: (chunk: SyncRecord[]) => Promise<RowResult[]>,
  onFailure?: (failure: Failure) => void,
): Promise<RowResult[]> {
  const out: RowResult[] = [];
  const parts = chunk(records, size);
  for (let p = 0; p < parts.length; p++) {
    try {
      out.push(...(await isolate(parts[p]!, send)));
    } catch (error) {
      const failure = classify(error);
      onFailure?.(failure);
      for (const rest of parts.slice(p)) out.push(...failRows(rest, failure));
      break;
    }
  }
  return out;
}

async function isolate(
  records: SyncRecord[],
  send: (chunk: SyncRecord[]) => Promise<RowResult[]>,
): Promise<RowResult[]> {
  try {
    return await send(records);
  } catch (error) {
    const failure = classify(error);
    if (failure.kind !== "request") throw error;
    if (records.length === 1) return failRows(records, { ...failure, kind: "config" });
    const mid = Math.ceil(records.length / 2);
    return [...(await isolate(records.slice(0, mid), send)), ...(await isolate(records.slice(mid), send))];
  }
}
