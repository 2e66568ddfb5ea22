import type { Dialect } from "../../warehouse/types.ts";
import type { MatchParameters } from "./params.ts";
import type { MatchSettings } from "./settings.ts";
import {
  agreeSql,
  blockKey,
  floatSql,
  gammaColumn,
  levelsSql,
  pairScopeSql,
  probabilitySql,
  RECORD_ID,
  ROW_NUMBER,
  SOURCE,
  termFrequencyColumn,
  weightColumn,
  weightOf,
  weightSql,
} from "./sql.ts";

/**
 * The two statements of a match over its pairs: the blocked pairs with their comparison levels,
 * and their scores (the pairs at or above the threshold, with their record ids).
 */

/** The pairs' integer ids: the records' row numbers, lower on the left. */
export const PAIR_LEFT = "cdp_rn_l";
export const PAIR_RIGHT = "cdp_rn_r";
export const inRuleColumn = (rule: number) => `cdp_in_${rule}`;
/** An incremental match's pairs: the left record's value of term-frequency comparison `i`. */
export const termValueColumn = (comparison: number) => `cdp_tfv_${comparison}`;

/**
 * The blocked pairs of `records` (a relation made by `matchRecordsSql`) with each comparison's
 * gamma: `cdp_rn_l`, `cdp_rn_r` (the records' row numbers, lower on the left), with `flags` one
 * `cdp_in_<rule>` per blocking rule (1 when the pair agrees on it; training needs them), the term
 * frequency of each term-frequency comparison's value, then `gamma_<column>`.
 *
 * Each rule is an equi-join on its keys that leaves out the pairs an earlier rule finds (a
 * predicate on the joined row, as Splink does), so every pair comes once without a UNION DISTINCT.
 * The levels are computed in the same pass, by `levelsSql`, over the compared columns the join
 * carries: joining the pairs back to the records by id afterwards costs two more hash joins
 * (measured on DuckDB: about a fifth more CPU for a million records).
 */
export function pairsSql(
  d: Dialect,
  records: string,
  settings: MatchSettings,
  functionSchema: string,
  flags: boolean,
  /**
   * An incremental match's pairs (`incrementalPairs`): the left and right records, when not both
   * `records`, ordered by their `cdp_rn` (the record id as text there); the pairs then carry the
   * record ids (`record_id_l`, `record_id_r`), their sources (`source_l`, `source_r`, with a source
   * column) and each term-frequency comparison's value on the left (`cdp_tfv_<i>`) in place of the
   * row numbers and frequencies: the frequencies change with every record added, so they are
   * looked up when the pairs are scored. `only`, a condition over the records aliased `l` and
   * `r`, keeps the pairs it holds for (in the join, before any level is computed).
   */
  sides?: { left: string; right: string; only?: string },
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const agree = (i: number) => agreeSql(d, (j) => blockKey(i, j), settings.blocking[i]!.length);
  // The lower row number on the left; an incremental match's are the record ids as text, ordered
  // as a full match numbers them.
  const rn = (side: string) =>
    sides ? d.textOrder(`${side}.${qi(ROW_NUMBER)}`) : `${side}.${qi(ROW_NUMBER)}`;
  const before = `${rn("l")} < ${rn("r")}`;
  const inRule = settings.blocking.map((_, k) => qi(inRuleColumn(k)));
  const tfs = settings.comparisons.flatMap((c, k) => (c.termFrequency ? [qi(termFrequencyColumn(k))] : []));
  const ids: [string, string][] = sides
    ? [
        [`l.${qi(RECORD_ID)}`, "record_id_l"],
        [`r.${qi(RECORD_ID)}`, "record_id_r"],
        ...(settings.sourceColumn
          ? ([
              [`l.${qi(SOURCE)}`, "source_l"],
              [`r.${qi(SOURCE)}`, "source_r"],
            ] as [string, string][])
          : []),
        ...settings.comparisons.flatMap((c, k): [string, string][] =>
          c.termFrequency ? [[`l.${qi(c.column)}`, termValueColumn(k)]] : [],
        ),
      ]
    : [
        [`l.${qi(ROW_NUMBER)}`, PAIR_LEFT],
        [`r.${qi(ROW_NUMBER)}`, PAIR_RIGHT],
      ];
  const levels = levelsSql(d, settings.comparisons, functionSchema);
  // link_only: records of one source are never paired.
  const scope = pairScopeSql(d, settings);
  const branches = settings.blocking.map((_rule, i) => {
    const earlier = settings.blocking.slice(0, i).map((_, k) => ` AND NOT COALESCE(${agree(k)}, FALSE)`);
    // A pair of rule i agrees on rule i and on no earlier rule: only later rules need a check.
    const ruleFlags = flags
      ? settings.blocking.map(
          (_, k) =>
            `${k < i ? "0" : k === i ? "1" : `CASE WHEN ${agree(k)} THEN 1 ELSE 0 END`} AS ${inRule[k]}`,
        )
      : [];
    const select = [
      ...ids.slice(0, 2).map(([x, name]) => `${x} AS ${qi(name)}`),
      ...ruleFlags,
      ...(sides ? ids.slice(2).map(([x, name]) => `${x} AS ${qi(name)}`) : tfs.map((c) => `l.${c}`)),
      ...levels.values,
    ];
    return `SELECT ${select.join(",\n      ")}
    FROM ${sides?.left ?? records} AS l JOIN ${sides?.right ?? records} AS r ON ${agree(i)} AND ${before}${sides?.only ? ` AND ${sides.only}` : ""}${scope}${earlier.join("")}`;
  });
  const carried = sides
    ? ids.map(([, name]) => qi(name))
    : [qi(PAIR_LEFT), qi(PAIR_RIGHT), ...(flags ? inRule : []), ...tfs];
  const gammas = settings.comparisons.map((c, i) => `${levels.gammas[i]} AS ${qi(gammaColumn(c))}`);
  return `SELECT ${[...carried, ...gammas].join(",\n  ")}
FROM (
  ${branches.join("\n  UNION ALL\n  ")}
) AS cdp_levels`;
}

