import { literal, quoteIdentifier, quoteRelation } from "../standard-sql.ts";
import type { Dialect, PortableType } from "../types.ts";

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

/**
 * `fn(a, b)` over characters. DuckDB's levenshtein, hamming and jaro_winkler_similarity read
 * bytes, so a letter such as é (two bytes in UTF-8) counts twice, and a match over names with
 * accents scored differently on DuckDB than on Postgres and BigQuery, which read characters.
 * ASCII text (one byte per character) goes to the native function as it is; other text is
 * rewritten first, each character of the pair as one byte (its position among the pair's distinct
 * characters), which keeps what these functions read (which characters are equal, and where).
 * Beyond 127 distinct characters in one pair (no ASCII byte left) the bytes are DuckDB's again.
 * `ascii`, when given, is a condition true when both values are ASCII (read off each record once,
 * by `asciiFlag`): testing it costs nothing next to measuring both values' bytes and characters
 * again in every pair, which took a sixth of a match's scoring time.
 */
function overCharacters(fn: string, a: string, b: string, ascii?: string): string {
  // Known ASCII (the caller tested the flags): the function alone, no rewrite to bind per call.
  if (ascii === "TRUE") return `${fn}(${a}, ${b})`;
  // string_split('', '') is [''], which no list position finds: the empty string stays itself.
  const bytes = (x: string) =>
    `CASE WHEN ${x} = '' THEN '' ELSE array_to_string(list_transform(string_split(${x}, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END`;
  return `CASE WHEN ${ascii ?? `${asciiFlag(a)} AND ${asciiFlag(b)}`} THEN ${fn}(${a}, ${b})
    ELSE list_transform([list_distinct(string_split(${a} || ${b}, ''))], lambda cdp_d: ${fn}(${bytes(a)}, ${bytes(b)}))[1] END`;
}

/** True when each character of a string is one byte. */
const asciiFlag = (x: string) => `strlen(${x}) = length(${x})`;

/** DuckDB's SQL: double-quoted identifiers, standard string literals. */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  quoteIdentifier,
  quoteRelation,
  literal,
  typeName: (type) => TYPES[type],
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  sha256: (expression) => `sha256(${expression})`,
  regexpReplace: (expression, pattern, replacement) =>
    `regexp_replace(${expression}, ${literal(pattern)}, ${literal(replacement)}, 'g')`,
  hashInt: (expression) => `hash(${expression})`,
  hashText: (expressions) => `hash(${expressions.join(", ")})`,
  rowHash: (expressions) => `hash(${expressions.join(", ")})`,
  // '0x' and hex digits cast to an integer.
  portableHash: (expression) => `CAST(CONCAT('0x', SUBSTR(md5(${expression}), 1, 15)) AS BIGINT)`,
  regexpContains: (expression, pattern) => `regexp_matches(${expression}, ${literal(pattern)})`,
  levenshtein: (a, b, ascii) => overCharacters("levenshtein", a, b, ascii),
  // hamming fails on byte lengths that differ: the rewritten pair has one byte per character.
  hamming: { distance: (a, b, ascii) => overCharacters("hamming", a, b, ascii) },
  jaroWinkler: (a, b, _functionSchema, _fast, ascii) =>
    overCharacters("jaro_winkler_similarity", a, b, ascii),
  asciiFlag,
  jaroWinklerFunction: () => undefined,
  dateAdd: (expression, amount, part) =>
    `(${expression} + INTERVAL (${Math.trunc(amount)}) ${part.toUpperCase()})`,
  dateDiff: (part, start, end) => `date_diff('${part}', ${start}, ${end})`,
  currentTimestamp: () => "current_timestamp",
  // VARCHAR orders by byte, and UTF-8's byte order is code point order.
  textOrder: (expression) => expression,
  // Ties (two rows with the same order) go to the smallest value, so the same rows always give
  // the same answer: arg_max/arg_min and mode() pick whichever row they meet first, which varies
  // with threads and row order and flipped golden records between identical builds.
  pickBy: (value, order, direction) =>
    `first(${value} ORDER BY ${order} ${direction === "desc" ? "DESC" : "ASC"}, ${value} ASC) FILTER (WHERE ${value} IS NOT NULL AND ${order} IS NOT NULL)`,
  // The most frequent value, ties to the smallest: the (count, value) pairs sorted, first taken.
  mostFrequent: (value) =>
    `list_sort(list_transform(map_entries(histogram(${value})), lambda e: {'n': -e.value, 'v': e.key}))[1].v`,
  // DuckDB parses and binds a VALUES list of thousands of literals slowly, slower still with
  // several statements at once (a 10k-row sync state commit took seconds with four in flight):
  // each column travels as one JSON array literal instead, unnested in step, about a tenth of
  // the cost.
  textColumnsSql: (columns) =>
    `SELECT ${columns
      .map((c) =>
        "sql" in c
          ? `${c.sql} AS ${c.name}`
          : `unnest(from_json(${literal(JSON.stringify(c.values))}, '["VARCHAR"]')) AS ${c.name}`,
      )
      .join(", ")}`,
  rowNumber: "rowid",
  primaryKeyCountSql: (relation) =>
    `SELECT COUNT(*) AS n FROM duckdb_constraints() WHERE schema_name = ${literal(relation.schema)}
         AND table_name = ${literal(relation.name)} AND constraint_type = 'PRIMARY KEY'`,
};
