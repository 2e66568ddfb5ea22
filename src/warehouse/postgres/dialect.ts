import { literal, quoteIdentifier, quoteRelation } from "../standard-sql.ts";
import type { DatePart, Dialect, PortableType } from "../types.ts";
import { jaroWinklerCall, jaroWinklerFunctions, jaroWinklerKey } from "./jaro-winkler.ts";

const TYPES: Record<PortableType, string> = {
  string: "TEXT",
  int64: "BIGINT",
  float64: "DOUBLE PRECISION",
  // The same precision and scale as DuckDB's and BigQuery's NUMERIC: one model, one result.
  numeric: "NUMERIC(38, 9)",
  bool: "BOOLEAN",
  date: "DATE",
  timestamp: "TIMESTAMPTZ",
  // JSONB, not JSON: it can be compared, grouped and indexed.
  json: "JSONB",
};

/** Seconds in one unit of the parts counted by truncating to the unit and dividing. */
const SECONDS: Partial<Record<DatePart, number>> = { hour: 3600, minute: 60, second: 1 };

/**
 * Whole `part` boundaries crossed from `start` to `end`, like DuckDB's `date_diff`: from 23:59 to
 * 00:01 the next day is one day, from Jan 31 to Feb 1 one month. Sessions run in UTC, so dates
 * and timestamps with time zone count the same boundaries on every warehouse.
 */
function dateDiff(part: DatePart, start: string, end: string): string {
  const years = `(EXTRACT(YEAR FROM ${end}) - EXTRACT(YEAR FROM ${start}))`;
  switch (part) {
    case "year":
      return `CAST(${years} AS BIGINT)`;
    case "month":
      return `CAST(${years} * 12 + EXTRACT(MONTH FROM ${end}) - EXTRACT(MONTH FROM ${start}) AS BIGINT)`;
    case "day":
      return `CAST(CAST(${end} AS DATE) - CAST(${start} AS DATE) AS BIGINT)`;
    default: {
      const unit = SECONDS[part]!;
      const epoch = (x: string) => `EXTRACT(EPOCH FROM date_trunc('${part}', ${x}))`;
      return `CAST((${epoch(end)} - ${epoch(start)}) / ${unit} AS BIGINT)`;
    }
  }
}

const postgres = {
  name: "postgres",
  quoteIdentifier,
  quoteRelation,
  literal,
  typeName: (type: PortableType) => TYPES[type],
  cast: (expression: string, type: PortableType) => `CAST(${expression} AS ${TYPES[type]})`,
  sha256: (expression: string) => `encode(sha256(convert_to(${expression}, 'UTF8')), 'hex')`,
  regexpReplace: (expression: string, pattern: string, replacement: string) =>
    `regexp_replace(${expression}, ${literal(pattern)}, ${literal(replacement)}, 'g')`,
  // A 64-bit hash with a fixed seed; built in since PostgreSQL 11.
  hashInt: (expression: string) => `hashint8extended(CAST(${expression} AS BIGINT), 0)`,
  // Each string seeds the next one's hash: no concatenated copy of the strings.
  hashText: (expressions: string[]) =>
    expressions.reduce((seed, e) => `hashtextextended(${e}, ${seed})`, "0"),
  // The first 15 hex digits as a 64-bit bit string, read as a BIGINT.
  portableHash: (expression: string) =>
    `CAST(CAST(CONCAT('x0', SUBSTR(md5(${expression}), 1, 15)) AS BIT(64)) AS BIGINT)`,
  regexpContains: (expression: string, pattern: string) => `(${expression} ~ ${literal(pattern)})`,
  // From the fuzzystrmatch extension, which the warehouse creates on first connect. It accepts
  // strings of at most 255 characters.
  levenshtein: (a: string, b: string) => `levenshtein(${a}, ${b})`,
  // None built in: functions the match materialization creates (pg_similarity's where it can).
  jaroWinkler: jaroWinklerCall,
  jaroWinklerFunction: jaroWinklerFunctions,
  jaroWinklerKey,
  // Month and year steps clamp to the end of the month (Jan 31 + 1 month = Feb 28), as in DuckDB.
  dateAdd: (expression: string, amount: number, part: DatePart) =>
    `(${expression} + INTERVAL '${Math.trunc(amount)} ${part}')`,
  dateDiff,
  currentTimestamp: () => "current_timestamp",
  textOrder,
  // No arg_max in PostgreSQL: the first element of the values ordered by `order`.
  // Ties in `order` go to the smallest value: the same rows always give the same answer, and the
  // answer DuckDB and BigQuery give (text in code point order, see `survivorshipOrder`).
  pickBy: (value: string, order: string, direction: "asc" | "desc") =>
    `(array_agg(${value} ORDER BY ${survivorshipOrder(order, direction)}, ${survivorshipOrder(value, "asc")}) FILTER (WHERE ${value} IS NOT NULL AND ${order} IS NOT NULL))[1]`,
  // The group's values counted, ties to the smallest. Not `mode() WITHIN GROUP (ORDER BY value)`:
  // its ties follow the database's collation, and its ordering expression is what it returns.
  mostFrequent: (value: string) =>
    `(SELECT v FROM unnest(array_agg(${value}) FILTER (WHERE ${value} IS NOT NULL)) AS v GROUP BY v ORDER BY COUNT(*) DESC, ${survivorshipOrder("v", "asc")} LIMIT 1)`,
};

/**
 * Text orders by the database's collation (en_US.UTF-8 puts "a_b" after "a-b" and "a" before
 * "B"); the "C" collation orders by byte, which in UTF-8 is code point order, as DuckDB and
 * BigQuery do (https://www.postgresql.org/docs/current/collation.html).
 */
function textOrder(expression: string): string {
  return `(${expression}) COLLATE "C"`;
}

/**
 * Sort keys for the survivorship aggregates, whose arguments may be of any type: text in code point
 * order (through `textOrder`), whatever the database's collation, so a profile gets the
 * golden record DuckDB and BigQuery give it ("A" before "a" before "B", where en-US puts "a"
 * first); other types in their own order (the text key is NULL for them: 9 before 10). The type
 * is tested as the rows are read, as only the database knows an expression's.
 */
function survivorshipOrder(expression: string, direction: "asc" | "desc"): string {
  const dir = direction === "desc" ? "DESC" : "ASC";
  const asText = `CASE WHEN pg_typeof(${expression})::text IN ('text', 'character varying', 'character', 'name') THEN (${expression})::text END`;
  return `${textOrder(asText)} ${dir}, ${expression} ${dir}`;
}

/** PostgreSQL's SQL: double-quoted identifiers, standard-conforming string literals. */
export const postgresDialect: Dialect = postgres;
