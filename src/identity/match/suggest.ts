import { type WorkLease, withLeaseIn } from "../../run/work-lease.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { appliedSettings, candidates, fittingOptional } from "./blocking-budget.ts";
import { type BlockingRecall, blockingRecall } from "./blocking-recall.ts";
import { checkRecords, rulePairCounts } from "./checks.ts";
import { ensureMatchFunctions, matchRecordsSql } from "./records-sql.ts";
import { type MatchSettings, matchSettingsSchema } from "./settings.ts";
import { columnsOfRule, RECORD_ID } from "./sql.ts";

/** One column of the match model's records, profiled. */
export interface ColumnProfile {
  column: string;
  /** Share of records with a value (not NULL, not empty once trimmed). */
  fillRate: number;
  distinct: number;
  /** The most common value and the share of the filled records that hold it. */
  top: string | null;
  topShare: number;
  /**
   * How many times more common the most common value is than the average value
   * (`topShare × distinct`): 1 when values are equally common; names and dates of birth run to
   * tens or hundreds, where a shared common value says much less than a shared rare one.
   */
  skew: number;
}

export interface RuleReport {
  rule: string[];
  /** The pairs the rule's blocks hold (what the pair budget counts). */
  pairs: number;
  /** With a truth: the true pairs the rule finds, and the share found by it or an earlier rule. */
  recall?: number;
  cumulativeRecall?: number;
  /** Why the proposal leaves the rule out, when it does. */
  dropped?: string;
  /** A rule of `optionalBlocking`: whether a build of these records applies it (within the budget). */
  optional?: { applied: boolean };
}

export interface Suggestion {
  records: number;
  columns: ColumnProfile[];
  rules: RuleReport[];
  /** Pairs of the proposed rules a build applies, against the budget. */
  pairs: number;
  pairBudget: number;
  /** Blocking recall of the proposed rules a build applies, with a truth. */
  blockingRecall?: BlockingRecall;
  /** What changed from the model's settings, in words. */
  changes: string[];
  settings: MatchSettings;
}

/** A value this many times more common than the average one gets term-frequency weights. */
export const SKEWED = 10;

/**
 * `cdp identity suggest`: profiles the columns a match model selects (fill rate, distinct values,
 * skew) and proposes settings from its current ones: comparisons of columns that are never filled
 * left out (they weigh nothing), term-frequency weights on compared columns whose values are
 * skewed, blocking rules that read a never-filled column left out (they find nothing); for every
 * rule its pairs and, with a truth (`record_id, person_id` as the model selects them), its recall.
 */
export async function suggestSettings(
  wh: Warehouse,
  near: Relation,
  recordsSql: string,
  settings: MatchSettings,
  truth?: Relation,
): Promise<Suggestion> {
  return withLeaseIn(wh, undefined, near.schema, (lease) =>
    suggest(wh, near, recordsSql, settings, lease, truth),
  );
}

