import {
  BatchError,
  type Connector,
  type RowResult,
  type SyncRecord,
  type WriteContext,
} from "../connector-kit/connector.ts";
import { backoffMs } from "../http/backoff.ts";

export interface DeliverOptions {
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Delivers one batch and returns exactly one final result per row:
 * - rows the destination says to retry are sent again (backoff with jitter, or its delay) until
 *   `maxAttempts`, then stay `retryable` (recorded, retried next run);
 * - a batch refused as a whole for a reason a retry cannot fix is split in halves until the bad
 *   rows stand alone, so one bad row does not hold back the rest;
 * - a fatal `BatchError` (credentials gone) is thrown: the caller stops the run.
 */
export async function deliverBatch(
  connector: Connector,
  batch: SyncRecord[],
  ctx: WriteContext,
  options: DeliverOptions,
): Promise<RowResult[]> {
  const final = new Map<string, RowResult>();
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt++) {
    let results: RowResult[];
    try {
      results = await connector.write(pending, ctx);
    } catch (error) {
      const e =
        error instanceof BatchError
          ? error
          : new BatchError((error as Error)?.message ?? String(error), true);
      // Nothing can succeed after this one: stop the run, the rows stay planned.
      if (e.fatal) throw e;
      if (!e.retryable) {
        if (pending.length === 1) {
          final.set(pending[0]!.key, { key: pending[0]!.key, status: "rejected", reason: e.message });
        } else {
          const mid = Math.ceil(pending.length / 2);
          for (const half of [pending.slice(0, mid), pending.slice(mid)]) {
            for (const r of await deliverBatch(connector, half, ctx, options)) final.set(r.key, r);
          }
        }
        break;
      }
      if (attempt >= options.maxAttempts) {
        for (const r of pending) final.set(r.key, { key: r.key, status: "retryable", reason: e.message });
        break;
      }
      await options.sleep(e.retryAfterMs ?? backoffMs(attempt));
      continue;
    }
    const byKey = new Map(results.map((r) => [r.key, r]));
    const again: SyncRecord[] = [];
    let wait = 0;
    for (const record of pending) {
      const r = byKey.get(record.key) ?? {
        key: record.key,
        status: "retryable" as const,
        reason: "the destination returned no result for this row",
      };
      if (r.status === "retryable" && attempt < options.maxAttempts) {
        again.push(record);
        wait = Math.max(wait, r.retryAfterMs ?? 0);
      } else final.set(record.key, r);
    }
    pending = again;
    if (pending.length) await options.sleep(wait || backoffMs(attempt));
  }
  return batch.map((r) => final.get(r.key)!);
}
