import type { CommandModule } from "yargs";
import type { SupervisedLoader } from "../../collect/loader/supervisor.ts";
import type { CollectLog, RunningCollector } from "../../collect/server/index.ts";
import type { LoadedConfig } from "../../config/load.ts";
import { redactor } from "../../config/secrets.ts";
import type { LogFormat } from "../reporter.ts";

/** `cdp collect`: declared here, loaded lazily, so `cdp --help` stays fast. */
interface CollectArgs {
  "project-dir"?: string;
  target?: string;
  "log-format": LogFormat;
  host?: string;
  port?: number;
  action?: "load";
  "loader-thread"?: boolean;
}

/** Structured logs on stderr-free stdout: one JSON object per line, or a readable line. */
function logger(format: LogFormat): CollectLog {
  return (level, event, fields) => {
    const line =
      format === "json"
        ? JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })
        : `${new Date().toISOString()} ${level.toUpperCase()} ${event}${Object.entries(fields)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => ` ${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
            .join("")}`;
    process.stdout.write(`${redactor.redact(line)}\n`);
  };
}

/**
 * The loader, on a thread of its own that this one supervises (restarted if it ends): it moves
 * the log into the warehouse (DuckDB: its landing area, which builds compact) every
 * `collect.loader.intervalMs`, or as soon as the writer reports `maxEvents` written.
 */
async function startCollectLoader(
  loaded: LoadedConfig,
  collector: RunningCollector,
  log: CollectLog,
): Promise<SupervisedLoader> {
  const { superviseLoader } = await import("../../collect/loader/supervisor.ts");
  const { CdpError } = await import("../../errors.ts");
  // The loader thread runs this same CLI (its bundle or its sources) with --loader-thread.
  const script = process.argv[1];
  if (!script) throw new CdpError("cdp collect cannot find its own script to start its loader thread");
  const loader = superviseLoader({
    module: script,
    args: [
      "collect",
      "--loader-thread",
      "--project-dir",
      loaded.projectDir,
      ...(loaded.targetName ? ["--target", loaded.targetName] : []),
    ],
    maxEvents: loaded.config.collect?.loader.maxEvents ?? 10_000,
    log,
  });
  collector.writer.onWritten((events) => loader.notify(events));
  return loader;
}

export const collectCommand: CommandModule<object, CollectArgs> = {
  command: "collect [action]",
  describe:
    "Collect events sent by Segment and RudderStack clients (Segment's HTTP Tracking API) into a durable log, loaded into the warehouse",
  builder: (y) =>
    y
      .positional("action", {
        choices: ["load"] as const,
        describe: "load: move what the event log holds into the warehouse once, then exit (no server)",
      })
      .option("host", { type: "string", describe: "Address to listen on (default: collect.host, 127.0.0.1)" })
      .option("port", {
        type: "number",
        describe: "Port (default: collect.port, 8088; 0: any free port)",
      })
      // How `cdp collect` starts its loader thread (with a message port); not for people.
      .option("loader-thread", { type: "boolean", hidden: true }) as never,
  handler: async (argv) => {
    if (argv.action === "load") {
      const { loadCollected } = await import("../../collect/loader/one-shot.ts");
      const stats = await loadCollected({ projectDir: argv["project-dir"], target: argv.target });
      logger(argv["log-format"])("info", "loaded", { ...stats });
      return;
    }
    if (argv["loader-thread"]) {
      const { loadProject } = await import("../../project/open.ts");
      const { loaderOptionsFor } = await import("../../collect/loader/index.ts");
      const { serveLoaderOnThread } = await import("../../collect/loader/child.ts");
      const loaded = await loadProject({ projectDir: argv["project-dir"], target: argv.target });
      await serveLoaderOnThread(await loaderOptionsFor(loaded));
      return;
    }
    const { loadProject } = await import("../../project/open.ts");
    const { collectSettings, startCollector } = await import("../../collect/server/index.ts");
    const { ConfigError } = await import("../../errors.ts");
    const loaded = await loadProject({ projectDir: argv["project-dir"], target: argv.target });
    if (loaded.diagnostics.length)
      throw new ConfigError(`${loaded.configFile} is invalid`, loaded.diagnostics);
    // Bundling the config may have started esbuild's service process, kept for later builds: the
    // collector runs for days and builds nothing more until /cdp.js is first asked for (~13 MB).
    await (await import("esbuild")).stop();
    const { config, writeKeys } = collectSettings(loaded);
    // Process-wide, so the loader thread started below runs under it too.
    if (config.favour === "memory") (await import("node:v8")).setFlagsFromString("--optimize-for-size");
    const log = logger(argv["log-format"]);
    let loader: SupervisedLoader | undefined;
    const collector = await startCollector({
      projectDir: loaded.projectDir,
      config,
      writeKeys,
      host: argv.host,
      port: argv.port,
      log,
      loaderStats: () => loader?.stats() ?? {},
    });
    loader = await startCollectLoader(loaded, collector, log);
    log("info", "collecting", {
      url: collector.url,
      sources: Object.keys(writeKeys),
      logDir: collector.logDir,
      diskBudgetBytes: config.diskBudgetBytes,
      favour: config.favour,
    });
    // Lives until SIGTERM or SIGINT: stop accepting, finish requests in flight (their events
    // written and fsynced), stop the loader, exit 0. A second signal ends the process at once.
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        process.once("SIGINT", () => process.exit(130));
        process.once("SIGTERM", () => process.exit(143));
        log("info", "stopping", { signal });
        void (async () => {
          try {
            await collector.close();
            await loader?.stop();
            log("info", "stopped", { events: collector.writer.stats().eventsWritten });
          } catch (error) {
            log("error", "stop_failed", { message: (error as Error).message });
            process.exitCode = 1;
          }
          resolve();
        })();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  },
};
