import type { DatePart, Dialect, PortableType, Relation } from "../types.ts";

const TYPES: Record<PortableType, string> = {
  string: "STRING",
  int64: "INT64",
  float64: "FLOAT64",
  // NUMERIC is DECIMAL(38, 9), the same as DuckDB's portable numeric.
  numeric: "NUMERIC",
  bool: "BOOL",
  date: "DATE",
  timestamp: "TIMESTAMP",
  json: "JSON",
};

/**
 * Escapes text for a quoted BigQuery token: backslashes introduce escape sequences inside both
 * string literals and backtick-quoted identifiers, and neither may span lines.
 */
function escapeQuoted(text: string, quote: "'" | "`"): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out;
}

function quoteIdentifier(name: string): string {
  return `\`${escapeQuoted(name, "`")}\``;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL literal`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `TIMESTAMP '${value.toISOString()}'`;
  return `'${escapeQuoted(String(value), "'")}'`;
}

/**
 * Jaro-Winkler as a JavaScript UDF in the dataset (BigQuery has none built in, and the greedy
 * character matching it needs cannot be written as one SQL expression). Over code points
 * (Array.from), not UTF-16 units, like the other warehouses. Same definition as DuckDB's, to the
 * last bit: half the transpositions rounded down, prefix boost (up to 4 characters, weight 0.1)
 * above a Jaro similarity of 0.7, 0 when either string is empty (both included).
 */
const JARO_WINKLER_JS = `if (a === null || b === null) return null;
const ca = Array.from(a), cb = Array.from(b);
const la = ca.length, lb = cb.length;
if (la === 0 || lb === 0) return 0;
const win = Math.max(Math.floor(Math.max(la, lb) / 2) - 1, 0);
const am = new Array(la).fill(false), bm = new Array(lb).fill(false);
let m = 0;
for (let i = 0; i < la; i++) {
  for (let j = Math.max(0, i - win); j <= Math.min(lb - 1, i + win); j++) {
    if (!bm[j] && ca[i] === cb[j]) { am[i] = true; bm[j] = true; m++; break; }
  }
}
if (m === 0) return 0;
let t = 0, k = 0;
for (let i = 0; i < la; i++) {
  if (!am[i]) continue;
  while (!bm[k]) k++;
  if (ca[i] !== cb[k]) t++;
  k++;
}
const jaro = (m / la + m / lb + (m - Math.floor(t / 2)) / m) / 3;
if (jaro <= 0.7) return jaro;
let p = 0;
while (p < 4 && p < la && p < lb && ca[p] === cb[p]) p++;
return jaro + p * 0.1 * (1 - jaro);`;

const unit = (part: DatePart) => part.toUpperCase();

/**
 * Date math. BigQuery's functions are typed (DATE_ADD takes a DATE, TIMESTAMP_ADD a TIMESTAMP) and
 * a helper cannot know the type of the expression it is given, so `dateAdd` uses the `+ INTERVAL`
 * operator, which takes all three and keeps the kind of value, exactly like DuckDB's: a TIMESTAMP
 * stays a TIMESTAMP, a DATE becomes a DATETIME (DuckDB: a TIMESTAMP without zone), which compares
 * with DATEs and casts back with `{{cast ... "date"}}`. Months and years clamp to the end of the
 * month like DuckDB (Jan 31 + 1 month = Feb 28). One difference remains: BigQuery refuses months
 * and years on a TIMESTAMP (calendar math needs a time zone); cast it to DATE or DATETIME first.
 */
function dateAdd(expression: string, amount: number, part: DatePart): string {
  return `(${expression} + INTERVAL ${Math.trunc(amount)} ${unit(part)})`;
}

/**
 * DuckDB's `date_diff` counts the boundaries crossed between start and end (23:59 to 00:01 is one
 * day). DATE_DIFF does the same for days, months and years of DATEs (a TIMESTAMP is taken in
 * UTC); TIMESTAMP_DIFF counts whole elapsed units instead, so both ends are truncated to the unit
 * first, which turns whole units into boundaries.
 */
function dateDiff(part: DatePart, start: string, end: string): string {
  if (part === "day" || part === "month" || part === "year") {
    return `DATE_DIFF(CAST(${end} AS DATE), CAST(${start} AS DATE), ${unit(part)})`;
  }
  const trunc = (e: string) => `TIMESTAMP_TRUNC(CAST(${e} AS TIMESTAMP), ${unit(part)})`;
  return `TIMESTAMP_DIFF(${trunc(end)}, ${trunc(start)}, ${unit(part)})`;
}

