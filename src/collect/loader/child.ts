import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { UsageError } from "../../errors.ts";
import { type LoaderOptions, startLoader } from "./index.ts";
import type { FromLoader, ToLoader } from "./ipc.ts";

/** Niceness of the loader's thread: it has seconds to load what the server acknowledges in milliseconds. */
const LOADER_NICENESS = 5;

/**
 * The loader's side of its thread (`cdp collect` starts it, see supervisor.ts): runs the loader,
 * loads early when the server says enough events wait, reports its stats and log lines to the
 * server. Resolves once a `stop` from the server has drained the log and closed the sink.
 */
export function serveLoaderOnThread(options: Omit<LoaderOptions, "onError" | "onLoad">): Promise<void> {
  const port = parentPort;
  if (!port) {
    throw new UsageError("the loader thread is started by `cdp collect` itself (it needs its message port)");
  }
  lowerThreadPriority();
  const send = (message: FromLoader) => port.postMessage(message);
  const log = (level: "info" | "error", event: string, fields: Record<string, unknown>) =>
    send({ type: "log", level, event, fields });
  const loader = startLoader({
    ...options,
    // Stats first: once a load's log line is out, /metrics already counts it.
    onError: (error) => {
      send({ type: "stats", stats: loader.stats() });
      log("error", "load_failed", { message: error instanceof Error ? error.message : String(error) });
    },
    onLoad: (stats) => {
      send({ type: "stats", stats: loader.stats() });
      log("info", "loaded", { ...stats });
    },
  });
  return new Promise((resolve) => {
    port.on("message", (message: ToLoader) => {
      if (message.type === "notify") loader.notify(message.events);
      else if (message.type === "stop") {
        void loader
          .stop()
          .catch((error: unknown) => {
            log("error", "load_failed", { message: error instanceof Error ? error.message : String(error) });
            process.exitCode = 1;
          })
          .finally(() => {
            // The last stats, then the port closed: nothing keeps the thread alive after that.
            send({ type: "stats", stats: loader.stats() });
            port.close();
            resolve();
          });
      }
    });
    send({ type: "ready", stats: loader.stats() });
  });
}

/**
 * When both want the CPU, the server's thread goes first. Linux applies a niceness given for a
 * thread id to that thread alone (and to the threads it starts); elsewhere the loader keeps the
 * server's priority.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isSafeInteger(tid) && tid !== process.pid) setPriority(tid, LOADER_NICENESS);
  } catch {
    // No /proc, or not permitted.
  }
}
