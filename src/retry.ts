import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { execute, type RunOptions, sync } from "./api.ts";
import { UsageError } from "./errors.ts";
import { loadProject, targetDir } from "./project/open.ts";
import type { RunCommand } from "./project/selectors.ts";
import type { RunSummary } from "./run/results.ts";
import type { SyncSummary } from "./sync/index.ts";

/** What `cdp retry` reads of the last `run_results.json`. */
const previousRunSchema = z.looseObject({
  metadata: z.looseObject({ target_name: z.string(), invocation_id: z.string().optional() }),
  command: z.enum(["seed", "run", "test", "build"]),
  args: z.looseObject({
    threads: z.number().int().optional(),
    full_refresh: z.boolean().optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    state: z.string().nullable().optional(),
    defer: z.boolean().optional(),
  }),
  results: z.array(z.looseObject({ unique_id: z.string(), status: z.string() })),
});

/** The statuses `retry` runs again: what failed, and what did not run because of it. */
const RETRIED = new Set(["error", "fail", "skipped", "cancelled"]);

export interface RetryPlan {
  command: RunCommand;
  target: string;
  /** The node ids to run again, in the order the last run reported them. */
  ids: string[];
  /** `build`: the syncs that did not succeed in its `sync_results.json` (skipped, failed, blocked). */
  syncs: string[];
}

/** The statuses of a sync `retry` runs again (not `success`, `disabled` or `dry_run`). */
const RETRIED_SYNCS = new Set(["failed", "error", "blocked", "skipped"]);

/** The syncs of the last run's `sync_results.json` that did not succeed, if it belongs to that run. */
function syncsToRetry(dir: string, invocationId: string | undefined): string[] {
  let parsed: { metadata?: { invocation_id?: string }; results?: { sync?: string; status?: string }[] };
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, "sync_results.json"), "utf8"));
  } catch {
    return [];
  }
  // A sync run after the build wrote its own file: that one is not the build's to retry.
  if (!invocationId || parsed.metadata?.invocation_id !== invocationId) return [];
  return (parsed.results ?? [])
    .filter((r) => r.sync && RETRIED_SYNCS.has(r.status ?? ""))
    .map((r) => r.sync!);
}

/** Reads `run_results.json` from `dir`: the command, target and nodes `retry` would run. */
export function retryPlan(dir: string): RetryPlan & { args: z.output<typeof previousRunSchema>["args"] } {
  const file = path.join(dir, "run_results.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`nothing to retry: no ${file} (run seed, run, test or build first)`);
  }
  let parsed: z.output<typeof previousRunSchema>;
  try {
    parsed = previousRunSchema.parse(JSON.parse(text));
  } catch (error) {
    const why = error instanceof z.ZodError ? error.issues[0]?.message : (error as Error).message;
    throw new UsageError(`cannot retry: ${file} is not a run_results.json cdp wrote (${why})`);
  }
  return {
    command: parsed.command,
    target: parsed.metadata.target_name,
    ids: parsed.results.filter((r) => RETRIED.has(r.status)).map((r) => r.unique_id),
    syncs: parsed.command === "build" ? syncsToRetry(dir, parsed.metadata.invocation_id) : [],
    args: parsed.args,
  };
}

/**
 * `cdp retry`: runs again the nodes the last run (`target/run_results.json`) reported as errored,
 * failed, skipped or cancelled, with that run's command, target, threads, --full-refresh, --vars,
 * --state and --defer; after a `build`, also the syncs that did not succeed (at the end of the
 * rebuilt nodes, or alone when every node had succeeded). Options given here win over the
 * recorded ones. Nothing to retry is a success with no results.
 */
export async function retry(
  options: Omit<RunOptions, "only" | "select" | "exclude"> = {},
): Promise<{ plan: RetryPlan; summary?: RunSummary & { syncs?: SyncSummary }; syncs?: SyncSummary }> {
  const loaded = await loadProject({ projectDir: options.projectDir, target: options.target });
  const previous = retryPlan(targetDir(loaded));
  const plan: RetryPlan = {
    command: previous.command,
    target: options.target ?? previous.target,
    ids: previous.ids,
    syncs: previous.syncs,
  };
  if (!plan.ids.length && !plan.syncs.length) return { plan };
  if (!plan.ids.length) {
    // Every node succeeded and only syncs did not: run those alone.
    const syncs = await sync({
      projectDir: options.projectDir,
      target: plan.target,
      vars: options.vars ?? previous.args.vars,
      names: plan.syncs,
      fullResync: options.fullResync,
      allowMassRemoval: options.allowMassRemoval,
      onEvent: options.onSyncEvent,
      warehouse: options.warehouse,
    });
    return { plan, syncs };
  }
  const summary = await execute(plan.command, {
    ...options,
    target: plan.target,
    threads: options.threads ?? previous.args.threads,
    fullRefresh: options.fullRefresh ?? previous.args.full_refresh,
    vars: options.vars ?? previous.args.vars,
    state: options.state ?? previous.args.state ?? undefined,
    defer: options.defer ?? previous.args.defer,
    only: plan.ids,
    onlySyncs: plan.syncs,
  });
  return { plan, summary };
}
