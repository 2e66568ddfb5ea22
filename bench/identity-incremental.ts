import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runStitch, type StitchResult } from "../src/identity/stitch/index.ts";
import { NO_RULES } from "../src/identity/stitch/rules.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { edgesSql } from "./identity.ts";
import { median, table } from "./measure.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");
const EDGES = "SELECT * FROM main.bench_edges";
const INCREMENTAL = { ...NO_RULES, incremental: true };

/**
 * `npm run bench -- --only identity --incremental [--people N] [--runs R]`: on DuckDB, the identity
 * benchmark's N people stitched by an incremental model and by a plain one, then R times: 0.1% of
 * the rows removed and 1% added (half new browsers of existing people, half new people), the
 * incremental stitch timed against the plain full stitch of the same rows in the same run (each
 * with the checkpoint of what it wrote), and their outputs compared (ids included: they must be
 * equal).
 */
export async function benchIdentityIncremental(people: number, runs: number): Promise<string> {
  const file = path.join(WORK, "identity-incremental.duckdb");
  rmSync(file, { force: true });
  const open = () => DuckdbWarehouse.open({ path: file, schema: "main", connections: 2 });
  let wh = await open();
  // Each timed run opens the file afresh, as a scheduled `cdp run` does (the input's changes
  // checkpointed: they are the models' writes, not the stitch's), and ends with a CHECKPOINT:
  // writing its own changes into the file is its cost, which DuckDB would otherwise pay at a
  // later commit or when the run's process closes the file.
  // CPU seconds too (the process's, DuckDB's threads included): on a machine others load, wall
  // time stretches with their work, CPU time much less.
  const cpu: Record<"inc" | "full", number[]> = { inc: [], full: [] };
  const time = async (
    f: () => Promise<StitchResult>,
    kind?: "inc" | "full",
  ): Promise<[StitchResult, number]> => {
    await wh.close();
    wh = await open();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await f();
    await wh.execute("CHECKPOINT");
    const used = process.cpuUsage(c0);
    if (kind) cpu[kind].push((used.user + used.system) / 1e6);
    return [r, (performance.now() - t0) / 1000];
  };
  const inc = { schema: "main", name: "bench_inc" };
  const plain = { schema: "main", name: "bench_full" };
  try {
    const { rows: edges } = await wh.replaceTable({ schema: "main", name: "bench_edges" }, edgesSql(people));
    const [, firstSeconds] = await time(() => runStitch(wh, inc, EDGES, INCREMENTAL, "r0"));
    const [, plainFirst] = await time(() => runStitch(wh, plain, EDGES, NO_RULES, "r0"));
    const incSeconds: number[] = [];
    const fullSeconds: number[] = [];
    let last: StitchResult | undefined;
    let added = 0;
    let removed = 0;
    for (let r = 1; r <= runs; r++) {
      // 0.1% of the rows removed, then ~1% added (~3.2 rows a person): a new browser for 1 person
      // in 100 (links into existing profiles) and 1 new person per 100 (email-browser and
      // email-phone rows).
      removed = Number(
        (
          await wh.execute(
            `DELETE FROM main.bench_edges WHERE hash(a_value || COALESCE(b_value, ''), ${r}) % 1000 = 0`,
          )
        ).rowsAffected ?? 0,
      );
      const [start] = await wh.query<{ n: number }>("SELECT COUNT(*) AS n FROM main.bench_edges");
      const before = Number(start?.n);
      await wh.execute(`INSERT INTO main.bench_edges
        SELECT 'email', 'e' || range || '@mail.test', 'anon', 'a' || range || '-n${r}' FROM range(${people}) WHERE hash(range, ${r}) % 100 = 0
        UNION ALL SELECT 'email', 'e' || range || '@mail.test', 'anon', 'a' || range || '-0' FROM range(${people * (r + 1)}, ${people * (r + 1) + Math.floor(people / 100)})
        UNION ALL SELECT 'email', 'e' || range || '@mail.test', 'phone', '+1' || (5000000000 + range) FROM range(${people * (r + 1)}, ${people * (r + 1) + Math.floor(people / 100)})`);
      const [count] = await wh.query<{ n: number }>("SELECT COUNT(*) AS n FROM main.bench_edges");
      added = Number(count?.n) - before;
      const [result, seconds] = await time(() => runStitch(wh, inc, EDGES, INCREMENTAL, `r${r}`), "inc");
      if (result.incremental?.mode !== "incremental")
        throw new Error(`ran in full: ${result.incremental?.reason}`);
      incSeconds.push(seconds);
      fullSeconds.push((await time(() => runStitch(wh, plain, EDGES, NO_RULES, `r${r}`), "full"))[1]);
      last = result;
      const [diff] = await wh.query<{ differ: number }>(
        `SELECT COUNT(*) AS differ FROM (
           (SELECT * FROM main.bench_inc EXCEPT SELECT * FROM main.bench_full)
           UNION ALL (SELECT * FROM main.bench_full EXCEPT SELECT * FROM main.bench_inc)) AS x`,
      );
      if (Number(diff?.differ)) {
        throw new Error(`the incremental output differs from the full stitch's in ${diff?.differ} rows`);
      }
    }
    const ratio = median(incSeconds) / median(fullSeconds);
    const cpuRatio = median(cpu.inc) / median(cpu.full);
    return `## Incremental stitch on DuckDB: ${people.toLocaleString("en-US")} people (${edges.toLocaleString("en-US")} rows), then ${removed.toLocaleString("en-US")} removed and ${added.toLocaleString("en-US")} added, ${runs} times (load ${loadavg()[0]!.toFixed(2)})

${table([
  {
    run: "first run, incremental model (full + state)",
    seconds: firstSeconds,
    "vs full": (firstSeconds / plainFirst).toFixed(2),
    "CPU s": "-",
    "CPU vs full": "-",
  },
  {
    run: "first run, plain model (full)",
    seconds: plainFirst,
    "vs full": "1.00",
    "CPU s": "-",
    "CPU vs full": "-",
  },
  {
    run: `incremental (median; ${last?.incremental?.recomputed.toLocaleString("en-US")} ids stitched again)`,
    seconds: median(incSeconds),
    "vs full": ratio.toFixed(3),
    "CPU s": median(cpu.inc),
    "CPU vs full": cpuRatio.toFixed(3),
  },
  {
    run: "full stitch of the same rows (median)",
    seconds: median(fullSeconds),
    "vs full": "1.00",
    "CPU s": median(cpu.full),
    "CPU vs full": "1.00",
  },
])}

Goal: incremental ≤ 10% of the full stitch: ${ratio <= 0.1 ? "met" : "not met"} (${(ratio * 100).toFixed(1)}% of its time; ${(cpuRatio * 100).toFixed(1)}% of its CPU time); outputs equal, ids included.
`;
  } finally {
    await wh.close();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}
