import { invalid } from "./errors.ts";

/**
 * BigQuery's naming rules, so that the stand-in refuses what BigQuery refuses (docs: "Naming
 * datasets", "Table naming", "Flexible column names").
 */

const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
/** Letters, marks, numbers, connectors (underscore), dashes and spaces. */
const TABLE = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;
/** Flexible column names: the table characters plus & % = + : ' < > # | (no quotes, dots, semicolons...). */
const COLUMN = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}&%=+:'<>#|]{1,300}$/u;
const RESERVED_PREFIXES = ["_TABLE_", "_FILE_", "_PARTITION", "_ROW_TIMESTAMP", "__ROOT__", "_COLIDENTIFIER"];

export function checkDataset(id: string): void {
  if (!DATASET.test(id)) {
    throw invalid(
      `Invalid dataset ID "${id}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`,
    );
  }
}

export function checkTable(id: string): void {
  if (!TABLE.test(id)) {
    throw invalid(
      `Invalid table ID "${id}". Table IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long. Also, Table decorators cannot be used.`,
    );
  }
}

export function checkColumns(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const upper = name.toUpperCase();
    if (!COLUMN.test(name) || RESERVED_PREFIXES.some((p) => upper.startsWith(p))) {
      throw invalid(
        `Invalid field name "${name}". Fields must contain the allowed characters, and be at most 300 characters long. For allowed characters, please refer to https://cloud.google.com/bigquery/docs/schemas#column_names`,
      );
    }
    // Column names are case-insensitive in BigQuery.
    if (seen.has(upper))
      throw invalid(`Duplicate column names in the result are not supported. Found duplicate(s): ${name}`);
    seen.add(upper);
  }
}