/**
 * The output of a match: the pairs of `pairs` (made by `pairsSql`) whose match weight is at or
 * above the threshold, as `record_id_l, record_id_r, match_weight, match_probability`, then
 * `gamma_<column>, weight_<column>` per comparison. The match weight is the prior's weight plus
 * each comparison's (`weightSql`). Record ids are read from `records` for the pairs kept only.
 */
export function scoresSql(
  d: Dialect,
  pairs: string,
  records: string,
  settings: MatchSettings,
  parameters: MatchParameters,
  recordCount: number,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const weights = settings.comparisons.map((c, i) =>
    weightSql(
      d,
      parameters,
      i,
      `p.${qi(gammaColumn(c))}`,
      c.termFrequency
        ? { value: `p.${qi(termFrequencyColumn(i))}`, minimum: 1 / Math.max(recordCount, 1) }
        : undefined,
    ),
  );
  const total = [
    floatSql(d, weightOf(parameters.prior)),
    ...settings.comparisons.map((c) => qi(weightColumn(c))),
  ].join(" + ");
  const levels = (prefix: string) =>
    settings.comparisons
      .map((c) => `${prefix}${qi(gammaColumn(c))}, ${prefix}${qi(weightColumn(c))}`)
      .join(", ");
  // With a source column, each side's source follows its record id.
  const sources = settings.sourceColumn
    ? `, l.${qi(SOURCE)} AS ${qi("source_l")}, r.${qi(SOURCE)} AS ${qi("source_r")}`
    : "";
  return `SELECT l.${qi(RECORD_ID)} AS record_id_l, r.${qi(RECORD_ID)} AS record_id_r${sources}, scored.match_weight, scored.match_probability,
  ${levels("scored.")}
FROM (
  SELECT ${qi(PAIR_LEFT)}, ${qi(PAIR_RIGHT)}, ${total} AS match_weight, ${probabilitySql(total)} AS match_probability,
    ${levels("")}
  FROM (
    SELECT p.${qi(PAIR_LEFT)}, p.${qi(PAIR_RIGHT)},
      ${settings.comparisons.map((c, i) => `p.${qi(gammaColumn(c))}, ${weights[i]} AS ${qi(weightColumn(c))}`).join(",\n      ")}
    FROM ${pairs} AS p
  ) AS weighed
  WHERE ${total} >= ${floatSql(d, weightOf(settings.threshold))}
) AS scored
JOIN ${records} AS l ON l.${qi(ROW_NUMBER)} = scored.${qi(PAIR_LEFT)}
JOIN ${records} AS r ON r.${qi(ROW_NUMBER)} = scored.${qi(PAIR_RIGHT)}`;
}

/**
 * The match weight of a pair of the relation aliased `p` (made by `pairsSql`, with its
 * `gamma_<column>`), the same value `scoresSql` gives it, or NULL when that depends on the term
 * frequencies (the pair is at an exact level of a term-frequency comparison): an incremental match
 * keeps it with each saved pair, so that only the pairs whose weight moves with the records are
 * weighed again.
 */
