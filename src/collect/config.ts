import { z } from "zod";

const identifierName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a plain identifier");

/** A write key's value: resolved from `secret("ENV")` at load time; a SecretRef stays when unset. */
const writeKeyValue = z.union([
  z.string().min(8, "a write key must be at least 8 characters"),
  z.object({ $secret: z.string(), optional: z.boolean().optional() }).strict(),
]);

const sourceSchema = z
  .object({
    /** `secret("CDP_WRITE_KEY_WEB")`: write keys never live in the config file. */
    writeKey: writeKeyValue,
  })
  .strict();

/**
 * The event collector (`cdp collect`): who may send, where events wait on disk, how often they
 * are loaded into the warehouse.
 *
 * @example
 * collect: {
 *   sources: { web: { writeKey: secret("CDP_WRITE_KEY_WEB") }, app: { writeKey: secret("CDP_WRITE_KEY_APP") } },
 *   allowedOrigins: ["https://www.example.com"],
 * }
 */
export const collectConfigSchema = z
  .object({
    /** Event sources by name; the name is the value of every event's `source` column. */
    sources: z.record(identifierName, sourceSchema).refine((s) => Object.keys(s).length > 0, {
      message: "declare at least one source",
    }),
    /** Origins browsers may send from (CORS); `*` allows any. Default: none (server clients only). */
    allowedOrigins: z.array(z.string().min(1)).default([]),
    /** Where `cdp collect` listens (`--host`/`--port` override). */
    host: z.string().min(1).default("127.0.0.1"),
    port: z.number().int().min(0).max(65535).default(8088),
    /** The schema (dataset on BigQuery) the loader writes the event tables into. */
    schema: identifierName.default("events"),
    /** The append-only log, relative to the project directory. */
    logDir: z.string().min(1).default(".cdp/collect/log"),
    /** Past this many bytes of unloaded log, requests are refused with 503 and Retry-After. */
    diskBudgetBytes: z
      .number()
      .int()
      .positive()
      .default(1024 ** 3),
    /**
     * What the process trades for what: `memory` (the default) runs V8 with `--optimize-for-size`,
     * which keeps the heap small under bursts of batches (peak RSS ~240 MB against ~330 at full
     * speed) for about half the events per CPU-second; `throughput` lets the heap grow and
     * acknowledges about twice the events on the same cores. Both meet the collector's goals
     * (README, Benchmarks).
     */
    favour: z.enum(["memory", "throughput"]).default("memory"),
    loader: z
      .object({
        /** Load at least this often while events wait. */
        intervalMs: z.number().int().positive().default(5000),
        /** ...or as soon as this many events wait. */
        maxEvents: z.number().int().positive().default(10_000),
      })
      .strict()
      .default({ intervalMs: 5000, maxEvents: 10_000 }),
  })
  .strict();

export type CollectConfig = z.infer<typeof collectConfigSchema>;
