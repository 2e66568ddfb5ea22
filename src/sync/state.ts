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
  // Keys are declared where the warehouse enforces them (ON CONFLICT needs them); BigQuery's
  // unenforced keys would promise nothing, and its upserts go through MERGE instead.
  const pk = wh.capabilities.enforcedKeys ? " PRIMARY KEY" : "";
  const ddl: [Relation, string][] = [
    [t.snapshot, `(key ${s}${pk}, hash ${s} NOT NULL, synced_at ${ts}, fields ${s})`],
    [
      t.errors,
      `(key ${s}${pk}, operation ${s}, error ${s}, attempts ${n}, first_seen ${ts}, last_seen ${ts})`,
    ],
    [
      t.runs,
      `(run_id ${s}${pk}, sync ${s} NOT NULL, started_at ${ts}, finished_at ${ts}, status ${s}, planned ${n}, added ${n}, changed ${n}, removed ${n}, delivered ${n}, rejected ${n}, failed ${n}, skipped ${n}, retried ${n}, message ${s})`,
    ],
    [t.locks, `(sync ${s}${pk}, owner ${s}, host ${s}, pid ${n}, acquired_at ${ts}, expires_at ${ts})`],
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

/** A column of rows to write: one text value (or NULL) per row, or one SQL expression for all. */
type RowsColumn = { name: string; values: (string | null)[] } | { name: string; sql: string };

/**
 * The rows as a SELECT of the columns, in order. DuckDB parses and binds a VALUES list of
 * thousands of literals slowly, slower still with several batches committing at once (a 10k-row
 * snapshot commit took seconds with four in flight): there each column travels as one JSON array
 * literal, unnested in step, and the commits of a sync cost about a tenth. Elsewhere, literal rows.
 */
function rowsSql(wh: Warehouse, columns: RowsColumn[], union: boolean): string {
  const d = wh.dialect;
  if (d.name === "duckdb") {
    const cols = columns.map((c) =>
      "sql" in c
        ? `${c.sql} AS ${c.name}`
        : `unnest(from_json(${d.literal(JSON.stringify(c.values))}, '["VARCHAR"]')) AS ${c.name}`,
    );
    return `SELECT ${cols.join(", ")}`;
  }
  const n = columns.map((c) => ("values" in c ? c.values.length : 0)).reduce((a, b) => Math.max(a, b), 0);
  const rows = Array.from({ length: n }, (_, i) =>
    columns.map((c) => {
      if ("sql" in c) return c.sql;
      const v = c.values[i] ?? null;
      return v === null ? d.cast(d.literal(null), "string") : d.literal(v);
    }),
  );
  if (!union) return `VALUES ${rows.map((r) => `(${r.join(", ")})`).join(", ")}`;
  return rows
    .map((r) => `SELECT ${r.map((v, i) => `${v} AS ${columns[i]!.name}`).join(", ")}`)
    .join(" UNION ALL ");
}

/** A list of keys for `key IN (...)`: a JSON array unnested on DuckDB (see `rowsSql`), else literals. */
function keysSql(wh: Warehouse, keys: string[]): string {
  return wh.dialect.name === "duckdb"
    ? rowsSql(wh, [{ name: "key", values: keys }], false)
    : keys.map((k) => wh.dialect.literal(k)).join(", ");
}

/**
 * Inserts rows (first column the key), updating the rows whose key exists with
 * `update(cur, incoming)`: `INSERT ... ON CONFLICT` where keys are enforced, MERGE otherwise.
 */
function upsertSql(
  wh: Warehouse,
  relation: Relation,
  columns: RowsColumn[],
  update: (cur: string, incoming: string) => Record<string, string>,
): string {
  const d = wh.dialect;
  const target = d.quoteRelation(relation);
  const names = columns.map((c) => c.name);
  const key = names[0]!;
  if (wh.capabilities.enforcedKeys) {
    const set = Object.entries(update("cur", "excluded")).map(([c, e]) => `${c} = ${e}`);
    return `INSERT INTO ${target} AS cur (${names.join(", ")}) ${rowsSql(wh, columns, false)}
       ON CONFLICT (${key}) DO UPDATE SET ${set.join(", ")}`;
  }
  const set = Object.entries(update("cur", "inc")).map(([c, e]) => `${c} = ${e}`);
  return `MERGE INTO ${target} AS cur USING (${rowsSql(wh, columns, true)}) AS inc ON cur.${key} = inc.${key}
     WHEN MATCHED THEN UPDATE SET ${set.join(", ")}
     WHEN NOT MATCHED THEN INSERT (${names.join(", ")}) VALUES (${names.map((c) => `inc.${c}`).join(", ")})`;
}

/**
 * Records acknowledged rows: upserted keys get their new hash (and, when given, the delivered
 * fields as JSON), removed keys leave the snapshot, and the errors recorded for `clearErrors`
 * (default: every acknowledged key) are over. A caller that knows which keys have errors (the
 * plan marks them) passes just those, and a run without earlier failures deletes nothing.
 */
export async function commitDelivered(
  wh: Warehouse,
  t: StateTables,
  upserted: { key: string; hash: string; fields?: string }[],
  removed: string[],
  clearErrors: string[] = [...upserted.map((r) => r.key), ...removed],
): Promise<void> {
  const d = wh.dialect;
  if (upserted.length) {
    await wh.execute(
      upsertSql(
        wh,
        t.snapshot,
        [
          { name: "key", values: upserted.map((r) => r.key) },
          { name: "hash", values: upserted.map((r) => r.hash) },
          { name: "synced_at", sql: d.currentTimestamp() },
          { name: "fields", values: upserted.map((r) => r.fields ?? null) },
        ],
        (_cur, inc) => ({ hash: `${inc}.hash`, synced_at: `${inc}.synced_at`, fields: `${inc}.fields` }),
      ),
    );
  }
  if (removed.length) {
    await wh.execute(`DELETE FROM ${d.quoteRelation(t.snapshot)} WHERE key IN (${keysSql(wh, removed)})`);
  }
  if (clearErrors.length) {
    await wh.execute(`DELETE FROM ${d.quoteRelation(t.errors)} WHERE key IN (${keysSql(wh, clearErrors)})`);
  }
}

/** Records rows that were not delivered, with the destination's reason; attempts count up. */
export async function recordErrors(
  wh: Warehouse,
  t: StateTables,
  rows: { key: string; operation: string; error: string }[],
): Promise<void> {
  if (!rows.length) return;
  const now = wh.dialect.currentTimestamp();
  await wh.execute(
    upsertSql(
      wh,
      t.errors,
      [
        { name: "key", values: rows.map((r) => r.key) },
        { name: "operation", values: rows.map((r) => r.operation) },
        { name: "error", values: rows.map((r) => r.error.slice(0, 2000)) },
        { name: "attempts", sql: "1" },
        { name: "first_seen", sql: now },
        { name: "last_seen", sql: now },
      ],
      (cur, inc) => ({
        operation: `${inc}.operation`,
        error: `${inc}.error`,
        attempts: `${cur}.attempts + 1`,
        last_seen: `${inc}.last_seen`,
      }),
    ),
  );
}

/** Errors of keys that are no longer planned (fixed, or gone from the model) are over. */
export async function pruneErrors(wh: Warehouse, t: StateTables): Promise<void> {
  const d = wh.dialect;
  await wh.execute(
    `DELETE FROM ${d.quoteRelation(t.errors)} WHERE key NOT IN (SELECT ${d.quoteIdentifier(KEY)} FROM ${d.quoteRelation(t.plan)})`,
  );
}
