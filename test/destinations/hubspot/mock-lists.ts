import { error, type MockAnswer } from "./mock-answer.ts";
import type { MockCrm } from "./mock-crm.ts";
import { type MockObject, OBJECT_TYPE_IDS } from "./mock-properties.ts";

/** `GET /crm/v3/lists/{listId}`: `{list: {listId, objectTypeId, processingType, ...}}`. */
export function getList(crm: MockCrm, listId: string): MockAnswer {
  const list = crm.lists.get(listId);
  if (!list) return error(404, `List ${listId} does not exist.`, "OBJECT_NOT_FOUND");
  return {
    status: 200,
    body: {
      list: {
        listId,
        name: list.name ?? `list ${listId}`,
        objectTypeId: list.objectTypeId,
        processingType: list.processingType,
        size: list.members.size,
      },
    },
  };
}

/**
 * `PUT /crm/v3/lists/{listId}/memberships/{add|remove}`: the body is an array of record ids;
 * only MANUAL and SNAPSHOT lists change; records that do not exist come back in
 * `recordIdsMissing`, members already in (or already out) are ignored.
 */
export function changeMembers(
  crm: MockCrm,
  listId: string,
  change: "add" | "remove",
  body: unknown,
): MockAnswer {
  const list = crm.lists.get(listId);
  if (!list) return error(404, `List ${listId} does not exist.`, "OBJECT_NOT_FOUND");
  if (list.processingType === "DYNAMIC") {
    return error(400, `List ${listId} is not a MANUAL or SNAPSHOT list; its memberships cannot be changed`);
  }
  if (!Array.isArray(body) || body.some((id) => typeof id !== "string" || !/^[0-9]+$/.test(id))) {
    return error(400, "Invalid input JSON: the body must be an array of record ids");
  }
  const object = (Object.keys(OBJECT_TYPE_IDS) as MockObject[]).find(
    (o) => OBJECT_TYPE_IDS[o] === list.objectTypeId,
  )!;
  const added: string[] = [];
  const removed: string[] = [];
  const missing: string[] = [];
  for (const id of body as string[]) {
    if (!crm.records[object].has(id)) missing.push(id);
    else if (change === "add" && !list.members.has(id)) {
      list.members.add(id);
      added.push(id);
    } else if (change === "remove" && list.members.delete(id)) removed.push(id);
  }
  // HubSpot spells the added ids `recordsIdsAdded`.
  return {
    status: 200,
    body: { recordsIdsAdded: added, recordIdsRemoved: removed, recordIdsMissing: missing },
  };
}
