import { z } from "zod";
import { secretField } from "../../src/connector-kit/config.ts";
import { SALESFORCE_VERSIONS } from "./versions.ts";

/** API names of objects and fields: `Contact`, `Member__c`, `ns__Score__c`. */
const apiName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must be an API name such as Contact, Member__c or Cdp_Id__c");

/**
 * The `salesforce` destination: records of one object upserted by an External ID field, through
 * the REST API (sObject Collections, 200 records a call) or Bulk API 2.0 for large batches.
 * Authentication is the OAuth 2.0 refresh-token flow of a connected app.
 *
 * @example
 * destination: {
 *   type: "salesforce",
 *   clientId: secret("SALESFORCE_CLIENT_ID"),
 *   clientSecret: secret("SALESFORCE_CLIENT_SECRET"),
 *   refreshToken: secret("SALESFORCE_REFRESH_TOKEN"),
 *   object: "Contact",
 *   externalIdField: "Cdp_Id__c",
 * }
 */
export const salesforceDestinationSchema = z
  .object({
    type: z.literal("salesforce"),
    /**
     * Where tokens are issued: `https://login.salesforce.com` (production), `https://test.salesforce.com`
     * (sandboxes) or the org's My Domain URL.
     */
    loginUrl: z.string().url().default("https://login.salesforce.com"),
    /** The org's API host; by default the `instance_url` the token endpoint returns. */
    instanceUrl: z.string().url().optional(),
    /**
     * REST API version, pinned so a Salesforce release cannot change behaviour under a sync;
     * default the newest in `versions.ts` (with the dates Salesforce published).
     */
    apiVersion: z
      .string()
      .regex(/^\d{2,3}\.0$/, 'must look like "68.0"')
      .default(SALESFORCE_VERSIONS.default),
    /** The connected app's consumer key. */
    clientId: secretField(z.string().min(1)),
    /** Secret: the connected app's consumer secret. */
    clientSecret: secretField(z.string().min(1)),
    /** Secret: a refresh token issued to the integration user for this connected app. */
    refreshToken: secretField(z.string().min(1)),
    /** The object written, by API name. */
    object: apiName,
    /** The object's External ID field that holds the sync's primary key. */
    externalIdField: apiName,
    /**
     * A batch with at least this many upserts (or deletes) goes through a Bulk API 2.0 job; smaller
     * ones through sObject Collections, 200 records a call. Salesforce advises bulk above 2,000.
     */
    bulkThreshold: z.number().int().positive().default(2_000),
    /** Longest wait between two polls of a bulk job, in seconds (polling starts at 1 s and doubles). */
    bulkPollInterval: z.number().positive().default(10),
    /** Seconds a bulk job may take before its rows are left for the next run. */
    bulkTimeout: z.number().positive().default(1_800),
    /**
     * Share of the org's daily API requests (the `Sforce-Limit-Info` header) above which the sync
     * stops sending, leaving room for the org's other integrations; it slows down 10 points before.
     */
    maxApiUsage: z.number().gt(0).max(1).default(0.9),
    /** Rows per batch given to the connector (bulk jobs take a whole batch). */
    batchSize: z.number().int().positive().max(10_000).optional(),
    /** Requests per second at most. */
    rateLimit: z.number().positive().optional(),
    /** Seconds before a request is abandoned and retried. */
    timeout: z.number().positive().default(60),
  })
  .strict();

export type SalesforceDestinationConfig = z.output<typeof salesforceDestinationSchema>;
