import path from "node:path";
import type { CommandModule } from "yargs";
import { compile } from "../../api.ts";
import { UsageError } from "../../errors.ts";
import { exit, type GlobalArgs, projectOptions, selection, stateOption } from "../cli-args.ts";
import { plural } from "../plural.ts";
import { initProject } from "./init.ts";
import { listNodes } from "./ls.ts";

/** `cdp source freshness`. */
export const sourceCommand: CommandModule<GlobalArgs, GlobalArgs & { action: string; sources?: string[] }> = {
  command: "source <action> [sources..]",
  describe: "Sources declared in cdp.config.ts: `freshness` checks how recently each was loaded",
  builder: (y) =>
    y
      .positional("action", { choices: ["freshness"] as const, demandOption: true })
      .positional("sources", { type: "string", array: true, describe: "Only these sources" }),
  handler: async (argv) => {
    const { printFreshness } = await import("./source-freshness.ts");
    exit.code = await printFreshness({ ...projectOptions(argv), sources: argv.sources }, argv["log-format"]);
  },
};

/** `cdp compile` (and `--estimate`). */
export const compileCommand: CommandModule<GlobalArgs, GlobalArgs> = {
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
      const { printEstimates } = await import("./estimate.ts");
      await printEstimates(projectOptions(argv), argv["log-format"]);
    }
  },
};

/** `cdp ls`. */
export const lsCommand: CommandModule<GlobalArgs, GlobalArgs & { "resource-type"?: string; output: string }> =
  {
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
  };

/** `cdp identity report|evaluate|explain`. */
export const identityCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: "identity <action> [records..]",
  describe:
    "Identity resolution: `report` on a stitch model, `evaluate` against ground truth, `explain <a> <b>` a match model's score of two records, or (--model <stitch>, identifiers as type:value) the path of links between two identifiers, `suggest` match settings",
  builder: (y) =>
    y
      .positional("action", {
        choices: ["report", "evaluate", "explain", "suggest"] as const,
        demandOption: true,
      })
      .positional("records", {
        type: "string",
        array: true,
        describe: "explain: two record ids (a match model) or two type:value identifiers (a stitch model)",
      })
      .option("model", {
        type: "string",
        describe:
          "The stitch model (report), records-to-profiles model (evaluate), match or stitch model (explain)",
      })
      .option("truth", {
        type: "string",
        describe:
          "evaluate: CSV of source, record_id, person_id; suggest: CSV of the match model's record_id, person_id",
      }),
  handler: async (argv) => {
    const a = argv as unknown as GlobalArgs & {
      action: string;
      model?: string;
      truth?: string;
      records?: (string | number)[];
    };
    const { printIdentity } = await import("./identity.ts");
    await printIdentity(
      a.action,
      { ...projectOptions(a), model: a.model, truth: a.truth, records: a.records?.map(String) },
      a["log-format"],
    );
  },
};

/** `cdp clean --orphans`. */
export const cleanCommand: CommandModule<GlobalArgs, GlobalArgs & { orphans?: boolean }> = {
  command: "clean",
  describe: "Drop work tables that killed runs left in the warehouse (--orphans); a running run's stay",
  builder: (y) =>
    y.option("orphans", {
      type: "boolean",
      describe: "Incremental stages, stitch and match work tables whose run is gone",
    }),
  handler: async (argv) => {
    if (!argv.orphans) throw new UsageError("name what to clean: `cdp clean --orphans`");
    const { printClean } = await import("./clean.ts");
    await printClean(projectOptions(argv), argv["log-format"]);
  },
};

/** `cdp debug`: config, warehouse and destination checks. */
export const debugCommand: CommandModule<GlobalArgs, GlobalArgs & { syncs?: string[] }> = {
  command: "debug [syncs..]",
  describe:
    "Check the config, the warehouse connection and each enabled sync's destination credentials; build and send nothing",
  builder: (y) =>
    y.positional("syncs", { type: "string", array: true, describe: "Only these syncs (default: all)" }),
  handler: async (argv) => {
    const { printDebug } = await import("./debug.ts");
    exit.code = await printDebug(
      { projectDir: argv["project-dir"], target: argv.target, syncs: argv.syncs },
      argv["log-format"],
    );
  },
};

/** `cdp init`. */
export const initCommand: CommandModule<GlobalArgs, GlobalArgs & { dir: string; force?: boolean }> = {
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
};
