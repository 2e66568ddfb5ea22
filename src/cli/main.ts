import yargs, { type Argv } from "yargs";
import { compile, execute, type RunCommand, sync } from "../api.ts";
import { redactor } from "../config/secrets.ts";
import { CdpError, CompileError, ConfigError, formatDiagnostic, UsageError } from "../errors.ts";
import { initProject } from "./commands/init.ts";
import { listNodes } from "./commands/ls.ts";
import { docsCommand, serveCommand } from "./commands/serve-commands.ts";
import { type LogFormat, Reporter } from "./reporter.ts";
import { SyncReporter } from "./sync-reporter.ts";

interface GlobalArgs {
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
  "log-format": LogFormat;
  debug?: boolean;
}

function parseVars(text: string | undefined): Record<string, unknown> | undefined {
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

function projectOptions(argv: GlobalArgs) {
  return {
    projectDir: argv["project-dir"],
    target: argv.target,
    vars: parseVars(argv.vars),
    select: argv.select,
    exclude: argv.exclude,
  };
}

function isLive(format: LogFormat): boolean {
  return format === "text" && !!process.stdout.isTTY && !process.env.CI;
}

function renderError(error: unknown, format: LogFormat, debug: boolean): number {
  const err = error as Error;
  const code = error instanceof CdpError ? error.exitCode : 1;
  if (format === "json") {
    const diagnostics =
      error instanceof CompileError || error instanceof ConfigError ? error.diagnostics : undefined;
    process.stderr.write(
      `${redactor.redact(JSON.stringify({ event: "error", type: err.name, message: err.message, diagnostics }))}\n`,
    );
    return code;
  }
  let text: string;
  if (error instanceof ConfigError && error.diagnostics.length) {
    text = `Configuration error:\n${error.diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join("\n")}`;
  } else if (error instanceof CdpError) {
    text = `Error: ${err.message}`;
  } else {
    text = `Unexpected error: ${err?.message ?? String(error)}${debug ? "" : "\n  (run with --debug for the stack trace)"}`;
  }
  if (debug && err?.stack) text += `\n${err.stack}`;
  process.stderr.write(`${redactor.redact(text)}\n`);
  return code;
}

/** `--select` and `--exclude`, for the commands that pick nodes (or syncs by their models). */
function selection<T>(y: Argv<T>, what = "Nodes to act on") {
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

const threadsOption = {
  type: "number",
  describe: "Models built at the same time (1-64; default: threads in cdp.config.ts)",
} as const;
const fullRefreshOption = { type: "boolean", describe: "Rebuild incremental models from scratch" } as const;
const fullResyncOption = {
  type: "boolean",
  describe: "Send every row again, not only changes (also: go on when the sync's state looks lost)",
} as const;
const massRemovalOption = {
  type: "boolean",
  describe: "Let a sync remove more than its maxRemoved, or sync an empty model",
} as const;

/** The flags of `seed`, `run`, `test` and `build`: each lists only those it accepts. */
function runFlags(command: RunCommand) {
  return (y: Argv<GlobalArgs>): Argv<GlobalArgs> => {
    let out = selection(y).option("threads", threadsOption) as Argv<GlobalArgs>;
    if (command !== "test") out = out.option("full-refresh", fullRefreshOption) as Argv<GlobalArgs>;
    if (command === "build") {
      out = out
        .option("sync", {
          type: "boolean",
          default: true,
          describe:
            "Run the syncs of the built models at the end (--no-sync: build only, syncs listed as skipped)",
        })
        .option("full-resync", fullResyncOption)
        .option("allow-mass-removal", massRemovalOption) as Argv<GlobalArgs>;
    }
    return out;
  };
}

function runCommand(command: RunCommand, describe: string) {
  return {
    command,
    describe,
    builder: runFlags(command),
    handler: async (argv: GlobalArgs) => {
      const format = argv["log-format"];
      const reporter = new Reporter(format, isLive(format));
      const controller = new AbortController();
      const onSignal = () => {
        reporter.line(
          "Interrupted: letting running models finish, cancelling the rest (Ctrl-C again to abort).",
        );
        controller.abort();
        process.once("SIGINT", () => process.exit(130));
      };
      process.once("SIGINT", onSignal);
      const syncReporter = new SyncReporter(format, isLive(format));
      try {
        const summary = await execute(command, {
          ...projectOptions(argv),
          threads: argv.threads,
          fullRefresh: argv["full-refresh"],
          noSync: argv.sync === false,
          fullResync: argv["full-resync"],
          allowMassRemoval: argv["allow-mass-removal"],
          onEvent: reporter.onEvent,
          onSyncEvent: syncReporter.onEvent,
          signal: controller.signal,
        });
        reporter.finish(summary);
        if (summary.syncs) syncReporter.finish(summary.syncs);
        exitCode = summary.success ? 0 : 1;
      } finally {
        process.off("SIGINT", onSignal);
      }
    },
  };
}

let exitCode = 0;

/** Runs the CLI and returns the exit code: 0 ok, 1 a model/test failed, 2 usage/config/compile error. */
export async function main(args: string[]): Promise<number> {
  exitCode = 0;
  let format: LogFormat =
    args.includes("json") && args.some((a) => a.startsWith("--log-format")) ? "json" : "text";
  let debug = args.includes("--debug");
  const parser = yargs(args)
    .scriptName("cdp")
    .usage("$0 <command> [options]")
    .option("project-dir", {
      type: "string",
      describe: "Project directory (default: current directory)",
      global: true,
    })
    .option("target", {
      alias: "t",
      type: "string",
      describe: "Target in cdp.config.ts to use",
      global: true,
    })
    .option("vars", {
      type: "string",
      describe: "JSON object overriding vars, e.g. '{\"days\": 7}'",
      global: true,
    })
    .option("log-format", {
      choices: ["text", "json"] as const,
      default: "text" as LogFormat,
      describe: "Output for people or machines",
      global: true,
    })
    .option("debug", { type: "boolean", describe: "Show stack traces", global: true })
    .middleware((argv) => {
      format = argv["log-format"] as LogFormat;
      debug = !!argv.debug;
      const threads = argv.threads as number | undefined;
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) {
        throw new UsageError(`--threads must be an integer from 1 to 64, got ${threads}`);
      }
    })
    .command<GlobalArgs>(runCommand("seed", "Load the CSV files in seeds/ into the warehouse"))
    .command<GlobalArgs>(runCommand("run", "Build the selected models"))
    .command<GlobalArgs>(runCommand("test", "Run data tests"))
    .command<GlobalArgs>(
      runCommand("build", "Seeds, models and tests in DAG order; a failing test skips what depends on it"),
    )
    .command<GlobalArgs>({
      command: "sync",
      describe:
        "Send what changed in models to their destinations (syncs in cdp.config.ts); `sync history` shows past runs",
      builder: (y) =>
        y
          .command<GlobalArgs & { name?: string; limit: number }>({
            command: "history [name]",
            describe: "Recent runs of the syncs (or of one), from the state in the warehouse",
            builder: (h) =>
              h
                .positional("name", { type: "string", describe: "Only this sync" })
                .option("limit", { type: "number", default: 20, describe: "Runs to show" }),
            handler: async (argv) => {
              const { printSyncHistory } = await import("./commands/sync-history.ts");
              await printSyncHistory(
                { ...projectOptions(argv), name: argv.name, limit: argv.limit },
                argv["log-format"],
              );
            },
          })
          .command<GlobalArgs & { names?: string[]; "dry-run"?: boolean }>({
            command: "$0 [names..]",
            describe: "Run the syncs",
            builder: (r) =>
              selection(r, "Syncs whose models these select")
                .positional("names", {
                  type: "string",
                  array: true,
                  describe: "Syncs to run (default: all enabled)",
                })
                .option("dry-run", {
                  type: "boolean",
                  describe: "Print the plan (counts, sample rows); send nothing",
                })
                .option("full-resync", fullResyncOption)
                .option("allow-mass-removal", massRemovalOption),
            handler: async (argv) => {
              const format = argv["log-format"];
              const reporter = new SyncReporter(format, isLive(format));
              const summary = await sync({
                ...projectOptions(argv),
                names: argv.names,
                dryRun: argv["dry-run"],
                fullResync: argv["full-resync"],
                allowMassRemoval: argv["allow-mass-removal"],
                onEvent: reporter.onEvent,
              });
              reporter.finish(summary);
              exitCode = summary.success ? 0 : 1;
            },
          }),
      handler: () => undefined,
    })
    .command<GlobalArgs & { action: string; sources?: string[] }>({
      command: "source <action> [sources..]",
      describe: "Sources declared in cdp.config.ts: `freshness` checks how recently each was loaded",
      builder: (y) =>
        y
          .positional("action", { choices: ["freshness"] as const, demandOption: true })
          .positional("sources", { type: "string", array: true, describe: "Only these sources" }),
      handler: async (argv) => {
        const { printFreshness } = await import("./commands/source-freshness.ts");
        exitCode = await printFreshness(
          { ...projectOptions(argv), sources: argv.sources },
          argv["log-format"],
        );
      },
    })
    .command<GlobalArgs>({
      command: "compile",
      describe:
        "Render templates, check the DAG, write target/compiled and target/manifest.json (no warehouse needed)",
      builder: (y) =>
        selection(y, "Models to estimate with --estimate").option("estimate", {
          type: "boolean",
          describe: "Also dry-run each selected model and print the bytes it would scan (BigQuery)",
        }),
      handler: async (argv) => {
        const t0 = performance.now();
        const { compilation } = await compile(projectOptions(argv));
        const counts = { model: 0, seed: 0, test: 0 };
        for (const n of compilation.nodes.values()) counts[n.resourceType]++;
        const ms = Math.round(performance.now() - t0);
        if (argv["log-format"] === "json") {
          process.stdout.write(`${JSON.stringify({ event: "compiled", ...counts, ms })}\n`);
        } else {
          process.stdout.write(
            `Compiled ${counts.model} models, ${counts.seed} seeds, ${counts.test} tests in ${ms} ms → target/\n`,
          );
        }
        if ((argv as { estimate?: boolean }).estimate) {
          const { printEstimates } = await import("./commands/estimate.ts");
          await printEstimates(projectOptions(argv), argv["log-format"]);
        }
      },
    })
    .command<GlobalArgs & { "resource-type"?: string; output: string }>({
      command: "ls",
      describe: "List the selected nodes",
      builder: (y) =>
        selection(y)
          .option("resource-type", { choices: ["model", "seed", "test"], describe: "Only this kind of node" })
          .option("output", { choices: ["name", "path", "json"], default: "name" }),
      handler: async (argv) => {
        for (const line of await listNodes(projectOptions(argv), argv["resource-type"], argv.output)) {
          process.stdout.write(`${line}\n`);
        }
      },
    })
    .command<GlobalArgs>({
      command: "identity <action> [records..]",
      describe:
        "Identity resolution: `report` on a stitch model, `evaluate` against ground truth, `explain <record_a> <record_b>` a match model's score",
      builder: (y) =>
        y
          .positional("action", { choices: ["report", "evaluate", "explain"] as const, demandOption: true })
          .positional("records", { type: "string", array: true, describe: "explain: two record ids" })
          .option("model", {
            type: "string",
            describe:
              "The stitch model (report), records-to-profiles model (evaluate) or match model (explain)",
          })
          .option("truth", { type: "string", describe: "evaluate: CSV of source, record_id, person_id" }),
      handler: async (argv) => {
        const a = argv as unknown as GlobalArgs & {
          action: string;
          model?: string;
          truth?: string;
          records?: (string | number)[];
        };
        const { printIdentity } = await import("./commands/identity.ts");
        await printIdentity(
          a.action,
          { ...projectOptions(a), model: a.model, truth: a.truth, records: a.records?.map(String) },
          a["log-format"],
        );
      },
    })
    .command<GlobalArgs & { syncs?: string[] }>({
      command: "debug [syncs..]",
      describe:
        "Check the config, the warehouse connection and each enabled sync's destination credentials; build and send nothing",
      builder: (y) =>
        y.positional("syncs", { type: "string", array: true, describe: "Only these syncs (default: all)" }),
      handler: async (argv) => {
        const { printDebug } = await import("./commands/debug.ts");
        exitCode = await printDebug(
          { projectDir: argv["project-dir"], target: argv.target, syncs: argv.syncs },
          argv["log-format"],
        );
      },
    })
    .command(serveCommand as never)
    .command(docsCommand as never)
    .command<GlobalArgs & { dir: string; force?: boolean }>({
      command: "init [dir]",
      describe: "Create a new project (config, an example seed, model and test)",
      builder: (y) =>
        y
          .positional("dir", { type: "string", default: "." })
          .option("force", { type: "boolean", describe: "Write into a non-empty directory" }),
      handler: async (argv) => {
        const created = await initProject(argv.dir, { force: argv.force });
        process.stdout.write(
          `Created a cdp project in ${created.dir}:\n${created.files.map((f) => `  ${f}`).join("\n")}\nNext: cd ${argv.dir} && cdp build\n`,
        );
      },
    })
    .demandCommand(1, "Name a command, e.g. `cdp build`.")
    .strict()
    .recommendCommands()
    .help()
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    if (error instanceof CdpError || (error as Error)?.name === "YError") {
      return renderError(
        error instanceof CdpError ? error : new UsageError((error as Error).message),
        format,
        debug,
      );
    }
    return renderError(error, format, debug);
  }
}
