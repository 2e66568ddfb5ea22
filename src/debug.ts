import { createConnector } from "../connectors/index.ts";
import { type LoadedConfig, loadConfig } from "./config/load.ts";
import { redactor } from "./config/secrets.ts";
import { daysToSunset, findVersion, versionWarning } from "./connector-kit/api-versions.ts";
import { formatDiagnostic } from "./errors.ts";
import { defaultSleep } from "./http/rate-limit.ts";
import { connectTarget } from "./project/open.ts";
import { settingPath } from "./sync/index.ts";

export interface DebugCheck {
  /** What was checked: the config, the warehouse target, or one sync's destination. */
  kind: "config" | "warehouse" | "sync";
  name: string;
  /** `disabled`: a sync switched off (not a failure). */
  status: "ok" | "fail" | "disabled";
  detail: string;
  /** What works now but needs attention soon (an API version within 90 days of its sunset). */
  warnings?: string[];
  elapsed: number;
}

export interface DebugReport {
  projectDir: string;
  configFile?: string;
  target?: string;
  checks: DebugCheck[];
  /** True when the config loads, the warehouse answers and every enabled sync is ready. */
  ok: boolean;
}

export interface DebugOptions {
  projectDir?: string;
  target?: string;
  /** Only these syncs (default: all). */
  syncs?: string[];
  /** Seconds to wait for one destination's check (default 30). */
  timeout?: number;
}

function withTimeout<T>(work: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function timed(
  kind: DebugCheck["kind"],
  name: string,
  work: () => Promise<string>,
): Promise<DebugCheck> {
  const t0 = performance.now();
  try {
    const detail = await work();
    return { kind, name, status: "ok", detail, elapsed: (performance.now() - t0) / 1000 };
  } catch (error) {
    const detail = redactor.redact((error as Error)?.message ?? String(error));
    return { kind, name, status: "fail", detail, elapsed: (performance.now() - t0) / 1000 };
  }
}

function destinationLabel(loaded: LoadedConfig, sync: string): string {
  const d = loaded.config.syncs[sync]!.destination;
  return d.type;
}

/**
 * `cdp debug`: can this project run here? Loads the config, opens the warehouse target and runs
 * one query, then asks each enabled sync's destination to check its credentials and target
 * (`Connector.check()`: one cheap call each). Nothing is built or sent.
 *
 * @example
 * const report = await debugProject({ projectDir: "." });
 * for (const c of report.checks) console.log(c.kind, c.name, c.status, c.detail);
 */
export async function debugProject(options: DebugOptions = {}): Promise<DebugReport> {
  const checks: DebugCheck[] = [];
  let loaded: LoadedConfig;
  const t0 = performance.now();
  try {
    loaded = await loadConfig({ projectDir: options.projectDir, target: options.target });
  } catch (error) {
    checks.push({
      kind: "config",
      name: "cdp.config.ts",
      status: "fail",
      detail: redactor.redact((error as Error).message),
      elapsed: (performance.now() - t0) / 1000,
    });
    return { projectDir: options.projectDir ?? process.cwd(), checks, ok: false };
  }
  const relConfig = loaded.configFile.slice(loaded.projectDir.length + 1) || loaded.configFile;
  checks.push({
    kind: "config",
    name: relConfig,
    status: loaded.diagnostics.length ? "fail" : "ok",
    detail: loaded.diagnostics.length
      ? loaded.diagnostics.map((d) => formatDiagnostic(d)).join("\n")
      : `project ${loaded.config.name}, ${Object.keys(loaded.config.syncs).length} syncs`,
    elapsed: (performance.now() - t0) / 1000,
  });

  checks.push(
    await timed("warehouse", loaded.targetName, async () => {
      const wh = await connectTarget(loaded, 1);
      try {
        await withTimeout(wh.query("SELECT 1 AS ok"), options.timeout ?? 30, `target ${loaded.targetName}`);
      } finally {
        await wh.close();
      }
      return `${loaded.target.type} answers`;
    }),
  );

  const names = options.syncs?.length ? options.syncs : Object.keys(loaded.config.syncs);
  for (const name of names) {
    const cfg = loaded.config.syncs[name];
    if (!cfg) {
      checks.push({ kind: "sync", name, status: "fail", detail: "no such sync in the config", elapsed: 0 });
      continue;
    }
    const missing = loaded.missingSyncSecrets[name] ?? [];
    const label = `${name} → ${destinationLabel(loaded, name)}`;
    if (!cfg.enabled) {
      checks.push({
        kind: "sync",
        name: label,
        status: "disabled",
        detail: missing.length
          ? `switched off; needs ${missing.map((m) => m.envVar).join(", ")} to run`
          : "switched off (enabled: false)",
        elapsed: 0,
      });
      continue;
    }
    if (missing.length) {
      checks.push({
        kind: "sync",
        name: label,
        status: "fail",
        detail: `needs ${missing.map((m) => `${m.envVar} (${settingPath(m)})`).join(", ")}, not set`,
        elapsed: 0,
      });
      continue;
    }
    const warnings: string[] = [];
    const check = await timed("sync", label, async () => {
      const connector = await createConnector(
        // The destination this target uses (a sandbox portal on staging, say).
        cfg.destinationByTarget?.[loaded.targetName] ?? cfg.destination,
        { projectDir: loaded.projectDir, redactor, sleep: defaultSleep },
        // One attempt: a debug run reports what is wrong now instead of retrying for minutes.
        { batchSize: cfg.batchSize, rateLimit: cfg.rateLimit, maxAttempts: 1 },
      );
      const v = connector.apiVersion;
      const warning = v && versionWarning(connector.name, v.table, v.version, v.configKey);
      if (warning) {
        const entry = v && findVersion(v.table, v.version);
        const days = entry && daysToSunset(entry);
        // Past its sunset every call fails: that is the sync's problem, not a warning.
        if (days !== undefined && days <= 0) throw new Error(warning);
        warnings.push(warning);
      }
      if (!connector.modes.includes(cfg.mode)) {
        throw new Error(`mode ${cfg.mode} is not supported (supported: ${connector.modes.join(", ")})`);
      }
      const problems = cfg.fields ? (connector.validateFields?.(Object.keys(cfg.fields)) ?? []) : [];
      if (problems.length) throw new Error(`fields: ${problems.join("; ")}`);
      await withTimeout(connector.check(), options.timeout ?? 30, `the ${connector.name} destination`);
      await connector.close?.();
      // What the destination said about itself during the check (e.g. API usage), if anything.
      const report = connector.report?.();
      const extra = report && Object.keys(report).length ? ` (${JSON.stringify(report)})` : "";
      return `ready: ${cfg.mode} of ${cfg.model}, the destination's check passed${extra}`;
    });
    checks.push(warnings.length ? { ...check, warnings } : check);
  }
  return {
    projectDir: loaded.projectDir,
    configFile: loaded.configFile,
    target: loaded.targetName,
    checks,
    ok: checks.every((c) => c.status !== "fail"),
  };
}
