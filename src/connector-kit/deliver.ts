import { backoffMs } from "../http/backoff.ts";
import {
  BatchError,
  type Connector,
  type SyncRecord,
  type WriteContext,
  type WriteResult,
} from "./connector.ts";

export interface DeliverOptions {
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Delivers one batch and returns exactly one result per row, final or `pending` (the destination
 * confirms it later, through `settle`; a pending row is not sent again here):
 * - rows the destination says to retry are sent again (backoff with jitter, or its delay) until
 *   `maxAttempts`, then stay `retryable` (recorded, retried next run);
 * - a batch refused as a whole for a reason a retry cannot fix is split in halves until the bad
 *   rows stand alone, so one bad row does not hold back the rest;
 * - a fatal `BatchError` (credentials gone) is thrown: the caller stops the run.
 */
export async function deliverBatch(
  connector: Pick<Connector, "write">,
  batch: SyncRecord[],
  ctx: WriteContext,
  options: DeliverOptions,
): Promise<WriteResult[]> {
  const final = new Map<string, WriteResult>();
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt++) {
    let results: WriteResult[];
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
      const r: WriteResult = byKey.get(record.key) ?? {
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
