import type { Dialect, Relation } from "../types.ts";

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: unknown): string {
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

/** DuckDB's SQL: double-quoted identifiers, standard string literals. */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  quoteIdentifier,
  quoteRelation(relation: Relation): string {
    const parts = [relation.database, relation.schema, relation.name].filter((p): p is string => !!p);
    return parts.map(quoteIdentifier).join(".");
  },
  literal,
  sha256: (expression) => `sha256(${expression})`,
  currentTimestamp: () => "current_timestamp",
};
