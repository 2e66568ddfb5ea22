import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { runBulk } from "./bulk-ingest.ts";
import { sendInChunks } from "./chunks.ts";
import type { SalesforceApi } from "./client.ts";
import type { Failure } from "./errors.ts";
import { resolveIds } from "./resolve-ids.ts";
import { COLLECTION_LIMIT, saveResultToRow } from "./upsert-collection.ts";
import type { WriteSettings } from "./upsert-records.ts";

/** A record already gone is what a delete wants. */
function alreadyDeleted(r: RowResult): RowResult {
  return r.status !== "delivered" && /^ENTITY_IS_DELETED\b/.test(r.reason)
    ? { key: r.key, status: "delivered" }
    : r;
}

/** `DELETE /composite/sobjects?ids=...&allOrNone=false`: up to 200 record ids, results in order. */
export async function deleteCollection(api: SalesforceApi, ids: string[]): Promise<RowResult[]> {
  if (ids.length > COLLECTION_LIMIT) {
    throw new Error(`at most ${COLLECTION_LIMIT} ids per sObject Collections delete, got ${ids.length}`);
  }
  const res = await api.request({
    method: "DELETE",
    path: `/composite/sobjects?ids=${ids.map(encodeURIComponent).join(",")}&allOrNone=false`,
  });
  const results = Array.isArray(res.body) ? res.body : [];
  if (results.length !== ids.length) {
    return ids.map((id) => ({
      key: id,
      status: "retryable",
      reason: `Salesforce answered ${results.length} results for ${ids.length} deletes`,
    }));
  }
  return ids.map((id, i) => alreadyDeleted(saveResultToRow(id, results[i])));
}

/**
 * Deletes the records of removed rows: their External IDs are resolved to record ids by SOQL in
 * chunks, then deleted through sObject Collections (200 ids a call) or, from `bulkThreshold` ids,
 * a Bulk API 2.0 delete job. A key with no record is already deleted: delivered. A key naming
 * several records (a non-unique External ID) is delivered once all of them are gone.
 */
export async function deleteRecords(
  api: SalesforceApi,
  s: WriteSettings,
  records: SyncRecord[],
  onFailure?: (failure: Failure) => void,
): Promise<RowResult[]> {
  const { object, externalIdField, info } = s.target;
  const ids = await resolveIds(
    api,
    info,
    object,
    externalIdField,
    records.map((r) => r.key),
  );
  const pairs = [...ids].flatMap(([key, list]) => list.map((id) => ({ key, id })));
  const byId = new Map<string, RowResult>();
  if (pairs.length >= s.bulkThreshold) {
    const outcomes = await runBulk(
      api,
      {
        object,
        operation: "delete",
        header: ["Id"],
        rows: pairs.map((p) => ({ match: p.id, cells: [p.id] })),
        matchColumn: "Id",
      },
      s.polling,
    );
    for (const p of pairs) byId.set(p.id, alreadyDeleted({ key: p.id, ...outcomes.get(p.id)! } as RowResult));
  } else {
    const pseudo = pairs.map((p) => ({ key: p.id, op: "delete" as const, fields: {} }));
    const results = await sendInChunks(
      pseudo,
      COLLECTION_LIMIT,
      (part) =>
        deleteCollection(
          api,
          part.map((r) => r.key),
        ),
      onFailure,
    );
    for (const r of results) byId.set(r.key, r);
  }
  return records.map((r): RowResult => {
    const outcomes = (ids.get(r.key) ?? []).map((id) => byId.get(id)!);
    const bad =
      outcomes.find((o) => o.status === "retryable") ?? outcomes.find((o) => o.status === "rejected");
    return bad ? { ...bad, key: r.key } : { key: r.key, status: "delivered" };
  });
}
