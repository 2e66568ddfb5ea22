import type { Argv } from "yargs";
import { UsageError } from "../errors.ts";
import type { LogFormat } from "./reporter.ts";

/** The exit code the running command leaves: 0 ok, 1 a model, test or sync failed. */
export const exit = { code: 0 };

export interface GlobalArgs {
  "project-dir"?: string;
  target?: string;
  select?: string[];
  exclude?: string[];
  vars?: string;
  threads?: number;
  "full-refresh"?: boolean;
  sync?: boolean;
  "full-resync"?: boolean;
  "allow-mass-removal"?: boolean;
  state?: string;
  defer?: boolean;
  "log-format": LogFormat;
  debug?: boolean;
}

export function parseVars(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return value as Record<string, unknown>;
  } catch {
    throw new UsageError(
      `--vars must be a JSON object, e.g. --vars '{"start_date": "2026-01-01"}'; got ${text}`,
    );
  }
}

export function projectOptions(argv: GlobalArgs) {
  return {
    projectDir: argv["project-dir"],
    target: argv.target,
    vars: parseVars(argv.vars),
    select: argv.select,
    exclude: argv.exclude,
    state: argv.state,
  };
}

export function isLive(format: LogFormat): boolean {
  return format === "text" && !!process.stdout.isTTY && !process.env.CI;
}

/**
 * SIGINT (Ctrl-C) and SIGTERM (what CI runners and process managers send on cancel) both stop a
 * run gracefully: running work finishes, the rest is cancelled, locks are released and artifacts
 * written. A second signal of either kind ends the process at once (128 + its number).
 */
export function onInterrupt(
  controller: AbortController,
  announce: (signal: NodeJS.Signals) => void,
): () => void {
  const signals = ["SIGINT", "SIGTERM"] as const;
  const exitAtOnce = (signal: NodeJS.Signals) => process.exit(signal === "SIGTERM" ? 143 : 130);
  const first = (signal: NodeJS.Signals) => {
    for (const s of signals) {
      process.off(s, first);
      process.once(s, exitAtOnce);
    }
    announce(signal);
    controller.abort();
  };
  for (const s of signals) process.on(s, first);
  return () => {
    for (const s of signals) {
      process.off(s, first);
      process.off(s, exitAtOnce);
    }
  };
}

/** `--select` and `--exclude`, for the commands that pick nodes (or syncs by their models). */
export function selection<T>(y: Argv<T>, what = "Nodes to act on") {
  return y
    .option("select", {
      alias: "s",
      type: "string",
      array: true,
      describe: `${what} (name, +name, name+, tag:x, path:dir)`,
    })
    .option("exclude", {
      type: "string",
      array: true,
      describe: "Nodes to leave out (same grammar as --select)",
    });
}

export const stateOption = {
  type: "string",
  describe: "A previous run's artifacts (its target/ folder) for state:modified, state:new and --defer",
} as const;

export const threadsOption = {
  type: "number",
  describe: "Models built at the same time (1-64; default: threads in cdp.config.ts)",
} as const;
export const fullRefreshOption = {
  type: "boolean",
  describe: "Rebuild incremental models from scratch",
} as const;
export const fullResyncOption = {
  type: "boolean",
  describe: "Send every row again, not only changes (also: go on when the sync's state looks lost)",
} as const;
export const massRemovalOption = {
  type: "boolean",
  describe: "Let a sync remove more than its maxRemoved, or sync an empty model",
} as const;
