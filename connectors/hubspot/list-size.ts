import type { HubspotApi } from "./client.ts";

/**
 * `GET /crm/lists/{version}/{listId}` (or `/crm/v3/lists/{listId}`): the list's `size`, its
 * member count (`PublicObjectList.size` in the Lists spec), for `priorDelivery`. Undefined when
 * HubSpot does not say.
 */
export async function readListSize(api: HubspotApi, listId: string): Promise<number | undefined> {
  const res = await api.request(
    { method: "GET", url: api.path("lists", encodeURIComponent(listId)) },
    `reading the size of list ${listId}`,
  );
  const size = (res.body as { list?: { size?: unknown } } | undefined)?.list?.size;
  return typeof size === "number" && Number.isFinite(size) ? size : undefined;
}
