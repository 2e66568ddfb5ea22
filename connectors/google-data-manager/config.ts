import { z } from "zod";
import { secretField } from "../../src/connector-kit/config.ts";

/**
 * `ProductAccount.AccountType` values that own Customer Match lists (destination.proto,
 * googleapis/googleapis `google/ads/datamanager/v1/destination.proto`). The others of the enum
 * (Google Analytics properties, Floodlight configs, Ad Manager audience links) take events or
 * other data, not customer lists.
 */
export const ACCOUNT_TYPES = [
  "GOOGLE_ADS",
  "DISPLAY_VIDEO_ADVERTISER",
  "DISPLAY_VIDEO_PARTNER",
  "DATA_PARTNER",
] as const;

/** An account id as digits; a Google Ads id may be written as in the UI ("123-456-7890"). */
const accountId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => String(v).replace(/-/g, "").trim())
  .pipe(z.string().regex(/^\d+$/, "digits (a Google Ads customer id may keep its dashes)"));

/** `ProductAccount` (destination.proto): `account_type` and `account_id`, both required. */
const productAccount = z.object({ type: z.enum(ACCOUNT_TYPES), id: accountId }).strict();

/** `ConsentStatus` (consent.proto) without its UNSPECIFIED value: a sync declares or omits. */
const consentStatus = z.enum(["GRANTED", "DENIED"]);

/**
 * The `google-data-manager` destination: members of a Customer Match list, ingested and removed
 * through Google's Data Manager API v1. Contract in README.md.
 *
 * @example
 * destination: {
 *   type: "google-data-manager",
 *   operatingAccount: { type: "GOOGLE_ADS", id: "123-456-7890" },
 *   loginAccount: { type: "GOOGLE_ADS", id: "111-222-3333" }, // a manager account, when access goes through one
 *   productDestinationId: "7654321",                          // the Customer Match user list
 *   clientId: secret("GOOGLE_DM_CLIENT_ID"),
 *   clientSecret: secret("GOOGLE_DM_CLIENT_SECRET"),
 *   refreshToken: secret("GOOGLE_DM_REFRESH_TOKEN"),           // scope https://www.googleapis.com/auth/datamanager
 *   consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
 *   customerMatchTermsAccepted: true,
 *   defaultPhoneCountry: "GB",
 * }
 */
export const googleDataManagerDestinationSchema = z
  .object({
    type: z.literal("google-data-manager"),
    /** `Destination.operating_account`: the account whose list takes the members. */
    operatingAccount: productAccount,
    /** `Destination.login_account`: the account the credentials act as (e.g. a manager account). */
    loginAccount: productAccount.optional(),
    /** `Destination.product_destination_id`: the id of the Customer Match user list. */
    productDestinationId: z
      .union([z.string(), z.number().int().nonnegative()])
      .transform((v) => String(v).trim())
      .pipe(z.string().regex(/^\d+$/, "digits only: the user list's id, e.g. 7654321")),
    /**
     * Request-level `Consent` (ingestion_service.proto: "User-level consent overrides
     * request-level consent"). A row's own consent comes from the fields `ad_user_data` and
     * `ad_personalization` of the sync's mapping. Whether you may declare GRANTED is a legal
     * question: there is no default.
     */
    consent: z
      .object({ adUserData: consentStatus.optional(), adPersonalization: consentStatus.optional() })
      .strict()
      .optional(),
    /**
     * The Customer Match terms (https://support.google.com/adspolicy/answer/6299717), which
     * `TermsOfService.customer_match_terms_of_service_status` must declare ACCEPTED when
     * ingesting `UserData` (terms_of_service.proto). Only you can accept them: say so here.
     */
    customerMatchTermsAccepted: z.literal(true, {
      error:
        "set customerMatchTermsAccepted: true once the advertiser has accepted Google's Customer Match terms (https://support.google.com/adspolicy/answer/6299717); Google refuses uploads without it",
    }),
    /** `Encoding` of the hashed identifiers (ingestion_service.proto): HEX or BASE64. */
    encoding: z.enum(["HEX", "BASE64"]).default("HEX"),
    /** ISO 3166-1 country of phone numbers written without their country code (e.g. "GB"). */
    defaultPhoneCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code such as US or GB")
      .transform((v) => v.toUpperCase())
      .optional(),
    /** The OAuth client's id. */
    clientId: secretField(z.string().min(1)),
    /** Secret: the OAuth client's secret. */
    clientSecret: secretField(z.string().min(1)),
    /** Secret: a refresh token granted the scope https://www.googleapis.com/auth/datamanager. */
    refreshToken: secretField(z.string().min(1)),
    /** The API version in the URL; v1 is the only one Google publishes (versions.ts). */
    apiVersion: z.literal("v1").default("v1"),
    baseUrl: z.string().url().default("https://datamanager.googleapis.com"),
    tokenUrl: z.string().url().default("https://oauth2.googleapis.com/token"),
    /** Members per request: Google takes at most 10,000 (Limits and quotas). */
    batchSize: z.number().int().positive().max(10_000).optional(),
    /** Requests per second at most (Google: 300 a minute per Cloud project). */
    rateLimit: z.number().positive().max(5).optional(),
    /** Seconds before a request is abandoned and retried (Google's own clients wait 120 s). */
    timeout: z.number().positive().default(120),
    /** Seconds before the first `requestStatus:retrieve`; later ones back off up to a minute. */
    pollInterval: z.number().positive().default(5),
    /** Minutes a request may stay PROCESSING; past that its rows are sent again next run. */
    pollTimeout: z.number().positive().default(30),
  })
  .strict();

export type GoogleDataManagerDestinationConfig = z.output<typeof googleDataManagerDestinationSchema>;
