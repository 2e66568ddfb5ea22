import type { AppendValue, Relation, TextColumn, Warehouse } from "../warehouse/types.ts";
import { KEY } from "./mapping-sql.ts";
import { syncParts } from "./part-rows.ts";

/**
 * A sync's state tables, in `stateSchema` (default `cdp_state`):
 * - `<sync>__snapshot` (key, hash, synced_at, fields): what the destination acknowledged, row by
 *   row; `fields` (JSON of the delivered fields) only for destinations that remove members by
 *   their data (`Connector.removalNeedsFields`), NULL otherwise;
 * - `<sync>__errors` (key, operation, error, attempts, first_seen, last_seen): rows that failed
 *   and are retried next run;
 * - `<sync>__plan`: this run's plan, rebuilt by each run (under the lock);
 * - `<sync>__acks`: on warehouses that journal (see `journals`), the rows acknowledged by the
 *   running (or an interrupted) run, folded into the snapshot when the run ends and before the
 *   next plan;
 * - `sync_runs`, `sync_locks`: one row per run, one lock per sync (shared by all syncs).
 */
export interface StateTables {
  snapshot: Relation;
  errors: Relation;
  plan: Relation;
  acks: Relation;
  runs: Relation;
  locks: Relation;
}

export function stateTables(schema: string, sync: string): StateTables {
  return {
    snapshot: { schema, name: `${sync}__snapshot` },
    errors: { schema, name: `${sync}__errors` },
    plan: { schema, name: `${sync}__plan` },
    acks: { schema, name: `${sync}__acks` },
    runs: { schema, name: "sync_runs" },
    locks: { schema, name: "sync_locks" },
  };
}

/**
 * Whether the warehouse journals acknowledged rows instead of upserting them into the snapshot
 * batch by batch: an in-process warehouse with a bulk append (DuckDB). There, a snapshot upsert
 * per batch kept the key index of a million-row snapshot in memory and grew the process by
 * hundreds of MB over a run, while appending to a journal costs almost nothing; the journal is
 * folded into the snapshot with one set-based statement at the end. So the snapshot and errors
 * tables carry no PRIMARY KEY there (a 1M-key index does not fit a small memory limit): their
 * writes are a journal fold and MERGE, which need none.
 */
export function journals(wh: Warehouse): boolean {
  return !!wh.appendRows && !!wh.executeInTransaction;
}

/** Whether upserts into the keyed state tables can use `ON CONFLICT` (a declared key). */
function keyedTables(wh: Warehouse): boolean {
  return wh.capabilities.enforcedKeys && !journals(wh);
}

/**
 * Columns `sync_runs` gained after its first layout, added to older tables by `ensureState`:
 * the rows the snapshot held when the run ended (a later run that finds the state empty knows it
 * was lost), the invocation and target that ran it, and its first row errors (JSON).
 */
const RUN_COLUMNS: [string, "int64" | "string"][] = [
  ["state_rows", "int64"],
  ["invocation_id", "string"],
  ["target", "string"],
  ["first_errors", "string"],
];

/** The state tables' columns, as `CREATE TABLE` gives them, for this warehouse. */
function stateDdl(wh: Warehouse, t: StateTables): [Relation, string][] {
  const d = wh.dialect;
  const s = d.typeName("string");
  const ts = d.typeName("timestamp");
  const n = d.typeName("int64");
  // Keys are declared where the warehouse enforces them (ON CONFLICT needs them); BigQuery's
  // unenforced keys would promise nothing, and its upserts go through MERGE instead.
  const pk = wh.capabilities.enforcedKeys ? " PRIMARY KEY" : "";
  const keyedPk = keyedTables(wh) ? pk : "";
  const ddl: [Relation, string][] = [
    [t.snapshot, `(key ${s}${keyedPk}, hash ${s} NOT NULL, synced_at ${ts}, fields ${s})`],
    [
      t.errors,
      `(key ${s}${keyedPk}, operation ${s}, error ${s}, attempts ${n}, first_seen ${ts}, last_seen ${ts})`,
    ],
    [
      t.runs,
      `(run_id ${s}${pk}, sync ${s} NOT NULL, started_at ${ts}, finished_at ${ts}, status ${s}, planned ${n}, added ${n}, changed ${n}, removed ${n}, delivered ${n}, rejected ${n}, failed ${n}, skipped ${n}, retried ${n}, message ${s}${RUN_COLUMNS.map(([c, type]) => `, ${c} ${type === "int64" ? n : s}`).join("")})`,
    ],
    [t.locks, `(sync ${s}${pk}, owner ${s}, host ${s}, pid ${n}, acquired_at ${ts}, expires_at ${ts})`],
  ];
  // The journal: one row per acknowledged key, `hash` NULL for a key removed from the destination.
  if (journals(wh))
    ddl.push([t.acks, `(key ${s} NOT NULL, hash ${s}, fields ${s}, synced_at ${ts}, seq ${n})`]);
  return ddl;
}

