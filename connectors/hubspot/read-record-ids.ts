import { parseBatchResponse } from "./batch-response.ts";
import type { HubspotApi } from "./client.ts";
import { HubspotError } from "./errors.ts";
import type { HubspotTarget } from "./upsert-records.ts";
import { idMatchKey, uniqueGroups } from "./values.ts";

/**
 * The body of `batch/read` by the id property, asking back only that property and no history:
 * `propertiesWithHistory` is required by the spec (`BatchReadInputSimplePublicObjectId` requires
 * `inputs`, `properties` and `propertiesWithHistory`, in v3 and every date version).
 */
export function readBody(idProperty: string, keys: string[]) {
  return {
    idProperty,
    properties: [idProperty],
    propertiesWithHistory: [],
    inputs: keys.map((id) => ({ id })),
  };
}

/**
 * `POST /crm/v3/objects/{object}/batch/read` with `idProperty`: HubSpot's record id for each key
 * (archive, update by id and list memberships take record ids). A key with no record is left out:
 * HubSpot reports it in a 207 as an `OBJECT_NOT_FOUND` error naming it in `context.ids`.
 */
export async function readRecordIds(
  api: HubspotApi,
  target: HubspotTarget,
  keys: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const group of uniqueGroups(keys, (k) => idMatchKey(target.idProperty, k))) {
    const res = await api.request(
      {
        method: "POST",
        url: api.path("objects", `${target.object}/batch/read`),
        data: readBody(target.idProperty, group),
      },
      `looking up ${target.object} by ${target.idProperty}`,
    );
    const answer = parseBatchResponse(res.body);
    const byMatch = new Map(group.map((k) => [idMatchKey(target.idProperty, k), k]));
    for (const rec of answer.results) {
      const value = rec.properties[target.idProperty];
      const key = typeof value === "string" ? byMatch.get(idMatchKey(target.idProperty, value)) : undefined;
      if (key !== undefined) out.set(key, rec.id);
    }
    const failed = answer.errors.filter((e) => e.category !== "OBJECT_NOT_FOUND");
    if (failed.length) {
      throw new HubspotError(
        `HubSpot could not look up ${target.object} by ${target.idProperty}: ${failed.map((e) => `${e.category ?? "error"}: ${e.message}`).join("; ")}`,
        true,
      );
    }
  }
  return out;
}
