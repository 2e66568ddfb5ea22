import { CdpError } from "../../errors.ts";
import { type WorkLease, withLeaseIn } from "../../run/work-lease.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import {
  type AppliedBlocking,
  appliedSettings,
  applyPairBudget,
  candidates,
  savedApplied,
} from "./blocking-budget.ts";
import { writeCannotLinks } from "./cannot-links.ts";
import { checkRecords, overBudgetError, rulePairCounts } from "./checks.ts";
import { type IncrementalPairs, incrementalPairs, linkedRecordsSql } from "./incremental.ts";
import { updateOutput } from "./incremental-output.ts";
import { dropState, savedState, saveState } from "./incremental-state.ts";
import { pairsSql, scoresSql } from "./pairs-sql.ts";
import { loadParameters, type MatchParameters, saveParameters, writeParametersFile } from "./params.ts";
import { ensureMatchFunctions, matchRecordsSql } from "./records-sql.ts";
import type { MatchSettings } from "./settings.ts";
import { trainParameters } from "./train.ts";

export { matchRecordsSql } from "./records-sql.ts";

export class MatchError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "MatchError";
  }
}

export interface MatchResult {
  records: number;
  /** Pairs compared (blocked, duplicates removed). */
  blockedPairs: number;
  /** Pairs at or above the threshold, written to the output. */
  pairs: number;
  /** False when the saved parameters were reused. */
  trained: boolean;
  parameters: MatchParameters;
  /** `target/match/<model>.json`, when a target directory was given. */
  parametersFile?: string;
  /** Seconds spent building and scoring the blocked pairs (the throughput measure). */
  scoringSeconds: number;
  /** An incremental run: the records new or changed since the last run, and their pairs compared. */
  incremental?: { changed: number; compared: number };
  /**
   * The blocking rules the run applied (`rules`: `blocking`'s, then the first `applied` of the
   * `optional` ones) and, in a full run, each candidate rule's pairs as the budget counts them.
   */
  blocking: Omit<AppliedBlocking, "settings" | "counts"> & { rules: string[][]; counts?: number[] };
}

/** An incremental run whose optional rules no longer fit the budget: it matches in full, choosing again. */
class OptionalRulesOverBudget extends Error {}

export interface MatchOptions {
  /** The settings' name in cdp.config.ts, for messages. */
  settingsName: string;
  /** The model's name, for target/match/<model>.json. */
  model?: string;
  targetDir?: string;
  /** Parameters to score with instead of training or loading (tests, benchmarks). */
  parameters?: MatchParameters;
  /** The run's lease on work tables (a lease of its own otherwise). */
  lease?: WorkLease;
  /** `--full-refresh`: an incremental match compares every record again. */
  fullRefresh?: boolean;
}

/**
 * The `match` materialization (Fellegi-Sunter, inside the warehouse). The model selects one row
 * per record: `record_id` plus the attributes the settings compare. This
 * 1. checks the settings against the records (columns, types, the pair budget) before any heavy query;
 * 2. builds the blocked pairs (rules unioned, each pair once) with each comparison's level;
 * 3. trains u on random pairs and m by EM on the blocked pairs, or reuses saved parameters;
 * 4. writes the pairs at or above the threshold: `record_id_l, record_id_r, match_weight,
 *    match_probability`, then `gamma_<column>` and `weight_<column>` per comparison.
 * Parameters go to `<model>__match_params` and target/match/<model>.json.
 */
export async function runMatch(
  wh: Warehouse,
  output: Relation,
  recordsSql: string,
  settings: MatchSettings,
  options: MatchOptions,
): Promise<MatchResult> {
  return withLeaseIn(wh, options.lease, output.schema, (lease) =>
    match(wh, output, recordsSql, settings, options, lease),
  );
}

