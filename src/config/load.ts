import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { config as loadDotenv } from "dotenv";
import type { z } from "zod";
import { suggestion } from "../did-you-mean.ts";
import { ConfigError, type Diagnostic, UsageError } from "../errors.ts";
import { importConfig } from "./import-config.ts";
import {
  configSchema,
  declaredTargets,
  defaultTargetName,
  type ProjectConfig,
  type TargetConfig,
} from "./schema.ts";
import { keysAt } from "./schema-keys.ts";
import { ConfigValueError, MIN_REDACTED_LENGTH, type MissingSecret, resolveSecrets } from "./secrets.ts";

export const CONFIG_FILES = ["cdp.config.ts", "cdp.config.mts", "cdp.config.js", "cdp.config.mjs"];

export interface LoadOptions {
  projectDir?: string;
  /** Target name from `--target`. */
  target?: string;
  /** `--vars` overrides, already parsed. */
  vars?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

export interface LoadedConfig {
  projectDir: string;
  configFile: string;
  config: ProjectConfig;
  targetName: string;
  target: TargetConfig;
  /**
   * Problems found in the config. When not empty, `config` is a best-effort reading so that
   * compile can still report problems in the models in the same report.
   */
  diagnostics: Diagnostic[];
  /**
   * Per sync, the secrets whose environment variables are not set. Such a sync stays in the
   * config (its secret fields hold the unresolved `secret("X")`) and fails only when it runs.
   */
  missingSyncSecrets: Record<string, MissingSecret[]>;
  /** API tokens whose environment variable is not set: `cdp serve` refuses them. */
  missingApiSecrets: MissingSecret[];
  /** Write keys of `collect.sources` whose environment variable is unset: only `cdp collect` needs them. */
  missingCollectSecrets: MissingSecret[];
  /** Identifies this invocation of a command in every artifact it writes (and in sync runs). */
  invocationId: string;
}

/** A sortable, unique id: the UTC time to the second, then random hex (`20261206T051500-1a2b3c4d`). */
export function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15);
  return `${stamp}-${randomUUID().slice(0, 8)}`;
}

/** Finds the line of a config key in the source text, for error messages. */
function lineOfKey(source: string, keyPath: (string | number)[]): number | undefined {
  const lines = source.split("\n");
  let from = 0;
  let found: number | undefined;
  for (const key of keyPath) {
    if (typeof key === "number") continue;
    const re = new RegExp(`(^|[\\s{,])["']?${key.replace(/[$]/g, "\\$")}["']?\\s*:`);
    for (let i = from; i < lines.length; i++) {
      if (re.test(lines[i]!)) {
        found = i + 1;
        from = i;
        break;
      }
    }
  }
  return found;
}

function zodDiagnostics(error: z.ZodError, file: string, source: string, value: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const keyPath = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const full = [...keyPath, key];
        out.push({
          file,
          line: lineOfKey(source, full),
          node: full.join("."),
          message: `unknown config key "${full.join(".")}".${suggestion(key, keysAt(configSchema, value, keyPath))}`,
        });
      }
      continue;
    }
    out.push({
      file,
      line: lineOfKey(source, keyPath),
      node: keyPath.join(".") || undefined,
      message: `${keyPath.length ? `config key "${keyPath.join(".")}": ` : ""}${issue.message}`,
    });
  }
  return out;
}

