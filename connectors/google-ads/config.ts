import { z } from "zod";
import { secretField, variableField } from "../../src/connector-kit/config.ts";
import { GOOGLE_ADS_VERSIONS } from "./versions.ts";

/** A Google Ads customer id as shown in the UI ("123-456-7890") or as digits; kept as digits. */
const customerId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => String(v).replace(/-/g, "").trim())
  .pipe(z.string().regex(/^\d{6,12}$/, "a Google Ads customer id: 10 digits, dashes allowed"));

/** A numeric resource id (the user list's), given as a number or a string of digits. */
const numericId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d+$/, "digits only (the user list's id, e.g. 7654321)"));

/**
 * The two consent signals Google asks for with Customer Match data (EU user consent policy),
 * declared for every member the sync sends. Whether you may send GRANTED is a legal question:
 * there is no default.
 */
const consentStatus = z.enum(["GRANTED", "DENIED", "UNSPECIFIED"]);

/**
 * The `google-ads` destination: members of a Customer Match user list (CRM-based audience),
 * uploaded through offline user data jobs of the Google Ads API. Contract in README.md.
 *
 * @example
 * destination: {
 *   type: "google-ads",
 *   customerId: "123-456-7890",
 *   userListId: "7654321",
 *   loginCustomerId: "111-222-3333",            // when access goes through a manager account
 *   developerToken: secret("GOOGLE_ADS_DEVELOPER_TOKEN"),
 *   clientId: secret("GOOGLE_ADS_CLIENT_ID"),
 *   clientSecret: secret("GOOGLE_ADS_CLIENT_SECRET"),
 *   refreshToken: secret("GOOGLE_ADS_REFRESH_TOKEN"),
 *   consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
 *   defaultPhoneCountry: "GB",
 * }
 */
export const googleAdsDestinationSchema = z
  .object({
    type: z.literal("google-ads"),
    /** The advertiser account owning the user list. */
    customerId: variableField(customerId),
    /** Id of the Customer Match (CRM_BASED) user list whose members the sync manages. */
    userListId: variableField(numericId),
    /** The manager account the credentials reach the customer through (`login-customer-id`). */
    loginCustomerId: customerId.optional(),
    /** Secret: the developer token of the Google Ads API Center (`developer-token` header). */
    developerToken: secretField(z.string().min(1)),
    /** The OAuth client's id; not a credential alone, but usually kept beside the others. */
    clientId: secretField(z.string().min(1)),
    /** Secret: the OAuth client's secret. */
    clientSecret: secretField(z.string().min(1)),
    /** Secret: a refresh token of a Google account with access to the customer (adwords scope). */
    refreshToken: secretField(z.string().min(1)),
    consent: z.object({ adUserData: consentStatus, adPersonalization: consentStatus }).strict(),
    /** ISO 3166-1 country of phone numbers written without their country code (e.g. "GB"). */
    defaultPhoneCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code such as US or GB")
      .transform((v) => v.toUpperCase())
      .optional(),
    /**
     * The Google Ads API version in the URL; pinned, since each one is retired about a year after
     * release. Default the newest in `versions.ts` (with Google's published dates).
     */
    apiVersion: z
      .string()
      .regex(/^v\d{2,}$/, 'a version such as "v26"')
      .default(GOOGLE_ADS_VERSIONS.default),
    baseUrl: z.string().url().default("https://googleads.googleapis.com"),
    /** The OAuth token endpoint exchanging the refresh token for access tokens. */
    tokenUrl: z.string().url().default("https://oauth2.googleapis.com/token"),
    /** Rows per batch the engine hands over (they wait for the run's jobs). */
    batchSize: z.number().int().positive().max(100_000).optional(),
    /**
     * Rows per offline user data job: a run of up to this many rows per operation is one job each
     * (Google: one large job rather than several small ones). A longer run uploads every
     * `rowsPerJob` rows, one job after the other; rows wait in memory (about 1 KB each) until then.
     */
    rowsPerJob: z.number().int().positive().max(1_000_000).default(100_000),
    /** Requests per second at most. */
    rateLimit: z.number().positive().optional(),
    /** Seconds before a request is abandoned and retried. */
    timeout: z.number().positive().default(60),
    /** Seconds before the first look at a running job; later looks are spaced out up to 5 minutes. */
    pollInterval: z.number().positive().default(30),
    /**
     * Minutes a batch waits for its job to finish (Google: from 10 minutes to 24 hours). A job
     * still running then leaves its rows undelivered: they are sent again.
     */
    jobTimeout: z
      .number()
      .positive()
      .default(24 * 60),
  })
  .strict();

export type GoogleAdsDestinationConfig = z.output<typeof googleAdsDestinationSchema>;
