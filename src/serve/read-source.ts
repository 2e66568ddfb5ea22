import { type FSWatcher, statSync, watch } from "node:fs";
import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { WarehouseError } from "../errors.ts";
import { connectTarget } from "../project/open.ts";
import { duckdbFile } from "../warehouse/index.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";

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
 * readers, and are read directly, a new generation starting when a run on this machine writes
 * `target/run_results.json`, or when the watched relations change in the warehouse (a build run
 * elsewhere, seen by polling the catalog every `pollMs`).
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

export interface LiveWatch {
  /** The relations whose change means a new build: the identity graph, profiles, audiences. */
  relations: Relation[];
  /** Milliseconds between two looks; 0 never looks. */
  pollMs: number;
}

export async function openReadSource(
  loaded: LoadedConfig,
  targetDir: string,
  watchWarehouse?: LiveWatch,
): Promise<ReadSource> {
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
  return openLiveSource(loaded, targetDir, watchWarehouse);
}

/** A warehouse with many readers: one connection pool, a new generation per finished run. */
async function openLiveSource(
  loaded: LoadedConfig,
  targetDir: string,
  watchWarehouse: LiveWatch | undefined,
): Promise<ReadSource> {
  const warehouse = await connectTarget(loaded, 4);
  const results = path.join(targetDir, "run_results.json");
  const relations = watchWarehouse?.relations ?? [];
  const inWarehouse = async () =>
    relations.length && warehouse.changeStamp ? await warehouse.changeStamp(relations) : "";
  const stamp = async () =>
    `${statSync(results, { throwIfNoEntry: false })?.mtimeMs ?? 0}|${await inWarehouse()}`;
  let view: ReadView = { warehouse, generation: await stamp(), openedAt: new Date() };
  const listeners: ((view: ReadView) => Promise<void> | void)[] = [];
  let looking: Promise<void> | undefined;
  const look = async () => {
    const generation = await stamp();
    if (generation === view.generation) return;
    view = { warehouse, generation, openedAt: new Date() };
    for (const l of listeners) await l(view);
  };
  // One look at a time (a slow index rebuild is not started twice for one build); a call during a
  // look asks for one more after it, so a change that lands meanwhile is not missed.
  let again = false;
  const refresh = () => {
    if (looking) {
      again = true;
      return looking;
    }
    looking = (async () => {
      do {
        again = false;
        await look();
      } while (again);
    })().finally(() => {
      looking = undefined;
    });
    return looking;
  };
  const timer =
    watchWarehouse?.pollMs && relations.length && warehouse.changeStamp
      ? setInterval(() => void refresh().catch(() => {}), watchWarehouse.pollMs)
      : undefined;
  timer?.unref();
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
      if (timer) clearInterval(timer);
      watcher?.close();
      await looking?.catch(() => {});
      await warehouse.close();
    },
  };
}
