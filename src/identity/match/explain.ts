import { UsageError } from "../../errors.ts";
import { type WorkLease, withLeaseIn } from "../../run/work-lease.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { appliedSettings, candidates, lastApplied } from "./blocking-budget.ts";
import { checkRecords } from "./checks.ts";
import { matchRecordsSql } from "./index.ts";
import { loadParameters, type TrainedLevel } from "./params.ts";
import type { Level, MatchSettings } from "./settings.ts";
import {
  agreeSql,
  blockKey,
  levelsSql,
  pairScopeSql,
  RECORD_ID,
  ROW_NUMBER,
  termFrequencyColumn,
  weightOf,
  weightSql,
} from "./sql.ts";

/** One comparison of a pair: the level the two values reached and what it weighs. */
export interface ExplainedComparison {
  column: string;
  label: string;
  /** The values compared, as the match sees them (text trimmed, empty as NULL). */
  values: [unknown, unknown];
  /** -1 missing on one side, 0 the strongest level, ..., the last one "differ". */
  gamma: number;
  /** The level in words: "first name is exactly the same". */
  level: string;
  /** P(level | same person), P(level | different people); null when a value is missing. */
  m: number | null;
  u: number | null;
  /** How many times more likely this level is for the same person than for two people (2^weight). */
  bayesFactor: number;
  /** log2 of the Bayes factor: the comparison's contribution to the match weight. */
  weight: number;
  /** Set when the weight of an exact agreement comes from how rare the shared value is. */
  termFrequency?: number;
}

export interface Explanation {
  model: string;
  recordA: string;
  recordB: string;
  /** The prior: probability that two random records are the same person, and its weight. */
  prior: number;
  priorWeight: number;
  comparisons: ExplainedComparison[];
  matchWeight: number;
  matchProbability: number;
  threshold: number;
  aboveThreshold: boolean;
  /** The blocking rules the two records agree on; none means the match never compares them. */
  blockingRules: string[];
  /**
   * Optional rules (`optionalBlocking`) the two records agree on that the build left out, the
   * data being too large for them within the pair budget.
   */
  rulesLeftOut: string[];
  /** Set with `link_only` when both records come from one source: never compared. */
  sameSource?: boolean;
  /** Whether the pair is in the model's output table (compared and above the threshold). */
  inOutput: boolean;
}

/**
 * "first name" -> "first names", "date of birth" -> "dates of birth", "address" -> "addresses",
 * "city" -> "cities".
 */
export const plural = (label: string) => {
  const [head, ...rest] = label.split(" of ");
  const h = /(s|x|z|ch|sh)$/.test(head!)
    ? `${head}es`
    : /[^aeiou]y$/.test(head!)
      ? `${head!.slice(0, -1)}ies`
      : `${head}s`;
  return [h, ...rest].join(" of ");
};

/**
 * Words for the level two values reached: `levels` are the comparison's levels, `gamma` the one
 * reached (-1 missing, levels.length "anything else").
 */
export function levelWords(label: string, levels: Level[], gamma: number): string {
  if (gamma < 0) return `${label} is missing, so it counts for nothing`;
  const level = levels[gamma];
  if (!level) return `${plural(label)} differ`;
  if ("exact" in level) return `${label} is exactly the same`;
  if ("jaroWinkler" in level) {
    const weaker = levels.slice(gamma + 1).some((l) => "jaroWinkler" in l);
    return `${plural(label)} are ${weaker ? "very " : ""}similar (Jaro-Winkler ≥ ${level.jaroWinkler})`;
  }
  if ("levenshtein" in level)
    return `${plural(label)} are at most ${level.levenshtein} typo${level.levenshtein === 1 ? "" : "s"} apart (Levenshtein ≤ ${level.levenshtein})`;
  if ("within" in level) return `${plural(label)} are within ${level.within} of each other`;
  if ("swappedWith" in level)
    return `${label} is swapped with ${level.swappedWith} (one record's equals the other's ${level.swappedWith})`;
  return `${plural(label)} are within ${level.withinDays} day${level.withinDays === 1 ? "" : "s"} of each other`;
}

/**
 * Why a match model scored a pair as it did: the parameters its last build saved, the two
 * records' comparison levels computed in the warehouse with the same SQL as the build (`levelsSql`,
 * `weightSql`), the prior, the total weight and probability against the threshold.
 */
