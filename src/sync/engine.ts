import pLimit from "p-limit";
import { createConnector } from "../../connectors/index.ts";
import { newRunId } from "../config/load.ts";
import { redactor } from "../config/secrets.ts";
import type { Connector, Operation } from "../connector-kit/connector.ts";
import { defaultSleep } from "../http/rate-limit.ts";
import type { Relation, Row, Warehouse } from "../warehouse/types.ts";
import type { SyncConfig } from "./config.ts";
import { Delivery, toRecord } from "./delivery.ts";
import { SyncError } from "./errors.ts";
import { guardStop, lostStateEvidence } from "./guards.ts";
import { heapBudget } from "./heap.ts";
import { SyncLock } from "./lock.ts";
import { columnsRead, fieldSql, KEY, type MappedField, OP } from "./mapping-sql.ts";
import {
  checkKeys,
  countPlan,
  MODE_OPERATIONS,
  type PlanCounts,
  type PlanInput,
  planSql,
  sentCondition,
} from "./plan.ts";
import { buildPlan } from "./plan-parts.ts";
import { planBatches } from "./plan-reader.ts";
import {
  deliveredSql,
  ensureState,
  foldJournal,
  migrateState,
  pruneErrors,
  type StateTables,
  stateRowCount,
  stateTables,
} from "./state.ts";

export type SyncEvent =
  | { type: "sync_start"; sync: string; counts: PlanCounts; dryRun: boolean }
  | { type: "sync_progress"; sync: string; done: number; planned: number; delivered: number; failed: number }
  | { type: "sync_finish"; result: SyncResult };

export interface SyncResult {
  sync: string;
  runId: string;
  /**
   * `skipped`: not run, on purpose (another target's sync, a build that failed); `blocked`:
   * stopped by a guard before sending anything (mass removal, empty model, lost state, stale
   * sources), which fails the run like `failed` and `error`.
   */
  status: "success" | "failed" | "error" | "dry_run" | "disabled" | "skipped" | "blocked";
  /** The target (warehouse) the sync ran against, and the command invocation it belongs to. */
  target?: string;
  counts: PlanCounts;
  delivered: number;
  rejected: number;
  /** Rows still retryable after every attempt; recorded and sent again next run. */
  failed: number;
  /** Up to 5 rows per operation (dry run), and up to 10 rejections with their reasons. */
  samples?: Record<string, Row[]>;
  errors?: { key: string; status: string; reason: string }[];
  message?: string;
  /** What the destination reported about the run (`Connector.report`), e.g. audience match info. */
  destination?: Record<string, unknown>;
  /** Per operation sent to the destination (upsert, delete, add, remove...): rows sent and delivered. */
  operations?: Record<string, { sent: number; delivered: number }>;
  /** Whether the failure notification went out (`notify.onFailure`), or why not. */
  notification?: string;
  elapsed: number;
}

export interface RunSyncOptions {
  name: string;
  config: SyncConfig;
  modelRelation: Relation;
  warehouse: Warehouse;
  projectDir: string;
  dryRun?: boolean;
  fullResync?: boolean;
  /** Let a run remove more than `maxRemoved`, or sync an empty model over a non-empty state. */
  allowMassRemoval?: boolean;
  /** The target the warehouse belongs to and the command's invocation id, recorded in the history. */
  targetName?: string;
  invocationId?: string;
  onEvent?: (event: SyncEvent) => void;
  /**
   * The merges table of the identity model whose profile ids key this sync (`identity` in the
   * sync's config): merged-away ids are removed from the destination before the rest is sent.
   */
  mergesRelation?: Relation;
  /** Tests: replace the connector, or the waiting between retries. */
  connector?: Connector;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted: stop sending; batches in flight are committed, the lock released. */
  signal?: AbortSignal;
}

async function mappedFields(wh: Warehouse, opts: RunSyncOptions): Promise<MappedField[]> {
  const info = await wh.describe(opts.modelRelation);
  if (!info) {
    throw new SyncError(
      `sync "${opts.name}": model ${opts.config.model} is not in the warehouse (${wh.dialect.quoteRelation(opts.modelRelation)}); build it first (cdp build, or cdp run --select ${opts.config.model})`,
    );
  }
  const have = new Set(info.columns.map((c) => c.name));
  const fields = opts.config.fields ?? Object.fromEntries(info.columns.map((c) => [c.name, c.name]));
  const problems: string[] = [];
  if (!have.has(opts.config.primaryKey))
    problems.push(`primaryKey "${opts.config.primaryKey}" is not a column`);
  for (const [name, mapping] of Object.entries(fields)) {
    if (name.startsWith("__cdp_")) problems.push(`field "${name}": names starting with __cdp_ are reserved`);
    for (const c of columnsRead(mapping))
      if (!have.has(c)) problems.push(`field "${name}" reads "${c}", not a column`);
  }
  if (problems.length) {
    throw new SyncError(
      `sync "${opts.name}" does not fit model ${opts.config.model} (columns: ${[...have].join(", ")}):\n  ${problems.join("\n  ")}`,
    );
  }
  return Object.entries(fields).map(([name, mapping]) => ({ name, sql: fieldSql(wh.dialect, mapping) }));
}

