import { z } from "zod";

/** The `duckdb` target: the embedded default. */
export const duckdbTargetSchema = z
  .object({
    type: z.literal("duckdb"),
    /** DuckDB database file, relative to the project directory. `:memory:` for a throwaway database. */
    path: z.string().min(1).optional(),
    /** Default schema models and seeds are built in. */
    schema: z.string().min(1).default("main"),
    /** Worker threads DuckDB itself may use per query. */
    duckdbThreads: z.number().int().positive().optional(),
    /** DuckDB memory limit, e.g. "4GB". */
    memoryLimit: z.string().optional(),
    /**
     * DuckDB's memory limit while syncs run, e.g. "256MB". Default "64MB" for a database file
     * when `memoryLimit` is not set (it then also holds for syncs); DuckDB spills beyond it.
     */
    syncMemoryLimit: z.string().optional(),
  })
  .strict();

export type DuckdbTargetConfig = z.output<typeof duckdbTargetSchema>;