export function fixedWeightSql(
  d: Dialect,
  settings: MatchSettings,
  parameters: MatchParameters,
  p = "p",
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const gamma = (i: number) => `${p}.${qi(gammaColumn(settings.comparisons[i]!))}`;
  // Without term frequencies weightSql gives the other levels the same weights.
  const total = [
    floatSql(d, weightOf(parameters.prior)),
    ...settings.comparisons.map((_, i) => weightSql(d, parameters, i, gamma(i))),
  ].join(" + ");
  const moving = movingWeightSql(d, settings, parameters, p);
  return moving ? `CASE WHEN ${moving} THEN NULL ELSE ${total} END` : total;
}

/**
 * The condition on a pair's gammas (of the relation aliased `p`, or unqualified without one) under
 * which its weight depends on term frequencies, which move with every record added or removed: an
 * exact level of a term-frequency comparison. Undefined when no weight does.
 */
export function movingWeightSql(
  d: Dialect,
  settings: MatchSettings,
  parameters: MatchParameters,
  p?: string,
): string | undefined {
  const moving = settings.comparisons.flatMap((c, i) => {
    const levels = parameters.comparisons[i]!.levels.flatMap((l, j) => (l.kind === "exact" ? [j] : []));
    const gamma = `${p ? `${p}.` : ""}${d.quoteIdentifier(gammaColumn(c))}`;
    return c.termFrequency && parameters.comparisons[i]!.termFrequency && levels.length
      ? [`${gamma} IN (${levels.join(", ")})`]
      : [];
  });
  return moving.length ? moving.join(" OR ") : undefined;
}

/**
 * `scoresSql` over an incremental match's saved pairs (`pairs`: record ids, sources, the
 * term-frequency comparisons' values and the levels, as `pairsSql` with `sides` makes them): the
 * same output, with each term frequency looked up by value in `frequencies` (per term-frequency
 * comparison, a relation of `cdp_value, cdp_tf` over the records now), so the saved pairs need no
 * records.
 */
export function storedScoresSql(
  d: Dialect,
  pairs: string,
  frequencies: Map<number, string>,
  settings: MatchSettings,
  parameters: MatchParameters,
  recordCount: number,
  /** The pairs' column of `fixedWeightSql`: only those at or over the threshold, or NULL, are weighed. */
  fixed: string,
  /**
   * Only some of the rows, for an output kept in place (`updateOutput`): those whose weight moves
   * with the term frequencies ("moving"), or the others ("held").
   */
  only?: "moving" | "held",
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const f = (i: number) => qi(`cdp_f${i}`);
  const threshold = floatSql(d, weightOf(settings.threshold));
  const weights = settings.comparisons.map((c, i) =>
    weightSql(
      d,
      parameters,
      i,
      `p.${qi(gammaColumn(c))}`,
      c.termFrequency ? { value: `${f(i)}.cdp_tf`, minimum: 1 / Math.max(recordCount, 1) } : undefined,
    ),
  );
  const total = [
    floatSql(d, weightOf(parameters.prior)),
    ...settings.comparisons.map((c) => qi(weightColumn(c))),
  ].join(" + ");
  const levels = settings.comparisons.map((c) => `${qi(gammaColumn(c))}, ${qi(weightColumn(c))}`).join(", ");
  const keys = ["record_id_l", "record_id_r", ...(settings.sourceColumn ? ["source_l", "source_r"] : [])].map(
    qi,
  );
  const joins = settings.comparisons.flatMap((c, i) =>
    c.termFrequency
      ? [`LEFT JOIN ${frequencies.get(i)} AS ${f(i)} ON ${f(i)}.cdp_value = p.${qi(termValueColumn(i))}`]
      : [],
  );
  const held = `p.${qi(fixed)} >= ${threshold}`;
  const moving = `p.${qi(fixed)} IS NULL`;
  const where = !only ? `${held} OR ${moving}` : only === "moving" ? moving : held;
  return `SELECT ${keys.join(", ")}, ${total} AS match_weight, ${probabilitySql(total)} AS match_probability,
  ${levels}
FROM (
  SELECT ${keys.map((k) => `p.${k}`).join(", ")},
    ${settings.comparisons.map((c, i) => `p.${qi(gammaColumn(c))}, ${weights[i]} AS ${qi(weightColumn(c))}`).join(",\n    ")}
  FROM ${pairs} AS p${joins.map((j) => `\n  ${j}`).join("")}
  WHERE ${where}
) AS weighed
WHERE ${total} >= ${threshold}`;
}
