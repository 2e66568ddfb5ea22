import type { AppendValue } from "../types.ts";
import { postgresDialect as d } from "./dialect.ts";

/**
 * Seeds on Postgres: the file is copied as text into a scratch table, then each column gets the
 * type DuckDB's CSV reader would detect, decided by scanning every value in SQL. That keeps the
 * same models working on both: a column of `2024-11-09T20:47:52Z` is a timestamp with time zone
 * in either warehouse, `100005` a BIGINT, `true` a BOOLEAN. `columnTypes` overrides a column.
 */

/**
 * What the values must look like, most specific first. A column takes the first type that every
 * non-empty value matches; a column of only empty values stays text, as in DuckDB.
 */
const DETECTORS: { type: string; pattern: string }[] = [
  { type: "BOOLEAN", pattern: "^(true|false|t|f)$" },
  { type: "BIGINT", pattern: "^[+-]?[0-9]{1,18}$" },
  { type: "DOUBLE PRECISION", pattern: "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$" },
  { type: "DATE", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" },
  {
    type: "TIMESTAMP",
    pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?$",
  },
  {
    type: "TIMESTAMPTZ",
    pattern:
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)? ?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$",
  },
];

/** One scan of the loaded text: per column and type, whether every non-empty value matches. */
export function detectionSql(table: string, columns: string[]): string {
  const checks = columns.flatMap((column, c) => {
    const q = d.quoteIdentifier(column);
    return DETECTORS.map(
      (det, t) =>
        `COALESCE(bool_and(${q} ~* ${d.literal(det.pattern)}) FILTER (WHERE ${q} <> ''), FALSE) AS c${c}_${t}`,
    );
  });
  return `SELECT ${checks.join(",\n  ")}\nFROM ${table}`;
}

/** The type of each column, from the detection row and the user's overrides. */
export function columnTypesFrom(
  detection: Record<string, unknown>,
  columns: string[],
  overrides: Record<string, string> = {},
): string[] {
  return columns.map((column, c) => {
    const override = overrides[column];
    if (override) return postgresTypeName(override);
    const t = DETECTORS.findIndex((_, t) => detection[`c${c}_${t}`] === true);
    return t < 0 ? "TEXT" : DETECTORS[t]!.type;
  });
}

/** The typed select over the text table; empty strings become NULL in typed columns. */
export function typedSelect(table: string, columns: string[], types: string[]): string {
  const list = columns.map((column, c) => {
    const q = d.quoteIdentifier(column);
    const type = types[c]!;
    return type === "TEXT" ? q : `CAST(NULLIF(${q}, '') AS ${type}) AS ${q}`;
  });
  return `SELECT ${list.join(", ")} FROM ${table}`;
}

/** DuckDB and BigQuery spellings PostgreSQL lacks, so one `columnTypes` serves every target. */
const TYPE_ALIASES: Record<string, string> = {
  DOUBLE: "DOUBLE PRECISION",
  FLOAT64: "DOUBLE PRECISION",
  STRING: "TEXT",
  INT64: "BIGINT",
  TINYINT: "SMALLINT",
  HUGEINT: "NUMERIC(38, 0)",
  UBIGINT: "NUMERIC(20, 0)",
  DATETIME: "TIMESTAMP",
  BLOB: "BYTEA",
};

export function postgresTypeName(type: string): string {
  return TYPE_ALIASES[type.trim().toUpperCase()] ?? type;
}

/** Names of `columnTypes` entries that are not columns of the file: a typo the user should see. */
export function unknownOverrides(columns: string[], overrides: Record<string, string> = {}): string[] {
  return Object.keys(overrides).filter((name) => !columns.includes(name));
}

/**
 * Rows as COPY's CSV, about 256 KB a chunk: text always quoted (so `""` is the empty string),
 * NULL as an empty field, timestamps in ISO 8601 UTC.
 */
export async function* csvChunks(rows: AppendValue[][]): AsyncGenerator<string> {
  let chunk = "";
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (i) line += ",";
      if (v === null || v === undefined) continue;
      if (typeof v === "string") line += `"${v.includes('"') ? v.replaceAll('"', '""') : v}"`;
      else if (typeof v === "bigint") line += String(v);
      else line += v.toISOString();
    }
    chunk += `${line}\n`;
    if (chunk.length >= 256 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
