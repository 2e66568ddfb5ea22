import path from "node:path";
import { type LoadedConfig, loadConfig } from "./config/load.ts";
import { writeAtomic, writeCompileArtifacts, writeFailedTestSql } from "./project/artifacts.ts";
import { type Compilation, compileProject } from "./project/compile.ts";
import { select } from "./project/selectors.ts";
import type { Node, ResourceType } from "./project/types.ts";
import type { EventListener } from "./run/events.ts";
import { executeDag } from "./run/executor.ts";
import { runNode, SchemaCache } from "./run/node-runner.ts";
import { removeOrphans, workSchemas } from "./run/orphans.ts";
import { isFailure, type NodeResult, type RunSummary, runResultsJson } from "./run/results.ts";
import { WorkLease } from "./run/work-lease.ts";
import type { SyncEvent, SyncSummary } from "./sync/index.ts";
import { connect } from "./warehouse/index.ts";
import type { Warehouse } from "./warehouse/types.ts";

export interface ProjectOptions {
  projectDir?: string;
  target?: string;
  /** Overrides for `{{var}}` (the CLI's `--vars`). */
  vars?: Record<string, unknown>;
  select?: string[];
  exclude?: string[];
}

export interface RunOptions extends ProjectOptions {
  threads?: number;
  fullRefresh?: boolean;
  onEvent?: EventListener;
  signal?: AbortSignal;
  /** Use this warehouse instead of opening the target's (tests, embedding). */
  warehouse?: Warehouse;
  /** `build` only: progress of the syncs it runs last. */
  onSyncEvent?: (event: SyncEvent) => void;
}

export interface SyncOptions extends ProjectOptions {
  /** Syncs to run (default: every enabled sync in cdp.config.ts). */
  names?: string[];
  /** Plan only: counts and sample rows per operation; nothing is sent or committed. */
  dryRun?: boolean;
  /** Send every row of the model again, as if nothing had been delivered before. */
  fullResync?: boolean;
  onEvent?: (event: SyncEvent) => void;
  warehouse?: Warehouse;
  /** Aborted: the running sync commits its batches in flight and sends nothing more. */
  signal?: AbortSignal;
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
  const { loaded, compilation } = await compile(options);
  const warehouse =
    options.warehouse ??
    (await connect(loaded.target, {
      projectDir: loaded.projectDir,
      projectName: loaded.config.name,
      threads: Math.max(loaded.config.threads, SYNC_MIN_CONNECTIONS),
      targetName: loaded.targetName,
    }));
  try {
    // Loaded on demand: the sync engine and its HTTP stack cost start-up time for every command.
    const { runSyncs } = await import("./sync/index.ts");
    return await runSyncs(loaded, compilation, warehouse, targetDir(loaded), {
      names: options.names,
      dryRun: options.dryRun,
      fullResync: options.fullResync,
      onEvent: options.onEvent,
      signal: options.signal,
    });
  } finally {
    if (!options.warehouse) await warehouse.close();
  }
}

export type RunCommand = "seed" | "run" | "test" | "build";

const RESOURCES: Record<RunCommand, ResourceType[]> = {
  seed: ["seed"],
  run: ["model"],
  test: ["test"],
  build: ["seed", "model", "test"],
};

export function targetDir(loaded: LoadedConfig): string {
  return path.resolve(loaded.projectDir, loaded.config.paths.target);
}

/** Loads the config and compiles the project; writes `target/compiled/**` and `target/manifest.json`. */
export async function compile(
  options: ProjectOptions = {},
): Promise<{ loaded: LoadedConfig; compilation: Compilation }> {
  const loaded = await loadConfig({
    projectDir: options.projectDir,
    target: options.target,
    vars: options.vars,
  });
  const compilation = compileProject(loaded);
  await writeCompileArtifacts(compilation, targetDir(loaded));
  return { loaded, compilation };
}

/** The nodes a command would act on, in build order. */
export function selectNodes(compilation: Compilation, command: RunCommand, options: ProjectOptions): Node[] {
  const chosen = select(compilation, options.select, options.exclude);
  const types = RESOURCES[command];
  return compilation.order
    .filter((id) => chosen.has(id))
    .map((id) => compilation.nodes.get(id)!)
    .filter((n) => types.includes(n.resourceType));
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
  const { loaded, compilation } = await compile(options);
  const nodes = selectNodes(compilation, command, options);
  const threads = options.threads ?? loaded.config.threads;
  // `build` ends with the syncs whose models it built (all enabled ones when nothing is selected).
  const builtModels = new Set(nodes.filter((n) => n.resourceType !== "test").map((n) => n.name));
  const syncNames =
    command === "build"
      ? Object.entries(loaded.config.syncs)
          .filter(([, s]) => s.enabled && (!options.select?.length || builtModels.has(s.model)))
          .map(([name]) => name)
      : [];
  const warehouse =
    options.warehouse ??
    (await connect(loaded.target, {
      projectDir: loaded.projectDir,
      projectName: loaded.config.name,
      threads: syncNames.length ? Math.max(threads, SYNC_MIN_CONNECTIONS) : threads,
      targetName: loaded.targetName,
    }));
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
    const built = !results.some((r) => isFailure(r) || r.status === "skipped" || r.status === "cancelled");
    if (syncNames.length && built && !options.signal?.aborted) {
      const { runSyncs } = await import("./sync/index.ts");
      syncs = await runSyncs(loaded, compilation, warehouse, targetDir(loaded), {
        names: syncNames,
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
        args: {
          select: options.select ?? [],
          exclude: options.exclude ?? [],
          threads,
          full_refresh: !!options.fullRefresh,
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