async function suggest(
  wh: Warehouse,
  near: Relation,
  recordsSql: string,
  settings: MatchSettings,
  lease: WorkLease,
  truth: Relation | undefined,
): Promise<Suggestion> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const input = lease.name(near, "suggest", "input");
  const records = lease.name(near, "suggest", "records");
  await wh.createView(input, `SELECT * FROM (\n${recordsSql}\n) AS records`);
  try {
    const columns = await checkRecords(wh, input, settings, "identity.match");
    const text = (c: string) => `NULLIF(TRIM(${d.cast(qi(c), "string")}), '')`;
    const profiled = [...columns.keys()].filter((c) => c !== RECORD_ID && columns.get(c) !== "other");
    const profiles: ColumnProfile[] = [];
    let recordCount = 0;
    for (const c of profiled) {
      const [row] = await wh.query<Record<string, unknown>>(
        `SELECT SUM(n) AS records, SUM(CASE WHEN v IS NULL THEN 0 ELSE n END) AS filled,
           SUM(CASE WHEN v IS NULL THEN 0 ELSE 1 END) AS distinct_values, MAX(CASE WHEN v IS NULL THEN 0 ELSE n END) AS top_count
         FROM (SELECT ${text(c)} AS v, COUNT(*) AS n FROM ${d.quoteRelation(input)} GROUP BY ${text(c)}) AS vs`,
      );
      const filled = Number(row?.filled ?? 0);
      const topCount = Number(row?.top_count ?? 0);
      const [top] = topCount
        ? await wh.query<{ v: unknown }>(
            `SELECT ${text(c)} AS v FROM ${d.quoteRelation(input)} WHERE ${text(c)} IS NOT NULL
             GROUP BY ${text(c)} ORDER BY COUNT(*) DESC, 1 LIMIT 1`,
          )
        : [];
      recordCount = Number(row?.records ?? 0);
      const distinct = Number(row?.distinct_values ?? 0);
      const topShare = filled ? topCount / filled : 0;
      profiles.push({
        column: c,
        fillRate: recordCount ? filled / recordCount : 0,
        distinct,
        top: top?.v == null ? null : String(top.v),
        topShare,
        skew: topShare * distinct,
      });
    }
    const profileOf = new Map(profiles.map((p) => [p.column, p]));
    const empty = new Set(profiles.filter((p) => p.fillRate === 0).map((p) => p.column));

    const changes: string[] = [];
    const comparisons = settings.comparisons.flatMap((c) => {
      if (empty.has(c.column)) {
        changes.push(`comparison of ${c.column} left out: never filled, it weighs nothing`);
        return [];
      }
      const p = profileOf.get(c.column);
      const skewed = !!p && p.skew >= SKEWED && c.levels.some((l) => "exact" in l);
      if (skewed && !c.termFrequency) {
        changes.push(
          `termFrequency on ${c.column}: its most common value is ${p.skew.toFixed(0)} times as common as the average one`,
        );
      }
      // A swapped level reads the other column, left out with it when that one is never filled.
      const levels = c.levels.filter((l) => !("swappedWith" in l) || !empty.has(l.swappedWith));
      return levels.length ? [{ ...c, levels, termFrequency: c.termFrequency || skewed }] : [];
    });

    // Rules reading a never-filled column find nothing; they are reported, not proposed.
    const report = (rule: string[], optional: boolean): RuleReport => {
      const reads = [...columnsOfRule(settings, rule)].filter((c) => empty.has(c));
      return {
        rule,
        pairs: 0,
        ...(reads.length ? { dropped: `reads ${reads.join(", ")}, never filled: finds nothing` } : {}),
        ...(optional ? { optional: { applied: false } } : {}),
      };
    };
    const required = settings.blocking.map((rule) => report(rule, false));
    const optional = (settings.optionalBlocking ?? []).map((rule) => report(rule, true));
    const reports = [...required, ...optional];
    for (const r of reports)
      if (r.dropped)
        changes.push(
          `${r.optional ? "optionalBlocking" : "blocking"} [${r.rule.join(", ")}] left out: ${r.dropped}`,
        );
    const keptRequired = required.filter((r) => !r.dropped);
    const keptOptional = optional.filter((r) => !r.dropped);
    const kept = keptRequired.length ? [...keptRequired, ...keptOptional] : required;
    const proposed = matchSettingsSchema.parse({
      ...settings,
      comparisons: comparisons.length ? comparisons : settings.comparisons,
      blocking: keptRequired.length ? keptRequired.map((r) => r.rule) : settings.blocking,
      ...(settings.optionalBlocking ? { optionalBlocking: keptOptional.map((r) => r.rule) } : {}),
      trainingBlocking: keptTraining(
        settings.trainingBlocking,
        keptRequired.length ? keptRequired.map((r) => r.rule) : undefined,
      ),
    });

    // Every candidate rule's pairs; a build applies the optional ones that fit in the budget.
    const every = candidates(proposed);
    await ensureMatchFunctions(wh, proposed, input.schema);
    await wh.replaceTable(records, matchRecordsSql(d, d.quoteRelation(input), every, columns, input.schema));
    const counts = await rulePairCounts(wh, records, every);
    kept.forEach((r, i) => {
      r.pairs = counts[i] ?? 0;
    });
    const applied =
      proposed.blocking.length + fittingOptional(counts, proposed.blocking.length, proposed.pairBudget);
    kept.forEach((r, i) => {
      if (r.optional) r.optional.applied = i < applied;
    });
    const recall = truth ? await blockingRecall(wh, records, truth, every) : undefined;
    if (recall) {
      kept.forEach((r, i) => {
        const found = recall.rules[i]!;
        r.recall = recall.truePairs ? found.truePairs / recall.truePairs : 1;
        r.cumulativeRecall = recall.truePairs ? found.cumulative / recall.truePairs : 1;
      });
      // The recall of the rules a build applies.
      recall.recall = recall.truePairs ? (recall.rules[applied - 1]?.cumulative ?? 0) / recall.truePairs : 1;
    }
    return {
      records: recordCount,
      columns: profiles,
      rules: reports,
      pairs: counts.slice(0, applied).reduce((a, b) => a + b, 0),
      pairBudget: proposed.pairBudget,
      ...(recall ? { blockingRecall: recall } : {}),
      changes,
      settings: proposed,
    };
  } finally {
    await wh.dropRelation(records).catch(() => undefined);
    await wh.dropRelation(input).catch(() => undefined);
  }
}

/**
 * Blocking recall of a match model's settings against a truth (`record_id, person_id`, record
 * ids as the model selects them), over the model's records read from `recordsSql`.
 */
export async function modelBlockingRecall(
  wh: Warehouse,
  near: Relation,
  recordsSql: string,
  settings: MatchSettings,
  truth: Relation,
): Promise<BlockingRecall> {
  return withLeaseIn(wh, undefined, near.schema, async (lease) => {
    const d = wh.dialect;
    const input = lease.name(near, "recall", "input");
    const records = lease.name(near, "recall", "records");
    await wh.createView(input, `SELECT * FROM (\n${recordsSql}\n) AS records`);
    try {
      const columns = await checkRecords(wh, input, settings, "identity.match");
      await ensureMatchFunctions(wh, settings, input.schema);
      // The rules a build of these records applies: the optional ones that fit in the budget.
      const every = candidates(settings);
      await wh.replaceTable(
        records,
        matchRecordsSql(d, d.quoteRelation(input), every, columns, input.schema),
      );
      const counts = settings.optionalBlocking?.length ? await rulePairCounts(wh, records, every) : [];
      const applied = fittingOptional(counts, settings.blocking.length, settings.pairBudget);
      return await blockingRecall(wh, records, truth, appliedSettings(settings, applied));
    } finally {
      await wh.dropRelation(records).catch(() => undefined);
      await wh.dropRelation(input).catch(() => undefined);
    }
  });
}

/** The training rules still among the kept blocking rules (none left: every kept rule trains). */
function keptTraining(
  training: string[][] | undefined,
  kept: string[][] | undefined,
): string[][] | undefined {
  if (!training || !kept) return training;
  const keep = new Set(kept.map((r) => JSON.stringify(r)));
  const left = training.filter((r) => keep.has(JSON.stringify(r)));
  return left.length ? left : undefined;
}
