import { Worker } from "node:worker_threads";
import type { FromLoader, ToLoader } from "./ipc.ts";

type Log = (level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) => void;

export interface LoaderThreadOptions {
  /** The module and arguments that run the loader's side (`cdp collect --loader-thread ...`). */
  module: string;
  args: string[];
  /** `collect.loader.maxEvents`: the loader is told once this many events were written. */
  maxEvents: number;
  log: Log;
  /** Wait before restarting a loader that exited unexpectedly; doubles to 30 s while it keeps failing. */
  restartDelayMs?: number;
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
 * Runs the loader on a thread of its own and keeps it running. Shaping events into the tables'
 * rows and writing them (Parquet, COPY, load jobs) must not share an event loop with the HTTP
 * server: on the server's thread each micro-batch held up every acknowledgement while it was
 * shaped. A thread rather than a process: it shares the process's runtime and code (a process of
 * its own cost ~70 MB more resident memory), and it ends with the server, so no loader outlives
 * it to race the next one. The server tells the loader when `maxEvents` were written (one
 * message per `maxEvents`, not one per write); the loader's own timer does the rest.
 *
 * An unexpected end of the loader (an error it did not catch, its heap limit) is logged and the
 * loader restarted (after 1 s, doubling while it keeps failing, reset once a load succeeds):
 * nothing is lost, the log keeps every event until a load commits it.
 */
export function superviseLoader(options: LoaderThreadOptions): SupervisedLoader {
  const baseDelay = options.restartDelayMs ?? 1000;
  let delay = baseDelay;
  let child: Worker | undefined;
  let ready = false;
  let unsent = 0;
  let restarts = 0;
  let last: Record<string, unknown> = {};
  let stopping: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;

  const send = (message: ToLoader) => child?.postMessage(message);
  const flush = () => {
    if (ready && unsent >= options.maxEvents) {
      send({ type: "notify", events: unsent });
      unsent = 0;
    }
  };

  const start = () => {
    restartTimer = undefined;
    const c = new Worker(options.module, {
      argv: options.args,
      // Its garbage is one row at a time: a small young generation keeps its heap from holding
      // memory the collector's budget counts; past its old-generation limit it ends and restarts.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 512 },
    });
    child = c;
    ready = false;
    c.on("message", (message: FromLoader) => {
      if (message.type === "log") options.log(message.level, message.event, message.fields);
      else {
        // A load that did not fail (its failures did not grow): the loader works again.
        if (message.type === "stats" && message.stats.failures === (last.failures ?? 0)) delay = baseDelay;
        last = { ...message.stats };
        if (message.type === "ready") {
          ready = true;
          options.log("info", "loader_started", { thread: c.threadId, sink: message.stats.sink });
          flush();
        }
      }
    });
    c.on("error", (error) => options.log("error", "loader_error", { message: error.message }));
    c.once("exit", (code) => {
      if (child === c) child = undefined;
      ready = false;
      if (stopping) return;
      restarts++;
      options.log("error", "loader_exited", { code, restartInMs: delay });
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
        if (!c) return resolve();
        c.once("exit", (code) => {
          if (code !== 0) options.log("error", "loader_exited", { code });
          resolve();
        });
        send({ type: "stop" });
      });
      return stopping;
    },
  };
}
