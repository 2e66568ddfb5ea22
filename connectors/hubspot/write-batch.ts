import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { archiveRecords } from "./archive-records.ts";
import type { HubspotApi } from "./client.ts";
import { HubspotError } from "./errors.ts";
import { addToList, removeFromList } from "./list-memberships.ts";
import { updateRecords } from "./update-records.ts";
import { type HubspotTarget, upsertRecords } from "./upsert-records.ts";

function needsList(): HubspotError {
  return new HubspotError(
    "audience syncs to HubSpot need destination.listId: the id of a MANUAL or SNAPSHOT list to add the records to",
    false,
    undefined,
    undefined,
    undefined,
    true,
  );
}

/**
 * One batch from the engine, each operation through its endpoint: `upsert` (upsert and mirror
 * modes) by `batch/upsert`, `update` by `batch/read` + `batch/update`, `delete` (mirror) by
 * `batch/read` + `batch/archive`, `add`/`remove` (audience) by list memberships.
 */
export async function writeBatch(
  api: HubspotApi,
  target: HubspotTarget,
  listId: string | undefined,
  batch: SyncRecord[],
): Promise<RowResult[]> {
  if (api.halted) throw api.halted;
  const byOp = new Map<SyncRecord["op"], SyncRecord[]>();
  for (const r of batch) {
    const rows = byOp.get(r.op);
    if (rows) rows.push(r);
    else byOp.set(r.op, [r]);
  }
  const results: RowResult[] = [];
  for (const [op, rows] of byOp) {
    switch (op) {
      case "upsert":
        for (const o of (await upsertRecords(api, target, rows)).values()) results.push(o.result);
        break;
      case "update":
        results.push(...(await updateRecords(api, target, rows)));
        break;
      case "delete":
        results.push(...(await archiveRecords(api, target, rows)));
        break;
      case "add":
        if (listId === undefined) throw needsList();
        results.push(...(await addToList(api, target, listId, rows)));
        break;
      case "remove":
        if (listId === undefined) throw needsList();
        results.push(...(await removeFromList(api, target, listId, rows)));
        break;
      default:
        throw new HubspotError(
          `the hubspot destination does not support operation "${op}" (modes: upsert, update, mirror, audience)`,
          false,
        );
    }
  }
  return results;
}
