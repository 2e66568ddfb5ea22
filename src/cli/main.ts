import path from "node:path";
import yargs, { type Argv } from "yargs";
import { compile, execute, type RunCommand, type RunOptions, sync } from "../api.ts";
import { redactor } from "../config/secrets.ts";
import { CdpError, CompileError, ConfigError, formatDiagnostic, UsageError } from "../errors.ts";
import { CDP_VERSION } from "../project/artifacts.ts";
import type { RunSummary } from "../run/results.ts";
import type { SyncSummary } from "../sync/index.ts";
import { collectCommand } from "./commands/collect.ts";
import { initProject } from "./commands/init.ts";
import { listNodes } from "./commands/ls.ts";
import { docsCommand, serveCommand } from "./commands/serve-commands.ts";
import { plural } from "./plural.ts";
import { type LogFormat, Reporter } from "./reporter.ts";
import { SyncReporter } from "./sync-reporter.ts";
import { withHints } from "./usage-hints.ts";

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
  state?: string;
  defer?: boolean;
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
    state: argv.state,
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

/**
 * SIGINT (Ctrl-C) and SIGTERM (what CI runners and process managers send on cancel) both stop a
 * run gracefully: running work finishes, the rest is cancelled, locks are released and artifacts
 * written. A second signal of either kind ends the process at once (128 + its number).
 */
