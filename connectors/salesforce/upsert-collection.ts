import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import type { SalesforceApi } from "./client.ts";
import type { ObjectInfo } from "./describe.ts";
import { describeRecordErrors, RETRYABLE_ROW_CODES, type RecordError } from "./errors.ts";
import { externalIdValue, jsonValue } from "./values.ts";

/** sObject Collections take at most 200 records per request. */
export const COLLECTION_LIMIT = 200;

export interface UpsertTarget {
  object: string;
  externalIdField: string;
  info: ObjectInfo;
}

/**
 * The request body of an sObject Collections upsert: each record typed with `attributes`, keyed
 * by the External ID field (the sync's key wins over a mapped field of the same name), values
 * converted for their field types. `allOrNone: false` so one bad record does not roll back the rest.
 */
export function upsertBody(target: UpsertTarget, records: SyncRecord[]) {
  const ext = target.info.field(target.externalIdField);
  return {
    allOrNone: false,
    records: records.map((r) => {
      const out: Record<string, unknown> = { attributes: { type: target.object } };
      for (const [name, value] of Object.entries(r.fields)) {
        if (name.toLowerCase() === target.externalIdField.toLowerCase()) continue;
        out[name] = jsonValue(value, target.info.field(name));
      }
      out[target.externalIdField] = externalIdValue(r.key, ext);
      return out;
    }),
  };
}

interface SaveResult {
  id?: string | null;
  success?: boolean;
  created?: boolean;
  errors?: RecordError[];
}

/** One save result as the row's outcome: lock errors retryable, others rejected with the reason. */
export function saveResultToRow(key: string, result: SaveResult | undefined): RowResult {
  if (!result) return { key, status: "retryable", reason: "Salesforce returned no result for this record" };
  if (result.success === true) return { key, status: "delivered" };
  const reason = describeRecordErrors(result.errors);
  if (result.errors?.some((e) => e.statusCode && RETRYABLE_ROW_CODES.has(e.statusCode))) {
    return { key, status: "retryable", reason };
  }
  return { key, status: "rejected", reason };
}

/**
 * `PATCH /composite/sobjects/{Object}/{ExternalIdField}` with up to 200 records. Results come
 * back in request order and are matched to rows by position.
 */
export async function upsertCollection(
  api: SalesforceApi,
  target: UpsertTarget,
  records: SyncRecord[],
): Promise<RowResult[]> {
  if (records.length > COLLECTION_LIMIT) {
    throw new Error(
      `at most ${COLLECTION_LIMIT} records per sObject Collections request, got ${records.length}`,
    );
  }
  const res = await api.request({
    method: "PATCH",
    path: `/composite/sobjects/${encodeURIComponent(target.object)}/${encodeURIComponent(target.externalIdField)}`,
    json: upsertBody(target, records),
  });
  const results = Array.isArray(res.body) ? (res.body as SaveResult[]) : [];
  if (results.length !== records.length) {
    // Without one result per record, position cannot say which row is which: send them again.
    return records.map((r) => ({
      key: r.key,
      status: "retryable",
      reason: `Salesforce answered ${results.length} results for ${records.length} records`,
    }));
  }
  return records.map((r, i) => saveResultToRow(r.key, results[i]));
}
