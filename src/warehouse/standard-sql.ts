import type { Relation } from "./types.ts";

/**
 * The SQL-standard spellings DuckDB and PostgreSQL share: double-quoted identifiers (quotes
 * doubled) and string literals with only quotes doubled. PostgreSQL relies on
 * `standard_conforming_strings` (on since 9.1, and set on every connection the warehouse opens), so
 * backslashes are text.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteRelation(relation: Relation): string {
  return [relation.database, relation.schema, relation.name]
    .filter((p): p is string => !!p)
    .map(quoteIdentifier)
    .join(".");
}

export function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL literal`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `TIMESTAMPTZ '${value.toISOString()}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}
