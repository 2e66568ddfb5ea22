import type { HubspotApi } from "./client.ts";
import type { HubspotObject } from "./config.ts";
import { HubspotError } from "./errors.ts";
import type { HubspotTarget } from "./upsert-records.ts";

/** HubSpot's object type ids, as lists name the object they hold. */
const OBJECT_TYPE_IDS: Record<HubspotObject, string> = { contacts: "0-1", companies: "0-2" };

interface PropertyAnswer {
  name?: string;
  hasUniqueValue?: boolean;
}

interface ListAnswer {
  list?: { listId?: unknown; name?: string; objectTypeId?: string; processingType?: string };
}

async function get(api: HubspotApi, url: string, what: string, notFound: string): Promise<unknown> {
  try {
    return (await api.request({ method: "GET", url }, what)).body;
  } catch (error) {
    if (error instanceof HubspotError && error.status === 404) throw new HubspotError(notFound, false);
    throw error;
  }
}

/**
 * Verifies the token and the target with one cheap call each: `GET
 * /crm/v3/properties/{object}/{idProperty}` (the token works; the id property exists and is
 * unique: `hasUniqueValue`, or contacts' `email`, which HubSpot upserts by natively) and, for
 * audiences, `GET /crm/v3/lists/{listId}` (the list exists, holds this object and is MANUAL or
 * SNAPSHOT, the only lists the API can change). Throws one line saying what to fix.
 */
export async function checkDestination(
  api: HubspotApi,
  target: HubspotTarget,
  listId: string | undefined,
): Promise<void> {
  const { object, idProperty } = target;
  const property = (await get(
    api,
    api.path("properties", `${object}/${encodeURIComponent(idProperty)}`),
    `reading the ${object} property "${idProperty}"`,
    `HubSpot has no ${object} property "${idProperty}" (destination.idProperty): create it with unique values, or name an existing unique property`,
  )) as PropertyAnswer;
  const nativeKey = object === "contacts" && idProperty === "email";
  if (!nativeKey && property?.hasUniqueValue !== true) {
    throw new HubspotError(
      `the ${object} property "${idProperty}" does not require unique values (hasUniqueValue is false), so HubSpot cannot upsert by it: use a property created with "unique values"${object === "contacts" ? ', or "email"' : ""}`,
      false,
    );
  }
  if (listId === undefined) return;
  const answer = (await get(
    api,
    api.path("lists", `${encodeURIComponent(listId)}`),
    `reading list ${listId}`,
    `HubSpot has no list ${listId} (destination.listId): use the id in the list's URL`,
  )) as ListAnswer;
  const list = answer?.list ?? {};
  if (list.objectTypeId && list.objectTypeId !== OBJECT_TYPE_IDS[object]) {
    throw new HubspotError(
      `HubSpot list ${listId} holds objects of type ${list.objectTypeId}, not ${object} (${OBJECT_TYPE_IDS[object]}): use a ${object} list or change destination.object`,
      false,
    );
  }
  if (list.processingType && list.processingType !== "MANUAL" && list.processingType !== "SNAPSHOT") {
    throw new HubspotError(
      `HubSpot list ${listId} is ${list.processingType} (its members follow filters); the API only changes MANUAL or SNAPSHOT lists: create a static list for this audience`,
      false,
    );
  }
}
