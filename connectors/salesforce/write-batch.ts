import { BatchError, type RowResult, type SyncRecord } from "../../src/connector-kit/index.ts";
import type { BulkPolling } from "./bulk-ingest.ts";
import { failRows } from "./chunks.ts";
import type { SalesforceApi } from "./client.ts";
import { deleteRecords } from "./delete-records.ts";
import type { ObjectInfo } from "./describe.ts";
import { classify, type Failure, toBatchError } from "./errors.ts";
import { resolveIds } from "./resolve-ids.ts";
import { upsertRecords, type WriteSettings } from "./upsert-records.ts";
import { valueProblem } from "./values.ts";

export interface BatchWriter {
  api: SalesforceApi;
  object: string;
  externalIdField: string;
  bulkThreshold: number;
  polling: BulkPolling;
  /** The object's describe (cached by the connector). */
  describe: () => Promise<ObjectInfo>;
}

const UPSERT_OPS = new Set(["upsert", "insert", "update"]);

/** Rows whose mapped fields cannot be written, and why (each field name checked once). */
function mappingProblem(info: ObjectInfo, records: SyncRecord[]): string | undefined {
  const names = new Set<string>();
  for (const r of records) for (const name of Object.keys(r.fields)) names.add(name);
  const problems = [...names].map((n) => info.writeProblem(n)).filter((p): p is string => !!p);
  return problems.length ? problems.join("; ") : undefined;
}

/** A failure no later batch can get past: the engine stops the run, unsent rows stay planned. */
function fatal(message: string): BatchError {
  return new BatchError(message, false, undefined, true);
}

/**
 * One batch of the engine: upserts (`upsert`, `insert`, and `update` once the record is known to
 * exist) and deletes, each by the fastest path for its size. Returns one result per row. Throws a
 * retryable `BatchError` when one request failure (a limit, an outage) kept every row back, and a
 * fatal one when the setup is wrong (credentials refused, object or field missing, permissions)
 * or the org's API usage reached `maxApiUsage`: every later batch would fail the same way.
 */
export async function writeBatch(w: BatchWriter, batch: SyncRecord[]): Promise<RowResult[]> {
  const stop = w.api.usage.stopReason();
  if (stop) throw fatal(stop);

  let whole: Failure | undefined;
  let setup: Failure | undefined;
  const onFailure = (f: Failure) => {
    whole ??= f;
    if (f.kind === "config") setup ??= f;
  };
  const results = new Map<string, RowResult>();
  const settle = (rows: RowResult[]) => {
    for (const r of rows) results.set(r.key, r);
  };
  /** Runs one group; a failure of the whole group settles its rows (and is remembered). */
  const group = async (records: SyncRecord[], run: () => Promise<RowResult[]>) => {
    if (!records.length) return;
    try {
      settle(await run());
    } catch (error) {
      const f = classify(error);
      onFailure(f);
      // Bulk jobs and id lookups are not split to find a bad row: their refusals apply to all.
      settle(failRows(records, f.kind === "request" ? { ...f, kind: "config" } : f));
    }
    if (setup) throw fatal(setup.message);
  };

  let info: ObjectInfo | undefined;
  await group(batch, async () => {
    info = await w.describe();
    return [];
  });
  if (!info) return finish(batch, results, whole);
  const settings: WriteSettings = {
    target: { object: w.object, externalIdField: w.externalIdField, info },
    bulkThreshold: w.bulkThreshold,
    polling: w.polling,
  };

  let upserts = batch.filter((r) => UPSERT_OPS.has(r.op));
  const deletes = batch.filter((r) => r.op === "delete");
  settle(
    batch
      .filter((r) => !UPSERT_OPS.has(r.op) && r.op !== "delete")
      .map((r) => ({
        key: r.key,
        status: "rejected",
        reason: `the salesforce destination does not support operation "${r.op}" (modes: upsert, update, insert, mirror)`,
      })),
  );

  // Every batch carries the same fields: a field the object cannot take stops the run.
  const problem = mappingProblem(info, upserts);
  if (problem) throw fatal(problem);

  const valid: SyncRecord[] = [];
  for (const r of upserts) {
    const why = valueProblem(w.object, r.fields, (n) => info!.field(n));
    if (why) settle([{ key: r.key, status: "rejected", reason: why }]);
    else valid.push(r);
  }
  upserts = valid;

  // update: only records that exist. Looked up first, so an update never creates a record.
  const updates = upserts.filter((r) => r.op === "update");
  if (updates.length) {
    const known = new Set<string>();
    await group(updates, async () => {
      const ids = await resolveIds(
        w.api,
        info!,
        w.object,
        w.externalIdField,
        updates.map((r) => r.key),
      );
      for (const k of ids.keys()) known.add(k);
      return updates
        .filter((r) => !ids.has(r.key))
        .map((r) => ({
          key: r.key,
          status: "rejected",
          reason: `no ${w.object} has ${w.externalIdField} = ${JSON.stringify(r.key)}: mode update changes existing records only (mode upsert would create it)`,
        }));
    });
    upserts = upserts.filter((r) => r.op !== "update" || known.has(r.key));
  }

  await group(upserts, () => upsertRecords(w.api, settings, upserts, onFailure));
  await group(deletes, () => deleteRecords(w.api, settings, deletes, onFailure));
  return finish(batch, results, whole);
}

function finish(
  batch: SyncRecord[],
  results: Map<string, RowResult>,
  whole: Failure | undefined,
): RowResult[] {
  const out = batch.map(
    (r): RowResult =>
      results.get(r.key) ?? {
        key: r.key,
        status: "retryable",
        reason: "Salesforce gave no result for this row",
      },
  );
  // Nothing went through because the API could not take requests now: the whole batch is retried.
  if (whole?.kind === "retry" && out.every((r) => r.status === "retryable")) throw toBatchError(whole);
  return out;
}
