import type { Argv, CommandModule } from "yargs";
import { execute, type RunCommand, type RunOptions } from "../../api.ts";
import type { RunSummary } from "../../run/results.ts";
import type { SyncSummary } from "../../sync/index.ts";
import {
  exit,
  fullRefreshOption,
  fullResyncOption,
  type GlobalArgs,
  isLive,
  massRemovalOption,
  onInterrupt,
  parseVars,
  projectOptions,
  selection,
  stateOption,
  threadsOption,
} from "../cli-args.ts";
import { Reporter } from "../reporter.ts";
import { SyncReporter } from "../sync-reporter.ts";

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
export async function reportRun(
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
    exit.code = summary.success ? 0 : 1;
  } finally {
    stopHandling();
  }
}

/** `seed`, `run`, `test`, `build`. */
export function runCommand(command: RunCommand, describe: string): CommandModule<GlobalArgs, GlobalArgs> {
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

/** `cdp show`: a model or inline SQL compiled and previewed. */
export const showCommand: CommandModule<
  GlobalArgs,
  GlobalArgs & { what: string; limit: number; inline?: boolean }
> = {
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
    const { printShow } = await import("./show.ts");
    await printShow(
      { ...projectOptions(argv), what: argv.what, limit: argv.limit, inline: argv.inline },
      argv["log-format"],
    );
  },
};

/** `cdp retry`: what the last run left undone, with its flags. */
export const retryCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: "retry",
  describe:
    "Run again what errored, failed, was skipped or cancelled in the last run (target/run_results.json), with its flags",
  builder: (y) => y.option("threads", threadsOption),
  handler: (argv) =>
    reportRun(argv, async (hooks) => {
      const { retry } = await import("../../retry.ts");
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
        exit.code = syncs.success ? 0 : 1;
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
};