export async function explainPair(
  wh: Warehouse,
  output: Relation,
  recordsSql: string,
  settings: MatchSettings,
  options: { model: string; settingsName: string; recordA: string; recordB: string },
): Promise<Explanation> {
  return withLeaseIn(wh, undefined, output.schema, (lease) =>
    explain(wh, output, recordsSql, settings, options, lease),
  );
}

async function explain(
  wh: Warehouse,
  output: Relation,
  recordsSql: string,
  declared: MatchSettings,
  options: { model: string; settingsName: string; recordA: string; recordB: string },
  lease: WorkLease,
): Promise<Explanation> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const { model, recordA, recordB } = options;
  if (recordA === recordB)
    throw new UsageError(`name two different records of ${model}, not "${recordA}" twice`);
  const input: Relation = lease.name(output, "explain", "input");
  await wh.createView(input, `SELECT * FROM (\n${recordsSql}\n) AS records`);
  try {
    const where = `identity.match.${options.settingsName}`;
    const columns = await checkRecords(wh, input, declared, where);
    // The rules the build applied: with optional rules, as many as the records fit in the budget.
    const keys = lease.name(output, "explain", "keys");
    const applied = await lastApplied(wh, output, { input, columns }, declared, keys, where);
    const settings = appliedSettings(declared, applied);
    const parameters = await loadParameters(wh, output, settings);
    if (!parameters) {
      throw new UsageError(
        `${model} has no saved parameters for its current settings (identity.match.${options.settingsName}); run \`cdp build --select +${model}\` first`,
      );
    }
    const every = candidates(declared).blocking;
    const records = matchRecordsSql(d, d.quoteRelation(input), candidates(declared), columns, output.schema);
    const found = await wh.query<{ record_id: unknown }>(
      `SELECT ${d.cast(RECORD_ID, "string")} AS record_id FROM ${d.quoteRelation(input)}
       WHERE ${d.cast(RECORD_ID, "string")} IN (${d.literal(recordA)}, ${d.literal(recordB)})`,
    );
    for (const id of [recordA, recordB]) {
      if (!found.some((r) => String(r.record_id) === id)) {
        const [example] = await wh.query<{ record_id: unknown }>(
          `SELECT ${d.cast(RECORD_ID, "string")} AS record_id FROM ${d.quoteRelation(input)} ORDER BY ${d.textOrder(d.cast(RECORD_ID, "string"))} LIMIT 1`,
        );
        throw new UsageError(
          `no record "${id}" in the match model ${model}${example ? ` (its record ids look like "${String(example.record_id)}")` : " (it selects no records)"}`,
        );
      }
    }
    const recordCount = Number(
      (await wh.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${d.quoteRelation(input)}`))[0]?.n ??
        0,
    );
    // The pair in the order the build compares it (the lower row number on the left), its levels
    // computed by the same SQL as the build's (levelsSql).
    const levels = levelsSql(d, settings.comparisons, output.schema);
    const carried: [string, string][] = [
      [d.cast(`l.${qi(RECORD_ID)}`, "string"), "left_id"],
      ...settings.comparisons.flatMap((c, i): [string, string][] => [
        [`l.${qi(c.column)}`, `a_${i}`],
        [`r.${qi(c.column)}`, `b_${i}`],
        ...(c.termFrequency ? [[`l.${qi(termFrequencyColumn(i))}`, `tf_${i}`] as [string, string]] : []),
      ]),
      // link_only compares records of different sources only.
      ...(settings.linkType === "link_only"
        ? [
            [`CASE WHEN TRUE${pairScopeSql(d, settings)} THEN 0 ELSE 1 END`, "same_source"] as [
              string,
              string,
            ],
          ]
        : []),
      ...every.map((rule, i): [string, string] => [
        `CASE WHEN ${agreeSql(d, (j) => blockKey(i, j), rule.length)} THEN 1 ELSE 0 END`,
        `block_${i}`,
      ]),
    ];
    const pairSql = `WITH records AS (${records})
      SELECT ${[...carried.map(([, name]) => `v.${qi(name)}`), ...levels.gammas.map((g, i) => `${g} AS ${qi(`g_${i}`)}`)].join(", ")}
      FROM (
        SELECT ${[...carried.map(([sql, name]) => `${sql} AS ${qi(name)}`), ...levels.values].join(", ")}
        FROM records AS l JOIN records AS r
        ON ${d.cast(`l.${qi(RECORD_ID)}`, "string")} IN (${d.literal(recordA)}, ${d.literal(recordB)})
        AND ${d.cast(`r.${qi(RECORD_ID)}`, "string")} IN (${d.literal(recordA)}, ${d.literal(recordB)})
        AND l.${qi(ROW_NUMBER)} < r.${qi(ROW_NUMBER)}
      ) AS v`;
    const weights = settings.comparisons.map((c, i) =>
      weightSql(
        d,
        parameters,
        i,
        `p.${qi(`g_${i}`)}`,
        c.termFrequency ? { value: `p.${qi(`tf_${i}`)}`, minimum: 1 / Math.max(recordCount, 1) } : undefined,
      ),
    );
    const [row] = await wh.query<Record<string, unknown>>(
      `SELECT p.*, ${weights.map((w, i) => `${w} AS ${qi(`w_${i}`)}`).join(", ")} FROM (${pairSql}) AS p`,
    );
    if (!row) throw new UsageError(`records "${recordA}" and "${recordB}" of ${model} could not be paired`);
    const [left, right] = String(row.left_id) === recordA ? [recordA, recordB] : [recordB, recordA];

    const comparisons = settings.comparisons.map((c, i): ExplainedComparison => {
      const gamma = Number(row[`g_${i}`]);
      const trained = parameters.comparisons[i]!;
      const level: TrainedLevel | undefined = gamma >= 0 ? trained.levels[gamma] : undefined;
      const weight = gamma >= 0 ? Number(row[`w_${i}`]) : 0;
      const tf = row[`tf_${i}`];
      const valueA = row[`${left === recordA ? "a" : "b"}_${i}`];
      const valueB = row[`${left === recordA ? "b" : "a"}_${i}`];
      return {
        column: c.column,
        label: c.label ?? c.column,
        values: [plain(valueA), plain(valueB)],
        gamma,
        level: levelWords(c.label ?? c.column, c.levels, gamma),
        m: level ? level.m : null,
        u: level ? level.u : null,
        bayesFactor: 2 ** weight,
        weight,
        ...(c.termFrequency && level?.kind === "exact" && tf != null ? { termFrequency: Number(tf) } : {}),
      };
    });
    const priorWeight = weightOf(parameters.prior);
    const matchWeight = priorWeight + comparisons.reduce((a, c) => a + c.weight, 0);
    const matchProbability = 1 / (1 + 2 ** -matchWeight);
    const inOutput =
      Number(
        (
          await wh.query<{ n: number | bigint }>(
            `SELECT COUNT(*) AS n FROM ${d.quoteRelation(output)}
             WHERE ${d.cast("record_id_l", "string")} = ${d.literal(left)} AND ${d.cast("record_id_r", "string")} = ${d.literal(right)}`,
          )
        )[0]?.n ?? 0,
      ) > 0;
    return {
      model,
      recordA,
      recordB,
      prior: parameters.prior,
      priorWeight,
      comparisons,
      matchWeight,
      matchProbability,
      threshold: settings.threshold,
      aboveThreshold: matchWeight >= weightOf(settings.threshold),
      blockingRules:
        Number(row.same_source ?? 0) === 1
          ? []
          : settings.blocking.filter((_, i) => Number(row[`block_${i}`]) === 1).map((r) => r.join(", ")),
      rulesLeftOut:
        Number(row.same_source ?? 0) === 1
          ? []
          : every
              .map((r, i) => ({ r, i }))
              .filter(({ i }) => i >= settings.blocking.length && Number(row[`block_${i}`]) === 1)
              .map(({ r }) => r.join(", ")),
      ...(settings.linkType === "link_only" ? { sameSource: Number(row.same_source) === 1 } : {}),
      inOutput,
    };
  } finally {
    await wh.dropRelation(input).catch(() => undefined);
  }
}

const plain = (v: unknown): unknown =>
  v == null ? null : typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v;

/** "12.5 times more likely", "3 times less likely". */
export function likelihoodWords(bayesFactor: number): string {
  const n = (x: number) =>
    x >= 100 ? Math.round(x).toLocaleString("en-US") : x >= 10 ? x.toFixed(1) : x.toFixed(2);
  if (Math.abs(bayesFactor - 1) < 1e-9) return "no evidence either way";
  return bayesFactor > 1
    ? `${n(bayesFactor)} times more likely for the same person`
    : `${n(1 / bayesFactor)} times less likely for the same person`;
}