/** Creates the state schema and tables when missing (idempotent, safe to race). */
export async function ensureState(wh: Warehouse, t: StateTables): Promise<void> {
  const d = wh.dialect;
  const s = d.typeName("string");
  await wh.ensureSchema(t.snapshot.schema);
  const ddl = stateDdl(wh, t);
  for (const [relation, columns] of ddl) {
    try {
      await wh.execute(`CREATE TABLE IF NOT EXISTS ${d.quoteRelation(relation)} ${columns}`);
    } catch (error) {
      // Two first runs may race to create the same table: the loser finds it there.
      if (!(await wh.describe(relation))) throw error;
    }
  }
  // Tables created before a column existed gain it (NULL: nothing recorded yet).
  const added: [Relation, string, string][] = [
    [t.snapshot, "fields", s],
    ...RUN_COLUMNS.map(([c, type]): [Relation, string, string] => [t.runs, c, d.typeName(type)]),
  ];
  for (const relation of [t.snapshot, t.runs]) {
    const have = new Set((await wh.describe(relation))?.columns.map((c) => c.name) ?? []);
    for (const [r, column, type] of added) {
      if (r !== relation || have.has(column)) continue;
      try {
        await wh.execute(`ALTER TABLE ${d.quoteRelation(relation)} ADD COLUMN ${column} ${type}`);
      } catch (error) {
        // Two runs may race to add it: the loser finds it there.
        const now = await wh.describe(relation);
        if (!now?.columns.some((c) => c.name === column)) throw error;
      }
    }
  }
}

/**
 * The rows as a SELECT of the columns, in order: the dialect's `textColumnsSql` where it has a
 * faster way to bind them (DuckDB), else literal rows.
 */
