import type { Dialect } from "../../warehouse/types.ts";
import type { MatchParameters } from "./params.ts";
import type { Comparison, Level, MatchSettings } from "./settings.ts";

/**
 * The SQL of a match, shared by the materialization and `cdp identity explain`: comparison levels
 * (gammas), weights, blocking keys. Gamma -1 means a value is missing on one side, 0..n-1 the
 * settings' levels (strongest first), n "anything else".
 */

export const RECORD_ID = "record_id";
export const ROW_NUMBER = "cdp_rn";
/** The record's source (the settings' `sourceColumn`), as text. */
export const SOURCE = "cdp_source";

export const blockKey = (rule: number, part: number) => `cdp_b${rule}_${part}`;
export const priorKey = (rule: number, part: number) => `cdp_p${rule}_${part}`;
export const gammaColumn = (c: Comparison) => `gamma_${c.column}`;
export const weightColumn = (c: Comparison) => `weight_${c.column}`;

/**
 * The condition of one level between the values `a` and `b` of the records aliased `l` and `r`
 * (a swapped level reads the other column of `r`: `l`'s first name is `r`'s last name, the
 * `last_name` comparison asking the converse, so a pair with one name swapped and the other
 * mistyped or missing counts the swap once, and a pair with both swapped counts it in both).
 */
function levelSql(d: Dialect, level: Level, a: string, b: string, functionSchema: string, r: string): string {
  const text = (x: string) => d.cast(x, "string");
  if ("exact" in level) return `${a} = ${b}`;
  if ("swappedWith" in level) {
    const other = d.quoteIdentifier(level.swappedWith);
    return `${a} = ${r}.${other}`;
  }
  if ("jaroWinkler" in level)
    return `${d.jaroWinkler(text(a), text(b), functionSchema)} >= ${level.jaroWinkler}`;
  if ("levenshtein" in level) return `${d.levenshtein(text(a), text(b))} <= ${level.levenshtein}`;
  if ("within" in level) return `ABS(${a} - ${b}) <= ${level.within}`;
  return `ABS(${d.dateDiff("day", a, b)}) <= ${level.withinDays}`;
}

/**
 * `CASE ... END` giving the comparison's gamma for the records aliased `l` and `r`, in one
 * expression: the definition of the levels. The build computes the same values with `levelsSql`,
 * which runs each similarity function at most once per pair.
 */
export function gammaSql(d: Dialect, c: Comparison, functionSchema: string, l = "l", r = "r"): string {
  const a = `${l}.${d.quoteIdentifier(c.column)}`;
  const b = `${r}.${d.quoteIdentifier(c.column)}`;
  const whens = c.levels.map((level, i) => `WHEN ${levelSql(d, level, a, b, functionSchema, r)} THEN ${i}`);
  return `CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN -1 ${whens.join(" ")} ELSE ${c.levels.length} END`;
}

type Similarity = "jaroWinkler" | "levenshtein";
const similarityOf = (level: Level): Similarity | undefined =>
  "jaroWinkler" in level ? "jaroWinkler" : "levenshtein" in level ? "levenshtein" : undefined;

/**
 * Below this length, looking for a shared half costs more than it saves (measured on DuckDB with
 * five-digit postcodes: twice the CPU).
 */
const SHORT = 8;

const hasLevenshtein = (c: Comparison) => c.levels.some((level) => "levenshtein" in level);
/**
 * Per record, for a comparison with Levenshtein levels: the value's length, its first half (rounded
 * down) and the rest. (Also keeping its last half and what comes before would line up the halves of
 * values one character apart, but carrying two more columns through the pairs' join cost more than
 * that saved, measured on DuckDB with e-mail addresses.)
 */
export const lengthColumn = (comparison: number) => `cdp_len_${comparison}`;
const halfColumns = (comparison: number) => ({
  head: `cdp_head_${comparison}`,
  rest: `cdp_rest_${comparison}`,
});

/** Per record, for a comparison with Jaro-Winkler levels: the dialect's `jaroWinklerKey`. */
const jaroWinklerKeyColumn = (comparison: number) => `cdp_jwk_${comparison}`;

/** Per record, for a comparison with similarity levels: the dialect's `asciiFlag` of its value. */
const asciiColumn = (comparison: number) => `cdp_ascii_${comparison}`;
/** The `ascii` condition of a pair for comparison `i`: both records' flags, where the dialect has them. */
const asciiOfPair = (d: Dialect, i: number, l: string, r: string) =>
  d.asciiFlag
    ? `${l}.${d.quoteIdentifier(asciiColumn(i))} AND ${r}.${d.quoteIdentifier(asciiColumn(i))}`
    : undefined;

