import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import type { HubspotApi } from "./client.ts";
import { readRecordIds } from "./read-record-ids.ts";
import type { HubspotTarget } from "./upsert-records.ts";

/** The body of `batch/archive`: HubSpot record ids, each once. */
export function archiveBody(recordIds: string[]) {
  return { inputs: [...new Set(recordIds)].map((id) => ({ id })) };
}

/**
 * Mirror deletes: rows that left the model are archived (HubSpot's delete; restorable for 90
 * days). `batch/archive` takes record ids, so they are looked up first by the id property; a key
 * with no record is already gone, which is what the sync wanted: delivered.
 * `POST /crm/v3/objects/{object}/batch/archive` answers 204 with no body.
 */
export async function archiveRecords(
  api: HubspotApi,
  target: HubspotTarget,
  records: SyncRecord[],
): Promise<RowResult[]> {
  const ids = await readRecordIds(
    api,
    target,
    records.map((r) => r.key),
  );
  if (ids.size) {
    await api.request(
      {
        method: "POST",
        url: api.path("objects", `${target.object}/batch/archive`),
        data: archiveBody([...ids.values()]),
      },
      `archiving ${target.object}`,
    );
  }
  return records.map((r) => ({ key: r.key, status: "delivered" }));
}
