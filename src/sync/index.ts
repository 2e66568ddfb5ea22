import path from "node:path";
import { type LoadedConfig, newRunId } from "../config/load.ts";
import { defaultTargetName } from "../config/schema.ts";
import { type MissingSecret, redactor } from "../config/secrets.ts";
import { suggestion } from "../did-you-mean.ts";
import { UsageError } from "../errors.ts";
import { stitchTables } from "../identity/stitch/index.ts";
import { writeAtomic } from "../project/artifacts.ts";
import type { Compilation } from "../project/compile.ts";
import type { ModelNode, SeedNode } from "../project/types.ts";
import { checkFreshness, upstreamSources } from "../run/freshness.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";
import type { SyncConfig } from "./config.ts";
import { runSync, type SyncEvent, type SyncResult } from "./engine.ts";
import { throwawayState } from "./guards.ts";
import { insertRun } from "./history.ts";
import { needsNotification, notifyFailure } from "./notify.ts";
import { syncResultsJson } from "./results-json.ts";
import { ensureState, stateTables } from "./state.ts";

export type { SyncEvent, SyncResult } from "./engine.ts";

export interface SyncSummary {
  startedAt: string;
  completedAt: string;
  elapsed: number;
  dryRun: boolean;
  results: SyncResult[];
  success: boolean;
}

export interface RunSyncsOptions {
  names?: string[];
  dryRun?: boolean;
  fullResync?: boolean;
  /** Let runs remove more than `maxRemoved`, or sync an empty model over a non-empty state. */
  allowMassRemoval?: boolean;
  /**
   * Why none of the syncs runs (a failed build, `--no-sync`): each is listed as skipped with the
   * reason, and recorded in its history when `record`.
   */
  skipAll?: { reason: string; record: boolean };
  onEvent?: (event: SyncEvent) => void;
  /** Aborted (SIGINT/SIGTERM): the running sync stops sending, the rest do not start. */
  signal?: AbortSignal;
}

/** The syncs to run: those named (unknown names are a usage error), else every enabled one. */
export function selectSyncs(loaded: LoadedConfig, names: string[] | undefined): string[] {
  const all = Object.keys(loaded.config.syncs);
  if (!names?.length) return all;
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) {
    throw new UsageError(
      `unknown sync${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; cdp.config.ts declares: ${all.join(", ") || "(none)"}.${unknown.map((n) => suggestion(n, all)).join("")}`,
    );
  }
  return names;
}

/** Where a missing secret sits in its sync's settings, e.g. `destination.url`. */
export function settingPath(missing: MissingSecret): string {
  return missing.path.split(".").slice(2).join(".");
}

/** The destination a sync sends to on this target: its `destinationByTarget` entry, else `destination`. */
export function destinationFor(config: SyncConfig, targetName: string): SyncConfig["destination"] {
  return config.destinationByTarget?.[targetName] ?? config.destination;
}

/** The targets a sync runs on: its `targets`, else only the default target. */
export function syncTargets(loaded: LoadedConfig, config: SyncConfig): string[] {
  return config.targets ?? [defaultTargetName(loaded.config)];
}

/**
 * The secrets a sync needs on this target and lacks: those of the destination it uses there.
 * A missing notification URL does not stop the sync (it is reported in its results).
 */
export function missingSecretsFor(loaded: LoadedConfig, name: string): MissingSecret[] {
  const config = loaded.config.syncs[name]!;
  const own = config.destinationByTarget?.[loaded.targetName]
    ? `destinationByTarget.${loaded.targetName}.`
    : "destination.";
  return (loaded.missingSyncSecrets[name] ?? []).filter((m) => settingPath(m).startsWith(own));
}

