import { z } from "zod";

/**
 * Google BigQuery. Credentials come from the environment: application default credentials, or
 * the key file named by `keyFileEnv` (default GOOGLE_APPLICATION_CREDENTIALS).
 */
export const bigqueryTargetSchema = z
  .object({
    type: z.literal("bigquery"),
    project: z.string().min(1),
    /** Default dataset models and seeds are built in. */
    schema: z.string().min(1),
    /** Where jobs run and datasets are created; set on every job. */
    location: z.string().min(1).default("US"),
    /** Environment variable holding the path of a service-account key file. */
    keyFileEnv: z.string().min(1).default("GOOGLE_APPLICATION_CREDENTIALS"),
    /** Fail any query that would bill more than this many bytes. */
    maximumBytesBilled: z.number().int().positive().optional(),
    /** Labels added to every job, next to cdp's own (model, command). */
    labels: z.record(z.string(), z.string()).default({}),
    /** API root, for a local stand-in of the BigQuery REST API. */
    apiEndpoint: z.string().url().optional(),
  })
  .strict();

export type BigqueryTargetConfig = z.output<typeof bigqueryTargetSchema>;
