import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { parseBatchResponse, rowErrorResult } from "./batch-response.ts";
import type { HubspotApi } from "./client.ts";
import { readRecordIds } from "./read-record-ids.ts";
import type { HubspotTarget } from "./upsert-records.ts";
import { recordProperties, uniqueGroups } from "./values.ts";

/** The body of `batch/update` by HubSpot record id. */
export function updateBody(idProperty: string, rows: { recordId: string; record: SyncRecord }[]) {
  return {
    inputs: rows.map((r) => ({ id: r.recordId, properties: recordProperties(r.record.fields, idProperty) })),
  };
}

export function notFoundReason(target: HubspotTarget, key: string): string {
  return `no ${target.object} with ${target.idProperty} "${key}" in HubSpot: update mode changes existing records only (use mode upsert to create them)`;
}

/**
 * Update mode: changes records that exist and creates none. Record ids are looked up first
 * (`batch/read` by the id property), then `POST /crm/v3/objects/{object}/batch/update` by id.
 * `batch/update` also accepts `idProperty`, but HubSpot refuses it for contacts' `email` ("Unable
 * to perform update/upsert by non-unique 0-1 property"); record ids work for every id property.
 * A key with no record is rejected with a reason saying so.
 */
export async function updateRecords(
  api: HubspotApi,
  target: HubspotTarget,
  records: SyncRecord[],
): Promise<RowResult[]> {
  const ids = await readRecordIds(
    api,
    target,
    records.map((r) => r.key),
  );
  const results: RowResult[] = [];
  const found: { recordId: string; record: SyncRecord }[] = [];
  for (const record of records) {
    const recordId = ids.get(record.key);
    if (recordId === undefined) {
      results.push({ key: record.key, status: "rejected", reason: notFoundReason(target, record.key) });
    } else found.push({ recordId, record });
  }
  for (const group of uniqueGroups(found, (f) => f.recordId)) {
    const res = await api.request(
      {
        method: "POST",
        url: api.path("objects", `${target.object}/batch/update`),
        data: updateBody(target.idProperty, group),
      },
      `updating ${target.object}`,
    );
    const answer = parseBatchResponse(res.body);
    const byId = new Map(group.map((f) => [f.recordId, f.record.key]));
    const done = new Map<string, RowResult>();
    for (const rec of answer.results) {
      const key = byId.get(rec.id);
      if (key !== undefined) done.set(key, { key, status: "delivered" });
    }
    for (const e of answer.errors) {
      for (const id of e.ids) {
        const key = byId.get(id);
        if (key !== undefined && !done.has(key)) done.set(key, rowErrorResult(key, e));
      }
    }
    for (const f of group) {
      results.push(
        done.get(f.record.key) ?? {
          key: f.record.key,
          status: "retryable",
          reason: "HubSpot's answer to batch/update did not account for this row",
        },
      );
    }
  }
  return results;
}
