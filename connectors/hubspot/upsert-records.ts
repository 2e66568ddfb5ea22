import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { type BatchResponse, parseBatchResponse, rowErrorResult } from "./batch-response.ts";
import type { HubspotApi } from "./client.ts";
import type { HubspotObject } from "./config.ts";
import { idMatchKey, recordProperties, uniqueGroups } from "./values.ts";

/** Which records a connector writes: the object and the property whose value is the sync's key. */
export interface HubspotTarget {
  object: HubspotObject;
  idProperty: string;
}

/** A row's result, with HubSpot's record id when the row was written. */
export interface WriteOutcome {
  result: RowResult;
  recordId?: string;
}

/** The body of `batch/upsert`: one input per row, keyed by the id property, values as strings. */
export function upsertBody(idProperty: string, records: SyncRecord[]) {
  return {
    inputs: records.map((r) => ({
      idProperty,
      id: r.key,
      properties: recordProperties(r.fields, idProperty),
    })),
  };
}

/**
 * Matches a batch answer to the rows sent: results by the id property's value HubSpot echoes,
 * errors by the ids in their context. A row the answer does not account for is retryable,
 * except that a single unexplained error and a single unexplained row belong together.
 */
export function matchUpsertAnswer(
  target: HubspotTarget,
  rows: SyncRecord[],
  answer: BatchResponse,
): Map<string, WriteOutcome> {
  const out = new Map<string, WriteOutcome>();
  const byMatch = new Map(rows.map((r) => [idMatchKey(target.idProperty, r.key), r.key]));
  for (const rec of answer.results) {
    const value = rec.properties[target.idProperty];
    const key = typeof value === "string" ? byMatch.get(idMatchKey(target.idProperty, value)) : undefined;
    if (key !== undefined) out.set(key, { result: { key, status: "delivered" }, recordId: rec.id });
  }
  const unexplained = answer.errors.filter((e) => {
    const keys = e.ids.map((id) => byMatch.get(idMatchKey(target.idProperty, id)));
    for (const key of keys)
      if (key !== undefined && !out.has(key)) out.set(key, { result: rowErrorResult(key, e) });
    return !keys.some((k) => k !== undefined);
  });
  const missing = rows.filter((r) => !out.has(r.key));
  if (!missing.length) return out;
  if (!answer.errors.length && answer.results.length >= rows.length) {
    // Every row confirmed, but the results do not echo the id property: all were written.
    for (const r of missing) out.set(r.key, { result: { key: r.key, status: "delivered" } });
  } else if (missing.length === 1 && unexplained.length === 1) {
    out.set(missing[0]!.key, { result: rowErrorResult(missing[0]!.key, unexplained[0]!) });
  } else {
    const why = unexplained.map((e) => e.message).join("; ");
    for (const r of missing) {
      out.set(r.key, {
        result: {
          key: r.key,
          status: "retryable",
          reason: `HubSpot's answer did not account for this row${why ? ` (errors: ${why})` : ""}`,
        },
      });
    }
  }
  return out;
}

/**
 * `POST /crm/v3/objects/{object}/batch/upsert`: creates or updates each row's record, found by
 * the id property. Rows naming the same record go in separate requests.
 */
export async function upsertRecords(
  api: HubspotApi,
  target: HubspotTarget,
  records: SyncRecord[],
): Promise<Map<string, WriteOutcome>> {
  const out = new Map<string, WriteOutcome>();
  for (const group of uniqueGroups(records, (r) => idMatchKey(target.idProperty, r.key))) {
    const res = await api.request(
      {
        method: "POST",
        url: api.path("objects", `${target.object}/batch/upsert`),
        data: upsertBody(target.idProperty, group),
      },
      `upserting ${target.object}`,
    );
    for (const [key, outcome] of matchUpsertAnswer(target, group, parseBatchResponse(res.body))) {
      out.set(key, outcome);
    }
  }
  return out;
}
