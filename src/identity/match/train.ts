import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { expectationMaximisation, type Pattern } from "./em.ts";
import { inRuleColumn } from "./pairs-sql.ts";
import { fingerprint, levelKind, type MatchParameters, type TrainedComparison } from "./params.ts";
import { describeLevel, type MatchSettings } from "./settings.ts";
import {
  agreeSql,
  blockKey,
  columnsOfRule,
  gammaColumn,
  levelsSql,
  pairScopeSql,
  priorKey,
  ROW_NUMBER,
  rangeSql,
  SOURCE,
} from "./sql.ts";

interface TrainTables {
  records: Relation;
  pairs: Relation;
  recordCount: number;
  blockedPairs: number;
}

/**
 * Trains the Fellegi-Sunter parameters from the data:
 * - u from `uSamplePairs` random record pairs (a hash of the seed picks them: same data, same u);
 * - m by EM on the blocked pairs, one session per training rule (`trainingBlocking`, by default
 *   every blocking rule) over the pairs that rule finds, leaving out the comparisons the rule
 *   reads (they agree by construction there), with u fixed;
 *   each comparison's m is the average of its sessions weighted by their expected matches;
 * - the prior from the settings (stated, or deterministic rules and their recall), else from EM.
 */
export async function trainParameters(
  wh: Warehouse,
  t: TrainTables,
  settings: MatchSettings,
  functionSchema: string,
): Promise<MatchParameters> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const qi = (n: string) => d.quoteIdentifier(n);
  const nComparisons = settings.comparisons.length;
  const levelsOf = (c: number) => settings.comparisons[c]!.levels.length + 1;

  // u: level frequencies among random pairs (Laplace-smoothed, so no level has u = 0).
  const uRows = await wh.query<Record<string, number>>(
    uSampleSql(d, q(t.records), t.recordCount, settings, functionSchema),
  );
  const uCounts = settings.comparisons.map((_, c) => new Array<number>(levelsOf(c)).fill(0));
  let sampled = 0;
  // The sampled pairs no blocking rule finds, by levels: the prior's view of the unblocked pairs.
  const unblocked: Pattern[] = [];
  for (const row of uRows) {
    if (Number(row[SAMPLE_BLOCKED]) === 0) {
      unblocked.push({
        gammas: settings.comparisons.map((c) => Number(row[gammaColumn(c)])),
        count: Number(row.n),
      });
    }
    sampled += Number(row.n);
    settings.comparisons.forEach((c, i) => {
      const g = Number(row[gammaColumn(c)]);
      if (g >= 0) uCounts[i]![g]! += Number(row.n);
    });
  }
  // In one order, as the blocked pairs' patterns below: the prior sums over both in floating point.
  unblocked.sort((a, b) => comparePatterns(a.gammas, b.gammas));
  const u = uCounts.map((counts) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((x) => (x + 1) / (total + counts.length));
  });

  // Patterns of the blocked pairs: rule flags plus gammas, counted.
  const flags = settings.blocking.map((_, k) => inRuleColumn(k));
  const grouped = [...flags, ...settings.comparisons.map(gammaColumn)].map(qi).join(", ");
  const patternRows = await wh.query<Record<string, number>>(
    `SELECT ${grouped}, COUNT(*) AS n FROM ${q(t.pairs)} GROUP BY ${grouped}`,
  );
  // In one order whatever order the warehouse returns the groups in: EM sums over the patterns,
  // and floating-point sums in another order differ in the last bits, which moved pairs scored
  // at the threshold across it from one warehouse to another.
  const patterns = patternRows
    .map((row) => ({
      rules: flags.map((f) => Number(row[f]) === 1),
      gammas: settings.comparisons.map((c) => Number(row[gammaColumn(c)])),
      count: Number(row.n),
    }))
    .sort((a, b) =>
      comparePatterns(a.rules.map(Number).concat(a.gammas), b.rules.map(Number).concat(b.gammas)),
    );

  // m: one EM session per training rule (by default every blocking rule).
  const training = new Set((settings.trainingBlocking ?? settings.blocking).map((r) => JSON.stringify(r)));
  const mSum = settings.comparisons.map((_, c) => new Array<number>(levelsOf(c)).fill(0));
  const mWeight = new Array<number>(nComparisons).fill(0);
  let iterations = 0;
  settings.blocking.forEach((rule, r) => {
    if (!training.has(JSON.stringify(rule))) return;
    const biased = columnsOfRule(settings, rule);
    const include = settings.comparisons.map((c) => !biased.has(c.column));
    const session: Pattern[] = patterns.filter((p) => p.rules[r]);
    if (!session.length || !include.some(Boolean)) return;
    const em = expectationMaximisation(session, u, include, { maxIterations: settings.maxIterations });
    iterations = Math.max(iterations, em.iterations);
    em.m.forEach((m, c) => {
      if (!m) return;
      m.forEach((x, g) => {
        mSum[c]![g]! += x * em.matches;
      });
      mWeight[c]! += em.matches;
    });
  });
  // Comparisons every rule reads (or rules that found nothing): one session over all pairs.
  if (mWeight.some((w) => w <= 0) && patterns.length) {
    const em = expectationMaximisation(patterns, u, new Array(nComparisons).fill(true), {
      maxIterations: settings.maxIterations,
    });
    em.m.forEach((m, c) => {
      if (mWeight[c]! > 0 || !m) return;
      mSum[c] = m;
      mWeight[c] = 1;
    });
  }
  // A comparison never observed (its column always empty) weighs nothing: m = u.
  const m = mSum.map((sum, c) =>
    uCounts[c]!.every((x) => x === 0) || mWeight[c]! <= 0
      ? u[c]!.slice()
      : sum.map((x) => Math.max(x / mWeight[c]!, 1e-6)),
  );

  // The prior: stated, from deterministic rules, or the share of matches EM expects in all pairs.
  const allPairs = await comparablePairs(wh, t.records, t.recordCount, settings);
  let prior: number;
  let priorSource: MatchParameters["priorSource"];
  if (settings.prior && "probability" in settings.prior) {
    prior = settings.prior.probability;
    priorSource = "stated";
  } else if (settings.prior && "rules" in settings.prior) {
    const rules = settings.prior.rules;
    const counted = await wh.query<{ n: number }>(priorRulesSql(d, q(t.records), rules, settings));
    const sure = counted.reduce((a, r) => a + Number(r.n), 0);
    prior = sure / settings.prior.recall / Math.max(allPairs, 1);
    priorSource = "rules";
  } else {
    prior = priorOverAllPairs(patterns, unblocked, allPairs, m, u);
    priorSource = "em";
  }
  prior = Math.min(Math.max(prior, 1e-12), 0.5);

  const comparisons = settings.comparisons.map(
    (c, i): TrainedComparison => ({
      column: c.column,
      label: c.label ?? c.column,
      termFrequency: c.termFrequency,
      levels: [
        ...c.levels.map((l) => ({ kind: levelKind(l), label: describeLevel(l) })),
        { kind: "else" as const, label: describeLevel("else") },
      ].map((l, g) => ({ ...l, m: m[i]![g]!, u: u[i]![g]! })),
    }),
  );
  return {
    fingerprint: fingerprint(settings),
    trainedAt: new Date().toISOString(),
    prior,
    priorSource,
    records: t.recordCount,
    blockedPairs: t.blockedPairs,
    uSamplePairs: sampled,
    emIterations: iterations,
    comparisons,
  };
}

