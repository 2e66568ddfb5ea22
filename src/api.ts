import path from "node:path";
import type { LoadedConfig } from "./config/load.ts";
import { suggestion } from "./did-you-mean.ts";
import { UsageError } from "./errors.ts";
import { writeAtomic, writeFailedTestSql } from "./project/artifacts.ts";
import type { Compilation } from "./project/compile.ts";
import {
  compileLoaded,
  connectTarget,
  loadProject,
  openProject,
  type ProjectOptions,
  targetDir,
  writeProjectArtifacts,
} from "./project/open.ts";
import { type RunCommand, select, selectNodes } from "./project/selectors.ts";
import { deferredRelations, loadState, type PreviousState, stateSelector } from "./project/state.ts";
import type { Node } from "./project/types.ts";
import type { EventListener } from "./run/events.ts";
import { executeDag } from "./run/executor.ts";
import { checkFreshness, type FreshnessResult } from "./run/freshness.ts";
import { runNode, SchemaCache } from "./run/node-runner.ts";
import { removeOrphans, workSchemas } from "./run/orphans.ts";
import { isFailure, type NodeResult, type RunSummary, runResultsJson } from "./run/results.ts";
import { WorkLease } from "./run/work-lease.ts";
import type { HistoryRow } from "./sync/history.ts";
import type { SyncEvent, SyncSummary } from "./sync/index.ts";
import type { Warehouse } from "./warehouse/types.ts";

export { compile, type ProjectOptions, targetDir } from "./project/open.ts";
export { type RunCommand, selectNodes } from "./project/selectors.ts";

export interface RunOptions extends ProjectOptions {
  threads?: number;
  fullRefresh?: boolean;
  onEvent?: EventListener;
  signal?: AbortSignal;
  /** Use this warehouse instead of opening the target's (tests, embedding). */
  warehouse?: Warehouse;
  /**
   * Exactly these node ids, in place of `select`/`exclude` (`cdp retry`): tests are not added for
   * the nodes, and ids no longer in the project are left out.
   */
  only?: string[];
  /** With `only`, on `build`: these syncs run at the end too, whichever models were built. */
  onlySyncs?: string[];
  /** With `state`: refs to models not selected read the relations of the state's manifest. */
  defer?: boolean;
  /** `build` only: progress of the syncs it runs last. */
  onSyncEvent?: (event: SyncEvent) => void;
  /** `build` only: build without running the syncs (they are listed as skipped). */
  noSync?: boolean;
  /** `build` only: passed to the syncs it runs (see `SyncOptions`). */
  fullResync?: boolean;
  allowMassRemoval?: boolean;
}

export interface SyncOptions extends ProjectOptions {
  /** Syncs to run (default: every enabled sync in cdp.config.ts). */
  names?: string[];
  /** Plan only: counts and sample rows per operation; nothing is sent or committed. */
  dryRun?: boolean;
  /** Send every row of the model again, as if nothing had been delivered before. */
  fullResync?: boolean;
  /** Let runs remove more than `maxRemoved`, or sync an empty model over a non-empty state. */
  allowMassRemoval?: boolean;
  onEvent?: (event: SyncEvent) => void;
  warehouse?: Warehouse;
  /** Aborted: the running sync commits its batches in flight and sends nothing more. */
  signal?: AbortSignal;
}

/**
 * The syncs a command acts on: those named, and of those (or of all) the ones whose model
 * `select`/`exclude` pick (dbt's selector grammar over the project's nodes).
 */
function syncsToRun(
  loaded: LoadedConfig,
  compilation: Compilation,
  names: string[] | undefined,
  specs: string[] | undefined,
  exclude: string[] | undefined,
  previous: PreviousState | undefined,
): string[] | undefined {
  if (!specs?.length && !exclude?.length) return names;
  const chosen = select(compilation, specs, exclude, stateSelector(compilation, previous));
  const models = new Set([...chosen].map((id) => compilation.nodes.get(id)!.name));
  const picked = (names?.length ? names : Object.keys(loaded.config.syncs)).filter((n) =>
    models.has(loaded.config.syncs[n]?.model ?? ""),
  );
  // Slim CI: no sync reads a model changed since the state, so none runs (an empty list, which
  // the caller must not take for "all").
  if (!picked.length && [...(specs ?? [])].join(" ").includes("state:")) return [];
  if (!picked.length) {
    throw new UsageError(
      `no sync reads a model selected by --select ${(specs ?? []).join(" ")}${exclude?.length ? ` --exclude ${exclude.join(" ")}` : ""}`,
    );
  }
  return picked;
}