/**
 * What the pairs' Levenshtein distances read off each record rather than compute again for every
 * pair it is in (select-list items over one record's columns, as `matchRecordsSql` leaves them):
 * per comparison with a Levenshtein level, the length of the value as text and its halves
 * (`halfColumns`). Splitting a value costs as much as the distance of the halves, and a record is
 * in several pairs. Where the dialect has one, per comparison with a Jaro-Winkler level, the
 * `jaroWinklerKey` its fast Jaro-Winkler reads, and per comparison with a similarity level, the
 * dialect's `asciiFlag`.
 */
export function recordHelpersSql(
  d: Dialect,
  comparisons: Comparison[],
  functionSchema: string,
  alias?: string,
): string[] {
  const qi = (n: string) => d.quoteIdentifier(n);
  return comparisons.flatMap((c, i) => {
    const v = d.cast(alias ? `${alias}.${qi(c.column)}` : qi(c.column), "string");
    const key = [
      ...(d.jaroWinklerKey && c.levels.some((level) => "jaroWinkler" in level)
        ? [`${d.jaroWinklerKey(v, functionSchema)} AS ${qi(jaroWinklerKeyColumn(i))}`]
        : []),
      ...(d.asciiFlag && c.levels.some((level) => similarityOf(level))
        ? [`${d.asciiFlag(v)} AS ${qi(asciiColumn(i))}`]
        : []),
    ];
    if (!hasLevenshtein(c)) return key;
    // Half by a shift: integer division is written differently in each dialect, and Postgres's
    // LEFT and RIGHT take no BIGINT.
    const half = `(LENGTH(${v}) >> 1)`;
    const h = halfColumns(i);
    return [
      ...key,
      `LENGTH(${v}) AS ${qi(lengthColumn(i))}`,
      `LEFT(${v}, ${half}) AS ${qi(h.head)}`,
      `SUBSTR(${v}, ${half} + 1) AS ${qi(h.rest)}`,
    ];
  });
}

/**
 * The Levenshtein distance of comparison `i`'s texts `a` and `b` (of the records aliased `l` and
 * `r`, made with `recordHelpersSql`), with the same value as the dialect's function but cheaper on
 * the values person fields are full of: e-mail addresses of one domain, phone numbers of one
 * country, dates of one year. Its cost grows with the product of the lengths, and a prefix or
 * suffix both values share changes nothing in it: when both values end (or else begin) with the
 * same characters, only the rest is compared. The records' own halves serve when they are as long
 * on both sides (always for values of the same length); values whose halves are not look for a
 * shared half of the shorter one. When no level allows more than one edit (`most` 1), values of the
 * same length take the Hamming distance where the dialect has it: the same levels, at a fraction of
 * the cost.
 */
function levenshteinSql(
  d: Dialect,
  i: number,
  most: number,
  a: string,
  b: string,
  l: string,
  r: string,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const [la, lb] = [`${l}.${qi(lengthColumn(i))}`, `${r}.${qi(lengthColumn(i))}`];
  const h = halfColumns(i);
  const both = (name: string) => [`${l}.${qi(name)}`, `${r}.${qi(name)}`] as const;
  const half = `(LEAST(${la}, ${lb}) >> 1)`;
  // Parts of ASCII values are ASCII: where the dialect has the records' flags, the pairs of ASCII
  // values take the shortcuts below with the functions over ASCII alone, and the others the
  // distance of the whole values, written once (a dialect's way with other text is a long
  // expression, and binding it in each of the eight calls below took most of the time of a
  // query over a few thousand pairs).
  const ascii = asciiOfPair(d, i, l, r);
  const known = ascii ? "TRUE" : undefined;
  const lev = (x: string, y: string) => d.levenshtein(x, y, known);
  const hammingOf = (x: string, y: string) => d.hamming!.distance(x, y, known);
  const hamming = most <= 1 && d.hamming ? `WHEN ${la} = ${lb} THEN ${hammingOf(a, b)}\n    ` : "";
  const shortcuts = `CASE ${hamming}WHEN LEAST(${la}, ${lb}) < ${SHORT} THEN ${lev(a, b)}
    WHEN ${both(h.rest).join(" = ")} THEN ${lev(...both(h.head))}
    WHEN ${both(h.head).join(" = ")} THEN ${lev(...both(h.rest))}
    WHEN ${la} = ${lb} THEN ${lev(a, b)}
    WHEN RIGHT(${a}, ${half}) = RIGHT(${b}, ${half}) THEN ${lev(`LEFT(${a}, ${la} - ${half})`, `LEFT(${b}, ${lb} - ${half})`)}
    WHEN LEFT(${a}, ${half}) = LEFT(${b}, ${half}) THEN ${lev(`SUBSTR(${a}, ${half} + 1)`, `SUBSTR(${b}, ${half} + 1)`)}
    ELSE ${lev(a, b)} END`;
  if (!ascii) return shortcuts;
  const other =
    most <= 1 && d.hamming
      ? `CASE WHEN ${la} = ${lb} THEN ${d.hamming.distance(a, b, "FALSE")} ELSE ${d.levenshtein(a, b, "FALSE")} END`
      : d.levenshtein(a, b, "FALSE");
  return `CASE WHEN ${ascii} THEN ${shortcuts}\n    ELSE ${other} END`;
}

