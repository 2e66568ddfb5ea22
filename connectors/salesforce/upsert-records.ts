import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { type BulkPolling, runBulk } from "./bulk-ingest.ts";
import { sendInChunks } from "./chunks.ts";
import type { SalesforceApi } from "./client.ts";
import type { Failure } from "./errors.ts";
import { COLLECTION_LIMIT, type UpsertTarget, upsertCollection } from "./upsert-collection.ts";
import { csvValue, externalIdValue } from "./values.ts";

export interface WriteSettings {
  target: UpsertTarget;
  /** From this many rows of one operation in a batch, a Bulk API 2.0 job is used. */
  bulkThreshold: number;
  polling: BulkPolling;
}

/** The CSV of a bulk upsert: the External ID first, then every mapped field of the rows. */
export function bulkUpsertRows(target: UpsertTarget, records: SyncRecord[]) {
  const ext = target.externalIdField.toLowerCase();
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const name of Object.keys(r.fields)) {
      const k = name.toLowerCase();
      if (k === ext || seen.has(k)) continue;
      seen.add(k);
      columns.push(name);
    }
  }
  const extInfo = target.info.field(target.externalIdField);
  const rows = records.map((r) => {
    const match = String(externalIdValue(r.key, extInfo));
    // A field a row does not carry is left empty: Bulk API then leaves it unchanged.
    const cells = columns.map((c) => (c in r.fields ? csvValue(r.fields[c], target.info.field(c)) : ""));
    return { match, cells: [match, ...cells] };
  });
  return { header: [target.externalIdField, ...columns], rows };
}

/**
 * Upserts rows by External ID: from `bulkThreshold` rows through one Bulk API 2.0 job (results
 * matched back by External ID), below it through sObject Collections, 200 records a request.
 */
export async function upsertRecords(
  api: SalesforceApi,
  s: WriteSettings,
  records: SyncRecord[],
  onFailure?: (failure: Failure) => void,
): Promise<RowResult[]> {
  if (records.length < s.bulkThreshold) {
    return sendInChunks(
      records,
      COLLECTION_LIMIT,
      (part) => upsertCollection(api, s.target, part),
      onFailure,
    );
  }
  const { header, rows } = bulkUpsertRows(s.target, records);
  const outcomes = await runBulk(
    api,
    {
      object: s.target.object,
      operation: "upsert",
      externalIdField: s.target.externalIdField,
      header,
      rows,
      matchColumn: s.target.externalIdField,
    },
    s.polling,
  );
  return records.map((r, i) => ({ key: r.key, ...outcomes.get(rows[i]!.match)! }) as RowResult);
}
