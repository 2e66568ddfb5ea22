import yargs from "yargs";
import { CdpError, UsageError } from "../errors.ts";
import { CDP_VERSION } from "../project/artifacts.ts";
import { exit } from "./cli-args.ts";
import { collectCommand } from "./commands/collect.ts";
import {
  cleanCommand,
  compileCommand,
  debugCommand,
  identityCommand,
  initCommand,
  lsCommand,
  sourceCommand,
} from "./commands/project-commands.ts";
import { retryCommand, runCommand, showCommand } from "./commands/run-commands.ts";
import { docsCommand, serveCommand } from "./commands/serve-commands.ts";
import { syncCommand } from "./commands/sync-command.ts";
import { renderError } from "./render-error.ts";
import type { LogFormat } from "./reporter.ts";
import { withHints } from "./usage-hints.ts";

/** The top-level commands, for a did-you-mean on a stray word. */
const COMMANDS = [
  ...["seed", "run", "test", "build", "show", "retry", "sync", "source", "compile", "ls"],
  ...["identity", "clean", "debug", "serve", "docs", "collect", "init"],
];

/** Runs the CLI and returns the exit code: 0 ok, 1 a model/test failed, 2 usage/config/compile error. */
export async function main(args: string[]): Promise<number> {
  exit.code = 0;
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
    .command(runCommand("seed", "Load the CSV files in seeds/ into the warehouse"))
    .command(runCommand("run", "Build the selected models"))
    .command(runCommand("test", "Run data tests"))
    .command(
      runCommand("build", "Seeds, models and tests in DAG order; a failing test skips what depends on it"),
    )
    .command(showCommand)
    .command(retryCommand)
    .command(syncCommand)
    .command(sourceCommand)
    .command(compileCommand)
    .command(lsCommand)
    .command(identityCommand)
    .command(cleanCommand)
    .command(debugCommand)
    .command(serveCommand as never)
    .command(docsCommand as never)
    .command(collectCommand as never)
    .command(initCommand)
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
    return exit.code;
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
