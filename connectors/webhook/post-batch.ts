import { createHash, createHmac } from "node:crypto";
import {
  BatchError,
  type HttpClient,
  HttpError,
  type RowResult,
  type SyncRecord,
} from "../../src/connector-kit/index.ts";

/**
 * A row's idempotency key: the one the engine derived (`SyncRecord.idempotencyKey`, the same for
 * the same change in whatever batch it is sent again), or, for a record without one, a hash of the
 * sync and the row's key, operation and fields.
 */
export function rowKey(sync: string, r: SyncRecord): string {
  if (r.idempotencyKey) return r.idempotencyKey;
  return createHash("sha256")
    .update(sync)
    .update("\u0000")
    .update(JSON.stringify([r.key, r.op, r.fields]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * The idempotency key of a batch: a hash of its rows' keys. A retry of the same batch carries the
 * same one; rows regrouped into another batch (after a split, a crash or an unknown outcome) are
 * recognised by their own `idempotency_key`.
 */
export function idempotencyKey(sync: string, batch: SyncRecord[]): string {
  const h = createHash("sha256").update(sync);
  for (const r of batch) h.update("\u0000").update(rowKey(sync, r));
  return h.digest("hex").slice(0, 32);
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact body with the signing secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

interface ResultBody {
  results?: { key?: unknown; status?: unknown; reason?: unknown }[];
}

/**
 * POSTs one batch and reads the per-row answer (see README.md): an empty 2xx body delivers every
 * row; `{"results": [...]}` says per row `ok`, `rejected` (with a reason) or `retry`.
 */
export async function postBatch(
  http: HttpClient,
  url: string,
  sync: string,
  batch: SyncRecord[],
  signingSecret: string | undefined,
): Promise<RowResult[]> {
  const id = idempotencyKey(sync, batch);
  const rows = batch.map((r) => ({
    key: r.key,
    op: r.op,
    fields: r.fields,
    idempotency_key: rowKey(sync, r),
  }));
  const body = JSON.stringify({ sync, batch_id: id, rows });
  const headers: Record<string, string> = { "Content-Type": "application/json", "Idempotency-Key": id };
  if (signingSecret) headers["X-Cdp-Signature"] = signature(signingSecret, body);
  let res: Awaited<ReturnType<HttpClient["request"]>>;
  try {
    res = await http.request({ method: "POST", url, data: body, headers });
  } catch (error) {
    if (error instanceof HttpError) {
      // Refused credentials refuse every batch alike: stop the run with the rows left planned,
      // rather than split each batch down to single rows and record them all as rejected.
      const fatal = error.status === 401 || error.status === 403;
      throw new BatchError(error.message, error.retryable, error.retryAfterMs, fatal);
    }
    throw error;
  }
  if (res.malformed) {
    // The server may or may not have taken the rows: send them again (the idempotency key lets
    // it recognise them) rather than guess.
    throw new BatchError(`POST → ${res.status}: the response body is not valid JSON`, true);
  }
  const parsed = (typeof res.body === "object" && res.body !== null ? res.body : {}) as ResultBody;
  if (!Array.isArray(parsed.results)) return batch.map((r) => ({ key: r.key, status: "delivered" }));
  const byKey = new Map<string, RowResult>();
  for (const item of parsed.results) {
    const key = String(item.key);
    const reason = typeof item.reason === "string" && item.reason ? item.reason : "no reason given";
    if (item.status === "ok") byKey.set(key, { key, status: "delivered" });
    else if (item.status === "rejected") byKey.set(key, { key, status: "rejected", reason });
    else byKey.set(key, { key, status: "retryable", reason });
  }
  // A row the server did not mention was not confirmed: it is sent again.
  return batch.map(
    (r) => byKey.get(r.key) ?? { key: r.key, status: "retryable", reason: "not in the response's results" },
  );
}
