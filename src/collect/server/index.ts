import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { LoadedConfig } from "../../config/load.ts";
import { ConfigError } from "../../errors.ts";
import type { CollectConfig } from "../config.ts";
import { LogWriter } from "../log/writer.ts";
import { createCollectApp } from "./app.ts";
import type { WriteKeys } from "./auth.ts";
import type { CollectMetrics, LoaderStatsSource } from "./metrics.ts";
import type { RejectReason } from "./rejection.ts";

export { createCollectApp } from "./app.ts";
export type { WriteKeys } from "./auth.ts";

/** A structured log line: the CLI renders it as JSON or text; the library never prints. */
export type CollectLog = (
  level: "info" | "warn" | "error",
  event: string,
  fields: Record<string, unknown>,
) => void;

/**
 * The `collect:` section and its write keys, ready to serve: refuses (exit 2) when the section is
 * missing or a write key's environment variable is unset, naming the variable.
 */
export function collectSettings(loaded: LoadedConfig): { config: CollectConfig; writeKeys: WriteKeys } {
  const config = loaded.config.collect;
  if (!config) {
    throw new ConfigError(
      `${loaded.configFile}: \`cdp collect\` needs a \`collect:\` section (sources and their write keys)`,
    );
  }
  if (loaded.missingCollectSecrets.length) {
    throw new ConfigError(
      `the collector cannot start: ${loaded.missingCollectSecrets.map((m) => `${m.path} needs the environment variable ${m.envVar}, which is not set`).join("; ")}`,
      loaded.missingCollectSecrets.map((m) => ({
        file: loaded.configFile,
        node: m.path,
        message: `${m.envVar} is not set`,
        hint: `export ${m.envVar}=... or add it to .env`,
      })),
    );
  }
  const writeKeys: WriteKeys = {};
  for (const [name, source] of Object.entries(config.sources)) {
    if (typeof source.writeKey !== "string")
      throw new ConfigError(`collect.sources.${name}.writeKey is not set`);
    writeKeys[name] = source.writeKey;
  }
  return { config, writeKeys };
}

export interface CollectorOptions {
  projectDir: string;
  config: CollectConfig;
  writeKeys: WriteKeys;
  /** Override `collect.host` / `collect.port` (`--host`, `--port`); port 0 picks a free one. */
  host?: string;
  port?: number;
  log?: CollectLog;
  /** Log segment size before rotation (default 16 MiB). */
  segmentBytes?: number;
  loaderStats?: LoaderStatsSource;
  extend?: (app: FastifyInstance) => Promise<void>;
}

export interface RunningCollector {
  url: string;
  app: FastifyInstance;
  writer: LogWriter;
  metrics: CollectMetrics;
  logDir: string;
  /** Stops accepting, lets requests in flight finish (their events written and fsynced), closes the log. */
  close(): Promise<void>;
}

/** At most one log line per reason every 10 s: a client stuck on a bad request must not flood the log. */
function throttledRejectLog(log: CollectLog | undefined) {
  const last = new Map<RejectReason, { at: number; suppressed: number }>();
  return (reason: RejectReason, message: string, source: string | undefined) => {
    if (!log) return;
    const now = Date.now();
    const seen = last.get(reason);
    if (seen && now - seen.at < 10_000) {
      seen.suppressed++;
      return;
    }
    log("warn", "request_rejected", { reason, message, source, suppressedSinceLast: seen?.suppressed ?? 0 });
    last.set(reason, { at: now, suppressed: 0 });
  };
}

/**
 * `cdp collect`'s server: opens the log (repairing a torn tail), serves the Tracking API.
 *
 * @example
 * const c = await startCollector({ projectDir, config, writeKeys: { web: "..." }, port: 0 });
 * await fetch(`${c.url}/v1/track`, ...); await c.close();
 */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const logDir = path.resolve(options.projectDir, options.config.logDir);
  const writer = await LogWriter.open({ dir: logDir, segmentBytes: options.segmentBytes });
  const repaired = writer.stats().repairedBytes;
  if (repaired) options.log?.("warn", "log_repaired", { logDir, cutBytes: repaired });
  try {
    const { app, metrics } = await createCollectApp({
      writer,
      writeKeys: options.writeKeys,
      allowedOrigins: options.config.allowedOrigins,
      diskBudgetBytes: options.config.diskBudgetBytes,
      loaderStats: options.loaderStats,
      onReject: throttledRejectLog(options.log),
      extend: options.extend,
    });
    const url = await app.listen({
      host: options.host ?? options.config.host,
      port: options.port ?? options.config.port,
    });
    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      writer,
      metrics,
      logDir,
      close: () => {
        closing ??= (async () => {
          await app.close();
          await writer.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await writer.close();
    throw error;
  }
}
