import { z } from "zod";
import { destinationSchema } from "../../connectors/index.ts";
import { secretField } from "../connector-kit/secret-field.ts";

/**
 * What a sync sends: `upsert` (create or update), `update` (existing records only), `insert`
 * (new keys only; changes are skipped), `mirror` (upsert, and delete what left the model),
 * `audience` (add members, remove those who left).
 */
export const SYNC_MODES = ["upsert", "update", "insert", "mirror", "audience"] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

/**
 * One destination field. A string is the model column to copy (a rename when the keys differ);
 * an object applies a transform, computed in the warehouse so the row hash covers its result.
 *
 * @example
 * fields: {
 *   email: { column: "email", transform: "email" },          // lower-cased, spaces removed
 *   email_sha256: { column: "email", transform: ["email", "sha256"] },
 *   phone: { column: "phone", transform: "phone", defaultCallingCode: "44" },
 *   full_name: { template: "{{first_name}} {{last_name}}" },
 *   source: { constant: "cdp" },
 * }
 */
export const TRANSFORMS = ["email", "phone", "name", "lower", "trim", "sha256"] as const;
export type Transform = (typeof TRANSFORMS)[number];

const columnField = z
  .object({
    column: z.string().min(1),
    transform: z.union([z.enum(TRANSFORMS), z.array(z.enum(TRANSFORMS)).min(1)]).optional(),
    /** Calling code for phone numbers written nationally (transform "phone"). */
    defaultCallingCode: z
      .string()
      .regex(/^[0-9]{1,3}$/)
      .default("1"),
  })
  .strict();
const constantField = z.object({ constant: z.union([z.string(), z.number(), z.boolean()]) }).strict();
const templateField = z
  .object({
    /** Text with `{{column}}` placeholders; a NULL column reads as empty text. */
    template: z.string().min(1),
    transform: z.union([z.enum(TRANSFORMS), z.array(z.enum(TRANSFORMS)).min(1)]).optional(),
  })
  .strict();

export const fieldMappingSchema = z.union([z.string().min(1), columnField, constantField, templateField]);
export type FieldMapping = z.output<typeof fieldMappingSchema>;

export { type DestinationConfig, destinationSchema } from "../../connectors/index.ts";

/** A share of a count, written like "20%" (0-100). */
const share = z
  .string()
  .regex(/^\d+(\.\d+)?%$/, 'must be a share like "20%"')
  .refine((v) => Number.parseFloat(v) <= 100, "must be at most 100%");

export const syncConfigSchema = z
  .object({
    /** The model (or seed) whose rows are synced. */
    model: z.string().min(1),
    /** Column of the model identifying a row at the destination; must be non-null and unique. */
    primaryKey: z.string().min(1),
    mode: z.enum(SYNC_MODES),
    destination: destinationSchema,
    /**
     * The targets this sync runs on (`--target`). Without it, only on the default target: a
     * developer's or a pull request's build on another target never writes to the destination.
     */
    targets: z.array(z.string().min(1)).min(1).optional(),
    /**
     * A different destination on some targets, e.g. a sandbox HubSpot portal on `staging`:
     * `{ staging: { type: "hubspot", accessToken: secret("HUBSPOT_SANDBOX_TOKEN"), ... } }`.
     * Each key must be one of the sync's targets.
     */
    destinationByTarget: z.record(z.string(), destinationSchema).optional(),
    /**
     * The stitch model whose profile ids are this sync's primary key. A profile id that identity
     * resolution merges into another (its `__merges` table) is removed from the destination, in
     * every mode, before the surviving profile is sent: remove-old, then add-new.
     */
    identity: z.string().min(1).optional(),
    /** Destination field → model column or transform. Default: every column, as it is. */
    fields: z.record(z.string().min(1), fieldMappingSchema).optional(),
    /** Rows per request (default: the connector's, from its API's limits). */
    batchSize: z.number().int().positive().optional(),
    /** Requests per second at most (default: the connector's). */
    rateLimit: z.number().positive().optional(),
    /** Batches in flight at once. */
    concurrency: z.number().int().positive().max(64).default(4),
    /** Attempts per batch for errors a retry can help (5xx, 429, timeouts). */
    maxAttempts: z.number().int().positive().max(20).default(5),
    /**
     * The sync fails (exit 1) when more rows than this are rejected: a count, or a share of the
     * planned rows as a string like "5%". Default 0: any rejection fails the run.
     */
    maxRejected: z.union([z.number().int().nonnegative(), share]).default(0),
    /**
     * A run that would remove (or delete) more rows than this from the destination stops before
     * sending anything, unless `--allow-mass-removal`: a count, or a share of the rows the
     * destination holds from this sync (its state). An empty model while the state holds rows
     * is stopped the same way.
     */
    maxRemoved: z.union([z.number().int().nonnegative(), share]).default("20%"),
    /**
     * Where to say that a run failed, rejected more than `maxRejected`, or was stopped by a guard
     * (mass removal, empty model, lost state, stale sources): a webhook URL or a Slack incoming
     * webhook URL, usually `secret("SLACK_WEBHOOK_URL")` (with `{ optional: true }`, none is sent
     * while the variable is unset). A failing notification never fails the sync.
     */
    notify: z
      .object({ onFailure: secretField(z.string().url()).optional() })
      .strict()
      .optional(),
    /** A sync switched off is listed but never run. */
    enabled: z.boolean().default(true),
    /** Schema of the sync's state tables. */
    stateSchema: z.string().min(1).default("cdp_state"),
    /** Seconds a run holds the sync's lock without renewing it before another may take it over. */
    lockLease: z.number().int().positive().default(120),
  })
  .strict();

export type SyncConfig = z.output<typeof syncConfigSchema>;
export type UserSyncConfig = z.input<typeof syncConfigSchema>;
