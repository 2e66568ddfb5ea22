/**
 * The Data Manager API v1 contract the mock enforces, pinned from Google's published material,
 * never from the connector's code:
 *
 * PROTO: googleapis/googleapis, google/ads/datamanager/v1/*.proto (commit f8291d2b of 2026-08-22)
 * LIMITS: "Limits and quotas", https://developers.google.com/data-manager/api/devguides/limits
 * ERRORS: "Understand API errors", https://developers.google.com/data-manager/api/devguides/concepts/understand-errors
 */

/** HTTP rules of IngestionService (ingestion_service.proto, google.api.http). */
export const PATHS = {
  ingest: "/v1/audienceMembers:ingest",
  remove: "/v1/audienceMembers:remove",
  status: "/v1/requestStatus:retrieve",
} as const;

/** ingestion_service.proto `google.api.oauth_scopes` of IngestionService. */
export const SCOPE = "https://www.googleapis.com/auth/datamanager";

/** PROTO IngestAudienceMembersRequest.audience_members: "At most 10000"; LIMITS: the same for remove. */
export const MAX_MEMBERS = 10_000;
/** PROTO UserData.user_identifiers: "At most 10 `userIdentifiers`"; ErrorReason TOO_MANY_USER_IDENTIFIERS. */
export const MAX_IDENTIFIERS = 10;
/** LIMITS: 10 Destination resources in the destinations list; ErrorReason TOO_MANY_DESTINATIONS. */
export const MAX_DESTINATIONS = 10;
/** LIMITS: IngestionService, 300 requests per minute per project; over it 429 RESOURCE_EXHAUSTED. */
export const REQUESTS_PER_MINUTE = 300;

/** The JSON names of each request message's fields (proto3 JSON mapping: lowerCamelCase). */
export const FIELDS = {
  IngestAudienceMembersRequest: [
    "destinations",
    "audienceMembers",
    "consent",
    "validateOnly",
    "encoding",
    "encryptionInfo",
    "termsOfService",
  ],
  // No consent and no termsOfService in RemoveAudienceMembersRequest.
  RemoveAudienceMembersRequest: [
    "destinations",
    "audienceMembers",
    "validateOnly",
    "encoding",
    "encryptionInfo",
  ],
  Destination: ["reference", "loginAccount", "linkedAccount", "operatingAccount", "productDestinationId"],
  ProductAccount: ["product", "accountId", "accountType"],
  AudienceMember: [
    "destinationReferences",
    "userData",
    "pairData",
    "mobileData",
    "userIdData",
    "ppidData",
    "compositeData",
    "googleUserIdData",
    "partnerProvidedIdData",
    "consent",
  ],
  UserData: ["userIdentifiers"],
  UserIdentifier: ["emailAddress", "phoneNumber", "address"],
  AddressInfo: [
    "givenName",
    "familyName",
    "regionCode",
    "postalCode",
    "addressLine",
    "city",
    "administrativeArea",
  ],
  Consent: ["adUserData", "adPersonalization"],
  TermsOfService: ["customerMatchTermsOfServiceStatus"],
} as const;

/** Enums (destination.proto, consent.proto, terms_of_service.proto, ingestion_service.proto). */
export const ENUMS = {
  AccountType: [
    "ACCOUNT_TYPE_UNSPECIFIED",
    "GOOGLE_ADS",
    "DISPLAY_VIDEO_PARTNER",
    "DISPLAY_VIDEO_ADVERTISER",
    "DATA_PARTNER",
    "GOOGLE_ANALYTICS_PROPERTY",
    "GOOGLE_AD_MANAGER_AUDIENCE_LINK",
    "FLOODLIGHT_CONFIG",
  ],
  ConsentStatus: ["CONSENT_STATUS_UNSPECIFIED", "CONSENT_GRANTED", "CONSENT_DENIED"],
  TermsOfServiceStatus: ["TERMS_OF_SERVICE_STATUS_UNSPECIFIED", "ACCEPTED", "REJECTED"],
  Encoding: ["ENCODING_UNSPECIFIED", "HEX", "BASE64"],
} as const;

/** `ErrorReason` values (error.proto) the mock answers with. */
export type ErrorReason =
  | "INVALID_ARGUMENT"
  | "REQUIRED_FIELD_MISSING"
  | "INVALID_FORMAT"
  | "INVALID_HEX_ENCODING"
  | "INVALID_BASE64_ENCODING"
  | "INVALID_POSTAL_CODE"
  | "INVALID_REGION_CODE"
  | "INVALID_ENUM_VALUE"
  | "INVALID_AUDIENCE_MEMBER"
  | "TOO_MANY_AUDIENCE_MEMBERS"
  | "TOO_MANY_USER_IDENTIFIERS"
  | "TOO_MANY_DESTINATIONS"
  | "INVALID_DESTINATION"
  | "INVALID_USER_LIST_ID"
  | "TERMS_AND_CONDITIONS_NOT_SIGNED"
  | "PERMISSION_DENIED"
  | "INVALID_REQUEST_ID";

/** `RequestStatusPerDestination.RequestStatus` (request_status_per_destination.proto). */
export type RequestStatus =
  | "REQUEST_STATUS_UNKNOWN"
  | "SUCCESS"
  | "PROCESSING"
  | "FAILED"
  | "PARTIAL_SUCCESS";

/** gRPC canonical codes and their HTTP statuses (google/rpc/code.proto). */
export const RPC = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type RpcCode = keyof typeof RPC;
