import { z } from "zod";

/**
 * The `file` destination: one directory per run under `dir/<sync>/`, one file per delivered
 * batch, each written atomically (temporary name, fsync, rename).
 *
 * @example
 * destination: { type: "file", dir: "exports", format: "jsonl" }
 */
export const fileDestinationSchema = z
  .object({
    type: z.literal("file"),
    /** Directory receiving the files, relative to the project directory. */
    dir: z.string().min(1),
    format: z.enum(["jsonl", "csv"]).default("jsonl"),
    /** Rows per file (one file per batch). */
    batchSize: z.number().int().positive().max(1_000_000).optional(),
  })
  .strict();

export type FileDestinationConfig = z.output<typeof fileDestinationSchema>;
