import type { Relation, Warehouse } from "../../warehouse/types.ts";
import type { IncrementalPairs } from "./incremental.ts";
import { statePairs, statePending } from "./incremental-state.ts";
import { movingWeightSql, storedScoresSql } from "./pairs-sql.ts";
import type { MatchParameters } from "./params.ts";
import type { MatchSettings } from "./settings.ts";
import { gammaColumn, RECORD_ID, weightColumn } from "./sql.ts";

/** The output's columns, in order, as `storedScoresSql` (and a full match's `scoresSql`) writes them. */
export function outputColumns(settings: MatchSettings): string[] {
  return [
    "record_id_l",
    "record_id_r",
    ...(settings.sourceColumn ? ["source_l", "source_r"] : []),
    "match_weight",
    "match_probability",
    ...settings.comparisons.flatMap((c) => [gammaColumn(c), weightColumn(c)]),
  ];
}

/**
 * Brings an incremental match's output up to date after `incrementalPairs` (`made`), in place:
 * a saved pair keeps its output row, its weight too, unless that weight moves with the term
 * frequencies (`movingWeightSql`). A frequency is a share of all records, so when any record came
 * or went every such weight moves: those rows are weighed again, with the rows of the records that
 * went deleted and the kept pairs of the records that came added. Rewriting the whole output
 * instead wrote every row again (about half of an incremental run's CPU at 1M records, the rows
 * whose weights hold most of it). The output is written in full, as before, when the last run's is
 * not there as this one would write it (dropped, or other columns).
 * A run stopped between these writes leaves the ids of the records they concern in
 * `<model>__match_pending` (written before the run's first write, dropped here last), whose rows
 * the next run deletes and writes again; the moving rows it writes again anyway.
 * Returns the output's rows.
 */
export async function updateOutput(
  wh: Warehouse,
  output: Relation,
  made: IncrementalPairs,
  settings: MatchSettings,
  parameters: MatchParameters,
  recordCount: number,
): Promise<number> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const pending = statePending(output);
  const scores = (only?: "moving" | "held", pairs = statePairs(output)) =>
    storedScoresSql(d, q(pairs), made.frequencies, settings, parameters, recordCount, made.weight, only);
  const columns = outputColumns(settings);
  const info = await wh.describe(output);
  const kept =
    info?.kind === "table" &&
    info.columns.length === columns.length &&
    info.columns.every((c, i) => c.name === columns[i]);
  if (!kept) {
    const rows = (await wh.replaceTable(output, scores())).rows;
    if (made.touched) await wh.dropRelation(pending);
    return rows;
  }
  if (made.touched) {
    const ids = `SELECT ${qi(RECORD_ID)} FROM ${q(pending)}`;
    const moving = movingWeightSql(d, settings, parameters);
    if (moving) await wh.execute(`DELETE FROM ${q(output)} WHERE ${moving}`);
    // One statement a side: an OR of two IN lists is a nested loop on some engines.
    if (made.gone)
      for (const side of ["record_id_l", "record_id_r"])
        await wh.execute(`DELETE FROM ${q(output)} WHERE ${qi(side)} IN (${ids})`);
    const list = columns.map(qi).join(", ");
    // The moving rows of every pair, and the others of the pairs compared now (from their work
    // table: reading them back from the saved pairs scans every pair's record ids).
    const rows = [...(moving ? [scores("moving")] : []), ...(made.fresh ? [scores("held", made.fresh)] : [])];
    if (rows.length)
      await wh.execute(
        `INSERT INTO ${q(output)} (${list}) ${rows.map((sql) => `SELECT ${list} FROM (${sql}) AS cdp_scores`).join(" UNION ALL ")}`,
      );
    await wh.dropRelation(pending);
  }
  const [counted] = await wh.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${q(output)}`);
  return Number(counted?.n ?? 0);
}
