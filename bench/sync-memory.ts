import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { median, table } from "./measure.ts";
import { PEOPLE_FIELDS, peopleSql, verdict } from "./sync-model.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CDP = path.join(ROOT, "bin/cdp.js");
const WORK = path.join(ROOT, "bench/.work");
const GOAL_MB = 300;
/** Loaded before the CLI: prints the process's peak RSS as it exits, however it exits. */
const REPORT_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\ncdp-bench-maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))`;

function cdp(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): { seconds: number; mb: number; output: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", REPORT_RSS, CDP, ...args, "--project-dir", dir], {
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
  });
  const seconds = (performance.now() - t0) / 1000;
  const output = r.stdout + r.stderr;
  const kb = /cdp-bench-maxrss-kb=(\d+)/.exec(output)?.[1];
  if (r.status !== 0 || !kb)
    throw new Error(`cdp ${args.join(" ")} failed (${r.status}):\n${output.slice(-2000)}`);
  return { seconds, mb: Number(kb) / 1024, output };
}

function writeProject(dir: string, rows: number, syncMemoryLimit?: string): void {
  const limit = syncMemoryLimit ? `, syncMemoryLimit: ${JSON.stringify(syncMemoryLimit)}` : "";
  writeFileSync(
    path.join(dir, "cdp.config.ts"),
    `export default {
  name: "bench",
  warehouse: { type: "duckdb", path: ".cdp/bench.duckdb"${limit} },
  syncs: {
    people_out: {
      model: "people", primaryKey: "id", mode: "mirror",
      destination: { type: "file", dir: "exports", format: "jsonl" },
      fields: ${JSON.stringify(PEOPLE_FIELDS)},
    },
  },
};
`,
  );
  writeFileSync(
    path.join(dir, "models/people.sql"),
    `{{config materialized="table"}}\n${peopleSql(0, rows)}\n`,
  );
}

async function changeRows(dir: string, where = "TRUE"): Promise<void> {
  const wh = await DuckdbWarehouse.open({
    path: path.join(dir, ".cdp/bench.duckdb"),
    schema: "main",
    connections: 1,
  });
  try {
    await wh.execute(`UPDATE main.people SET score = score + 1 WHERE ${where}`);
  } finally {
    await wh.close();
  }
}

/**
 * Peak memory of `cdp sync` as users run it (a child process, the CLI, a DuckDB file), sending
 * `rows` rows to the `file` destination (it acknowledges a batch as soon as its file is written):
 * a first sync adds every row, then every row is changed and synced again (the goal's case,
 * `runs` times: the median, and each run's figure), and once more without the sync memory limit
 * (`syncMemoryLimit` as large as DuckDB's own default of 80% of the machine's memory), to show
 * what it saves. References in the same run: the CLI alone (`cdp compile`) and the plan alone
 * (`cdp sync --dry-run` with every row changed).
 */
export async function benchSyncMemory(rows: number, runs = 3): Promise<string> {
  const dir = path.join(WORK, "sync-memory");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "models"), { recursive: true });
  writeProject(dir, rows);
  const out: Record<string, string | number>[] = [];
  const exports = path.join(dir, "exports");
  const row = (
    process: string,
    sent: number | string,
    r: { mb: number; seconds: number; each?: number[] },
    goal = false,
  ) => {
    const atGoal = rows === 1_000_000;
    out.push({
      process,
      "rows sent": sent,
      "peak RSS MB": r.mb,
      runs: r.each ? r.each.map((mb) => mb.toFixed(0)).join(" / ") : "1",
      s: r.seconds,
      goal: goal ? (atGoal ? `≤ ${GOAL_MB} MB` : `≤ ${GOAL_MB} MB at 1M rows`) : "",
      result: goal ? (atGoal ? verdict(r.mb <= GOAL_MB) : "-") : "",
    });
  };
  const changedSync = async () => {
    await changeRows(dir);
    const r = cdp(dir, ["sync"]);
    if (!r.output.includes(`${rows.toLocaleString("en-US")} changed`)) {
      throw new Error(`expected ${rows} changed rows:\n${r.output.slice(0, 1000)}`);
    }
    rmSync(exports, { recursive: true, force: true });
    return r;
  };
  try {
    cdp(dir, ["run"]);
    row("cdp compile (the CLI, no warehouse work)", "-", cdp(dir, ["compile"]));
    row("cdp sync, first run (every row added)", rows, cdp(dir, ["sync"]));
    rmSync(exports, { recursive: true, force: true });
    await changeRows(dir);
    row("cdp sync --dry-run, every row changed (plan only)", 0, cdp(dir, ["sync", "--dry-run"]));
    const each: { mb: number; seconds: number }[] = [];
    for (let r = 0; r < runs; r++) each.push(await changedSync());
    row(
      "**cdp sync, every row changed**",
      rows,
      {
        mb: median(each.map((e) => e.mb)),
        seconds: median(each.map((e) => e.seconds)),
        each: each.map((e) => e.mb),
      },
      true,
    );
    writeProject(dir, rows, `${Math.floor((os.totalmem() * 0.8) / 2 ** 20)}MiB`);
    row("same, without the sync memory limit (one run)", rows, await changedSync());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return `### Peak memory of \`cdp sync\` (a child process, DuckDB file, \`file\` destination, ${rows.toLocaleString("en-US")}-row model)\n\n${table(out)}\n`;
}

/**
 * The same at scale (`--only sync-10m`, 10M rows by default): a first sync (every row added) and
 * `runs` reruns with 1% of the rows changed, each run's peak RSS next to the 1M-row figure. Two
 * things grew with the rows and let the sync memory limit give way (a statement that runs out of
 * memory runs again under DuckDB's own limit): the plan's join of the model with a 10M-row
 * snapshot, and the fold's DELETE from it. Both now work in parts of 1M keys (see
 * `src/sync/plan-parts.ts` and `foldJournal`).
 */
export async function benchSyncMemoryAtScale(rows: number, runs = 3): Promise<string> {
  const dir = path.join(WORK, "sync-memory-scale");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "models"), { recursive: true });
  writeProject(dir, rows);
  const out: Record<string, string | number>[] = [];
  const exports = path.join(dir, "exports");
  try {
    cdp(dir, ["run"]);
    const first = cdp(dir, ["sync"]);
    out.push({
      process: "cdp sync, first run (every row added)",
      "rows sent": rows,
      "peak RSS MB": first.mb,
      runs: "1",
      s: first.seconds,
    });
    rmSync(exports, { recursive: true, force: true });
    const each: { mb: number; seconds: number }[] = [];
    for (let r = 0; r < runs; r++) {
      // A different 1% each time: every rerun has rows to send.
      await changeRows(dir, `id % 100 = ${r}`);
      const rerun = cdp(dir, ["sync"]);
      const changed = Math.ceil(rows / 100);
      if (!rerun.output.includes(`${changed.toLocaleString("en-US")} changed`)) {
        throw new Error(`expected ${changed} changed rows:\n${rerun.output.slice(0, 1000)}`);
      }
      rmSync(exports, { recursive: true, force: true });
      each.push(rerun);
    }
    out.push({
      process: "**cdp sync, 1% changed**",
      "rows sent": Math.ceil(rows / 100),
      "peak RSS MB": median(each.map((e) => e.mb)),
      runs: each.map((e) => e.mb.toFixed(0)).join(" / "),
      s: median(each.map((e) => e.seconds)),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return `### Peak memory of \`cdp sync\` at scale (DuckDB file, \`file\` destination, ${rows.toLocaleString("en-US")}-row model)\n\n${table(out)}\n`;
}
