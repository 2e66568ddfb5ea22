import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import type { HubspotApi } from "./client.ts";
import { readRecordIds } from "./read-record-ids.ts";
import { type HubspotTarget, upsertRecords } from "./upsert-records.ts";

/** The answer of `memberships/add` and `memberships/remove` (note HubSpot's `recordsIdsAdded`). */
interface MembershipAnswer {
  recordIdsMissing?: unknown;
}

function missingIds(body: unknown): Set<string> {
  const m =
    (body && typeof body === "object" ? (body as MembershipAnswer).recordIdsMissing : undefined) ?? [];
  return new Set(Array.isArray(m) ? m.map(String) : []);
}

/** `PUT /crm/v3/lists/{listId}/memberships/{add|remove}`: the body is the array of record ids. */
async function changeMembers(
  api: HubspotApi,
  listId: string,
  change: "add" | "remove",
  recordIds: string[],
): Promise<Set<string>> {
  const res = await api.request(
    {
      method: "PUT",
      url: api.path("lists", `${encodeURIComponent(listId)}/memberships/${change}`),
      data: [...new Set(recordIds)],
    },
    `${change === "add" ? "adding records to" : "removing records from"} list ${listId}`,
  );
  return missingIds(res.body);
}

/**
 * Audience additions: each row is upserted (so its record exists, with the mapped properties),
 * then added to the list by record id. A row whose upsert failed keeps that failure; a record
 * the list does not find yet (`recordIdsMissing`) is retryable.
 */
export async function addToList(
  api: HubspotApi,
  target: HubspotTarget,
  listId: string,
  records: SyncRecord[],
): Promise<RowResult[]> {
  const outcomes = await upsertRecords(api, target, records);
  const written = records.filter((r) => outcomes.get(r.key)?.result.status === "delivered");
  const ids = new Map<string, string>();
  for (const r of written) {
    const id = outcomes.get(r.key)?.recordId;
    if (id !== undefined) ids.set(r.key, id);
  }
  const unknown = written.filter((r) => !ids.has(r.key)).map((r) => r.key);
  if (unknown.length) for (const [k, id] of await readRecordIds(api, target, unknown)) ids.set(k, id);
  const missing = ids.size ? await changeMembers(api, listId, "add", [...ids.values()]) : new Set<string>();
  return records.map((r): RowResult => {
    const upserted = outcomes.get(r.key)?.result;
    if (!upserted)
      return { key: r.key, status: "retryable", reason: "not in HubSpot's answer to batch/upsert" };
    if (upserted.status !== "delivered") return upserted;
    const id = ids.get(r.key);
    if (id === undefined || missing.has(id)) {
      return {
        key: r.key,
        status: "retryable",
        reason: `HubSpot did not find the record of ${r.key} when adding it to list ${listId}`,
      };
    }
    return { key: r.key, status: "delivered" };
  });
}

/**
 * Audience removals: the row's record leaves the list (the record itself stays). A key with no
 * record, or a record not in the list, is not a member: delivered.
 */
export async function removeFromList(
  api: HubspotApi,
  target: HubspotTarget,
  listId: string,
  records: SyncRecord[],
): Promise<RowResult[]> {
  const ids = await readRecordIds(
    api,
    target,
    records.map((r) => r.key),
  );
  if (ids.size) await changeMembers(api, listId, "remove", [...ids.values()]);
  return records.map((r) => ({ key: r.key, status: "delivered" }));
}