/** Why a sync does not run here and now, or the relations it runs on. */
function syncInputs(
  loaded: LoadedConfig,
  compilation: Compilation,
  name: string,
  options: RunSyncsOptions,
):
  | { modelRelation: Relation; mergesRelation?: Relation }
  | { status: "disabled" | "skipped" | "error"; message: string } {
  const config = loaded.config.syncs[name]!;
  if (!config.enabled) return { status: "disabled", message: "enabled: false" };
  const targets = syncTargets(loaded, config);
  if (!targets.includes(loaded.targetName)) {
    return {
      status: "skipped",
      message: `runs on target${targets.length > 1 ? "s" : ""} ${targets.join(", ")}, not on ${loaded.targetName}${config.targets ? "" : " (a sync without `targets` runs only on the default target)"}`,
    };
  }
  if (options.skipAll) return { status: "skipped", message: options.skipAll.reason };
  const missing = missingSecretsFor(loaded, name);
  if (missing.length) {
    return {
      status: "error",
      message: `sync "${name}" needs ${missing.map((m) => `${m.envVar} (for ${settingPath(m)})`).join(", ")}, not set in the environment or .env; nothing was sent`,
    };
  }
  const throwaway = options.dryRun ? undefined : throwawayState(loaded.targetName, loaded.target);
  if (throwaway) return { status: "error", message: `sync "${name}": ${throwaway}` };
  const nodes = [...compilation.nodes.values()];
  const node = nodes.find(
    (n): n is ModelNode | SeedNode =>
      n.name === config.model && (n.resourceType === "model" || n.resourceType === "seed"),
  );
  if (!node) return { status: "error", message: `sync "${name}": no model or seed named ${config.model}` };
  if (!config.identity) return { modelRelation: node.relation };
  const identity = nodes.find(
    (n): n is ModelNode => n.name === config.identity && n.resourceType === "model",
  );
  if (identity?.config.materialized !== "stitch") {
    return {
      status: "error",
      message: `sync "${name}": identity ${config.identity} is not a stitch model of this project; name the stitch model whose profile ids key this sync`,
    };
  }
  return { modelRelation: node.relation, mergesRelation: stitchTables(identity.relation).merges };
}

/**
 * The freshness of the sources a sync's model reads (directly or upstream), when they declare
 * it: a stale one (past `errorAfter`) stops the sync; one past `warnAfter` is a warning.
 */
async function upstreamFreshness(
  loaded: LoadedConfig,
  compilation: Compilation,
  warehouse: Warehouse,
  config: SyncConfig,
): Promise<{ stale?: string; warning?: string }> {
  const upstream = upstreamSources(compilation, [config.model]).filter(
    (s) => loaded.config.sources[s.source]?.freshness,
  );
  if (!upstream.length) return {};
  const results = await checkFreshness(warehouse, loaded.config.sources, upstream);
  const say = (status: string) =>
    results
      .filter((r) => r.status === status)
      .map((r) => `${r.source}.${r.table} (${r.message})`)
      .join("; ");
  const stale = say("error");
  const warning = say("warn");
  return {
    stale: stale
      ? `upstream source data is stale: ${stale}; nothing was sent (cdp source freshness shows every source)`
      : undefined,
    warning: warning ? `upstream source past warnAfter: ${warning}` : undefined,
  };
}