async function match(
  wh: Warehouse,
  output: Relation,
  recordsSql: string,
  settings: MatchSettings,
  options: MatchOptions,
  lease: WorkLease,
): Promise<MatchResult> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const made: Relation[] = [];
  const work = (name: string, near: Relation = output): Relation => {
    const r = lease.name(near, "match", name);
    if (!made.some((m) => m.name === r.name && m.database === r.database)) made.push(r);
    return r;
  };
  const where = `identity.match.${options.settingsName}`;
  try {
    // 1. The records, checked before anything heavy runs.
    const input = work("input");
    await wh.createView(input, `SELECT * FROM (\n${recordsSql}\n) AS records`);
    const columns = await checkRecords(wh, input, settings, where);
    await ensureMatchFunctions(wh, settings, output.schema);
    let parameters = options.parameters;
    const saved = settings.incremental && !options.fullRefresh ? await savedState(wh, output) : undefined;
    // An incremental run keeps the rules the run that saved the state applied (see blocking-budget.ts).
    const kept = saved && savedApplied(saved, settings);
    const state = kept === undefined ? undefined : saved;
    let run = appliedSettings(settings, kept ?? 0);
    const required = settings.blocking.length;
    const optional = settings.optionalBlocking?.length ?? 0;
    let blocking: MatchResult["blocking"] = { required, applied: kept ?? 0, optional, rules: run.blocking };
    // Parameters read back from `<model>__match_params` are not written there again.
    let loaded = false;
    if (state && !parameters) {
      parameters = await loadParameters(wh, output, run);
      loaded = !!parameters;
    }

    // 2. Blocked pairs, each once, with every comparison's level: in an incremental run with saved
    // parameters and pairs, only those of the new and changed records (each record's hash read
    // and compared with the saved one); else all of them, over the records as the pairs read them.
    let recordCount = 0;
    let made: IncrementalPairs | undefined;
    let t0 = performance.now();
    // An incremental run's tables and the cannot-links' where the warehouse keeps work cheapest
    // (DuckDB: in memory, not compressed into the file); views next to the output.
    const space = wh.workSpace ? await wh.workSpace() : undefined;
    const near = space ? { ...output, ...space } : output;
    if (state && parameters) {
      t0 = performance.now();
      const scratch = (name: string, kind?: "view") => work(name, kind === "view" ? output : near);
      // The pair budget over all records: the saved rules past it, a full run chooses again.
      const budget = async (all: Relation) => {
        const counts = await rulePairCounts(wh, all, run);
        if (counts.reduce((a, b) => a + b, 0) <= run.pairBudget) return;
        if (run.blocking.length > required) throw new OptionalRulesOverBudget();
        throw await overBudgetError(wh, all, run, counts, where);
      };
      try {
        made = await incrementalPairs(
          wh,
          output,
          { input, columns },
          run,
          parameters,
          output.schema,
          state,
          scratch,
          budget,
        );
      } catch (error) {
        if (!(error instanceof OptionalRulesOverBudget)) throw error;
        // The budget's view reads the saved records, which the full run replaces (Postgres
        // refuses to drop a table a view reads).
        await wh.dropRelation(work("all"));
        // Parameters saved with the old rules are not those of the rules chosen now.
        if (loaded) [parameters, loaded] = [undefined, false];
      }
    }
    // A full run of an incremental match: no state until it saves its own (see saveState).
    if (!made && settings.incremental) await dropState(wh, output);
    let records = work("records");
    const pairs = work("pairs");
    let blockedPairs: number;
    if (made) {
      blockedPairs = made.pairs;
      recordCount = made.records;
    } else {
      // The records with the keys of every candidate rule; the applied rules are a prefix of them,
      // at the same positions, so the other keys are left unread.
      recordCount = (
        await wh.replaceTable(
          records,
          matchRecordsSql(d, q(input), candidates(settings), columns, output.schema),
        )
      ).rows;
      const chosen = await applyPairBudget(wh, records, settings, where);
      run = chosen.settings;
      const { settings: _, ...counted } = chosen;
      blocking = { ...counted, rules: run.blocking };
      t0 = performance.now();
      const train = !parameters;
      blockedPairs = (await wh.replaceTable(pairs, pairsSql(d, q(records), run, output.schema, train))).rows;
    }
    let scoringSeconds = (performance.now() - t0) / 1000;

    // 3. Parameters: given, saved by an earlier run, or trained now.
    let trained = false;
    if (!parameters && settings.reuseParameters) {
      parameters = await loadParameters(wh, output, run);
      loaded = !!parameters;
    }
    if (!parameters) {
      parameters = await trainParameters(
        wh,
        { records, pairs, recordCount, blockedPairs },
        run,
        output.schema,
      );
      trained = true;
    }
    if (trained || (!options.parameters && !loaded)) await saveParameters(wh, output, parameters);
    const parametersFile =
      options.targetDir && options.model
        ? writeParametersFile(options.targetDir, options.model, parameters)
        : undefined;

    // 4. Scores: prior plus each comparison's weight; the pairs over the threshold are kept.
    // An incremental run's output is kept in place, its moving rows written again (updateOutput).
    const t1 = performance.now();
    const pairsWritten = made
      ? await updateOutput(wh, output, made, run, parameters, recordCount)
      : (await wh.replaceTable(output, scoresSql(d, q(pairs), q(records), run, parameters, recordCount)))
          .rows;
    scoringSeconds += (performance.now() - t1) / 1000;
    if (made) {
      // The cannot-links are found among the linked records: those, numbered as a full match would.
      records = work("linked_records", near);
      await wh.replaceTable(records, linkedRecordsSql(wh, output, run, made.frequencies, output.schema));
    } else if (settings.incremental)
      await saveState(wh, output, pairs, records, { input, columns }, run, parameters);
    // 5. The pairs its links chain together that it says are different people, for the stitch. Their
    // work tables go where the warehouse keeps work cheapest, as the incremental run's do: in the
    // database file each would cost a lookup, a build-aside-and-rename and a drop, and its writes.
    await writeCannotLinks(
      wh,
      { records, output, work: (name) => work(name, near) },
      run,
      parameters,
      recordCount,
      output.schema,
    );
    return {
      records: recordCount,
      blockedPairs,
      pairs: pairsWritten,
      trained,
      parameters: { ...parameters, records: recordCount, blockedPairs },
      parametersFile,
      scoringSeconds,
      incremental: made && { changed: made.changed, compared: made.compared },
      blocking,
    };
  } finally {
    // Last made first: a view (the records now, the pair budget's) reads relations made before it,
    // and Postgres refuses to drop those first.
    for (const r of [...made].reverse()) await wh.dropRelation(r).catch(() => undefined);
  }
}
