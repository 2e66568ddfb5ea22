import { existsSync, type FSWatcher, statSync, watch } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { DuckdbWarehouse } from "../warehouse/duckdb/index.ts";
import {
  currentSnapshot,
  publishSnapshot,
  registerReader,
  snapshotRoot,
} from "../warehouse/duckdb/snapshot.ts";
import type { ReadSource, ReadView } from "./read-source.ts";

/** How long a replaced view stays open for the requests that were reading it. */
const RETIRE_AFTER_MS = 30_000;

/**
 * Takes a snapshot of `file` when none is newer than the file: opens it read-only, which succeeds
 * only while no writer holds it, copies it, and lets go at once. When a writer holds it, the writer
 * publishes a snapshot itself as it closes (this process is registered as a reader by then).
 */
async function snapshotIfStale(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const snap = currentSnapshot(file);
  if (snap && statSync(snap.file).mtimeMs >= statSync(file).mtimeMs) return;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  } catch (error) {
    if (/Could not set lock on file/.test((error as Error).message)) return;
    throw error;
  }
  try {
    publishSnapshot(file);
  } finally {
    instance.closeSync();
  }
}

export async function openSnapshotSource(file: string, schema: string): Promise<ReadSource> {
  const unregister = registerReader(file);
  let view: ReadView | undefined;
  const listeners: ((view: ReadView) => Promise<void> | void)[] = [];
  /** Replaced views still open for the requests reading them, closed after RETIRE_AFTER_MS. */
  const retiring = new Map<NodeJS.Timeout, ReadView>();
  let pending: Promise<void> = Promise.resolve();

  const openLatest = async () => {
    const snap = currentSnapshot(file);
    if (!snap || snap.generation === view?.generation) return;
    const warehouse = await DuckdbWarehouse.open({ path: snap.file, schema, connections: 2, readOnly: true });
    const old = view;
    view = { warehouse, generation: snap.generation, openedAt: new Date() };
    for (const l of listeners) await l(view);
    if (old) {
      const timer = setTimeout(() => {
        retiring.delete(timer);
        void old.warehouse.close().catch(() => {});
      }, RETIRE_AFTER_MS);
      timer.unref();
      retiring.set(timer, old);
    }
  };
  // Refreshes run one after the other: two snapshots published in a row open in order.
  const refresh = () => {
    pending = pending.then(openLatest, openLatest);
    return pending;
  };

  try {
    await snapshotIfStale(file);
    await refresh();
  } catch (error) {
    unregister();
    throw error;
  }
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(snapshotRoot(file), (_event, name) => {
      if (name === "current") void refresh().catch(() => {});
    });
  } catch {
    // The folder is created by registerReader; a file system without notifications still has refresh().
  }
  return {
    current: () => view,
    onChange: (l) => void listeners.push(l),
    refresh: async () => {
      await snapshotIfStale(file);
      await refresh();
    },
    close: async () => {
      watcher?.close();
      unregister();
      await pending.catch(() => {});
      for (const [timer, old] of retiring) {
        clearTimeout(timer);
        await old.warehouse.close().catch(() => {});
      }
      retiring.clear();
      await view?.warehouse.close();
    },
  };
}
