import { type FSWatcher, statSync, watch } from "node:fs";
import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { WarehouseError } from "../errors.ts";
import { connectTarget } from "../project/open.ts";
import { duckdbFile } from "../warehouse/index.ts";
import type { Warehouse } from "../warehouse/types.ts";

/** One state of the warehouse the server reads, until the next build replaces it. */
export interface ReadView {
  warehouse: Warehouse;
  /** Changes each time new data is published (a DuckDB snapshot, or a run's results). */
  generation: string;
  /** When this view was opened. */
  openedAt: Date;
}

/**
 * What `cdp serve` reads, never blocking a writer. A DuckDB file is read through snapshots the
 * writers publish as they close (`warehouse/duckdb/snapshot.ts`); other warehouses take many
 * readers, and are read directly, a new generation starting when a run writes `target/run_results.json`.
 */
export interface ReadSource {
  /** The current view; undefined while no data has been published yet. */
  current(): ReadView | undefined;
  /** Calls `listener` after each new view is opened (and the old one still works until it returns). */
  onChange(listener: (view: ReadView) => Promise<void> | void): void;
  /** Looks for new data now (tests, SIGHUP); resolves once any new view is open. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export async function openReadSource(loaded: LoadedConfig, targetDir: string): Promise<ReadSource> {
  const target = loaded.target;
  if (target.type === "duckdb") {
    const file = duckdbFile(target, loaded.projectDir, loaded.config.name);
    if (file === ":memory:") {
      throw new WarehouseError(
        `target "${loaded.targetName}" is an in-memory DuckDB database: there is nothing to serve; use a target with a database file`,
      );
    }
    const { openSnapshotSource } = await import("./snapshot-source.ts");
    return openSnapshotSource(file, target.schema);
  }
  return openLiveSource(loaded, targetDir);
}

/** A warehouse with many readers: one connection pool, a new generation per finished run. */
async function openLiveSource(loaded: LoadedConfig, targetDir: string): Promise<ReadSource> {
  const warehouse = await connectTarget(loaded, 4);
  const results = path.join(targetDir, "run_results.json");
  const stamp = () => String(statSync(results, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  let view: ReadView = { warehouse, generation: stamp(), openedAt: new Date() };
  const listeners: ((view: ReadView) => Promise<void> | void)[] = [];
  const refresh = async () => {
    const generation = stamp();
    if (generation === view.generation) return;
    view = { warehouse, generation, openedAt: new Date() };
    for (const l of listeners) await l(view);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(targetDir, (_event, name) => {
      if (name === "run_results.json") void refresh().catch(() => {});
    });
  } catch {
    // No target/ yet: refresh() (SIGHUP) still works.
  }
  return {
    current: () => view,
    onChange: (l) => void listeners.push(l),
    refresh,
    close: async () => {
      watcher?.close();
      await warehouse.close();
    },
  };
}