/**
 * BigQuery's GoogleSQL: backtick-quoted identifiers, `project.dataset.table` relations (the
 * target's project when a relation names none), backslash escapes in literals.
 *
 * @example
 * bigqueryDialect("acme").quoteRelation({ schema: "crm", name: "stg orders" }) // `acme`.`crm`.`stg orders`
 * bigqueryDialect().cast("amount", "string")                                    // CAST(amount AS STRING)
 */
export function bigqueryDialect(project?: string): Dialect {
  const dialect = {
    name: "bigquery",
    quoteIdentifier,
    quoteRelation(relation: Relation): string {
      const parts = [relation.database ?? project, relation.schema, relation.name].filter(
        (p): p is string => !!p,
      );
      return parts.map(quoteIdentifier).join(".");
    },
    literal,
    typeName: (type: PortableType) => TYPES[type],
    // BigQuery has no CAST from STRING to JSON: PARSE_JSON reads the text.
    cast: (expression: string, type: PortableType) =>
      type === "json" ? `PARSE_JSON(${expression})` : `CAST(${expression} AS ${TYPES[type]})`,
    sha256: (expression: string) => `TO_HEX(SHA256(${expression}))`,
    // REGEXP_REPLACE replaces every match (RE2); no flag needed.
    regexpReplace: (expression: string, pattern: string, replacement: string) =>
      `REGEXP_REPLACE(${expression}, ${literal(pattern)}, ${literal(replacement)})`,
    // FARM_FINGERPRINT hashes text to a well-mixed INT64.
    hashInt: (expression: string) => `FARM_FINGERPRINT(CAST(${expression} AS STRING))`,
    // The separator keeps ("a", "bc") and ("ab", "c") apart unless the first holds one (callers
    // check for equal keys anyway).
    hashText: (expressions: string[]) => `FARM_FINGERPRINT(CONCAT(${expressions.join(", '|', ")}))`,
    // Values of any type (arrays and structs too, which CAST to STRING refuses), NULL kept apart
    // from '' and each value's position kept by the JSON of one STRUCT of them.
    rowHash: (expressions: string[]) =>
      `FARM_FINGERPRINT(TO_JSON_STRING(STRUCT(${expressions.map((e, i) => `${e} AS v${i}`).join(", ")})))`,
    // A STRING of hex digits with the 0x prefix casts to INT64.
    portableHash: (expression: string) =>
      `CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(${expression})), 1, 15)) AS INT64)`,
    regexpContains: (expression: string, pattern: string) =>
      `REGEXP_CONTAINS(${expression}, ${literal(pattern)})`,
    levenshtein: (a: string, b: string) => `EDIT_DISTANCE(${a}, ${b})`,
    jaroWinkler: (a: string, b: string, functionSchema: string) =>
      `${dialect.quoteRelation({ schema: functionSchema, name: "cdp_jaro_winkler" })}(${a}, ${b})`,
    jaroWinklerFunction: (functionSchema: string) =>
      `CREATE FUNCTION IF NOT EXISTS ${dialect.quoteRelation({ schema: functionSchema, name: "cdp_jaro_winkler" })}(a STRING, b STRING)
RETURNS FLOAT64 LANGUAGE js AS r"""
${JARO_WINKLER_JS}
"""`,
    dateAdd,
    dateDiff,
    currentTimestamp: () => "CURRENT_TIMESTAMP()",
    // STRING compares by code point (binary) unless a collation is specified, on a column or as a
    // dataset's default; cdp specifies none
    // (https://cloud.google.com/bigquery/docs/reference/standard-sql/collation-concepts).
    textOrder: (expression: string) => expression,
    // Survivorship aggregates. Rows whose `order` is NULL never win, as with DuckDB's arg_max.
    // Ties in `order` go to the smallest value: the same rows always give the same answer.
    pickBy: (value: string, order: string, direction: "asc" | "desc") =>
      `ARRAY_AGG(CASE WHEN ${order} IS NOT NULL THEN ${value} END IGNORE NULLS ORDER BY ${order} ${direction.toUpperCase()}, ${value} LIMIT 1)[SAFE_OFFSET(0)]`,
    // No MODE aggregate: count the group's values in a subquery; ties go to the smallest value.
    mostFrequent: (value: string) =>
      `(SELECT v FROM UNNEST(ARRAY_AGG(${value} IGNORE NULLS)) AS v GROUP BY v ORDER BY COUNT(*) DESC, v LIMIT 1)`,
  };
  return dialect;
}