export function findConfigFile(projectDir: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const file = path.join(projectDir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

export async function loadConfig(options: LoadOptions = {}): Promise<LoadedConfig> {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const env = options.env ?? process.env;
  const configFile = findConfigFile(projectDir);
  if (!configFile) {
    throw new UsageError(
      `No cdp.config.ts in ${projectDir}. Run \`cdp init\` to create a project, or pass --project-dir.`,
    );
  }
  const relFile = path.relative(projectDir, configFile) || configFile;
  const envFile = path.join(projectDir, ".env");
  if (existsSync(envFile))
    loadDotenv({ path: envFile, quiet: true, processEnv: env as Record<string, string> });

  let raw: unknown;
  try {
    raw = await importConfig(configFile, projectDir);
  } catch (error) {
    throw configLoadError(error, relFile);
  }
  if (typeof raw !== "object" || raw === null) {
    throw new ConfigError(`${relFile} must default-export the project config object.`, [
      { file: relFile, message: "no default export (write `export default defineConfig({ ... })`)" },
    ]);
  }
  const source = readFileSync(configFile, "utf8");
  let secrets: ReturnType<typeof resolveSecrets>;
  try {
    // An unset sync, API token or write key secret matters only to that sync, `cdp serve` or `cdp collect`.
    secrets = resolveSecrets(
      raw,
      env,
      (keyPath) =>
        (keyPath[0] === "syncs" && keyPath.length > 2) || keyPath[0] === "api" || keyPath[0] === "collect",
    );
  } catch (error) {
    if (!(error instanceof ConfigValueError)) throw error;
    throw new ConfigError(`${relFile}: ${error.message}`, [
      {
        file: relFile,
        line: lineOfKey(source, error.path),
        node: error.path.join("."),
        message: error.message,
      },
    ]);
  }
  const { value: resolved, missing, deferred, short } = secrets;
  const missingSyncSecrets: Record<string, MissingSecret[]> = {};
  const missingApiSecrets: MissingSecret[] = [];
  const missingCollectSecrets: MissingSecret[] = [];
  for (const m of deferred) {
    if (m.path.startsWith("api.")) {
      missingApiSecrets.push(m);
      continue;
    }
    if (m.path.startsWith("collect.")) {
      missingCollectSecrets.push(m);
      continue;
    }
    const sync = m.path.split(".")[1]!;
    missingSyncSecrets[sync] = [...(missingSyncSecrets[sync] ?? []), m];
  }
  const diagnostics: Diagnostic[] = missing.map((m) => ({
    file: relFile,
    line: lineOfKey(source, m.path.split(".")),
    node: m.path,
    message: `secret "${m.path}" needs the environment variable ${m.envVar}, which is not set.`,
    hint: `export ${m.envVar}=... or add it to .env`,
  }));
  for (const s of short) {
    diagnostics.push({
      file: relFile,
      line: lineOfKey(source, s.path.split(".")),
      node: s.path,
      message: `secret "${s.path}" (${s.envVar}) is shorter than ${s.min} characters: too short to be redacted from logs and artifacts without masking other text.`,
      hint:
        s.min > MIN_REDACTED_LENGTH
          ? "a secret in vars can be written into SQL and target/; use a longer value"
          : "use a longer value",
    });
  }

  const parsed = configSchema.safeParse(resolved);
  let config: ProjectConfig;
  if (parsed.success) {
    config = parsed.data;
  } else {
    diagnostics.push(...zodDiagnostics(parsed.error, relFile, source, resolved));
    config = bestEffort(resolved as Record<string, unknown>);
  }
  if (options.vars) config = { ...config, vars: { ...config.vars, ...options.vars } };

  const { targetName, target } = pickTarget(config, options.target, relFile, diagnostics);
  return {
    projectDir,
    configFile,
    config,
    targetName,
    target,
    diagnostics,
    missingSyncSecrets,
    missingApiSecrets,
    missingCollectSecrets,
    invocationId: newRunId(),
  };
}

/** A usable config from an invalid one: known keys kept, defaults filled, unknown keys dropped. */
function bestEffort(raw: Record<string, unknown>): ProjectConfig {
  const shape = configSchema.shape;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const attempt = (schema as z.ZodType).safeParse(raw[key]);
    if (attempt.success) out[key] = attempt.data;
    else {
      const fallback = (schema as z.ZodType).safeParse(undefined);
      if (fallback.success) out[key] = fallback.data;
    }
  }
  if (typeof out.name !== "string") out.name = "project";
  return out as ProjectConfig;
}

function pickTarget(
  config: ProjectConfig,
  requested: string | undefined,
  file: string,
  diagnostics: Diagnostic[],
): { targetName: string; target: TargetConfig } {
  const targets = config.targets ?? {};
  if (requested) {
    const target = targets[requested] ?? (requested === "default" ? config.warehouse : undefined);
    if (!target) {
      const names = declaredTargets(config);
      throw new UsageError(
        `Unknown target "${requested}".${suggestion(requested, names)} Targets in ${file}: ${names.join(", ") || "(none)"}.`,
      );
    }
    return { targetName: requested, target };
  }
  const name = defaultTargetName(config);
  const target = targets[name] ?? config.warehouse;
  if (target) return { targetName: name, target };
  if (!diagnostics.length) diagnostics.push({ file, message: "no warehouse configured" });
  return { targetName: "default", target: { type: "duckdb", schema: "main" } };
}

/** esbuild reports syntax errors with a location; runtime errors in the config have none. */
function configLoadError(error: unknown, relFile: string): ConfigError {
  const located = (error as { errors?: { text: string; location?: { line: number; column: number } }[] })
    .errors?.[0];
  if (located) {
    return new ConfigError(`Cannot load ${relFile}: ${located.text}`, [
      {
        file: relFile,
        line: located.location?.line,
        column: (located.location?.column ?? 0) + 1,
        message: located.text,
      },
    ]);
  }
  const message = (error as Error).message?.split("\n")[0] ?? String(error);
  return new ConfigError(`Cannot load ${relFile}: ${message}`, [{ file: relFile, message }]);
}
