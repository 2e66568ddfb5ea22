import { z } from "zod";
import { collectConfigSchema } from "../collect/config.ts";
import { identityConfigSchema } from "../identity/stitch/rules.ts";
import { apiConfigSchema } from "../serve/api-config.ts";
import { serveConfigSchema } from "../serve/serve-config.ts";
import { syncConfigSchema } from "../sync/config.ts";
import { targetSchema } from "../warehouse/config.ts";

export { type BigqueryTargetConfig, bigqueryTargetSchema } from "../warehouse/bigquery/config.ts";
export { type TargetConfig, targetSchema } from "../warehouse/config.ts";
export { type DuckdbTargetConfig, duckdbTargetSchema } from "../warehouse/duckdb/config.ts";
export { type PostgresTargetConfig, postgresTargetSchema } from "../warehouse/postgres/config.ts";

const identifierName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, "must be a plain identifier");

/** A span of time: "30m", "12h", "2d", or dbt's `{ count: 12, period: "hour" }`. */
export const durationSchema = z.union([
  z.string().regex(/^\d+(\.\d+)?(m|h|d)$/, 'must be a duration like "30m", "12h" or "2d"'),
  z.object({ count: z.number().positive(), period: z.enum(["minute", "hour", "day"]) }).strict(),
]);

/**
 * How fresh a source's tables must be: the newest `loadedAt` (a timestamp column every table of
 * the source has) is compared with now. `cdp source freshness` reports it; a sync whose model
 * reads a source past `errorAfter` is skipped.
 */
export const freshnessSchema = z
  .object({
    loadedAt: z.string().min(1),
    warnAfter: durationSchema.optional(),
    errorAfter: durationSchema.optional(),
  })
  .strict()
  .refine((f) => f.warnAfter !== undefined || f.errorAfter !== undefined, {
    message: "set warnAfter, errorAfter or both",
  });

export const sourceSchema = z
  .object({
    /** Schema (dataset) holding the source's tables. */
    schema: z.string().min(1),
    /** Database (catalog, project) when it differs from the target's. */
    database: z.string().min(1).optional(),
    /** Table names, or a map from the name used in `{{source}}` to the real table name. */
    tables: z.union([z.array(z.string().min(1)), z.record(z.string(), z.string().min(1))]),
    description: z.string().optional(),
    freshness: freshnessSchema.optional(),
  })
  .strict();

export const seedConfigSchema = z
  .object({
    /** Column types that override the CSV reader's detection, e.g. `{ amount: "DECIMAL(12,2)" }`. */
    columnTypes: z.record(z.string(), z.string().min(1)).optional(),
    schema: z.string().min(1).optional(),
    delimiter: z.string().length(1).optional(),
    tags: z.array(z.string()).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    name: identifierName,
    /** The default target. */
    warehouse: targetSchema.optional(),
    /** Named targets selected with `--target`. */
    targets: z.record(z.string(), targetSchema).optional(),
    /** Target used when `--target` is not given and `warehouse` is not set. */
    defaultTarget: z.string().optional(),
    /** Values for `{{var "name"}}`; `--vars '{"name": ...}'` overrides them. */
    vars: z.record(z.string(), z.unknown()).default({}),
    sources: z.record(identifierName, sourceSchema).default({}),
    seeds: z.record(z.string(), seedConfigSchema).default({}),
    /** Where the project's files live, relative to the project directory. */
    paths: z
      .object({
        models: z.string().default("models"),
        seeds: z.string().default("seeds"),
        tests: z.string().default("tests"),
        partials: z.string().default("partials"),
        target: z.string().default("target"),
      })
      .strict()
      .default({ models: "models", seeds: "seeds", tests: "tests", partials: "partials", target: "target" }),
    /** Identity resolution: rulesets that stitch models name with `rules="..."`. */
    identity: identityConfigSchema,
    /** Default number of models built at the same time (`--threads` overrides). */
    threads: z.number().int().positive().max(64).default(4),
    /** Reverse-ETL syncs by name: a model kept in step with a destination (`cdp sync`). */
    syncs: z.record(identifierName, syncConfigSchema).default({}),
    /** The profile API of `cdp serve`: the fields it exposes and the tokens that may ask. */
    api: apiConfigSchema.optional(),
    /** `cdp serve`: the models Profile 360 reads, how often it looks for a new build. */
    serve: serveConfigSchema.optional(),
    /** The event collector (`cdp collect`): sources and write keys, CORS, its log and loader. */
    collect: collectConfigSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (!config.warehouse && !config.targets) {
      ctx.addIssue({ code: "custom", path: ["warehouse"], message: "set `warehouse` or `targets`" });
    }
    if (config.defaultTarget && !config.targets?.[config.defaultTarget]) {
      ctx.addIssue({
        code: "custom",
        path: ["defaultTarget"],
        message: `"${config.defaultTarget}" is not one of the declared targets`,
      });
    }
    const targetNames = declaredTargets(config);
    for (const [name, token] of Object.entries(config.api?.tokens ?? {})) {
      (token.targets ?? []).forEach((t, i) => {
        if (!targetNames.includes(t)) {
          ctx.addIssue({
            code: "custom",
            path: ["api", "tokens", name, "targets", i],
            message: `API token "${name}": "${t}" is not a declared target (targets: ${targetNames.join(", ")})`,
          });
        }
      });
    }
    for (const [name, sync] of Object.entries(config.syncs)) {
      const runsOn = sync.targets ?? [];
      runsOn.forEach((t, i) => {
        if (!targetNames.includes(t)) {
          ctx.addIssue({
            code: "custom",
            path: ["syncs", name, "targets", i],
            message: `sync "${name}": "${t}" is not a declared target (targets: ${targetNames.join(", ")})`,
          });
        }
      });
      for (const t of Object.keys(sync.destinationByTarget ?? {})) {
        const on = sync.targets ?? [defaultTargetName(config)];
        if (!on.includes(t)) {
          ctx.addIssue({
            code: "custom",
            path: ["syncs", name, "destinationByTarget", t],
            message: `sync "${name}": target "${t}" is not one the sync runs on (${on.join(", ")}); add it to the sync's targets`,
          });
        }
      }
    }
  });

/** The targets a config declares, by name (`warehouse` alone is the target "default"). */
export function declaredTargets(config: {
  warehouse?: unknown;
  targets?: Record<string, unknown>;
}): string[] {
  return [...(config.warehouse ? ["default"] : []), ...Object.keys(config.targets ?? {})];
}

/**
 * The target used when `--target` is not given: `defaultTarget`, else `warehouse` (named
 * "default"), else the first entry of `targets`.
 */
export function defaultTargetName(config: {
  defaultTarget?: string;
  warehouse?: unknown;
  targets?: Record<string, unknown>;
}): string {
  if (config.defaultTarget && config.targets?.[config.defaultTarget]) return config.defaultTarget;
  if (config.warehouse) return "default";
  return Object.keys(config.targets ?? {})[0] ?? "default";
}

/** What users write in `cdp.config.ts` (defaults may be left out). */
export type UserConfig = z.input<typeof configSchema>;
/** The validated configuration, defaults filled in. */
export type ProjectConfig = z.output<typeof configSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type FreshnessConfig = z.output<typeof freshnessSchema>;
export type Duration = z.output<typeof durationSchema>;
export type SeedConfig = z.output<typeof seedConfigSchema>;