function onInterrupt(controller: AbortController, announce: (signal: NodeJS.Signals) => void): () => void {
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

const stateOption = {
  type: "string",
  describe: "A previous run's artifacts (its target/ folder) for state:modified, state:new and --defer",
} as const;

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
    let out = selection(y).option("threads", threadsOption).option("state", stateOption).option("defer", {
      type: "boolean",
      describe: "Read models that are not selected from the relations in --state's manifest",
    }) as Argv<GlobalArgs>;
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

type RunHooks = Pick<RunOptions, "onEvent" | "onSyncEvent" | "signal">;

/** Runs `run` with progress printed, Ctrl-C handled and the summary printed; sets the exit code. */
async function reportRun(
  argv: GlobalArgs,
  run: (hooks: RunHooks) => Promise<(RunSummary & { syncs?: SyncSummary }) | undefined>,
): Promise<void> {
  const format = argv["log-format"];
  const reporter = new Reporter(format, isLive(format));
  const controller = new AbortController();
  const stopHandling = onInterrupt(controller, (signal) =>
    reporter.line(
      `Interrupted (${signal}): letting running models finish, cancelling the rest (Ctrl-C again to abort).`,
    ),
  );
  const syncReporter = new SyncReporter(format, isLive(format));
  try {
    const summary = await run({
      onEvent: reporter.onEvent,
      onSyncEvent: syncReporter.onEvent,
      signal: controller.signal,
    });
    if (!summary) return;
    reporter.finish(summary);
    // One "Done." per run: after a build's node summary, the syncs' line only counts them.
    if (summary.syncs) syncReporter.finish(summary.syncs, { closing: false });
    exitCode = summary.success ? 0 : 1;
  } finally {
    stopHandling();
  }
}

function runCommand(command: RunCommand, describe: string) {
  return {
    command,
    describe,
    builder: runFlags(command),
    handler: (argv: GlobalArgs) =>
      reportRun(argv, (hooks) =>
        execute(command, {
          ...projectOptions(argv),
          threads: argv.threads,
          fullRefresh: argv["full-refresh"],
          defer: argv.defer,
          noSync: argv.sync === false,
          fullResync: argv["full-resync"],
          allowMassRemoval: argv["allow-mass-removal"],
          ...hooks,
        }),
      ),
  };
}

let exitCode = 0;

/** The top-level commands, for a did-you-mean on a stray word. */
const COMMANDS = [
  ...["seed", "run", "test", "build", "show", "retry", "sync", "source", "compile", "ls"],
  ...["identity", "clean", "debug", "init", "collect"],
];

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
    .command<GlobalArgs & { what: string; limit: number; inline?: boolean }>({
      command: "show <what>",
      describe:
        "Compile a model (or inline SQL, quoted: \"select ... {{ref 'x'}}\") and preview its rows; builds nothing",
      builder: (y) =>
        y
          .positional("what", {
            type: "string",
            demandOption: true,
            describe: "A model, seed or test, or SQL",
          })
          .option("limit", { type: "number", default: 5, describe: "Rows to show" })
          .option("inline", { type: "boolean", describe: "Read <what> as SQL even if it names a model" }),
      handler: async (argv) => {
        const { printShow } = await import("./commands/show.ts");
        await printShow(
          { ...projectOptions(argv), what: argv.what, limit: argv.limit, inline: argv.inline },
          argv["log-format"],
        );
      },
    })
    .command<GlobalArgs>({
      command: "retry",
      describe:
        "Run again what errored, failed, was skipped or cancelled in the last run (target/run_results.json), with its flags",
      builder: (y) => y.option("threads", threadsOption),
      handler: (argv) =>
        reportRun(argv, async (hooks) => {
          const { retry } = await import("../retry.ts");
          const { plan, summary, syncs } = await retry({
            projectDir: argv["project-dir"],
            target: argv.target,
            vars: parseVars(argv.vars),
            threads: argv.threads,
            ...hooks,
          });
          if (syncs) {
            const format = argv["log-format"];
            new SyncReporter(format, isLive(format)).finish(syncs);
            exitCode = syncs.success ? 0 : 1;
          } else if (!summary) {
            const text = `Nothing to retry: the last \`cdp ${plan.command}\` on ${plan.target} had no node that errored, failed, was skipped or cancelled.`;
            process.stdout.write(
              argv["log-format"] === "json"
                ? `${JSON.stringify({ event: "retry", command: plan.command, target: plan.target, nodes: 0 })}\n`
                : `${text}\n`,
            );
          }
          return summary;
        }),
    })
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
                .option("state", stateOption)
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
              const controller = new AbortController();
              const stopHandling = onInterrupt(controller, (signal) =>
                process.stderr.write(
                  `Interrupted (${signal}): committing the batches in flight, sending nothing more (Ctrl-C again to abort).\n`,
                ),
              );
              try {
                const summary = await sync({
                  ...projectOptions(argv),
                  names: argv.names,
                  dryRun: argv["dry-run"],
                  fullResync: argv["full-resync"],
                  allowMassRemoval: argv["allow-mass-removal"],
                  onEvent: reporter.onEvent,
                  signal: controller.signal,
                });
                reporter.finish(summary);
                exitCode = summary.success ? 0 : 1;
              } finally {
                stopHandling();
              }
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
        selection(y, "Models to estimate with --estimate")
          .option("estimate", {
            type: "boolean",
            describe: "Also dry-run each selected model and print the bytes it would scan (BigQuery)",
          })
          .option("incremental", {
            type: "boolean",
            describe: "Compile incremental models' is_incremental branch: what a scheduled run executes",
          }),
      handler: async (argv) => {
        const t0 = performance.now();
        const { compilation } = await compile({
          ...projectOptions(argv),
          incremental: (argv as { incremental?: boolean }).incremental,
        });
        const counts = { model: 0, seed: 0, test: 0 };
        for (const n of compilation.nodes.values()) counts[n.resourceType]++;
        const ms = Math.round(performance.now() - t0);
        if (argv["log-format"] === "json") {
          process.stdout.write(`${JSON.stringify({ event: "compiled", ...counts, ms })}\n`);
        } else {
          process.stdout.write(
            `Compiled ${plural(counts.model, "model")}, ${plural(counts.seed, "seed")}, ${plural(counts.test, "test")} in ${ms} ms → target/\n`,
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
          .option("state", stateOption)
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
    .command<GlobalArgs & { orphans?: boolean }>({
      command: "clean",
      describe: "Drop work tables that killed runs left in the warehouse (--orphans); a running run's stay",
      builder: (y) =>
        y.option("orphans", {
          type: "boolean",
          describe: "Incremental stages, stitch and match work tables whose run is gone",
        }),
      handler: async (argv) => {
        if (!argv.orphans) throw new UsageError("name what to clean: `cdp clean --orphans`");
        const { printClean } = await import("./commands/clean.ts");
        await printClean(projectOptions(argv), argv["log-format"]);
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
    .command(collectCommand as never)
    .command<GlobalArgs & { dir: string; force?: boolean }>({
      command: "init [dir]",
      describe: "Create a new project (config, an example seed, model and test)",
      builder: (y) =>
        y
          .positional("dir", { type: "string", default: "." })
          .option("force", { type: "boolean", describe: "Write into a non-empty directory" }),
      handler: async (argv) => {
        const created = await initProject(argv.dir, { force: argv.force });
        // `npx cdp` runs the cdp installed in the project (a bare `cdp` is on PATH only when
        // installed globally); `cd` only when the project is elsewhere.
        const shown = /^[\w./-]+$/.test(argv.dir) ? argv.dir : JSON.stringify(argv.dir);
        const cd = path.resolve(argv.dir) === process.cwd() ? "" : `cd ${shown} && `;
        process.stdout.write(
          `Created a cdp project in ${created.dir}:\n${created.files.map((f) => `  ${f}`).join("\n")}\nNext: ${cd}npx cdp build\n`,
        );
      },
    })
    .demandCommand(1, "Name a command, e.g. `cdp build`.")
    .strict()
    .recommendCommands()
    .help()
    .version(CDP_VERSION)
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      // The running command's flags: yargs keeps them on the one instance while a command runs.
      const known = (parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions();
      const flags = Object.keys(known.key).filter((k) => k.length > 1);
      throw new UsageError(withHints(message, flags, args, COMMANDS));
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
