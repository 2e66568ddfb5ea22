import { z } from "zod";

const commaList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

/**
 * What `{{config ...}}` accepts in a model. Unknown keys are errors (with a suggestion), so a typo
 * such as `materialised` cannot silently build a view.
 */
export const modelConfigSchema = z
  .object({
    materialized: z
      .enum(["view", "table", "incremental", "ephemeral", "stitch", "match", "snapshot"])
      .default("view"),
    /** stitch: the ruleset from `identity.rulesets` in cdp.config.ts (none: plain connected components). */
    rules: z.string().min(1).optional(),
    /** match: the settings from `identity.match` in cdp.config.ts (required). */
    settings: z.string().min(1).optional(),
    /** Column(s) identifying a row, for incremental merges: "id" or "a,b". */
    unique_key: commaList.optional(),
    /** `merge` (default with a unique_key) or `append` (default without). */
    incremental_strategy: z.enum(["append", "merge"]).optional(),
    /** What an incremental run does when the query has columns the table lacks. */
    on_schema_change: z.enum(["fail", "append_new_columns", "ignore"]).default("fail"),
    /** snapshot: how a change is seen: a later `updated_at`, or a `check_cols` column that differs. */
    strategy: z.enum(["timestamp", "check"]).optional(),
    /** snapshot, timestamp strategy: the column saying when the source row last changed. */
    updated_at: z.string().min(1).optional(),
    /** snapshot, check strategy: the columns compared, or "all". */
    check_cols: z.union([z.literal("all"), commaList]).optional(),
    /** snapshot: a key gone from the query keeps its version open (`ignore`) or has it closed (`invalidate`). */
    hard_deletes: z.enum(["ignore", "invalidate"]).default("ignore"),
    tags: commaList.default([]),
    schema: z.string().min(1).optional(),
    /** Name of the relation in the warehouse, when it differs from the file name. */
    alias: z.string().min(1).optional(),
    enabled: z.boolean().default(true),
    description: z.string().optional(),
  })
  .strict();

export type ModelConfig = z.output<typeof modelConfigSchema>;
export const MODEL_CONFIG_KEYS = Object.keys(modelConfigSchema.shape);

export const GENERIC_TESTS = ["not_null", "unique", "accepted_values", "relationships"] as const;
export type GenericTestKind = (typeof GENERIC_TESTS)[number];

/** What `{{test "kind" ...}}` accepts. */
export const testArgsSchema = z
  .object({
    column: z.string().min(1),
    /** accepted_values: "a,b,c" or an array (e.g. `values=(var "statuses")`). */
    values: z.union([z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))]).optional(),
    /** relationships: the model or seed the column points to, and its column. */
    to: z.string().min(1).optional(),
    field: z.string().min(1).optional(),
    /** `error` fails the run; `warn` reports and goes on. */
    severity: z.enum(["error", "warn"]).default("error"),
    /** A SQL condition limiting the rows tested. */
    where: z.string().optional(),
    /** accepted_values: compare as strings (default) or as they are. */
    quote: z.boolean().default(true),
    name: z.string().optional(),
  })
  .strict();

export type TestArgs = z.output<typeof testArgsSchema>;
