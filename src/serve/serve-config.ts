import { z } from "zod";

/**
 * `cdp serve` settings: which models Profile 360 reads, and how often the server looks for a new
 * build on a warehouse other processes write (Postgres, BigQuery).
 *
 * @example
 * serve: { profile: { golden: "profiles", records: "record_profiles" }, refreshSeconds: 60 }
 */
export const serveConfigSchema = z
  .object({
    profile: z
      .object({
        /** The golden record: one row per `profile_id`. Default: the first such model in build order. */
        golden: z.string().min(1).optional(),
        /** The source records of each profile: `source, record_id, profile_id`. Default: the first such model. */
        records: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /**
     * Seconds between two looks at the warehouse for a finished build (a catalog read, no scan),
     * on Postgres and BigQuery; 0 looks only when a build on this machine finishes, or on SIGHUP.
     * A DuckDB file is followed through its snapshots and needs none.
     */
    refreshSeconds: z.number().int().min(0).default(60),
  })
  .strict();

export type ServeConfig = z.output<typeof serveConfigSchema>;
