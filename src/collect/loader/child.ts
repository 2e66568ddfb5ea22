import { UsageError } from "../../errors.ts";
import { type LoaderOptions, startLoader } from "./index.ts";
import type { FromLoader, ToLoader } from "./ipc.ts";

/**
 * The loader's side of its process (`cdp collect` starts it, see supervisor.ts): runs the loader,
 * loads early when the server says enough events wait, reports its stats and log lines over IPC.
 * Resolves once a `stop` from the server has drained the log and closed the sink.
 *
 * If the server goes away without a `stop` (killed), the process exits at once, mid-load or not:
 * the checkpoint only moves after a commit, so the next loader replays what this one had not
 * committed, and the warehouse skips ids it already holds. Lingering would only race the loader
 * of the server that replaces it.
 */
export function serveLoaderOverIpc(options: Omit<LoaderOptions, "onError" | "onLoad">): Promise<void> {
  if (!process.send) {
    throw new UsageError("the loader process is started by `cdp collect` itself (it needs its IPC channel)");
  }
  const send = (message: FromLoader) => {
    if (process.connected) process.send!(message, undefined, undefined, () => {});
  };
  const log = (level: "info" | "error", event: string, fields: Record<string, unknown>) =>
    send({ type: "log", level, event, fields });
  const loader = startLoader({
    ...options,
    onError: (error) => {
      log("error", "load_failed", { message: error instanceof Error ? error.message : String(error) });
      send({ type: "stats", stats: loader.stats() });
    },
    onLoad: (stats) => {
      log("info", "loaded", { ...stats });
      send({ type: "stats", stats: loader.stats() });
    },
  });
  const orphaned = () => process.exit(0);
  process.on("disconnect", orphaned);
  // A terminal's Ctrl-C reaches the whole process group: the server decides when this one stops.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {});
  return new Promise((resolve) => {
    process.on("message", (message: ToLoader) => {
      if (message.type === "notify") loader.notify(message.events);
      else if (message.type === "stop") {
        void loader.stop().then(
          () => finish(resolve),
          (error: unknown) => {
            log("error", "load_failed", { message: error instanceof Error ? error.message : String(error) });
            process.exitCode = 1;
            finish(resolve);
          },
        );
      }
    });
    send({ type: "ready", stats: loader.stats() });
  });

  /** The last stats, then the channel closed (which lets the process end). */
  function finish(resolve: () => void): void {
    process.off("disconnect", orphaned);
    if (!process.connected) {
      resolve();
      return;
    }
    process.send!({ type: "stats", stats: loader.stats() } satisfies FromLoader, undefined, undefined, () => {
      process.disconnect();
      resolve();
    });
  }
}
