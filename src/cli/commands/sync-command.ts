import type { CommandModule } from "yargs";
import { sync } from "../../api.ts";
import {
  exit,
  fullResyncOption,
  type GlobalArgs,
  isLive,
  massRemovalOption,
  onInterrupt,
  projectOptions,
  selection,
  stateOption,
} from "../cli-args.ts";
import { SyncReporter } from "../sync-reporter.ts";

/** `cdp sync` (and `sync history`): send what changed to the destinations. */
export const syncCommand: CommandModule<GlobalArgs, GlobalArgs> = {
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
          const { printSyncHistory } = await import("./sync-history.ts");
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
            exit.code = summary.success ? 0 : 1;
          } finally {
            stopHandling();
          }
        },
      }),
  handler: () => undefined,
};
