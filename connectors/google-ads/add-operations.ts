import { GoogleAdsApiError } from "./auth.ts";
import type { GoogleAdsApi } from "./client.ts";
import { describe, operationErrors } from "./errors.ts";
import type { JobKind, UserData } from "./user-data.ts";

/** Google's ceiling on identifiers in one `addOperations` request. */
export const MAX_IDENTIFIERS_PER_REQUEST = 100_000;
/** Google's ceiling on identifiers in one operation (one member). */
export const MAX_IDENTIFIERS_PER_OPERATION = 20;
/**
 * Google's ceiling on operations in one `addOperations` request ("the operations collection for
 * each AddOfflineUserDataJobOperationsRequest can contain at most 100,000 elements", Customer
 * Match guide, considerations): requests are filled up to it and to the identifiers ceiling, so
 * a job takes as few requests as Google allows.
 */
export const ROWS_PER_REQUEST = 100_000;

/** The body of `:addOperations`: one operation per member, partial failure on. */
export function addOperationsRequest(kind: JobKind, members: UserData[]) {
  return {
    enablePartialFailure: true,
    operations: members.map((userData) => (kind === "create" ? { create: userData } : { remove: userData })),
  };
}

/**
 * Cuts members into requests of at most `maxRows` operations and `maxIdentifiers` identifiers,
 * keeping their order.
 */
export function chunkMembers<T extends { userData: UserData }>(
  members: T[],
  maxRows = ROWS_PER_REQUEST,
  maxIdentifiers = MAX_IDENTIFIERS_PER_REQUEST,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let identifiers = 0;
  for (const m of members) {
    const n = m.userData.userIdentifiers.length;
    if (current.length && (current.length >= maxRows || identifiers + n > maxIdentifiers)) {
      chunks.push(current);
      current = [];
      identifiers = 0;
    }
    current.push(m);
    identifiers += n;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * `POST /vNN/{job}:addOperations`. Operations Google refuses come back in `partialFailureError`
 * (HTTP 200), located by their index in this request: the answer maps each refused index to
 * Google's reasons. The others are in the job.
 */
export async function addOperations(
  api: GoogleAdsApi,
  job: string,
  kind: JobKind,
  members: UserData[],
): Promise<Map<number, string>> {
  const body = await api.post(
    `${job}:addOperations`,
    addOperationsRequest(kind, members),
    `add ${members.length} ${kind} operations to ${job}`,
  );
  if (!body.partialFailureError) return new Map();
  const { byIndex, unplaced } = operationErrors(body.partialFailureError);
  if (unplaced.length) {
    // An error Google tied to no operation: which rows it concerns is unknown, so none is
    // taken as accepted; the request is sent again.
    throw new GoogleAdsApiError(
      `google-ads: ${job}:addOperations answered errors tied to no operation: ${describe({ message: "", errors: unplaced })}`,
      true,
    );
  }
  return byIndex;
}
