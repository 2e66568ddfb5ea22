import type { Dialect } from "../warehouse/types.ts";
import type { MatchParameters } from "./match-params.ts";
import type { Comparison, Level, MatchSettings } from "./match-settings.ts";

/**
 * The SQL of a match, shared by the materialization and `cdp identity explain`: comparison levels
 * (gammas), weights, blocking keys. Gamma -1 means a value is missing on one side, 0..n-1 the
 * settings' levels (strongest first), n "anything else".
 */

export const RECORD_ID = "record_id";
export const ROW_NUMBER = "cdp_rn";

export const blockKey = (rule: number, part: number) => `cdp_b${rule}_${part}`;
export const priorKey = (rule: number, part: number) => `cdp_p${rule}_${part}`;
export const gammaColumn = (c: Comparison) => `gamma_${c.column}`;
export const weightColumn = (c: Comparison) => `weight_${c.column}`;

/** The condition of one level between the values `a` and `b`. */
function levelSql(d: Dialect, level: Level, a: string, b: string, functionSchema: string): string {
  const text = (x: string) => d.cast(x, "string");
  if ("exact" in level) return `${a} = ${b}`;
  if ("jaroWinkler" in level)
    return `${d.jaroWinkler(text(a), text(b), functionSchema)} >= ${level.jaroWinkler}`;
  if ("levenshtein" in level) return `${d.levenshtein(text(a), text(b))} <= ${level.levenshtein}`;
  if ("within" in level) return `ABS(${a} - ${b}) <= ${level.within}`;
  return `ABS(${d.dateDiff("day", a, b)}) <= ${level.withinDays}`;
}

/** `CASE ... END` giving the comparison's gamma for the records aliased `l` and `r`. */
export function gammaSql(d: Dialect, c: Comparison, functionSchema: string, l = "l", r = "r"): string {
  const a = `${l}.${d.quoteIdentifier(c.column)}`;
  const b = `${r}.${d.quoteIdentifier(c.column)}`;
  const whens = c.levels.map((level, i) => `WHEN ${levelSql(d, level, a, b, functionSchema)} THEN ${i}`);
  return `CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN -1 ${whens.join(" ")} ELSE ${c.levels.length} END`;
}

/** log2 of a positive number, as a SQL literal. */
const bits = (x: number) => Math.log2(x);

/**
 * The weight (log2 Bayes factor) of a comparison for a pair, from its gamma column `gamma`. With
 * term frequencies, an exact agreement weighs log2(m / tf(value)) instead of log2(m / u), where
 * `tf` is the frequency of the shared value (at least 1 / records, so a rare typo cannot explode).
 */
export function weightSql(
  params: MatchParameters,
  index: number,
  gamma: string,
  tf?: { value: string; minimum: number },
): string {
  const p = params.comparisons[index]!;
  const whens = p.levels.map((level, i) => {
    if (tf && p.termFrequency && level.kind === "exact") {
      const f = `GREATEST(COALESCE(${tf.value}, ${tf.minimum}), ${tf.minimum})`;
      return `WHEN ${i} THEN ${bits(level.m)} - LN(${f}) / LN(2)`;
    }
    return `WHEN ${i} THEN ${bits(level.m / level.u)}`;
  });
  return `CASE ${gamma} ${whens.join(" ")} ELSE 0 END`;
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
