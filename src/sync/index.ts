import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { type MissingSecret, redactor } from "../config/secrets.ts";
import { UsageError } from "../errors.ts";
import { stitchTables } from "../identity/stitch.ts";
import { writeAtomic } from "../project/artifacts.ts";
import type { Compilation } from "../project/compile.ts";
import type { ModelNode, SeedNode } from "../project/types.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";
import { runSync, type SyncEvent, type SyncResult } from "./engine.ts";

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
      `unknown sync${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; cdp.config.ts declares: ${all.join(", ") || "(none)"}`,
    );
  }
  return names;
}

/** Where a missing secret sits in its sync's settings, e.g. `destination.url`. */
export function settingPath(missing: MissingSecret): string {
  return missing.path.split(".").slice(2).join(".");
}

/** The relations a sync runs on, or why it cannot run (switched off, secrets unset, bad names). */
function syncInputs(
  loaded: LoadedConfig,
  compilation: Compilation,
  name: string,
):
  | { modelRelation: Relation; mergesRelation?: Relation }
  | { status: "disabled" | "error"; message: string } {
  const config = loaded.config.syncs[name]!;
  if (!config.enabled) return { status: "disabled", message: "enabled: false" };
  const missing = loaded.missingSyncSecrets[name] ?? [];
  if (missing.length) {
    return {
      status: "error",
      message: `sync "${name}" needs ${missing.map((m) => `${m.envVar} (for ${settingPath(m)})`).join(", ")}, not set in the environment or .env; nothing was sent`,
    };
  }
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

/** Runs syncs one after the other and writes `target/sync_results.json`. */
export async function runSyncs(
  loaded: LoadedConfig,
  compilation: Compilation,
  warehouse: Warehouse,
  targetDir: string,
  options: RunSyncsOptions,
): Promise<SyncSummary> {
  const startedAt = new Date();
  const results: SyncResult[] = [];
  for (const name of selectSyncs(loaded, options.names)) {
    const config = loaded.config.syncs[name]!;
    const base = {
      sync: name,
      runId: "",
      counts: { added: 0, changed: 0, removed: 0, retired: 0, skipped: 0, retried: 0, planned: 0 },
      delivered: 0,
      rejected: 0,
      failed: 0,
      elapsed: 0,
    };
    const inputs = syncInputs(loaded, compilation, name);
    let result: SyncResult;
    if (options.signal?.aborted) {
      result = { ...base, status: "error", message: "cancelled: the run was interrupted; nothing was sent" };
      options.onEvent?.({ type: "sync_finish", result });
    } else if ("status" in inputs) {
      result = { ...base, ...inputs };
      options.onEvent?.({ type: "sync_finish", result });
    } else {
      try {
        result = await runSync({
          name,
          config,
          ...inputs,
          warehouse,
          projectDir: loaded.projectDir,
          dryRun: options.dryRun,
          fullResync: options.fullResync,
          onEvent: options.onEvent,
          signal: options.signal,
        });
      } catch (error) {
        result = { ...base, status: "error", message: redactor.redact((error as Error).message) };
        options.onEvent?.({ type: "sync_finish", result });
      }
    }
    results.push(result);
  }
  const completedAt = new Date();
  const summary: SyncSummary = {
    startedAt: startedAt.toISOString(),
    completedAt: completedAt.toISOString(),
    elapsed: (completedAt.getTime() - startedAt.getTime()) / 1000,
    dryRun: !!options.dryRun,
    results,
    success: results.every(
      (r) => r.status === "success" || r.status === "dry_run" || r.status === "disabled",
    ),
  };
  await writeAtomic(
    path.join(targetDir, "sync_results.json"),
    redactor.redact(
      JSON.stringify({ project: loaded.config.name, target: loaded.targetName, ...summary }, null, 1),
    ),
  );
  return summary;
}
