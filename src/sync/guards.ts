import type { TargetConfig } from "../config/schema.ts";
import type { Connector } from "../connector-kit/connector.ts";
import type { Warehouse } from "../warehouse/types.ts";
import type { SyncConfig } from "./config.ts";
import type { PlanCounts } from "./plan.ts";
import type { StateTables } from "./state.ts";

/**
 * Why a target's warehouse cannot keep sync state from one run to the next, or undefined when it
 * can. An in-memory DuckDB database ends with the process: every run would find no state, send
 * every row as added, never send a removal, and issue new profile ids after merges.
 */
export function throwawayState(targetName: string, target: TargetConfig): string | undefined {
  if (target.type !== "duckdb" || !target.path?.startsWith(":memory:")) return undefined;
  return `target "${targetName}" is an in-memory DuckDB database (path "${target.path}"), which ends with the process: the sync's state (what was delivered) would be lost, so every run would send every row as added and never a removal. Keep the state: use a target whose database outlives the run (a DuckDB file carried between runs, e.g. restored and saved by the CI workflow; Postgres; BigQuery), or leave this target out of the sync's targets; nothing was sent`;
}

/** The most rows a run may remove: `maxRemoved` as a count, or as a share of the state's rows. */
export function removalLimit(maxRemoved: SyncConfig["maxRemoved"], stateRows: number): number {
  if (typeof maxRemoved === "number") return maxRemoved;
  return Math.floor((Number.parseFloat(maxRemoved) / 100) * stateRows);
}

/** Rows of a plan that remove or delete at the destination, in the sync's mode. */
export function removals(counts: PlanCounts, mode: SyncConfig["mode"]): number {
  return (mode === "mirror" || mode === "audience" ? counts.removed : 0) + counts.retired;
}

export interface GuardInput {
  name: string;
  config: SyncConfig;
  counts: PlanCounts;
  /** Rows the state says the destination holds from this sync, before this run. */
  stateRows: number;
  /** Rows of the model now. */
  modelRows: number;
  /** Why the state looks lost (it is empty, yet something says the sync delivered before). */
  lostState?: string;
  fullResync: boolean;
  allowMassRemoval: boolean;
}

/**
 * Why the run must stop before sending anything, or undefined. Checked after the plan, in this
 * order: lost state (needs `--full-resync`), an empty model while the state holds rows, more
 * removals than `maxRemoved` (both need `--allow-mass-removal`).
 */
export function guardStop(g: GuardInput): string | undefined {
  if (g.lostState && !g.fullResync) {
    return `sync "${g.name}": its state is empty, but ${g.lostState}. The state was probably lost (a cache not restored, a dropped schema, another warehouse): sending now would add every row again and never remove what left the model. Nothing was sent; restore the state, or run again with --full-resync to send every row as new`;
  }
  if (g.allowMassRemoval) return undefined;
  if (g.modelRows === 0 && g.stateRows > 0) {
    return `sync "${g.name}": model ${g.config.model} is empty, while the destination holds ${g.stateRows} rows from this sync; an empty model usually means a broken upstream. Nothing was sent; if the model is right, run again with --allow-mass-removal`;
  }
  const removing = removals(g.counts, g.config.mode);
  const limit = removalLimit(g.config.maxRemoved, g.stateRows);
  if (removing > limit) {
    return `sync "${g.name}": would remove ${removing} of the ${g.stateRows} rows the destination holds from this sync, more than maxRemoved (${g.config.maxRemoved}: ${limit} rows). Nothing was sent; if that is right, run again with --allow-mass-removal (or raise maxRemoved)`;
  }
  return undefined;
}

/**
 * Evidence that a sync whose state is empty delivered before: the last run recorded in the
 * state's history that went as far as planning left rows delivered (a snapshot emptied since;
 * runs stopped by a guard or skipped say nothing about it), or the destination says it holds what
 * an earlier run sent (`Connector.priorDelivery`). Undefined when nothing says so.
 */
export async function lostStateEvidence(
  wh: Warehouse,
  t: StateTables,
  sync: string,
  connector: Connector | undefined,
): Promise<string | undefined> {
  const d = wh.dialect;
  const [last] = await wh.query<{ run_id: string; state_rows: number | null; finished_at: unknown }>(
    `SELECT run_id, state_rows, finished_at FROM ${d.quoteRelation(t.runs)}
     WHERE sync = ${d.literal(sync)} AND finished_at IS NOT NULL AND state_rows IS NOT NULL
       AND status IN ('success', 'failed', 'error')
     ORDER BY finished_at DESC, run_id DESC LIMIT 1`,
  );
  if (last && Number(last.state_rows) > 0) {
    return `its last run (${last.run_id}) left ${Number(last.state_rows)} rows delivered`;
  }
  return connector?.priorDelivery?.(sync);
}