/** Lexicographic order of two equally long vectors of numbers. */
function comparePatterns(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The prior (lambda) by expectation-maximisation over all comparable pairs with m and u fixed: the
 * share of pairs whose posterior says "same person", iterated to its fixed point. EM over the
 * blocked pairs alone overstates it: different people who share a block agree on the blocking
 * columns and those that go with them (a date of birth and a first name) far more often than u
 * (from random pairs) says, so many count as matches. Here the blocked pairs are counted in full
 * (nearly all matches are among them) and the others through the random sample's pairs that no
 * rule finds, scaled to their number: the maximum-likelihood prior over all pairs, from a sample
 * where the sample suffices and exactly where the matches are.
 */
function priorOverAllPairs(
  blocked: Pattern[],
  unblocked: Pattern[],
  allPairs: number,
  m: number[][],
  u: number[][],
): number {
  const factor = (p: Pattern) =>
    p.gammas.reduce((a, g, c) => (g < 0 ? a : a + Math.log(m[c]![g]! / u[c]![g]!)), 0);
  const blockedPairs = blocked.reduce((a, p) => a + p.count, 0);
  const sampledUnblocked = unblocked.reduce((a, p) => a + p.count, 0);
  // The unblocked pairs among all: their share in the random sample, at most what blocking left.
  const unblockedPairs = Math.max(allPairs - blockedPairs, 0);
  const scale = sampledUnblocked > 0 ? unblockedPairs / sampledUnblocked : 0;
  const blockedFactors = blocked.map((p) => [factor(p), p.count] as const);
  const unblockedFactors = unblocked.map((p) => [factor(p), p.count * scale] as const);
  let lambda = Math.min(Math.max(blockedPairs / Math.max(allPairs, 1), 1e-12), 0.5) / 10;
  for (let i = 0; i < 1000; i++) {
    const logit = Math.log(lambda / (1 - lambda));
    let matches = 0;
    for (const [f, n] of [...blockedFactors, ...unblockedFactors])
      matches += n / (1 + Math.exp(-(logit + f)));
    const next = Math.min(Math.max(matches / Math.max(allPairs, 1), 1e-12), 0.5);
    const done = Math.abs(next - lambda) <= 1e-9 * lambda;
    lambda = next;
    if (done) break;
  }
  return lambda;
}

/**
 * The pairs a match may compare: all pairs of records, or with `link_only` those across sources,
 * (n² - Σ n_s²) / 2.
 */
async function comparablePairs(
  wh: Warehouse,
  records: Relation,
  recordCount: number,
  settings: MatchSettings,
): Promise<number> {
  if (settings.linkType !== "link_only") return (recordCount * (recordCount - 1)) / 2;
  const d = wh.dialect;
  const src = d.quoteIdentifier(SOURCE);
  const [row] = await wh.query<{ n: number | null; nn: number | null }>(
    `SELECT SUM(ns) AS n, SUM(ns * ns) AS nn FROM (
       SELECT CAST(COUNT(*) AS ${d.typeName("float64")}) AS ns FROM ${d.quoteRelation(records)}
       WHERE ${src} IS NOT NULL GROUP BY ${src}
     ) AS per_source`,
  );
  const n = Number(row?.n ?? 0);
  return (n * n - Number(row?.nn ?? 0)) / 2;
}

/** Set to 1 on the random pairs some blocking rule finds. */
const SAMPLE_BLOCKED = "cdp_blocked";

/**
 * The comparison levels of `uSamplePairs` random pairs of `records` (rows picked by a hash of the
 * seed, the same on every warehouse, so the same data and seed give the same sample), counted per
 * combination of levels and whether a blocking rule finds the pair (`cdp_blocked`). With
 * `link_only`, only the sampled pairs across sources count: the pairs the match may compare.
 */
export function uSampleSql(
  d: Dialect,
  records: string,
  recordCount: number,
  settings: MatchSettings,
  functionSchema: string,
): string {
  const qi = (name: string) => d.quoteIdentifier(name);
  const n = Math.max(recordCount, 2);
  // The same pairs on every warehouse (each has its own hashInt): the trained u, and so every
  // weight, must not depend on where the match runs.
  const pick = (salt: number) =>
    `MOD(${d.portableHash(d.cast(`k * 2 + ${salt} + ${settings.seed * 1_000_003}`, "string"))}, ${n}) + 1`;
  // The levels with the same SQL as the blocked pairs'.
  const levels = levelsSql(d, settings.comparisons, functionSchema);
  const gammas = settings.comparisons.map((c) => qi(gammaColumn(c)));
  const blocked = settings.blocking
    .map((rule, i) => `COALESCE(${agreeSql(d, (j) => blockKey(i, j), rule.length)}, FALSE)`)
    .join(" OR ");
  const grouped = [...gammas, qi(SAMPLE_BLOCKED)].join(", ");
  return `SELECT ${grouped}, COUNT(*) AS n FROM (
  SELECT ${levels.gammas.map((g, i) => `${g} AS ${gammas[i]}`).join(",\n    ")}, v.${qi(SAMPLE_BLOCKED)}
  FROM (
    SELECT ${levels.values.join(",\n      ")}, CASE WHEN ${blocked} THEN 1 ELSE 0 END AS ${qi(SAMPLE_BLOCKED)}
    FROM (SELECT ${pick(0)} AS rn_l, ${pick(1)} AS rn_r FROM (${rangeSql(settings.uSamplePairs)}) AS ks) AS s
    JOIN ${records} AS l ON l.${qi(ROW_NUMBER)} = s.rn_l
    JOIN ${records} AS r ON r.${qi(ROW_NUMBER)} = s.rn_r
    WHERE s.rn_l <> s.rn_r${pairScopeSql(d, settings)}
  ) AS v
) AS g GROUP BY ${grouped}`;
}

/**
 * The record pairs of `records` that agree on a deterministic prior rule (each pair once: a rule
 * leaves out the pairs an earlier rule finds), one count per rule.
 */
export function priorRulesSql(
  d: Dialect,
  records: string,
  rules: string[][],
  settings: MatchSettings,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const agree = (i: number) => agreeSql(d, (j) => priorKey(i, j), rules[i]!.length);
  return rules
    .map(
      (_, i) =>
        `SELECT COUNT(*) AS n FROM ${records} AS l JOIN ${records} AS r ON ${agree(i)} AND l.${qi(ROW_NUMBER)} < r.${qi(ROW_NUMBER)}${pairScopeSql(d, settings)}${rules
          .slice(0, i)
          .map((__, k) => ` AND NOT COALESCE(${agree(k)}, FALSE)`)
          .join("")}`,
    )
    .join("\nUNION ALL\n");
}
