import { CdpError } from "../../errors.ts";
import { type WorkLease, withLease } from "../../run/work-lease.ts";
import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { writeCannotLinks } from "./cannot-links.ts";
import { checkBudget, checkRecords, type ValueKind } from "./checks.ts";
import { pairsSql, scoresSql } from "./pairs-sql.ts";
import { loadParameters, type MatchParameters, saveParameters, writeParametersFile } from "./params.ts";
import type { MatchSettings } from "./settings.ts";
import { blockKey, priorKey, RECORD_ID, ROW_NUMBER, recordHelpersSql, termFrequencyColumn } from "./sql.ts";
import { trainParameters } from "./train.ts";

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
}

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
/**
 * The records as the pairs read them, from `from` (a relation or a parenthesised query): a row
 * number, `record_id`, each compared column (text trimmed, empty as NULL), the frequency of each
 * term-frequency column's value (`cdp_tf_<i>`), the blocking (and prior rule) keys, and what the
 * pairs' similarity functions read off each record (`recordHelpersSql`).
 */
export function matchRecordsSql(
  d: Dialect,
  from: string,
  settings: MatchSettings,
  columns: Map<string, ValueKind>,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const text = (x: string) => `NULLIF(TRIM(${d.cast(x, "string")}), '')`;
  const attribute = (c: string) => (columns.get(c) === "string" ? `${text(qi(c))} AS ${qi(c)}` : qi(c));
  const keys = (rules: string[][], key: (i: number, j: number) => string) =>
    rules.flatMap((rule, i) => rule.map((e, j) => `${text(`(${e})`)} AS ${qi(key(i, j))}`));
  const helpers = recordHelpersSql(d, settings.comparisons, "rec");
  const inner = `SELECT ROW_NUMBER() OVER (ORDER BY ${d.cast(RECORD_ID, "string")}) AS ${ROW_NUMBER}, ${qi(RECORD_ID)},
           ${[
             ...settings.comparisons.map((c) => attribute(c.column)),
             // How common each value is, for term-frequency comparisons (carried into the pairs).
             ...settings.comparisons.flatMap((c, i) =>
               c.termFrequency
                 ? [
                     `CAST(COUNT(*) OVER (PARTITION BY ${text(qi(c.column))}) AS ${d.typeName("float64")}) / NULLIF(COUNT(${text(qi(c.column))}) OVER (), 0) AS ${qi(termFrequencyColumn(i))}`,
                   ]
                 : [],
             ),
             ...keys(settings.blocking, blockKey),
             ...(settings.prior && "rules" in settings.prior ? keys(settings.prior.rules, priorKey) : []),
           ].join(", ")}
         FROM ${from}`;
  // The helpers read the values as compared (trimmed), so over the records above.
  return helpers.length ? `SELECT rec.*, ${helpers.join(", ")} FROM (${inner}) AS rec` : inner;
}

export async function runMatch(
  wh: Warehouse,
  output: Relation,
  recordsSql: string,
  settings: MatchSettings,
  options: MatchOptions,
): Promise<MatchResult> {
  return withLease(wh, options.lease, async (lease) => {
    await lease.register(output.schema);
    return match(wh, output, recordsSql, settings, options, lease);
  });
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
  const work = (name: string): Relation => {
    const r = lease.name(output, "match", name);
    if (!made.some((m) => m.name === r.name)) made.push(r);
    return r;
  };
  const where = `identity.match.${options.settingsName}`;
  try {
    // 1. The records, checked before anything heavy runs.
    const input = work("input");
    await wh.createView(input, `SELECT * FROM (\n${recordsSql}\n) AS records`);
    const columns = await checkRecords(wh, input, settings, where);
    if (settings.comparisons.some((c) => c.levels.some((l) => "jaroWinkler" in l))) {
      const ddl = d.jaroWinklerFunction(output.schema);
      if (ddl) await wh.execute(ddl);
    }
    const records = work("records");
    const recordCount = (await wh.replaceTable(records, matchRecordsSql(d, q(input), settings, columns)))
      .rows;
    await checkBudget(wh, records, settings, where);

    // 2. Blocked pairs, each once, with every comparison's level.
    const train = !options.parameters;
    const t0 = performance.now();
    const pairs = work("pairs");
    const blockedPairs = (
      await wh.replaceTable(pairs, pairsSql(d, q(records), settings, output.schema, train))
    ).rows;
    let scoringSeconds = (performance.now() - t0) / 1000;

    // 3. Parameters: given, saved by an earlier run, or trained now.
    let parameters = options.parameters;
    let trained = false;
    if (!parameters && settings.reuseParameters) parameters = await loadParameters(wh, output, settings);
    if (!parameters) {
      parameters = await trainParameters(
        wh,
        { records, pairs, recordCount, blockedPairs },
        settings,
        output.schema,
      );
      trained = true;
    }
    if (trained || !options.parameters) await saveParameters(wh, output, parameters);
    const parametersFile =
      options.targetDir && options.model
        ? writeParametersFile(options.targetDir, options.model, parameters)
        : undefined;

    // 4. Scores: prior plus each comparison's weight; the pairs over the threshold are kept.
    const t1 = performance.now();
    const pairsWritten = (
      await wh.replaceTable(output, scoresSql(d, q(pairs), q(records), settings, parameters, recordCount))
    ).rows;
    scoringSeconds += (performance.now() - t1) / 1000;
    // 5. The pairs its links chain together that it says are different people, for the stitch.
    await writeCannotLinks(wh, { records, output, work }, settings, parameters, recordCount, output.schema);
    return {
      records: recordCount,
      blockedPairs,
      pairs: pairsWritten,
      trained,
      parameters: { ...parameters, records: recordCount, blockedPairs },
      parametersFile,
      scoringSeconds,
    };
  } finally {
    for (const r of made) await wh.dropRelation(r).catch(() => undefined);
  }
}