/**
 * The comparisons' gammas in two stages, with the same values as `gammaSql`. A CASE naming a
 * similarity function in each of its levels runs the function again for every level a pair falls
 * through (Jaro-Winkler >= 0.9, then >= 0.8), and the functions are most of the cost of scoring.
 * Here the first stage (`values`: select-list items over the records aliased `l` and `r`, which
 * carry the columns of `recordHelpersSql`) decides
 * what the cheap checks can (a missing value, exact equality, numbers or dates within a distance)
 * and computes each similarity function once, only for the pairs those checks left undecided, and
 * Levenshtein only when the lengths differ by no more than its largest threshold (the distance is
 * at least the difference of the lengths). The second stage (`gammas`, one expression per
 * comparison, over the first stage's columns) reads the levels off those values.
 */
export function levelsSql(
  d: Dialect,
  comparisons: Comparison[],
  functionSchema: string,
  l = "l",
  r = "r",
): { values: string[]; gammas: string[] } {
  const qi = (n: string) => d.quoteIdentifier(n);
  const text = (x: string) => d.cast(x, "string");
  const values: string[] = [];
  const gammas = comparisons.map((c, i) => {
    const a = `${l}.${qi(c.column)}`;
    const b = `${r}.${qi(c.column)}`;
    const decided = `cdp_g${i}`;
    const cheap = (level: Level) =>
      "exact" in level ? `${a} = ${b}` : levelSql(d, level, a, b, functionSchema, r);
    // The leading levels the cheap checks decide; the rest need a similarity value.
    let first = c.levels.findIndex((level) => similarityOf(level));
    if (first < 0) first = c.levels.length;
    const leading = c.levels.slice(0, first).map((level, j) => `WHEN ${cheap(level)} THEN ${j}`);
    const rest = first === c.levels.length ? ` ELSE ${first}` : "";
    values.push(
      `CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN -1 ${leading.join(" ")}${rest} END AS ${qi(decided)}`,
    );
    if (first === c.levels.length) return qi(decided);

    const undecided = [
      `${a} IS NOT NULL AND ${b} IS NOT NULL`,
      ...c.levels
        .slice(0, first)
        .map((level) => ("exact" in level ? `${a} <> ${b}` : `NOT COALESCE(${cheap(level)}, FALSE)`)),
    ].join(" AND ");
    const similarity = (kind: Similarity) => `cdp_s${i}_${kind === "jaroWinkler" ? "jw" : "lev"}`;
    for (const kind of ["jaroWinkler", "levenshtein"] as const) {
      const levels = c.levels.filter((level) => similarityOf(level) === kind);
      if (!levels.length) continue;
      if (kind === "jaroWinkler") {
        // The value is only held against these: where the dialect has a faster function whose
        // last bits may differ, it decides the same side of each.
        const thresholds = levels.map((level) => ("jaroWinkler" in level ? level.jaroWinkler : 0));
        const key = (side: string) => `${side}.${qi(jaroWinklerKeyColumn(i))}`;
        const fast = d.jaroWinklerKey ? { thresholds, keys: [key(l), key(r)] as const } : undefined;
        values.push(
          `CASE WHEN ${undecided} THEN ${d.jaroWinkler(text(a), text(b), functionSchema, fast, asciiOfPair(d, i, l, r))} END AS ${qi(similarity(kind))}`,
        );
      } else {
        const most = Math.max(...levels.map((level) => ("levenshtein" in level ? level.levenshtein : 0)));
        const length = (side: string) => `${side}.${qi(lengthColumn(i))}`;
        values.push(
          `CASE WHEN ${undecided} AND ABS(${length(l)} - ${length(r)}) <= ${most} THEN ${levenshteinSql(d, i, most, text(a), text(b), l, r)} END AS ${qi(similarity(kind))}`,
        );
      }
    }
    // Cheap levels after a similarity level (e.g. dates within 30 days after one typo) come from
    // the first stage as flags.
    const whens = c.levels.slice(first).map((level, k) => {
      const j = first + k;
      if ("jaroWinkler" in level)
        return `WHEN ${qi(similarity("jaroWinkler"))} >= ${level.jaroWinkler} THEN ${j}`;
      if ("levenshtein" in level)
        return `WHEN ${qi(similarity("levenshtein"))} <= ${level.levenshtein} THEN ${j}`;
      values.push(`CASE WHEN ${cheap(level)} THEN 1 ELSE 0 END AS ${qi(`cdp_c${i}_${j}`)}`);
      return `WHEN ${qi(`cdp_c${i}_${j}`)} = 1 THEN ${j}`;
    });
    return `CASE WHEN ${qi(decided)} IS NOT NULL THEN ${qi(decided)} ${whens.join(" ")} ELSE ${c.levels.length} END`;
  });
  return { values, gammas };
}

