import type { Dialect, PortableType, Relation } from "../types.ts";

const TYPES: Record<PortableType, string> = {
  string: "VARCHAR",
  int64: "BIGINT",
  float64: "DOUBLE",
  numeric: "DECIMAL(38, 9)",
  bool: "BOOLEAN",
  date: "DATE",
  timestamp: "TIMESTAMPTZ",
  json: "JSON",
};

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
  typeName: (type) => TYPES[type],
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  sha256: (expression) => `sha256(${expression})`,
  regexpReplace: (expression, pattern, replacement) =>
    `regexp_replace(${expression}, ${literal(pattern)}, ${literal(replacement)}, 'g')`,
  hashInt: (expression) => `hash(${expression})`,
  regexpContains: (expression, pattern) => `regexp_matches(${expression}, ${literal(pattern)})`,
  levenshtein: (a, b) => `levenshtein(${a}, ${b})`,
  jaroWinkler: (a, b) => `jaro_winkler_similarity(${a}, ${b})`,
  jaroWinklerFunction: () => undefined,
  dateAdd: (expression, amount, part) =>
    `(${expression} + INTERVAL (${Math.trunc(amount)}) ${part.toUpperCase()})`,
  dateDiff: (part, start, end) => `date_diff('${part}', ${start}, ${end})`,
  currentTimestamp: () => "current_timestamp",
  pickBy: (value, order, direction) =>
    `${direction === "desc" ? "arg_max" : "arg_min"}(${value}, ${order}) FILTER (WHERE ${value} IS NOT NULL)`,
  mostFrequent: (value) => `mode(${value}) FILTER (WHERE ${value} IS NOT NULL)`,
};
