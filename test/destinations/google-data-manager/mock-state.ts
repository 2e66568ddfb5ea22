import type { RequestStatus } from "./contract.ts";

type Json = Record<string, unknown>;

/** One accepted request, as `requestStatus:retrieve` reports it. */
export interface StoredRequest {
  id: string;
  kind: "ingest" | "remove";
  destination: Json;
  /** PROCESSING answers left before the final one. */
  pollsLeft: number;
  status: RequestStatus;
  errors: { reason: string; count: number }[];
  recordCount: number;
  identifierCount: number;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** An identifier as one comparable key, hashes as lowercase hex whatever the encoding. */
export function identifierKey(id: Json, encoding: string): string {
  const hex = (v: unknown) =>
    encoding === "BASE64" ? Buffer.from(String(v), "base64").toString("hex") : String(v).toLowerCase();
  if (id.emailAddress !== undefined) return `email:${hex(id.emailAddress)}`;
  if (id.phoneNumber !== undefined) return `phone:${hex(id.phoneNumber)}`;
  const a = isObject(id.address) ? id.address : {};
  return `address:${hex(a.givenName)}|${hex(a.familyName)}|${a.regionCode}|${a.postalCode}`;
}

/** The member's effective ad_user_data consent: its own, else the request's ("overrides"). */
export function deniedConsent(member: Json, request: Json): boolean {
  const own = isObject(member.consent) ? member.consent.adUserData : undefined;
  const req = isObject(request.consent) ? request.consent.adUserData : undefined;
  return (own ?? req) === "CONSENT_DENIED";
}

/**
 * What processing a valid request does to the list: members with denied ad_user_data consent fail
 * with PROCESSING_ERROR_REASON_DENIED_CONSENT (processing_errors.proto), the others are added or
 * removed. All failed: FAILED; some: PARTIAL_SUCCESS; none: SUCCESS.
 */
export function process(
  kind: "ingest" | "remove",
  body: Json,
  list: Set<string>,
): Pick<StoredRequest, "status" | "errors" | "recordCount" | "identifierCount"> {
  const members = (body.audienceMembers as Json[]) ?? [];
  const encoding = String(body.encoding);
  let denied = 0;
  let identifierCount = 0;
  for (const m of members) {
    const ids = ((m.userData as Json).userIdentifiers as Json[]) ?? [];
    identifierCount += ids.length;
    if (kind === "ingest" && deniedConsent(m, body)) {
      denied++;
      continue;
    }
    for (const id of ids) {
      const key = identifierKey(id, encoding);
      if (kind === "ingest") list.add(key);
      else list.delete(key);
    }
  }
  const errors = denied ? [{ reason: "PROCESSING_ERROR_REASON_DENIED_CONSENT", count: denied }] : [];
  const status: RequestStatus =
    denied === 0 ? "SUCCESS" : denied === members.length ? "FAILED" : "PARTIAL_SUCCESS";
  return { status, errors, recordCount: members.length, identifierCount };
}

/** `RetrieveRequestStatusResponse` in JSON (int64 counts as strings, proto3 JSON mapping). */
export function statusAnswer(r: StoredRequest): Json {
  const processing = r.pollsLeft > 0;
  const counts = { recordCount: String(r.recordCount), userIdentifierCount: String(r.identifierCount) };
  const d: Json = {
    destination: r.destination,
    requestStatus: processing ? "PROCESSING" : r.status,
  };
  // error_info and warning_info are not populated while PROCESSING (request_status_per_destination.proto).
  if (!processing && r.errors.length) {
    d.errorInfo = { errorCounts: r.errors.map((e) => ({ recordCount: String(e.count), reason: e.reason })) };
  }
  if (r.kind === "ingest") {
    d.audienceMembersIngestionStatus = {
      userDataIngestionStatus: { ...counts, uploadMatchRateRange: "MATCH_RATE_RANGE_41_TO_50" },
    };
  } else {
    d.audienceMembersRemovalStatus = { userDataRemovalStatus: counts };
  }
  return { requestStatusPerDestination: [d] };
}