function rowsSql(wh: Warehouse, columns: TextColumn[], union: boolean): string {
  const d = wh.dialect;
  if (d.textColumnsSql) return d.textColumnsSql(columns);
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

/** A list of keys for `key IN (...)`: the dialect's `textColumnsSql` (see `rowsSql`), else literals. */
function keysSql(wh: Warehouse, keys: string[]): string {
  return wh.dialect.textColumnsSql
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
  columns: TextColumn[],
  update: (cur: string, incoming: string) => Record<string, string>,
): string {
  const d = wh.dialect;
  const target = d.quoteRelation(relation);
  const names = columns.map((c) => c.name);
  const key = names[0]!;
  if (keyedTables(wh)) {
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
  await clearErrorsOf(wh, t, clearErrors);
}

/** The errors recorded for these keys are over (they were delivered). */
async function clearErrorsOf(wh: Warehouse, t: StateTables, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await wh.execute(`DELETE FROM ${wh.dialect.quoteRelation(t.errors)} WHERE key IN (${keysSql(wh, keys)})`);
}

/** Increasing journal sequence numbers: microseconds since the epoch, one apart within a process. */
let lastSeq = 0n;
function nextSeq(): bigint {
  const now = BigInt(Date.now()) * 1000n;
  lastSeq = now > lastSeq ? now : lastSeq + 1n;
  return lastSeq;
}

/**
 * Journals acknowledged rows (see `journals`): one appended row per key, with its new hash, or
 * none for a removed key. Appending is one bulk write, not a statement to parse, and moves no
 * index; `foldJournal` carries the rows into the snapshot. Clears the errors of `clearErrors`.
 */
export async function journalDelivered(
  wh: Warehouse,
  t: StateTables,
  upserted: { key: string; hash: string; fields?: string }[],
  removed: string[],
  clearErrors: string[] = [...upserted.map((r) => r.key), ...removed],
): Promise<void> {
  const at = new Date();
  const rows: AppendValue[][] = [
    ...upserted.map((r) => [r.key, r.hash, r.fields ?? null, at, nextSeq()]),
    ...removed.map((key) => [key, null, null, at, nextSeq()]),
  ];
  await wh.appendRows!(t.acks, rows);
  await clearErrorsOf(wh, t, clearErrors);
}

/**
 * The latest journal row of each key, as a subquery: `key`, `hash` (NULL: removed), `fields`,
 * `synced_at`.
 */
function latestAcksSql(wh: Warehouse, t: StateTables, upTo?: string): string {
  return `SELECT key, hash, fields, synced_at FROM (
    SELECT a.*, ROW_NUMBER() OVER (PARTITION BY key ORDER BY seq DESC) AS __n FROM ${wh.dialect.quoteRelation(t.acks)} AS a${upTo ? ` WHERE seq <= ${upTo}` : ""}
  ) AS a WHERE __n = 1`;
}

/**
 * What the destination holds, as a subquery (`key`, `hash`, `fields`): the snapshot with the
 * journal not folded yet laid over it. The plan reads this where a run may have left a journal
 * (a dry run does not fold: it writes nothing).
 */
export async function deliveredSql(wh: Warehouse, t: StateTables): Promise<string> {
  const snapshot = wh.dialect.quoteRelation(t.snapshot);
  if (!journals(wh) || !(await journalExtent(wh, t)).n) return snapshot;
  const acks = wh.dialect.quoteRelation(t.acks);
  return `(SELECT key, hash, fields FROM ${snapshot} WHERE key NOT IN (SELECT key FROM ${acks})
    UNION ALL SELECT key, hash, fields FROM (${latestAcksSql(wh, t)}) AS j WHERE hash IS NOT NULL)`;
}

/** How many rows the journal holds, and the last sequence number among them. */
async function journalExtent(wh: Warehouse, t: StateTables): Promise<{ n: number; last: string }> {
  if (!(await wh.describe(t.acks))) return { n: 0, last: "0" };
  const [row] = await wh.query<{ n: number; last: string | null }>(
    `SELECT COUNT(*) AS n, CAST(MAX(seq) AS ${wh.dialect.typeName("string")}) AS last FROM ${wh.dialect.quoteRelation(t.acks)}`,
  );
  return { n: Number(row?.n ?? 0), last: row?.last ?? "0" };
}

/**
 * The part of the sync memory limit a fold runs under when no key is journaled twice: deleting
 * the keys and appending the rows fit in it (a 1M-row fold in 16 MB on DuckDB), and the pool
 * holds less for the rest of the run. Picking each key's latest row (a window over the whole
 * journal) needs all of it.
 */
const PLAIN_FOLD_MEMORY_SHARE = 0.5;

/**
 * Folds the journal into the snapshot in one transaction: each journaled key's snapshot row is
 * replaced by its latest acknowledgement (or goes, for a removal), and the journal is emptied.
 * Runs under the sync's lock, when a run ends and before the next plan (which also recovers the
 * journal of a killed run). Only the rows there when it starts are folded: a row journaled
 * meanwhile (by a run that lost its lock and has not noticed yet) waits for the next fold.
 * Returns the rows folded.
 *
 * A run journals each key once, so the latest row of a key is, as a rule, its only one. The fold
 * first takes the rows as they are, under part of the limit, with a check in the same transaction
 * that no key among them repeats (a count of distinct keys: cheap); when one does (a killed run's
 * rows beside the next run's, a run that lost its lock), it rolls back and takes each key's latest
 * row, by a window over the journal.
 */
export async function foldJournal(wh: Warehouse, t: StateTables): Promise<number> {
  if (!journals(wh)) return 0;
  const { n, last } = await journalExtent(wh, t);
  if (!n) return 0;
  const d = wh.dialect;
  const snapshot = d.quoteRelation(t.snapshot);
  const acks = d.quoteRelation(t.acks);
  const bounded = `CAST(${d.literal(last)} AS ${d.typeName("int64")})`;
  const fold = (latest: string, part = "") => [
    `DELETE FROM ${snapshot} WHERE key IN (SELECT key FROM ${acks} WHERE seq <= ${bounded}${part})`,
    `INSERT INTO ${snapshot} (key, hash, synced_at, fields)
       SELECT key, hash, synced_at, fields FROM (${latest}) AS j WHERE hash IS NOT NULL`,
  ];
  const clear = `DELETE FROM ${acks} WHERE seq <= ${bounded}`;
  // Fails (a text that is no number) when a key repeats, so the transaction rolls back.
  const onceOnly = (part: string) =>
    `SELECT CAST(CASE WHEN COUNT(DISTINCT key) < COUNT(*) THEN ${d.literal(REPEATED)} ELSE '0' END AS ${d.typeName("int64")}) AS ok
    FROM ${acks} WHERE seq <= ${bounded}${part}`;
  // A large journal (a first sync of 10M rows) is folded by parts of the keys, in the same
  // transaction: the check's distinct keys and the delete's key set of each part are no larger
  // than a 1M-row journal's, which fit the limit; all at once they ran out of memory and ran again
  // under DuckDB's own limit.
  const snapshotRows = await tableRows(wh, t.snapshot);
  const large = snapshotRows > syncParts.rows;
  // Parts by the journal's size: its keys are what each statement holds (the snapshot streams).
  const parts = Math.max(1, Math.ceil(n / syncParts.rows));
  const plain: string[] = [];
  // A DELETE from a snapshot of 10M rows ran out of 64 MB however few rows it deleted (a SELECT of
  // the same rows did not): a large snapshot is rebuilt instead, the rows the journal leaves as
  // they are and the journal's rows, and swapped in, in the same transaction.
  const rebuilt = { ...t.snapshot, name: `${t.snapshot.name}__cdp_rebuild` };
  const columns = "key, hash, synced_at, fields";
  if (large) {
    const ddl = new Map(stateDdl(wh, t).map(([r, c]) => [r.name, c]));
    plain.push(
      `DROP TABLE IF EXISTS ${d.quoteRelation(rebuilt)}`,
      `CREATE TABLE ${d.quoteRelation(rebuilt)} ${ddl.get(t.snapshot.name)}`,
    );
  }
  for (let i = 0; i < parts; i++) {
    const part = (column: string) => (parts > 1 ? ` AND ${d.hashInt(column)} % ${parts} = ${i}` : "");
    plain.push(onceOnly(part("key")));
    if (!large) {
      plain.push(
        ...fold(
          `SELECT key, hash, fields, synced_at FROM ${acks} WHERE seq <= ${bounded}${part("key")}`,
          part("key"),
        ),
      );
      continue;
    }
    plain.push(
      `INSERT INTO ${d.quoteRelation(rebuilt)} (${columns}) SELECT ${columns} FROM ${snapshot} AS s
       WHERE TRUE${part("s.key")} AND NOT EXISTS (SELECT 1 FROM ${acks} AS a WHERE a.seq <= ${bounded} AND a.key = s.key)`,
      `INSERT INTO ${d.quoteRelation(rebuilt)} (${columns}) SELECT ${columns} FROM ${acks}
       WHERE seq <= ${bounded} AND hash IS NOT NULL${part("key")}`,
    );
  }
  if (large) {
    plain.push(
      `DROP TABLE ${snapshot}`,
      `ALTER TABLE ${d.quoteRelation(rebuilt)} RENAME TO ${d.quoteIdentifier(t.snapshot.name)}`,
    );
  }
  plain.push(clear);
  // The rebuild's anti-join holds the journal's keys next to the pages it streams: the whole
  // sync limit, as the plan has (under half, 100k keys ran out of memory after a delivery).
  const release = await wh.constrainMemory?.(large ? 1 : PLAIN_FOLD_MEMORY_SHARE);
  try {
    await wh.executeInTransaction!(plain);
    return n;
  } catch (error) {
    if (!(error as Error).message?.includes(REPEATED)) throw error;
  } finally {
    await release?.();
  }
  await wh.executeInTransaction!([...fold(latestAcksSql(wh, t, bounded)), clear]);
  return n;
}

/**
 * Folds a journal whose rows all carry keys the snapshot does not hold (rows the plan marked
 * `added`, as in a first sync): appended as they are, with no delete and no rebuild of the
 * snapshot, in one transaction with the check that no key repeats (else the full fold). The sync
 * calls it during delivery every `syncParts.rows` journaled rows, so a first sync of 10M rows folds
 * ten journals of 1M into a growing snapshot instead of one of 10M at the end.
 */
export async function foldNewKeys(wh: Warehouse, t: StateTables): Promise<number> {
  if (!journals(wh)) return 0;
  const { n, last } = await journalExtent(wh, t);
  if (!n) return 0;
  const d = wh.dialect;
  const acks = d.quoteRelation(t.acks);
  const bounded = `CAST(${d.literal(last)} AS ${d.typeName("int64")})`;
  const release = await wh.constrainMemory?.(PLAIN_FOLD_MEMORY_SHARE);
  try {
    await wh.executeInTransaction!([
      `SELECT CAST(CASE WHEN COUNT(DISTINCT key) < COUNT(*) THEN ${d.literal(REPEATED)} ELSE '0' END AS ${d.typeName("int64")}) AS ok
       FROM ${acks} WHERE seq <= ${bounded}`,
      `INSERT INTO ${d.quoteRelation(t.snapshot)} (key, hash, synced_at, fields)
       SELECT key, hash, synced_at, fields FROM ${acks} WHERE seq <= ${bounded} AND hash IS NOT NULL`,
      `DELETE FROM ${acks} WHERE seq <= ${bounded}`,
    ]);
    return n;
  } catch (error) {
    if (!(error as Error).message?.includes(REPEATED)) throw error;
  } finally {
    await release?.();
  }
  return foldJournal(wh, t);
}

const REPEATED = "cdp: a key is journaled more than once";

/** A table's row count from DuckDB's catalog (no scan). */
async function tableRows(wh: Warehouse, relation: Relation): Promise<number> {
  const d = wh.dialect;
  const [row] = await wh.query<{ n: number | bigint }>(
    `SELECT estimated_size AS n FROM duckdb_tables() WHERE schema_name = ${d.literal(relation.schema)} AND table_name = ${d.literal(relation.name)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Brings a journaling warehouse's state tables to the current layout, under the sync's lock:
 * snapshot and errors tables created with a PRIMARY KEY (before the journal) are rebuilt without
 * it, rows unchanged, in one transaction each.
 */
export async function migrateState(wh: Warehouse, t: StateTables): Promise<void> {
  const d = wh.dialect;
  if (!journals(wh) || !d.primaryKeyCountSql) return;
  const ddl = new Map(stateDdl(wh, t).map(([r, columns]) => [r.name, columns]));
  for (const relation of [t.snapshot, t.errors]) {
    const [row] = await wh.query<{ n: number }>(d.primaryKeyCountSql(relation));
    if (!Number(row?.n ?? 0)) continue;
    const old = d.quoteRelation(relation);
    const temp = { ...relation, name: `${relation.name}__cdp_rebuild` };
    await wh.executeInTransaction!([
      `DROP TABLE IF EXISTS ${d.quoteRelation(temp)}`,
      `CREATE TABLE ${d.quoteRelation(temp)} ${ddl.get(relation.name)}`,
      `INSERT INTO ${d.quoteRelation(temp)} SELECT * FROM ${old}`,
      `DROP TABLE ${old}`,
      `ALTER TABLE ${d.quoteRelation(temp)} RENAME TO ${d.quoteIdentifier(relation.name)}`,
    ]);
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

/** Rows the snapshot holds: what the destination holds from this sync (after a fold). */
export async function stateRowCount(wh: Warehouse, t: StateTables): Promise<number> {
  const [row] = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${await deliveredSql(wh, t)} AS s`);
  return Number(row?.n ?? 0);
}

/** Errors of keys that are no longer planned (fixed, or gone from the model) are over. */
export async function pruneErrors(wh: Warehouse, t: StateTables): Promise<void> {
  const d = wh.dialect;
  await wh.execute(
    `DELETE FROM ${d.quoteRelation(t.errors)} WHERE key NOT IN (SELECT ${d.quoteIdentifier(KEY)} FROM ${d.quoteRelation(t.plan)})`,
  );
}
