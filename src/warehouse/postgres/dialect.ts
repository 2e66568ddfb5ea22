import { literal, quoteIdentifier, quoteRelation } from "../standard-sql.ts";
import type { DatePart, Dialect, PortableType } from "../types.ts";

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

/**
 * Jaro-Winkler in PL/pgSQL (PostgreSQL has none built in): matches within the usual window,
 * transpositions, and the prefix boost (up to 4 characters, weight 0.1) when the Jaro similarity
 * is above 0.7, as DuckDB's `jaro_winkler_similarity` does, to the last bit: half the
 * transpositions rounded down (integer division, as DuckDB's), and every step in double precision
 * in DuckDB's order (`0.1` alone is a NUMERIC here, and `p * 0.1` in NUMERIC is not the double
 * DuckDB computes); 0 when either string is empty, both included.
 */
function jaroWinklerFunction(functionSchema: string): string {
  return `CREATE OR REPLACE FUNCTION ${quoteIdentifier(functionSchema)}.cdp_jaro_winkler(a TEXT, b TEXT)
RETURNS DOUBLE PRECISION LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $cdp$
DECLARE
  la INT := length(a); lb INT := length(b); win INT; i INT; j INT; k INT := 1; p INT := 0;
  m INT := 0; t INT := 0; am BOOLEAN[]; bm BOOLEAN[]; ac TEXT[]; bc TEXT[]; jaro DOUBLE PRECISION;
BEGIN
  IF la = 0 OR lb = 0 THEN RETURN 0; END IF;
  ac := regexp_split_to_array(a, ''); bc := regexp_split_to_array(b, '');
  win := GREATEST(GREATEST(la, lb) / 2 - 1, 0);
  am := array_fill(FALSE, ARRAY[la]); bm := array_fill(FALSE, ARRAY[lb]);
  FOR i IN 1..la LOOP
    FOR j IN GREATEST(1, i - win)..LEAST(lb, i + win) LOOP
      IF NOT bm[j] AND ac[i] = bc[j] THEN am[i] := TRUE; bm[j] := TRUE; m := m + 1; EXIT; END IF;
    END LOOP;
  END LOOP;
  IF m = 0 THEN RETURN 0; END IF;
  FOR i IN 1..la LOOP
    IF am[i] THEN
      WHILE NOT bm[k] LOOP k := k + 1; END LOOP;
      IF ac[i] <> bc[k] THEN t := t + 1; END IF;
      k := k + 1;
    END IF;
  END LOOP;
  jaro := (m::DOUBLE PRECISION / la + m::DOUBLE PRECISION / lb + (m - t / 2)::DOUBLE PRECISION / m) / 3;
  IF jaro <= 0.7 THEN RETURN jaro; END IF;
  WHILE p < 4 AND p < la AND p < lb AND ac[p + 1] = bc[p + 1] LOOP p := p + 1; END LOOP;
  RETURN jaro + p * 0.1::DOUBLE PRECISION * (1 - jaro);
END
$cdp$`;
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
  // The first 15 hex digits as a 64-bit bit string, read as a BIGINT.
  portableHash: (expression: string) =>
    `CAST(CAST(CONCAT('x0', SUBSTR(md5(${expression}), 1, 15)) AS BIT(64)) AS BIGINT)`,
  regexpContains: (expression: string, pattern: string) => `(${expression} ~ ${literal(pattern)})`,
  // From the fuzzystrmatch extension, which the warehouse creates on first connect. It accepts
  // strings of at most 255 characters.
  levenshtein: (a: string, b: string) => `levenshtein(${a}, ${b})`,
  // No native one: a PL/pgSQL function, created by the match materialization when it needs it.
  jaroWinkler: (a: string, b: string, functionSchema: string) =>
    `${quoteIdentifier(functionSchema)}.cdp_jaro_winkler(${a}, ${b})`,
  jaroWinklerFunction,
  // Month and year steps clamp to the end of the month (Jan 31 + 1 month = Feb 28), as in DuckDB.
  dateAdd: (expression: string, amount: number, part: DatePart) =>
    `(${expression} + INTERVAL '${Math.trunc(amount)} ${part}')`,
  dateDiff,
  currentTimestamp: () => "current_timestamp",
  // No arg_max in PostgreSQL: the first element of the values ordered by `order`.
  // Ties in `order` go to the smallest value: the same rows always give the same answer.
  pickBy: (value: string, order: string, direction: "asc" | "desc") =>
    `(array_agg(${value} ORDER BY ${order} ${direction === "desc" ? "DESC" : "ASC"}, ${value} ASC) FILTER (WHERE ${value} IS NOT NULL AND ${order} IS NOT NULL))[1]`,
  // An ordered-set aggregate: NULLs are ignored, ties go to the value that sorts first.
  mostFrequent: (value: string) => `mode() WITHIN GROUP (ORDER BY ${value})`,
};

/** PostgreSQL's SQL: double-quoted identifiers, standard-conforming string literals. */
export const postgresDialect: Dialect = postgres;
