import { type ChildProcess, fork } from "node:child_process";
import { setPriority } from "node:os";
import type { FromLoader, ToLoader } from "./ipc.ts";

type Log = (level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) => void;

export interface LoaderProcessOptions {
  /** The module and arguments that run the loader's side (`cdp collect --loader-process ...`). */
  module: string;
  args: string[];
  /** `collect.loader.maxEvents`: the loader is told once this many events were written. */
  maxEvents: number;
  log: Log;
  /** Wait before restarting a loader that exited unexpectedly; doubles to 30 s while it keeps failing. */
  restartDelayMs?: number;
  /**
   * Scheduling niceness of the loader (0-19). It has seconds to load what the server acknowledges
   * in milliseconds: when both want the CPU, the server goes first. Default 5.
   */
  niceness?: number;
}

export interface SupervisedLoader {
  /** The writer made `events` more events durable. */
  notify(events: number): void;
  /** The loader's last reported stats (what `/metrics` exports), with `restarts`. */
  stats(): Record<string, unknown>;
  /** Lets the loader load what the log holds, then waits for it to exit. */
  stop(): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Runs the loader in a process of its own and keeps it running. Shaping events into the tables'
 * rows and writing them (Parquet, COPY, load jobs) is CPU and memory the HTTP server must not
 * share an event loop or a heap with: in the server's process each micro-batch held up every
 * acknowledgement while it was shaped. The server tells the loader when `maxEvents` were written
 * (one message per `maxEvents`, not one per write); the loader's own timer does the rest.
 *
 * An unexpected exit of the loader is logged and the loader restarted (after 1 s, doubling while
 * it keeps failing, reset once a load succeeds): nothing is lost, the log keeps every event until
 * a load commits it. If the server dies, the loader exits too (its IPC channel closes).
 */
export function superviseLoader(options: LoaderProcessOptions): SupervisedLoader {
  const baseDelay = options.restartDelayMs ?? 1000;
  let delay = baseDelay;
  let child: ChildProcess | undefined;
  let ready = false;
  let unsent = 0;
  let restarts = 0;
  let last: Record<string, unknown> = {};
  let stopping: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;

  const send = (message: ToLoader) => {
    if (child?.connected) child.send(message, undefined, undefined, () => {});
  };
  const flush = () => {
    if (ready && unsent >= options.maxEvents) {
      send({ type: "notify", events: unsent });
      unsent = 0;
    }
  };

  const start = () => {
    restartTimer = undefined;
    const c = fork(options.module, options.args, {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // A small young generation: the loader's garbage is one row at a time, and every megabyte
      // of heap it keeps resident counts against the collector's memory (default 16 MB each).
      execArgv: [...process.execArgv, "--max-semi-space-size=2"],
    });
    child = c;
    ready = false;
    if (c.pid !== undefined) {
      try {
        setPriority(c.pid, options.niceness ?? 5);
      } catch {
        // Not permitted here (some containers): the loader runs at the server's priority.
      }
    }
    c.on("message", (message: FromLoader) => {
      if (message.type === "log") options.log(message.level, message.event, message.fields);
      else {
        // A load that did not fail (its failures did not grow): the loader works again.
        if (message.type === "stats" && message.stats.failures === (last.failures ?? 0)) delay = baseDelay;
        last = { ...message.stats };
        if (message.type === "ready") {
          ready = true;
          options.log("info", "loader_started", { pid: c.pid, sink: message.stats.sink });
          flush();
        }
      }
    });
    c.on("error", (error) => options.log("error", "loader_error", { message: error.message }));
    c.once("exit", (code, signal) => {
      if (child === c) child = undefined;
      ready = false;
      if (stopping) return;
      restarts++;
      options.log("error", "loader_exited", { code, signal, restartInMs: delay });
      restartTimer = setTimeout(start, delay);
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    });
  };
  start();

  return {
    notify(events) {
      unsent += events;
      flush();
    },
    stats: () => ({ ...last, restarts }),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (restartTimer) clearTimeout(restartTimer);
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once("exit", (code, signal) => {
          if (code !== 0) options.log("error", "loader_exited", { code, signal });
          resolve();
        });
        send({ type: "stop" });
      });
      return stopping;
    },
  };
}