/** Connections a sync needs at least: one streams the plan while others commit state. */
const SYNC_MIN_CONNECTIONS = 3;

/**
 * `cdp sync`: keeps destinations in step with models. Writes `target/sync_results.json`.
 *
 * @example
 * const summary = await sync({ projectDir: ".", names: ["high_value_to_crm"], dryRun: true });
 */
export async function sync(options: SyncOptions = {}): Promise<SyncSummary> {
  // Read before compiling: `--state target/` would otherwise compare the project with itself.
  const previous = options.state ? loadState(options.state) : undefined;
  const { loaded, compilation, warehouse, close } = await openProject({
    ...options,
    threads: (l) => Math.max(l.config.threads, SYNC_MIN_CONNECTIONS),
  });
  try {
    // Loaded on demand: the sync engine and its HTTP stack cost start-up time for every command.
    const { runSyncs, skipSyncs } = await import("./sync/index.ts");
    const names = syncsToRun(loaded, compilation, options.names, options.select, options.exclude, previous);
    if (names && !names.length) return await skipSyncs(loaded, targetDir(loaded), [], "nothing selected");
    return await runSyncs(loaded, compilation, warehouse, targetDir(loaded), {
      names,
      dryRun: options.dryRun,
      fullResync: options.fullResync,
      allowMassRemoval: options.allowMassRemoval,
      onEvent: options.onEvent,
      signal: options.signal,
    });
  } finally {
    await close();
  }
}

/**
 * `cdp sync history`: the recent runs of every sync (or of `name`), newest first, from the
 * `sync_runs` table of each state schema the syncs use on this target.
 */
export async function syncHistory(
  options: ProjectOptions & { name?: string; limit?: number; warehouse?: Warehouse },
): Promise<{ target: string; runs: HistoryRow[] }> {
  const { loaded, warehouse, close } = await openProject({ ...options, threads: () => 1 });
  try {
    const syncs = loaded.config.syncs;
    const { selectSyncs } = await import("./sync/index.ts");
    if (options.name) selectSyncs(loaded, [options.name]);
    const { readHistory } = await import("./sync/history.ts");
    const { stateTables } = await import("./sync/state.ts");
    const schemas = new Set(
      Object.entries(syncs)
        .filter(([n]) => !options.name || n === options.name)
        .map(([, s]) => s.stateSchema),
    );
    const limit = options.limit ?? 20;
    const runs: HistoryRow[] = [];
    for (const schema of schemas) {
      runs.push(
        ...(await readHistory(warehouse, stateTables(schema, "").runs, { sync: options.name, limit })),
      );
    }
    runs.sort(
      (a, b) => (b.started_at ?? "").localeCompare(a.started_at ?? "") || b.run_id.localeCompare(a.run_id),
    );
    return { target: loaded.targetName, runs: runs.slice(0, limit) };
  } finally {
    await close();
  }
}

/**
 * `cdp source freshness`: how recently each source that declares `freshness` was loaded. Writes
 * `target/sources.json`.
 */
export async function sourceFreshness(
  options: ProjectOptions & { sources?: string[]; warehouse?: Warehouse },
): Promise<{ target: string; results: FreshnessResult[] }> {
  const { loaded, warehouse, close } = await openProject({ ...options, threads: () => 1 });
  try {
    const declared = Object.keys(loaded.config.sources);
    const unknown = (options.sources ?? []).filter((s) => !declared.includes(s));
    if (unknown.length) {
      throw new UsageError(
        `unknown source${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; cdp.config.ts declares: ${declared.join(", ") || "(none)"}.${unknown.map((n) => suggestion(n, declared)).join("")}`,
      );
    }
    const picked = Object.fromEntries(
      Object.entries(loaded.config.sources).filter(
        ([name]) => !options.sources?.length || options.sources.includes(name),
      ),
    );
    const results = await checkFreshness(warehouse, picked);
    await writeAtomic(
      path.join(targetDir(loaded), "sources.json"),
      JSON.stringify(
        {
          metadata: {
            generated_at: new Date().toISOString(),
            invocation_id: loaded.invocationId,
            project_name: loaded.config.name,
            target_name: loaded.targetName,
          },
          results,
        },
        null,
        1,
      ),
    );
    return { target: loaded.targetName, results };
  } finally {
    await close();
  }
}

