import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { redactor } from "../config/secrets.ts";
import { UsageError } from "../errors.ts";
import { stitchTables } from "../identity/stitch.ts";
import { writeAtomic } from "../project/artifacts.ts";
import type { Compilation } from "../project/compile.ts";
import type { Warehouse } from "../warehouse/types.ts";
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
    if (!config.enabled) {
      const result: SyncResult = { ...base, status: "disabled", message: "enabled: false" };
      results.push(result);
      options.onEvent?.({ type: "sync_finish", result });
      continue;
    }
    const missing = loaded.missingSyncSecrets[name] ?? [];
    if (missing.length) {
      const result: SyncResult = {
        ...base,
        status: "error",
        message: `sync "${name}" needs ${missing.map((m) => `${m.envVar} (for ${m.path.split(".").slice(2).join(".")})`).join(", ")}, not set in the environment or .env; nothing was sent`,
      };
      results.push(result);
      options.onEvent?.({ type: "sync_finish", result });
      continue;
    }
    const node = [...compilation.nodes.values()].find(
      (n) => n.name === config.model && (n.resourceType === "model" || n.resourceType === "seed"),
    );
    const identity = config.identity
      ? [...compilation.nodes.values()].find((n) => n.name === config.identity && n.resourceType === "model")
      : undefined;
    let result: SyncResult;
    if (!node || !("relation" in node)) {
      result = {
        ...base,
        status: "error",
        message: `sync "${name}": no model or seed named ${config.model}`,
      };
      options.onEvent?.({ type: "sync_finish", result });
    } else if (
      config.identity &&
      (identity?.resourceType !== "model" || identity.config.materialized !== "stitch")
    ) {
      result = {
        ...base,
        status: "error",
        message: `sync "${name}": identity ${config.identity} is not a stitch model of this project; name the stitch model whose profile ids key this sync`,
      };
      options.onEvent?.({ type: "sync_finish", result });
    } else {
      try {
        result = await runSync({
          name,
          config,
          modelRelation: node.relation,
          mergesRelation:
            identity && "relation" in identity ? stitchTables(identity.relation).merges : undefined,
          warehouse,
          projectDir: loaded.projectDir,
          dryRun: options.dryRun,
          fullResync: options.fullResync,
          onEvent: options.onEvent,
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