/** Runs syncs one after the other and writes `target/sync_results.json`. */
export async function runSyncs(
  loaded: LoadedConfig,
  compilation: Compilation,
  warehouse: Warehouse | undefined,
  targetDir: string,
  options: RunSyncsOptions,
): Promise<SyncSummary> {
  const startedAt = new Date();
  const results: SyncResult[] = [];
  for (const name of selectSyncs(loaded, options.names)) {
    const config = loaded.config.syncs[name]!;
    const base = notRun(loaded, name, "skipped", "");
    const inputs = syncInputs(loaded, compilation, name, options);
    let result: SyncResult;
    const freshness =
      "status" in inputs || !warehouse || options.signal?.aborted
        ? {}
        : await upstreamFreshness(loaded, compilation, warehouse, config);
    if (options.signal?.aborted) {
      result = { ...base, status: "error", message: "cancelled: the run was interrupted; nothing was sent" };
      options.onEvent?.({ type: "sync_finish", result });
    } else if ("status" in inputs || freshness.stale || !warehouse) {
      result = {
        ...base,
        ...("status" in inputs
          ? inputs
          : { status: freshness.stale ? "blocked" : "skipped", message: freshness.stale ?? "no warehouse" }),
      };
      if (
        warehouse &&
        (result.status === "blocked" ||
          (result.status === "skipped" &&
            options.skipAll?.record &&
            result.message === options.skipAll.reason))
      ) {
        await recordRun(warehouse, config, result, loaded.invocationId);
      }
      options.onEvent?.({ type: "sync_finish", result });
    } else {
      try {
        result = await runSync({
          name,
          config: { ...config, destination: destinationFor(config, loaded.targetName) },
          ...inputs,
          warehouse,
          projectDir: loaded.projectDir,
          dryRun: options.dryRun,
          fullResync: options.fullResync,
          allowMassRemoval: options.allowMassRemoval,
          targetName: loaded.targetName,
          invocationId: loaded.invocationId,
          onEvent: options.onEvent,
          signal: options.signal,
        });
      } catch (error) {
        result = { ...base, status: "error", message: redactor.redact((error as Error).message) };
        options.onEvent?.({ type: "sync_finish", result });
      }
      if (freshness.warning) result.message = [result.message, freshness.warning].filter(Boolean).join("; ");
    }
    if (config.notify && needsNotification(result) && !options.dryRun) {
      // An optional secret that is unset leaves no URL: nothing to send.
      const url = config.notify.onFailure;
      result.notification =
        typeof url === "string"
          ? await notifyFailure(url, result, {
              project: loaded.config.name,
              invocationId: loaded.invocationId,
            })
          : `not sent: ${(loaded.missingSyncSecrets[name] ?? []).find((m) => settingPath(m) === "notify.onFailure")?.envVar ?? "its URL"} is not set`;
    }
    results.push(result);
  }
  return writeSyncResults(loaded, targetDir, startedAt, results, !!options.dryRun);
}

/** A sync that did not run, as its result says so. */
function notRun(
  loaded: LoadedConfig,
  name: string,
  status: SyncResult["status"],
  message: string,
): SyncResult {
  return {
    sync: name,
    runId: "",
    status,
    message,
    target: loaded.targetName,
    counts: { added: 0, changed: 0, removed: 0, retired: 0, skipped: 0, retried: 0, planned: 0 },
    delivered: 0,
    rejected: 0,
    failed: 0,
    elapsed: 0,
  };
}

/**
 * Writes `target/sync_results.json` for a run whose syncs cannot run at all (the project did not
 * compile, the warehouse could not be reached): every sync skipped with the reason, so that the
 * file never shows an earlier run's results as this one's.
 */
export async function skipSyncs(
  loaded: LoadedConfig,
  targetDir: string,
  names: string[],
  reason: string,
): Promise<SyncSummary> {
  const results = names.map((name) =>
    loaded.config.syncs[name]?.enabled === false
      ? notRun(loaded, name, "disabled", "enabled: false")
      : notRun(loaded, name, "skipped", reason),
  );
  return writeSyncResults(loaded, targetDir, new Date(), results, false);
}

async function writeSyncResults(
  loaded: LoadedConfig,
  targetDir: string,
  startedAt: Date,
  results: SyncResult[],
  dryRun: boolean,
): Promise<SyncSummary> {
  const completedAt = new Date();
  const summary: SyncSummary = {
    startedAt: startedAt.toISOString(),
    completedAt: completedAt.toISOString(),
    elapsed: (completedAt.getTime() - startedAt.getTime()) / 1000,
    dryRun,
    results,
    success: results.every((r) => !["failed", "error", "blocked"].includes(r.status)),
  };
  await writeAtomic(
    path.join(targetDir, "sync_results.json"),
    redactor.redact(
      JSON.stringify(
        syncResultsJson(summary, {
          project: loaded.config.name,
          target: loaded.targetName,
          invocationId: loaded.invocationId,
        }),
        null,
        1,
      ),
    ),
  );
  return summary;
}

/**
 * Records a run that did not reach the engine (skipped because the build failed, stopped by
 * stale sources) in the sync's history. Best effort: the history must not turn a skip into an
 * error, and the warehouse may be what failed.
 */
async function recordRun(
  wh: Warehouse,
  config: SyncConfig,
  result: SyncResult,
  invocationId: string,
): Promise<void> {
  const t = stateTables(config.stateSchema, result.sync);
  result.runId = newRunId();
  try {
    await ensureState(wh, t);
    await insertRun(wh, t, { ...result, invocationId });
  } catch {
    // Reported in sync_results.json and the output all the same.
  }
}
