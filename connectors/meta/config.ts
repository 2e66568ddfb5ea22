import { z } from "zod";
import { secretField, variableField } from "../../src/connector-kit/config.ts";
import { META_VERSIONS } from "./versions.ts";

/**
 * The `meta` destination: a Meta (Facebook/Instagram) customer-file Custom Audience, updated
 * through the Graph API (`POST`/`DELETE /{audienceId}/users`). The access token is a secret:
 * write it as `secret("META_ACCESS_TOKEN")` (a system-user token with `ads_management`).
 *
 * @example
 * destination: {
 *   type: "meta",
 *   accessToken: secret("META_ACCESS_TOKEN"),
 *   audienceId: "23851234567890123",
 *   defaultCountry: "US",
 * }
 */
export const metaDestinationSchema = z
  .object({
    type: z.literal("meta"),
    /** Secret: a system-user access token with the `ads_management` permission. */
    accessToken: secretField(z.string().min(1)),
    /**
     * Secret, optional: the app secret, when the app requires `appsecret_proof` on server calls
     * ("Require App Secret" in the app's advanced settings).
     */
    appSecret: secretField(z.string().min(1)).optional(),
    /**
     * The Custom Audience id, as text: Meta ids have more digits than a JavaScript number holds
     * exactly, so `23851234567890123` written as a number would name another audience.
     */
    audienceId: variableField(
      z
        .string()
        .regex(/^\d+$/, "audienceId must be the audience's numeric id, written as a string in quotes"),
    ),
    /**
     * Marketing API version, pinned so a new release does not change behaviour under you;
     * default the newest in `versions.ts` (each with the release and expiration Meta published).
     */
    apiVersion: z
      .string()
      .regex(/^v\d+\.\d+$/, 'apiVersion looks like "v27.0"')
      .default(META_VERSIONS.default),
    /** The Graph API host (tests point it at a local mock). */
    baseUrl: z.string().url().default("https://graph.facebook.com"),
    /**
     * ISO-2 country (e.g. "US") for phone numbers written without their country code, and for
     * the rules of ZIP and ST, when the row has no COUNTRY field of its own.
     */
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'defaultCountry is a 2-letter ISO country code such as "US"')
      .optional(),
    /** Rows per request (Meta allows at most 10,000). */
    batchSize: z.number().int().positive().max(10_000).optional(),
    /** Requests per second at most. */
    rateLimit: z.number().positive().optional(),
    /** Seconds before a request is abandoned and retried. */
    timeout: z.number().positive().default(60),
  })
  .strict();

export type MetaDestinationConfig = z.output<typeof metaDestinationSchema>;
