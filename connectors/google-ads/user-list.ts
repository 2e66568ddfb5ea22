import { GoogleAdsApiError } from "./auth.ts";
import type { GoogleAdsApi } from "./client.ts";
import type { GoogleAdsDestinationConfig } from "./config.ts";

/** What the sync needs to know of its user list. */
export interface UserListInfo {
  name: string;
  /** `CONTACT_INFO` (email, phone, address), `CRM_ID` (your user ids) or `MOBILE_ADVERTISING_ID`. */
  uploadKeyType: string;
}

/** The GAQL query reading the list: type, membership status and the kind of data it takes. */
export function userListQuery(userListId: string): string {
  return `SELECT user_list.id, user_list.name, user_list.type, user_list.membership_status, user_list.read_only, user_list.crm_based_user_list.upload_key_type FROM user_list WHERE user_list.id = ${userListId}`;
}

interface UserListRow {
  userList?: {
    name?: string;
    type?: string;
    membershipStatus?: string;
    readOnly?: boolean;
    crmBasedUserList?: { uploadKeyType?: string };
  };
}

/** The list cannot take members until the user fixes it: the run stops with this one message. */
const refused = (message: string) => new GoogleAdsApiError(message, false, undefined, true);

/**
 * One `googleAds:search` call checking, at once, the access token, the developer token, the
 * access to the customer and the list: it must exist, be a Customer Match list (CRM_BASED), be
 * open and writable, and take contact information or user ids. Throws saying what to fix.
 */
export async function readUserList(
  api: GoogleAdsApi,
  config: GoogleAdsDestinationConfig,
): Promise<UserListInfo> {
  const where = `user list ${config.userListId} of customer ${config.customerId}`;
  const body = await api.post(
    `customers/${config.customerId}/googleAds:search`,
    { query: userListQuery(config.userListId) },
    `read ${where}`,
  );
  const row = (Array.isArray(body.results) ? body.results[0] : undefined) as UserListRow | undefined;
  const list = row?.userList;
  if (!list) {
    throw refused(
      `google-ads: ${where} does not exist (or the credentials cannot see it): check userListId and customerId (the list's id is in Google Ads, Audience manager, or in the list's URL)`,
    );
  }
  const name = list.name ?? config.userListId;
  if (list.type !== "CRM_BASED") {
    throw refused(
      `google-ads: ${where} ("${name}") is a ${list.type ?? "?"} list, not a Customer Match list (CRM_BASED): create a customer list and use its id`,
    );
  }
  if (list.readOnly) throw refused(`google-ads: ${where} ("${name}") is read-only: it cannot take members`);
  if (list.membershipStatus === "CLOSED") {
    throw refused(
      `google-ads: ${where} ("${name}") is closed: Google adds no members to it. Open it (membership status OPEN) in Google Ads`,
    );
  }
  const uploadKeyType = list.crmBasedUserList?.uploadKeyType ?? "CONTACT_INFO";
  if (uploadKeyType !== "CONTACT_INFO" && uploadKeyType !== "CRM_ID") {
    throw refused(
      `google-ads: ${where} ("${name}") takes ${uploadKeyType}, which this connector does not send: use a list of contact information (email, phone, address) or of user ids (CRM_ID)`,
    );
  }
  return { name, uploadKeyType };
}

/** The GAQL query reading the list's size (`UserList.size_for_display`, `size_for_search`: user_list.proto). */
export function userListSizeQuery(userListId: string): string {
  return `SELECT user_list.size_for_display, user_list.size_for_search FROM user_list WHERE user_list.id = ${userListId}`;
}

/**
 * The list's estimated members (the larger of its Display and Search sizes; Google rounds them
 * and updates them within a day or so), or undefined when it does not say.
 */
export async function readUserListSize(
  api: GoogleAdsApi,
  config: GoogleAdsDestinationConfig,
): Promise<number | undefined> {
  const body = await api.post(
    `customers/${config.customerId}/googleAds:search`,
    { query: userListSizeQuery(config.userListId) },
    `read the size of user list ${config.userListId}`,
  );
  const row = (Array.isArray(body.results) ? body.results[0] : undefined) as
    | { userList?: { sizeForDisplay?: unknown; sizeForSearch?: unknown } }
    | undefined;
  // int64 fields come as strings in JSON.
  const sizes = [row?.userList?.sizeForDisplay, row?.userList?.sizeForSearch]
    .map((v) => Number(v))
    .filter((n) => Number.isFinite(n));
  return sizes.length ? Math.max(...sizes) : undefined;
}
