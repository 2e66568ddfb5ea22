import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { overBudgetError, rulePairCounts, type ValueKind } from "./checks.ts";
import { recordColumns, type SavedState, sameColumns, savedState } from "./incremental-state.ts";
import { recordValuesSql } from "./records-sql.ts";
import type { MatchSettings } from "./settings.ts";

/**
 * Blocking that fills the pair budget. `blocking`'s rules apply to any data; `optionalBlocking`'s
 * are added in order while the pairs of all the rules applied so far stay within `pairBudget`.
 * A rule of one field (the town, a first name) finds the pairs whose other fields are all wrong,
 * but its pairs grow with the square of the records: affordable on 50,000 records, not on a
 * million. One set of settings then gives each data set the most pairs completeness its budget
 * buys (Christen, Data Matching, 2012, ch. 4: pairs completeness against reduction ratio).
 *
 * A run applies a prefix of the optional rules (it stops at the first that would pass the budget):
 * what a run applied is then one number, the rule set only shrinks as the data grows, and the
 * rules keep the order their author gave by value per pair.
 *
 * The applied rules stand in `blocking` of the settings the run uses (`appliedSettings`), the
 * optional ones after the others at the same positions as in the candidate list (`candidates`),
 * so the blocking keys of a table made for the candidates are those of the applied settings.
 */
export interface AppliedBlocking {
  /** The settings the run matches with: `blocking` the rules applied. */
  settings: MatchSettings;
  /** Pairs per candidate rule (the budget's count), in the order of `candidates`. */
  counts: number[];
  /** Rules of `blocking` (always applied). */
  required: number;
  /** Of the optional rules, the first `applied` are applied. */
  applied: number;
  optional: number;
}

/** The settings with every rule a run may apply: `blocking`'s, then `optionalBlocking`'s. */
export function candidates(settings: MatchSettings): MatchSettings {
  const optional = settings.optionalBlocking ?? [];
  return optional.length ? { ...settings, blocking: [...settings.blocking, ...optional] } : settings;
}

/**
 * The settings with `blocking`'s rules and the first `applied` optional ones. Training keeps the
 * rules it names, or by default `blocking`'s: m is not trained on the rules that come and go.
 */
export function appliedSettings(settings: MatchSettings, applied: number): MatchSettings {
  const optional = settings.optionalBlocking ?? [];
  if (!optional.length) return settings;
  return {
    ...settings,
    blocking: [...settings.blocking, ...optional.slice(0, applied)],
    trainingBlocking: settings.trainingBlocking ?? settings.blocking,
  };
}

/**
 * The rules a run applies to `records`, a relation holding the blocking keys of `candidates`
 * (made by `matchRecordsSql` or `recordValuesSql` with those settings): `blocking`'s pairs over the
 * budget fail with their largest blocks (nothing is built); then each optional rule in turn while
 * the total stays within it.
 */
export async function applyPairBudget(
  wh: Warehouse,
  records: Relation,
  settings: MatchSettings,
  where: string,
): Promise<AppliedBlocking> {
  const counts = await rulePairCounts(wh, records, candidates(settings));
  const required = settings.blocking.length;
  const optional = counts.length - required;
  const total = counts.slice(0, required).reduce((a, b) => a + b, 0);
  if (total > settings.pairBudget)
    throw await overBudgetError(wh, records, settings, counts.slice(0, required), where);
  const applied = fittingOptional(counts, required, settings.pairBudget);
  return { settings: appliedSettings(settings, applied), counts, required, applied, optional };
}

/**
 * How many of the optional rules (after the first `required` of `counts`, the pairs per rule) fit
 * in `budget` in order: the first that would pass it stops the list.
 */
export function fittingOptional(counts: number[], required: number, budget: number): number {
  let total = counts.slice(0, required).reduce((a, b) => a + b, 0);
  let applied = 0;
  while (required + applied < counts.length && total + counts[required + applied]! <= budget) {
    total += counts[required + applied]!;
    applied++;
  }
  return applied;
}

/**
 * How many optional rules the run that saved an incremental match's state applied (its records
 * hold the blocking keys of those rules); undefined when the state fits none of the prefixes
 * (saved by other settings: the run matches everything).
 */
export function savedApplied(state: SavedState, settings: MatchSettings): number | undefined {
  const optional = settings.optionalBlocking?.length ?? 0;
  for (let k = optional; k >= 0; k--) {
    if (sameColumns(state.records, recordColumns(appliedSettings(settings, k)))) return k;
  }
  return undefined;
}

/** One line for a run's log: the rules applied, and the optional ones the budget left out. */
export function describeApplied(a: Pick<AppliedBlocking, "required" | "applied" | "optional">): string {
  if (!a.optional) return `${a.required} blocking rules`;
  const left = a.optional - a.applied;
  return `${a.required} blocking rules and ${a.applied} of ${a.optional} optional${left ? ` (optionalBlocking[${a.applied}] on left out: over pairBudget)` : ""}`;
}

/**
 * The rules the last build of a match applied, for explanations: an incremental match's saved
 * rules, else those a build chooses over the records now (`input`, the model's records).
 */
export async function lastApplied(
  wh: Warehouse,
  output: Relation,
  model: { input: Relation; columns: Map<string, ValueKind> },
  settings: MatchSettings,
  keys: Relation,
  where: string,
): Promise<number> {
  if (!settings.optionalBlocking?.length) return 0;
  const state = settings.incremental ? await savedState(wh, output) : undefined;
  const kept = state && savedApplied(state, settings);
  if (kept !== undefined) return kept;
  const d = wh.dialect;
  await wh.replaceTable(
    keys,
    recordValuesSql(d, d.quoteRelation(model.input), candidates(settings), model.columns),
  );
  try {
    return (await applyPairBudget(wh, keys, settings, where)).applied;
  } finally {
    await wh.dropRelation(keys).catch(() => undefined);
  }
}
