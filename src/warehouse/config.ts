import { z } from "zod";
import { bigqueryTargetSchema } from "./bigquery/config.ts";
import { duckdbTargetSchema } from "./duckdb/config.ts";
import { postgresTargetSchema } from "./postgres/config.ts";

/** Warehouse targets, one variant per dialect, keyed on `type`; each dialect owns its schema. */
export const targetSchema = z.discriminatedUnion("type", [
  duckdbTargetSchema,
  postgresTargetSchema,
  bigqueryTargetSchema,
]);

export type TargetConfig = z.output<typeof targetSchema>;
