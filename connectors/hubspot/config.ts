import { z } from "zod";
import { secretField } from "../../src/connector-kit/config.ts";
import { HUBSPOT_VERSIONS } from "./versions.ts";

/** CRM objects this destination writes. */
export const HUBSPOT_OBJECTS = ["contacts", "companies"] as const;
export type HubspotObject = (typeof HUBSPOT_OBJECTS)[number];

/**
 * The `hubspot` destination: CRM v3 records upserted by a unique property, authenticated with a
 * private app's access token (a secret: write it as `secret("ENV_VAR")`).
 *
 * The sync's primary key is the value of `idProperty` (e.g. the contact's email). Audience syncs
 * also need `listId`: a MANUAL or SNAPSHOT list of the same object.
 *
 * @example
 * destination: { type: "hubspot", accessToken: secret("HUBSPOT_ACCESS_TOKEN"), object: "contacts", idProperty: "email" }
 */
export const hubspotDestinationSchema = z
  .object({
    type: z.literal("hubspot"),
    /** Secret: the private app's access token, sent as `Authorization: Bearer <token>`. */
    accessToken: secretField(z.string().min(1)),
    /** The CRM object written. */
    object: z.enum(HUBSPOT_OBJECTS).default("contacts"),
    /**
     * The property identifying a record, whose value is the sync's primary key: `email` for
     * contacts (the default), or a property created with "unique values" (any object).
     */
    idProperty: z
      .string()
      .regex(/^[a-z0-9_]+$/, "a HubSpot property's internal name: lowercase letters, digits, underscores")
      .optional(),
    /** The list (its ILS id, as shown in the list's URL) that audience syncs add to and remove from. */
    listId: z
      .union([z.string().regex(/^[0-9]+$/, "a list id is a number"), z.number().int().positive()])
      .transform(String)
      .optional(),
    /**
     * The API version: a date version ("2026-09", "2026-03": `/crm/objects/2026-09/...`) or the
     * legacy "v3" paths. Default the newest in `versions.ts`; each date version's paths are those
     * of HubSpot's public API spec collection.
     */
    apiVersion: z
      .enum(HUBSPOT_VERSIONS.versions.map((v) => v.version) as [string, ...string[]])
      .default(HUBSPOT_VERSIONS.default),
    /** API host; tests point it at a local mock. */
    baseUrl: z.string().url().default("https://api.hubapi.com"),
    /** Records per request (HubSpot accepts at most 100). */
    batchSize: z.number().int().positive().max(100).optional(),
    /**
     * Requests per second at most. Default 10: 100 requests per 10 s, the limit of Free and
     * Starter portals; Professional and Enterprise portals allow 190 per 10 s (19).
     */
    rateLimit: z.number().positive().optional(),
    /** Seconds before a request is abandoned and retried. */
    timeout: z.number().positive().default(30),
  })
  .strict();

export type HubspotDestinationConfig = z.output<typeof hubspotDestinationSchema>;