/**
 * A number as a float64 SQL value. A plain literal such as 0.25 is an exact DECIMAL (NUMERIC) in
 * DuckDB and Postgres, and weights summed as decimals over millions of pairs cost several times
 * more than the comparisons (measured on DuckDB: 13 s of CPU for 5 million pairs, against under 1 s as floats).
 * Cast from text, not from the number: DuckDB turns a DECIMAL literal of 17 digits into a DOUBLE
 * one bit off now and then (0.11806710310072653 became 0.11806710310072652), so weights differed
 * in their last bit from Postgres's; text is read as the nearest double on every warehouse.
 */
export const floatSql = (d: Dialect, x: number | null) =>
  d.cast(x === null ? "NULL" : d.literal(String(x)), "float64");

/**
 * The weight (log2 Bayes factor) of a comparison for a pair, from its gamma column `gamma`. With
 * term frequencies, an exact agreement weighs log2(m / tf(value)) instead of log2(m / u), where
 * `tf` is the frequency of the shared value (at least 1 / records, so a rare typo cannot explode).
 */
export function weightSql(
  d: Dialect,
  params: MatchParameters,
  index: number,
  gamma: string,
  tf?: { value: string; minimum: number },
): string {
  const p = params.comparisons[index]!;
  const whens = p.levels.map((level, i) => {
    if (tf && p.termFrequency && level.kind === "exact") {
      const minimum = floatSql(d, tf.minimum);
      const f = `GREATEST(COALESCE(${tf.value}, ${minimum}), ${minimum})`;
      return `WHEN ${i} THEN ${floatSql(d, Math.log2(level.m))} - LN(${f}) / LN(2)`;
    }
    return `WHEN ${i} THEN ${floatSql(d, Math.log2(level.m / level.u))}`;
  });
  return `CASE ${gamma} ${whens.join(" ")} ELSE ${floatSql(d, 0)} END`;
}

/** Match weight (bits) equivalent to a probability: probability = 1 / (1 + 2^-weight). */
export const weightOf = (probability: number) => Math.log2(probability / (1 - probability));
export const probabilitySql = (weight: string) => `1.0 / (1.0 + POWER(2.0, -(${weight})))`;

/** The columns a blocking or prior rule reads, by name: which comparisons it biases. */
export function columnsOfRule(settings: MatchSettings, rule: string[]): Set<string> {
  const found = new Set<string>();
  for (const c of settings.comparisons) {
    const word = new RegExp(
      `(^|[^A-Za-z0-9_])${c.column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_])`,
    );
    if (rule.some((e) => word.test(e))) found.add(c.column);
  }
  return found;
}

/**
 * Integers 0..count-1 without a table function (none is common to every warehouse): a cross
 * join of digit rows.
 */
export function rangeSql(count: number): string {
  const digits = Math.max(1, Math.ceil(Math.log10(count)));
  const d =
    "(SELECT 0 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
  const from = Array.from({ length: digits }, (_, i) => `${d} AS d${i}`).join(" CROSS JOIN ");
  const k = Array.from({ length: digits }, (_, i) => `d${i}.x * ${10 ** i}`).join(" + ");
  return `SELECT k FROM (SELECT ${k} AS k FROM ${from}) AS digits WHERE k < ${count}`;
}

/** A condition: the records `l` and `r` agree on every key of a rule (nulls never agree). */
export function agreeSql(d: Dialect, key: (part: number) => string, parts: number, l = "l", r = "r"): string {
  return Array.from(
    { length: parts },
    (_, j) => `${l}.${d.quoteIdentifier(key(j))} = ${r}.${d.quoteIdentifier(key(j))}`,
  ).join(" AND ");
}

export const termFrequencyColumn = (comparison: number) => `cdp_tf_${comparison}`;

/**
 * The condition `link_only` adds to every pair of the records `l` and `r`: different sources (a
 * NULL source compares with nothing). Empty for the other link types.
 */
export function pairScopeSql(d: Dialect, settings: MatchSettings, l = "l", r = "r"): string {
  if (settings.linkType !== "link_only") return "";
  return ` AND ${l}.${d.quoteIdentifier(SOURCE)} <> ${r}.${d.quoteIdentifier(SOURCE)}`;
}
