import type { GoogleDataManagerDestinationConfig } from "./config.ts";
import type { AudienceMember, Consent } from "./members.ts";

/**
 * "At most 10000 AudienceMember resources can be sent in a single request"
 * (ingestion_service.proto, IngestAudienceMembersRequest.audience_members; the same limit for
 * RemoveAudienceMembersRequest in Limits and quotas, https://developers.google.com/data-manager/api/devguides/limits).
 */
export const MAX_MEMBERS_PER_REQUEST = 10_000;

/**
 * Requests per second: "IngestionService … 300 requests per minute" per Google Cloud project
 * (Limits and quotas); over it, 429 RESOURCE_EXHAUSTED.
 */
export const REQUESTS_PER_SECOND = 5;

/** `Destination` (destination.proto) in its JSON form. */
export function destinationOf(config: GoogleDataManagerDestinationConfig): Record<string, unknown> {
  const account = (a: { type: string; id: string }) => ({ accountType: a.type, accountId: a.id });
  return {
    operatingAccount: account(config.operatingAccount),
    ...(config.loginAccount ? { loginAccount: account(config.loginAccount) } : {}),
    productDestinationId: config.productDestinationId,
  };
}

/** The request-level `Consent` (consent.proto) the config declares, if any. */
export function requestConsent(config: GoogleDataManagerDestinationConfig): Consent | undefined {
  const c = config.consent;
  if (!c || (!c.adUserData && !c.adPersonalization)) return undefined;
  const status = (v: "GRANTED" | "DENIED") => (v === "GRANTED" ? "CONSENT_GRANTED" : "CONSENT_DENIED");
  return {
    ...(c.adUserData ? { adUserData: status(c.adUserData) } : {}),
    ...(c.adPersonalization ? { adPersonalization: status(c.adPersonalization) } : {}),
  } as Consent;
}

/** What the ingest and remove calls need besides their members. */
export interface RequestSettings {
  config: GoogleDataManagerDestinationConfig;
  validateOnly?: boolean;
}

export type { AudienceMember };