/** A guard stopped the run before anything was sent (see `guardStop`). */
class GuardStop extends Error {}

async function countRows(wh: Warehouse, relation: Relation): Promise<number> {
  const [row] = await wh.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${wh.dialect.quoteRelation(relation)}`,
  );
  return Number(row?.n ?? 0);
}

/** JS heap a sync lets garbage fill before it collects between plan pages (see `heapBudget`). */
const HEAP_BUDGET_MB = 48;

/**
 * The part of the warehouse's sync memory limit a sync's delivery runs under (the plan gets all of
 * it; the journal's fold as much as delivery, or all of it when a key was journaled twice). On
 * DuckDB the pool fills with pages read and rows appended, and half the limit took ~30 MB off the
 * peak of a 1M-row sync; a quarter took no more off.
 */
const DELIVERY_MEMORY_SHARE = 0.5;

/**
 * Runs one sync: lock, plan in the warehouse, stream the plan in batches to the connector, and
 * commit each batch's acknowledged rows to the snapshot as soon as the destination answers.
 * Rows not delivered go to the errors table and come back in the next run's plan. The warehouse
 * works under its sync memory limit meanwhile (`Warehouse.constrainMemory`).
 */
export async function runSync(opts: RunSyncOptions): Promise<SyncResult> {
  const release = await opts.warehouse.constrainMemory?.();
  try {
    return await runSyncConstrained(opts);
  } finally {
    // A limit left in place slows later work down, but loses nothing.
    await release?.().catch(() => undefined);
  }
}

/** What the phases of one run share. */
interface RunContext {
  opts: RunSyncOptions;
  runId: string;
  started: number;
  wh: Warehouse;
  cfg: SyncConfig;
  t: StateTables;
  fields: MappedField[];
  input: PlanInput;
  result: SyncResult;
}

async function runSyncConstrained(opts: RunSyncOptions): Promise<SyncResult> {
  const wh = opts.warehouse;
  const cfg = opts.config;
  const t = stateTables(cfg.stateSchema, opts.name);
  const fields = await mappedFields(wh, opts);
  const input: PlanInput = {
    modelRelation: opts.modelRelation,
    primaryKey: cfg.primaryKey,
    fields,
    mode: cfg.mode,
    fullResync: !!opts.fullResync,
  };
  await checkKeys(wh, input, opts.name);
  await ensureState(wh, t);
  const runId = newRunId();
  const result: SyncResult = {
    sync: opts.name,
    runId,
    status: "success",
    target: opts.targetName,
    counts: { added: 0, changed: 0, removed: 0, retired: 0, skipped: 0, retried: 0, planned: 0 },
    delivered: 0,
    rejected: 0,
    failed: 0,
    elapsed: 0,
  };
  const run: RunContext = { opts, runId, started: performance.now(), wh, cfg, t, fields, input, result };
  if (opts.dryRun) await dryRun(run);
  else await sendPlanned(run, await openConnector(run));
  result.elapsed = (performance.now() - run.started) / 1000;
  opts.onEvent?.({ type: "sync_finish", result });
  return result;
}

/** A guard's reason to stop before anything is sent (mass removal, lost state...), if any. */
async function guard(run: RunContext, counts: PlanCounts, connector: Connector | undefined) {
  const { wh, t, opts } = run;
  const stateRows = await stateRowCount(wh, t);
  return guardStop({
    name: opts.name,
    config: run.cfg,
    counts,
    stateRows,
    modelRows: await countRows(wh, opts.modelRelation),
    lostState:
      stateRows === 0 && !opts.fullResync ? await lostStateEvidence(wh, t, opts.name, connector) : undefined,
    fullResync: !!opts.fullResync,
    allowMassRemoval: !!opts.allowMassRemoval,
  });
}

/** `--dry-run`: the plan's counts and a few rows per operation; nothing sent or committed. */
async function dryRun(run: RunContext): Promise<void> {
  const { wh, t, cfg, opts, result } = run;
  const d = wh.dialect;
  const from = `(${planSql(wh, t, run.input, await deliveredSql(wh, t))}) AS plan`;
  result.counts = await countPlan(wh, from, cfg.mode);
  const stop = await guard(run, result.counts, undefined);
  if (stop) result.message = `a real run would stop here: ${stop}`;
  result.samples = {};
  for (const [kind, op] of Object.entries(MODE_OPERATIONS[cfg.mode])) {
    const rows = await wh.query(
      `SELECT * FROM ${from} WHERE ${d.quoteIdentifier(OP)} = ${d.literal(kind)} ORDER BY ${d.quoteIdentifier(KEY)} LIMIT 5`,
    );
    if (rows.length)
      result.samples[op] = rows.map((r) => ({
        key: r[KEY],
        ...toRecord(r, run.fields, op, opts.name).fields,
      }));
  }
  result.status = "dry_run";
  opts.onEvent?.({ type: "sync_start", sync: opts.name, counts: result.counts, dryRun: true });
}

/** The sync's destination, checked against the fields and the mode before anything is sent. */
async function openConnector(run: RunContext): Promise<Connector> {
  const { opts, cfg, wh, input } = run;
  const connector =
    opts.connector ??
    (await createConnector(
      cfg.destination,
      { projectDir: opts.projectDir, redactor, sleep: opts.sleep },
      { batchSize: cfg.batchSize, rateLimit: cfg.rateLimit, maxAttempts: cfg.maxAttempts },
    ));
  input.previousFields = !!connector.removalNeedsFields;
  // Merged-away profile ids are deleted where the destination can delete (remove in audiences).
  if (
    opts.mergesRelation &&
    (cfg.mode === "audience" || connector.modes.includes("mirror")) &&
    (await wh.describe(opts.mergesRelation))
  ) {
    input.merges = opts.mergesRelation;
  }
  const fieldProblems = connector.validateFields?.(run.fields.map((f) => f.name)) ?? [];
  if (fieldProblems.length) {
    throw new SyncError(
      `sync "${opts.name}": the ${connector.name} destination cannot take these fields; nothing was sent:\n  ${fieldProblems.join("\n  ")}`,
    );
  }
  if (!connector.modes.includes(cfg.mode)) {
    throw new SyncError(
      `sync "${opts.name}": the ${connector.name} destination does not support mode ${cfg.mode}`,
    );
  }
  return connector;
}

/**
 * A real run under the sync's lock: fold what earlier runs left, plan, guard, send, and record
 * the run in the history whatever happened.
 */
async function sendPlanned(run: RunContext, connector: Connector): Promise<void> {
  const { wh, t, cfg, opts, result } = run;
  const d = wh.dialect;
  const lock = await SyncLock.acquire(wh, t, opts.name, run.runId, cfg.lockLease);
  let releaseDelivery: (() => Promise<void>) | undefined;
  try {
    // Runs this one took over were marked abandoned by the lock.
    await wh.execute(
      `INSERT INTO ${d.quoteRelation(t.runs)} (run_id, sync, started_at, status) VALUES (${d.literal(run.runId)}, ${d.literal(opts.name)}, ${d.currentTimestamp()}, 'running')`,
    );
    const stop: { error?: Error } = {};
    lock.startRenewing(() => {
      stop.error = new SyncError(`sync "${opts.name}": lost its lock (lease expired); stopped sending`);
    });
    await connector.check();
    // What an earlier run acknowledged, and a killed run left in the journal, is in the snapshot.
    await migrateState(wh, t);
    await foldJournal(wh, t);
    await buildPlan(wh, t, run.input);
    await pruneErrors(wh, t);
    const counts = await countPlan(wh, d.quoteRelation(t.plan), cfg.mode);
    result.counts = counts;
    const stopped = await guard(run, counts, connector);
    if (stopped) throw new GuardStop(stopped);
    // Delivery reads pages and appends to the journal: half the sync limit is plenty.
    releaseDelivery = await wh.constrainMemory?.(DELIVERY_MEMORY_SHARE);
    opts.onEvent?.({ type: "sync_start", sync: opts.name, counts, dryRun: false });
    const delivery = await deliverPlan(run, connector, counts, stop);
    await connector.close?.();
    const report = connector.report?.();
    if (report) result.destination = report;
    if (stop.error) throw stop.error;
    result.errors = delivery.errors;
    const threshold =
      typeof cfg.maxRejected === "number"
        ? cfg.maxRejected
        : Math.floor((Number.parseFloat(cfg.maxRejected) / 100) * counts.planned);
    if (result.rejected + result.failed > threshold) {
      result.status = "failed";
      result.message = `${result.rejected + result.failed} rows not delivered (${result.rejected} rejected, ${result.failed} still failing after retries), more than maxRejected (${threshold}); they are retried next run`;
    }
  } catch (error) {
    result.status = error instanceof GuardStop ? "blocked" : "error";
    result.message = redactor.redact((error as Error).message);
  } finally {
    await releaseDelivery?.().catch(() => undefined);
    // The journal of this run goes into the snapshot before the lock is let go; if that fails,
    // the rows stay journaled and the next run folds them before it plans.
    await foldJournal(wh, t).catch((error: Error) => {
      if (result.status === "success" || result.status === "failed") {
        result.status = "error";
        result.message = `the delivered rows are journaled but the snapshot could not take them (the next run retries): ${redactor.redact(error.message)}`;
      }
    });
    result.elapsed = (performance.now() - run.started) / 1000;
    await recordRun(run);
    await lock.release().catch(() => undefined);
  }
}

/**
 * Sends the plan's rows in batches (removals of retired keys first), `concurrency` at a time,
 * until the plan is done or `stop` holds an error; then settles what the destination left
 * pending. The result's counts follow every batch.
 */
async function deliverPlan(
  run: RunContext,
  connector: Connector,
  counts: PlanCounts,
  stop: { error?: Error },
): Promise<Delivery> {
  const { wh, t, cfg, opts, result } = run;
  const ops = MODE_OPERATIONS[cfg.mode] as Record<string, Operation>;
  // Rows planned per operation, for destinations that announce an upload's size.
  const planned: Partial<Record<Operation, number>> = {};
  for (const [kind, op] of Object.entries(ops))
    planned[op] = (planned[op] ?? 0) + counts[kind as keyof PlanCounts];
  const tally = (d: Delivery) => {
    result.delivered = d.delivered;
    result.rejected = d.rejected;
    result.failed = d.failed;
    result.operations = d.perOperation;
  };
  const delivery = new Delivery({
    wh,
    tables: t,
    connector,
    sync: opts.name,
    runId: run.runId,
    fields: run.fields,
    operations: ops,
    planned,
    keepFields: !!run.input.previousFields,
    maxAttempts: cfg.maxAttempts,
    sleep: opts.sleep ?? defaultSleep,
    onProgress: (d) => {
      tally(d);
      opts.onEvent?.({
        type: "sync_progress",
        sync: opts.name,
        done: d.done,
        planned: counts.planned,
        delivered: d.delivered,
        failed: d.rejected + d.failed,
      });
    },
  });
  const limit = pLimit(cfg.concurrency);
  const inflight = new Set<Promise<void>>();
  const keepHeap = heapBudget(HEAP_BUDGET_MB);
  for (const phase of ["retired", "rest"] as const) {
    if (phase === "retired" && !counts.retired) continue;
    const stream = planBatches(wh, t.plan, sentCondition(wh, cfg.mode, phase), connector.batchSize);
    try {
      for await (const rows of stream) {
        if (opts.signal?.aborted) {
          stop.error ??= new SyncError(
            `sync "${opts.name}": interrupted; stopped sending (the rows not sent go out next run)`,
          );
        }
        if (stop.error) break;
        keepHeap();
        const batch = delivery.prepare(rows);
        const p = limit(() => delivery.send(batch)).catch((error: Error) => {
          stop.error ??= error;
        });
        inflight.add(p);
        p.finally(() => inflight.delete(p));
        // Backpressure: at most two rounds of batches in memory.
        while (inflight.size >= cfg.concurrency * 2) await Promise.race(inflight);
        if (delivery.foldDue()) {
          await Promise.all(inflight);
          await delivery.fold();
        }
      }
    } finally {
      // Batches already sent are committed (or recorded) before the run ends, whatever happened.
      await Promise.all(inflight);
    }
    if (stop.error) break;
  }
  // Rows the destination took for work that spans the run (a job per operation) settle now.
  if (!stop.error) await delivery.finish().catch((error: Error) => (stop.error = error));
  tally(delivery);
  return delivery;
}

/** The run's line in the history (`sync_runs`), with what the snapshot holds now. */
async function recordRun(run: RunContext): Promise<void> {
  const { wh, t, opts, result } = run;
  const d = wh.dialect;
  const c = result.counts;
  // What the snapshot holds now: a later run that finds it empty can tell the state was lost.
  const stateRows = await stateRowCount(wh, t).catch(() => null);
  await wh
    .execute(
      `UPDATE ${d.quoteRelation(t.runs)} SET finished_at = ${d.currentTimestamp()}, status = ${d.literal(result.status)},
         planned = ${c.planned}, added = ${c.added}, changed = ${c.changed}, removed = ${c.removed + c.retired},
         delivered = ${result.delivered}, rejected = ${result.rejected}, failed = ${result.failed},
         skipped = ${c.skipped}, retried = ${c.retried}, message = ${d.literal(result.message ?? null)},
         state_rows = ${stateRows ?? "NULL"}, invocation_id = ${d.literal(opts.invocationId ?? null)},
         target = ${d.literal(opts.targetName ?? null)},
         first_errors = ${d.literal(result.errors?.length ? JSON.stringify(result.errors.slice(0, 3)) : null)}
       WHERE run_id = ${d.literal(run.runId)}`,
    )
    .catch(() => undefined);
}