/**
 * In `build`, a node also waits for the tests of its parents: a failing test stops bad data from
 * flowing downstream. Only tests that read nothing but the node's parents gate it, which cannot
 * create a cycle.
 */
function withTestGates(nodes: Node[]): { id: string; dependsOn: string[]; node: Node }[] {
  const testsByParent = new Map<string, Node[]>();
  for (const n of nodes) {
    if (n.resourceType !== "test") continue;
    for (const d of n.dependsOn) testsByParent.set(d, [...(testsByParent.get(d) ?? []), n]);
  }
  return nodes.map((node) => {
    if (node.resourceType === "test") return { id: node.id, dependsOn: node.dependsOn, node };
    const parents = new Set(node.dependsOn);
    const gates = node.dependsOn.flatMap((p) =>
      (testsByParent.get(p) ?? []).filter((t) => t.dependsOn.every((d) => parents.has(d))).map((t) => t.id),
    );
    return { id: node.id, dependsOn: [...node.dependsOn, ...gates], node };
  });
}

/** `seed`, `run`, `test` or `build`: compile, then execute the selected nodes over the DAG. */
export async function execute(
  command: RunCommand,
  options: RunOptions = {},
): Promise<RunSummary & { syncs?: SyncSummary }> {
  const startedAt = new Date();
  const loaded = await loadProject(options);
  const enabledSyncs =
    command === "build"
      ? Object.entries(loaded.config.syncs)
          .filter(([, s]) => s.enabled)
          .map(([name]) => name)
      : [];
  // A build that stops early still says its syncs were skipped and why: sync_results.json never
  // shows an earlier run's results as this one's.
  const stopEarly = async (error: unknown, reason: string): Promise<never> => {
    if (enabledSyncs.length) {
      const { skipSyncs } = await import("./sync/index.ts");
      await skipSyncs(loaded, targetDir(loaded), enabledSyncs, `${reason}; nothing was sent`);
    }
    throw error;
  };
  // Read before compiling: `--state target/` would otherwise compare the project with itself.
  const previous = options.state ? loadState(options.state) : undefined;
  if (options.defer && !previous) {
    throw new UsageError(
      "--defer reads the relations of a previous run: give its artifacts with --state <dir>",
    );
  }
  const compilation = await compileLoaded(loaded).catch((e) => stopEarly(e, "the project did not compile"));
  const only = options.only && new Set(options.only);
  const nodes = only
    ? selectNodes(compilation, command, {}).filter((n) => only.has(n.id))
    : selectNodes(compilation, command, {
        ...options,
        stateSelector: stateSelector(compilation, previous),
      });
  if (options.defer && previous) {
    compilation.defer(deferredRelations(compilation, previous, new Set(nodes.map((n) => n.id))));
    // target/compiled shows what runs: the deferred refs, not the ones compiled first.
    await writeProjectArtifacts(loaded, compilation);
  }
  const threads = options.threads ?? loaded.config.threads;
  // `build` ends with the syncs whose models it built (all enabled ones when nothing is selected).
  const builtModels = new Set(nodes.filter((n) => n.resourceType !== "test").map((n) => n.name));
  const syncNames = enabledSyncs.filter(
    (name) =>
      (!options.select?.length && !only) ||
      builtModels.has(loaded.config.syncs[name]!.model) ||
      !!options.onlySyncs?.includes(name),
  );
  const warehouse =
    options.warehouse ??
    (await connectTarget(loaded, syncNames.length ? Math.max(threads, SYNC_MIN_CONNECTIONS) : threads).catch(
      (e) => stopEarly(e, `cannot connect to target ${loaded.targetName}`),
    ));
  let syncs: SyncSummary | undefined;
  const results: NodeResult[] = [];
  const total = nodes.length;
  options.onEvent?.({ type: "plan", command, total, target: loaded.targetName, threads });
  const lease = new WorkLease(warehouse);
  try {
    await removeOrphans(warehouse, workSchemas(nodes)).then(
      (r) =>
        r.removed.length && options.onEvent?.({ type: "orphans", removed: r.removed.map((t) => t.name) }),
      // Tidying must not stop the run; it is tried again next time.
      (e: Error) => options.onEvent?.({ type: "orphans", removed: [], error: e.message }),
    );
    if ((command === "build" || command === "run") && loaded.config.collect) {
      // Collected events: base tables made, DuckDB's landed events compacted, before models run.
      const { prepareCollectTables } = await import("./collect/loader/build-step.ts");
      await prepareCollectTables(loaded, warehouse);
    }
    const labelled = warehouse.withLabels?.({ cdp_command: command }) ?? warehouse;
    const ctx = { compilation, warehouse: labelled, fullRefresh: options.fullRefresh ?? false, lease };
    const schemas = new SchemaCache(warehouse);
    const record = (result: NodeResult) => {
      results.push(result);
      options.onEvent?.({ type: "node_finish", result, index: results.length, total });
    };
    const tasks =
      command === "build"
        ? withTestGates(nodes)
        : nodes.map((n) => ({ id: n.id, dependsOn: n.dependsOn, node: n }));
    let startedCount = 0;
    await executeDag(
      tasks,
      threads,
      {
        async run(task) {
          options.onEvent?.({ type: "node_start", node: task.node, index: ++startedCount, total });
          const result = await runNode(ctx, schemas, task.node);
          if ((result.status === "fail" || result.status === "warn") && task.node.resourceType === "test") {
            const file = await writeFailedTestSql(task.node, targetDir(loaded));
            result.message = `${result.message}; query: ${path.relative(loaded.projectDir, file)}`;
          }
          record(result);
          return isFailure(result) ? "failed" : "ok";
        },
        skip(task, cause) {
          record(
            placeholder(
              task.node,
              "skipped",
              `skipped: upstream ${cause.node.name} ${cause.node.resourceType === "test" ? "failed" : "errored"}`,
            ),
          );
        },
        cancel(task) {
          record(placeholder(task.node, "cancelled", "cancelled: the run was interrupted"));
        },
      },
      options.signal,
    );
    // Syncs run only after every model and test succeeded: bad data is never sent.
    const bad = results.filter((r) => isFailure(r) || r.status === "skipped" || r.status === "cancelled");
    if (syncNames.length) {
      const { runSyncs } = await import("./sync/index.ts");
      const skipAll = options.signal?.aborted
        ? { reason: "the run was interrupted; nothing was sent", record: true }
        : bad.length
          ? {
              reason: `the build did not succeed (${bad.length} node${bad.length === 1 ? "" : "s"} failed, errored, skipped or cancelled, first ${bad[0]!.name}); nothing was sent`,
              record: true,
            }
          : options.noSync
            ? { reason: "--no-sync", record: false }
            : undefined;
      syncs = await runSyncs(loaded, compilation, warehouse, targetDir(loaded), {
        names: syncNames,
        skipAll,
        fullResync: options.fullResync,
        allowMassRemoval: options.allowMassRemoval,
        onEvent: options.onSyncEvent,
        signal: options.signal,
      });
    }
  } finally {
    await lease.release();
    if (!options.warehouse) await warehouse.close();
  }
  const completedAt = new Date();
  const summary: RunSummary = {
    command,
    startedAt: startedAt.toISOString(),
    completedAt: completedAt.toISOString(),
    elapsed: (completedAt.getTime() - startedAt.getTime()) / 1000,
    results,
    success:
      !results.some((r) => isFailure(r) || r.status === "skipped" || r.status === "cancelled") &&
      (syncs?.success ?? true),
  };
  await writeAtomic(
    path.join(targetDir(loaded), "run_results.json"),
    JSON.stringify(
      runResultsJson(summary, {
        project: loaded.config.name,
        target: loaded.targetName,
        invocationId: loaded.invocationId,
        args: {
          select: options.select ?? [],
          exclude: options.exclude ?? [],
          ...(only ? { only: [...only] } : {}),
          threads,
          full_refresh: !!options.fullRefresh,
          vars: options.vars ?? {},
          state: options.state ?? null,
          defer: !!options.defer,
        },
      }),
      null,
      1,
    ),
  );
  return syncs ? { ...summary, syncs } : summary;
}

function placeholder(node: Node, status: "skipped" | "cancelled", message: string): NodeResult {
  return {
    id: node.id,
    name: node.name,
    resourceType: node.resourceType,
    kind: node.resourceType === "model" ? node.config.materialized : node.resourceType,
    file: node.file,
    status,
    executionTime: 0,
    message,
  };
}
