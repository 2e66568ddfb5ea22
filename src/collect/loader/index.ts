import path from "node:path";
import type { LoadedConfig } from "../../config/load.ts";
import { UsageError } from "../../errors.ts";
import { pendingBytes, readCheckpoint } from "../log/reader.ts";
import { drain, type LoadOnceOptions, type LoadStats } from "./load-once.ts";
import { type EventSink, openSink } from "./sink.ts";

export { compactLanding, ensureBaseTables } from "./compact.ts";
export { drain, type LoadOnceOptions, type LoadStats, loadOnce } from "./load-once.ts";
export { type EventSink, landingSink, openSink, warehouseSink } from "./sink.ts";

/** The loader's state for `/metrics` and logs. */
export interface LoaderStats {
  /** Events committed since start (duplicates skipped by id included). */
  loadedEvents: number;
  /** Micro-batches committed. */
  batches: number;
  /** Loads that failed (retried at the next interval). */
  failures: number;
  lastError?: string;
  /** When the last micro-batch committed (ISO 8601). */
  lastLoadAt?: string;
  /** Seconds from the receipt of the oldest event of the last batch to its commit: the load lag. */
  lagSeconds: number;
  /** Log bytes after the checkpoint, as of the last load. */
  pendingBytes: number;
  /** Log lines skipped because they were not events. */
  invalidLines: number;
  /** Where committed batches go: `warehouse`, or DuckDB's `landing` area. */
  sink: EventSink["kind"];
}

export interface LoaderOptions extends LoadOnceOptions {
  /** Load at least this often while the loader runs. */
  intervalMs: number;
  /** A load failed: the loader keeps its checkpoint and tries again at the next interval. */
  onError?: (error: unknown) => void;
  /** A micro-batch (or several, draining) committed. */
  onLoad?: (stats: LoadStats) => void;
}

export interface Loader {
  /** Loads everything the log holds now; resolves once it is committed. */
  flush(): Promise<LoadStats>;
  /** The writer appended `count` events: a load starts early once `maxEvents` wait. */
  notify(count: number): void;
  /** Stops the timer, loads what is left, closes the sink. */
  stop(): Promise<void>;
  stats(): LoaderStats;
}

/**
 * Moves events from the log into the warehouse in micro-batches: every `intervalMs`, or as soon
 * as `maxEvents` are waiting (`notify`). Loads never overlap; a failed load keeps the checkpoint,
 * so the next one starts from the same place.
 *
 * @example
 * const loader = startLoader({ logDir, sink: await openSink(target, {...}), intervalMs: 5000, maxEvents: 10_000 });
 * writer.on("appended", (n) => loader.notify(n));
 * await loader.stop();
 */
export function startLoader(options: LoaderOptions): Loader {
  const state: LoaderStats = {
    loadedEvents: 0,
    batches: 0,
    failures: 0,
    lagSeconds: 0,
    pendingBytes: 0,
    invalidLines: 0,
    sink: options.sink.kind,
  };
  let chain: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let stopped = false;

  const run = async (): Promise<LoadStats> => {
    waiting = 0;
    const stats = await drain(options);
    if (stats.events) {
      state.loadedEvents += stats.events;
      state.batches++;
      state.lastLoadAt = new Date().toISOString();
    }
    if (stats.lagMs !== undefined) state.lagSeconds = stats.lagMs / 1000;
    state.invalidLines += stats.invalid.length;
    state.pendingBytes = await pendingBytes(options.logDir, await readCheckpoint(options.logDir));
    options.onLoad?.(stats);
    return stats;
  };
  /**
   * Queues a load after the one running, if any. At most one waits: a slow warehouse does not
   * pile up a load per interval, and every caller of a waiting load gets its result.
   */
  let queued: Promise<LoadStats> | undefined;
  const enqueue = (): Promise<LoadStats> => {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = undefined;
      return run();
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  };
  const tick = () => {
    enqueue().catch((error: unknown) => {
      state.failures++;
      state.lastError = error instanceof Error ? error.message : String(error);
      options.onError?.(error);
    });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref?.();

  return {
    flush: enqueue,
    notify(count) {
      waiting += count;
      if (!stopped && waiting >= options.maxEvents) {
        waiting = 0;
        tick();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      try {
        await enqueue();
      } finally {
        await options.sink.close();
      }
    },
    stats: () => ({ ...state }),
  };
}

/** The loader options of a project with `collect:` configured: its log, its target's sink, its limits. */
export async function loaderOptionsFor(
  loaded: LoadedConfig,
): Promise<Omit<LoaderOptions, "onError" | "onLoad">> {
  const collect = loaded.config.collect;
  if (!collect) {
    throw new UsageError(`${loaded.configFile} has no \`collect:\` section: there is no event log to load`);
  }
  const sink = await openSink(loaded.target, {
    projectDir: loaded.projectDir,
    projectName: loaded.config.name,
    targetName: loaded.targetName,
    schema: collect.schema,
  });
  return {
    logDir: path.resolve(loaded.projectDir, collect.logDir),
    sink,
    intervalMs: collect.loader.intervalMs,
    maxEvents: collect.loader.maxEvents,
  };
}
