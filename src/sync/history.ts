import type { Warehouse } from "../warehouse/types.ts";
import type { SyncResult } from "./engine.ts";
import type { StateTables } from "./state.ts";

/**
 * Writes one finished run to `sync_runs` in a single statement: for runs that never reached the
 * engine (skipped because the build failed, stopped by stale sources), so that the history shows
 * every scheduled run, not only those that sent something.
 */
export async function insertRun(
  wh: Warehouse,
  t: StateTables,
  run: SyncResult & { invocationId: string },
): Promise<void> {
  const d = wh.dialect;
  const c = run.counts;
  await wh.execute(
    `INSERT INTO ${d.quoteRelation(t.runs)} (run_id, sync, started_at, finished_at, status, planned, added, changed,
       removed, delivered, rejected, failed, skipped, retried, message, invocation_id, target)
     VALUES (${d.literal(run.runId)}, ${d.literal(run.sync)}, ${d.currentTimestamp()}, ${d.currentTimestamp()},
       ${d.literal(run.status)}, ${c.planned}, ${c.added}, ${c.changed}, ${c.removed + c.retired}, ${run.delivered},
       ${run.rejected}, ${run.failed}, ${c.skipped}, ${c.retried}, ${d.literal(run.message ?? null)},
       ${d.literal(run.invocationId)}, ${d.literal(run.target ?? null)})`,
  );
}

/** One run of a sync as `cdp sync history` shows it. */
export interface HistoryRow {
  run_id: string;
  sync: string;
  status: string;
  started_at: string | null;
  finished_at: string | null;
  /** Seconds, when the run finished. */
  duration: number | null;
  planned: number;
  added: number;
  changed: number;
  removed: number;
  delivered: number;
  rejected: number;
  failed: number;
  target: string | null;
  message: string | null;
  /** Up to 3 rows the destination did not take, with the reason. */
  first_errors: { key: string; status: string; reason: string }[];
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

/**
 * The most recent runs recorded in a state schema's `sync_runs`, newest first: of one sync, or of
 * every sync. Empty when the schema holds no history yet.
 */
export async function readHistory(
  wh: Warehouse,
  runs: StateTables["runs"],
  options: { sync?: string; limit: number },
): Promise<HistoryRow[]> {
  const d = wh.dialect;
  const info = await wh.describe(runs);
  if (!info) return [];
  const has = new Set(info.columns.map((c) => c.name));
  const optional = ["target", "first_errors"].map((c) =>
    has.has(c) ? d.quoteIdentifier(c) : `${d.cast("NULL", "string")} AS ${d.quoteIdentifier(c)}`,
  );
  const rows = await wh.query(
    `SELECT run_id, sync, status, started_at, finished_at, planned, added, changed, removed, delivered,
       rejected, failed, message, ${optional.join(", ")}
     FROM ${d.quoteRelation(runs)}${options.sync ? ` WHERE sync = ${d.literal(options.sync)}` : ""}
     ORDER BY started_at DESC, run_id DESC LIMIT ${Math.max(1, Math.floor(options.limit))}`,
  );
  return rows.map((r) => {
    const started = iso(r.started_at);
    const finished = iso(r.finished_at);
    const num = (v: unknown) => Number(v ?? 0);
    let firstErrors: HistoryRow["first_errors"] = [];
    if (typeof r.first_errors === "string") {
      try {
        firstErrors = JSON.parse(r.first_errors) as HistoryRow["first_errors"];
      } catch {
        firstErrors = [];
      }
    }
    return {
      run_id: String(r.run_id),
      sync: String(r.sync),
      status: String(r.status ?? ""),
      started_at: started,
      finished_at: finished,
      duration: started && finished ? Math.max(0, (Date.parse(finished) - Date.parse(started)) / 1000) : null,
      planned: num(r.planned),
      added: num(r.added),
      changed: num(r.changed),
      removed: num(r.removed),
      delivered: num(r.delivered),
      rejected: num(r.rejected),
      failed: num(r.failed),
      target: (r.target as string | null) ?? null,
      message: (r.message as string | null) ?? null,
      first_errors: firstErrors,
    };
  });
}
