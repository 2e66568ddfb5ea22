import type { Relation, Warehouse } from "../warehouse/types.ts";
import { KEY } from "./mapping-sql.ts";

/**
 * A sync's state tables, in `stateSchema` (default `cdp_state`):
 * - `<sync>__snapshot` (key, hash, synced_at, fields): what the destination acknowledged, row by
 *   row; `fields` (JSON of the delivered fields) only for destinations that remove members by
 *   their data (`Connector.removalNeedsFields`), NULL otherwise;
 * - `<sync>__errors` (key, operation, error, attempts, first_seen, last_seen): rows that failed
 *   and are retried next run;
 * - `<sync>__plan`: this run's plan, rebuilt by each run (under the lock);
 * - `sync_runs`, `sync_locks`: one row per run, one lock per sync (shared by all syncs).
 */
export interface StateTables {
  snapshot: Relation;
  errors: Relation;
  plan: Relation;
  runs: Relation;
  locks: Relation;
}

export function stateTables(schema: string, sync: string): StateTables {
  return {
    snapshot: { schema, name: `${sync}__snapshot` },
    errors: { schema, name: `${sync}__errors` },
    plan: { schema, name: `${sync}__plan` },
    runs: { schema, name: "sync_runs" },
    locks: { schema, name: "sync_locks" },
  };
}

/** Creates the state schema and tables when missing (idempotent, safe to race). */
export async function ensureState(wh: Warehouse, t: StateTables): Promise<void> {
  const d = wh.dialect;
  const s = d.typeName("string");
  const ts = d.typeName("timestamp");
  const n = d.typeName("int64");
  await wh.ensureSchema(t.snapshot.schema);
  const ddl: [Relation, string][] = [
    [t.snapshot, `(key ${s} PRIMARY KEY, hash ${s} NOT NULL, synced_at ${ts}, fields ${s})`],
    [
      t.errors,
      `(key ${s} PRIMARY KEY, operation ${s}, error ${s}, attempts ${n}, first_seen ${ts}, last_seen ${ts})`,
    ],
    [
      t.runs,
      `(run_id ${s} PRIMARY KEY, sync ${s} NOT NULL, started_at ${ts}, finished_at ${ts}, status ${s}, planned ${n}, added ${n}, changed ${n}, removed ${n}, delivered ${n}, rejected ${n}, failed ${n}, skipped ${n}, retried ${n}, message ${s})`,
    ],
    [
      t.locks,
      `(sync ${s} PRIMARY KEY, owner ${s}, host ${s}, pid ${n}, acquired_at ${ts}, expires_at ${ts})`,
    ],
  ];
  for (const [relation, columns] of ddl) {
    try {
      await wh.execute(`CREATE TABLE IF NOT EXISTS ${d.quoteRelation(relation)} ${columns}`);
    } catch (error) {
      // Two first runs may race to create the same table: the loser finds it there.
      if (!(await wh.describe(relation))) throw error;
    }
  }
  // Snapshots created before `fields` existed gain the column (NULL: nothing recorded yet).
  const snapshot = await wh.describe(t.snapshot);
  if (snapshot && !snapshot.columns.some((c) => c.name === "fields")) {
    await wh.execute(`ALTER TABLE ${d.quoteRelation(t.snapshot)} ADD COLUMN fields ${s}`);
  }
}

function inList(wh: Warehouse, keys: string[]): string {
  return keys.map((k) => wh.dialect.literal(k)).join(", ");
}

/**
 * Records acknowledged rows: upserted keys get their new hash (and, when given, the delivered
 * fields as JSON), removed keys leave the snapshot.
 */
export async function commitDelivered(
  wh: Warehouse,
  t: StateTables,
  upserted: { key: string; hash: string; fields?: string }[],
  removed: string[],
): Promise<void> {
  const d = wh.dialect;
  const now = d.currentTimestamp();
  if (upserted.length) {
    const values = upserted
      .map((r) => `(${d.literal(r.key)}, ${d.literal(r.hash)}, ${now}, ${d.literal(r.fields ?? null)})`)
      .join(", ");
    await wh.execute(
      `INSERT INTO ${d.quoteRelation(t.snapshot)} (key, hash, synced_at, fields) VALUES ${values}
       ON CONFLICT (key) DO UPDATE SET hash = excluded.hash, synced_at = excluded.synced_at, fields = excluded.fields`,
    );
  }
  if (removed.length) {
    await wh.execute(`DELETE FROM ${d.quoteRelation(t.snapshot)} WHERE key IN (${inList(wh, removed)})`);
  }
  const done = [...upserted.map((r) => r.key), ...removed];
  if (done.length)
    await wh.execute(`DELETE FROM ${d.quoteRelation(t.errors)} WHERE key IN (${inList(wh, done)})`);
}

/** Records rows that were not delivered, with the destination's reason; attempts count up. */
export async function recordErrors(
  wh: Warehouse,
  t: StateTables,
  rows: { key: string; operation: string; error: string }[],
): Promise<void> {
  if (!rows.length) return;
  const d = wh.dialect;
  const now = d.currentTimestamp();
  const values = rows
    .map(
      (r) =>
        `(${d.literal(r.key)}, ${d.literal(r.operation)}, ${d.literal(r.error.slice(0, 2000))}, 1, ${now}, ${now})`,
    )
    .join(", ");
  await wh.execute(
    `INSERT INTO ${d.quoteRelation(t.errors)} AS cur (key, operation, error, attempts, first_seen, last_seen) VALUES ${values}
     ON CONFLICT (key) DO UPDATE SET operation = excluded.operation, error = excluded.error,
       attempts = cur.attempts + 1, last_seen = excluded.last_seen`,
  );
}

/** Errors of keys that are no longer planned (fixed, or gone from the model) are over. */
export async function pruneErrors(wh: Warehouse, t: StateTables): Promise<void> {
  const d = wh.dialect;
  await wh.execute(
    `DELETE FROM ${d.quoteRelation(t.errors)} WHERE key NOT IN (SELECT ${d.quoteIdentifier(KEY)} FROM ${d.quoteRelation(t.plan)})`,
  );
}
