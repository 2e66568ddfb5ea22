import { spawnSync } from "node:child_process";
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { runStitch } from "../src/identity/stitch/index.ts";
import { NO_RULES } from "../src/identity/stitch/rules.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { median, table } from "./measure.ts";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const WORK = path.join(BENCH, ".work");
/**
 * The stitch's target as a team would set it on this 24 GB machine (`memoryLimit` in the target):
 * DuckDB spills its work beyond 2.5 GB to its temporary directory, so 10M people stay within 4 GB
 * of RSS. The limit covers DuckDB's buffer pool, not the whole process: with "3GB" the process
 * reached 4.47 GB at 10M people (Node.js itself, allocations DuckDB makes outside its pool), with
 * "2.5GB" 3.34 GB in the same time. Without a limit DuckDB may take 80% of the machine's memory.
 */
export const STITCH_TARGET = { schema: "main", connections: 2, memoryLimit: "2.5GB" };

/**
 * Edges of `people` synthetic people, each with an email, one to three browser ids, a phone for
 * 70% and an account for 50% (~3.5 identifiers a person), linked as the sources would link them.
 * Made by DuckDB itself, so generating 10M people needs no JS memory.
 */
export function edgesSql(people: number): string {
  return `
    WITH p AS (SELECT range AS i, hash(range) AS h FROM range(${people}))
    SELECT 'email' AS a_type, 'e' || i || '@mail.test' AS a_value, 'anon' AS b_type, 'a' || i || '-0' AS b_value FROM p
    UNION ALL SELECT 'anon', 'a' || i || '-1', 'email', 'e' || i || '@mail.test' FROM p WHERE h % 3 >= 1
    UNION ALL SELECT 'anon', 'a' || i || '-2', 'anon', 'a' || i || '-1' FROM p WHERE h % 3 = 2
    UNION ALL SELECT 'email', 'e' || i || '@mail.test', 'phone', '+1' || (2000000000 + i) FROM p WHERE h % 10 < 7
    UNION ALL SELECT 'user_id', 'u' || i, 'email', 'e' || i || '@mail.test' FROM p WHERE (h >> 8) % 2 = 0`;
}

/**
 * The best single-machine baseline: dictionary-encode the identifiers where that is fastest (a
 * DuckDB hash join), read the integer pairs out column-wise, union-find over an Int32Array, and
 * write the labels back (a file DuckDB reads natively), ending with the same output table.
 */
export async function unionFindBaseline(dbFile: string): Promise<number> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(dbFile);
  const conn = await db.connect();
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE dict AS
      SELECT CAST(ROW_NUMBER() OVER () - 1 AS INTEGER) AS id, t, v FROM (
        SELECT a_type AS t, a_value AS v FROM main.bench_edges
        UNION SELECT b_type, b_value FROM main.bench_edges WHERE b_value IS NOT NULL) AS ids`);
    const reader = await conn.runAndReadAll(`SELECT da.id AS a, db.id AS b FROM main.bench_edges AS e
      JOIN dict AS da ON da.t = e.a_type AND da.v = e.a_value
      JOIN dict AS db ON db.t = e.b_type AND db.v = e.b_value`);
    const [src, dst] = reader.getColumnsJS() as [number[], number[]];
    const [count] = (await conn.runAndReadAll("SELECT COUNT(*) FROM dict")).getColumnsJS() as [bigint[]];
    const parent = new Int32Array(Number(count[0]));
    for (let i = 0; i < parent.length; i++) parent[i] = i;
    const find = (x: number) => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]!]!;
        x = parent[x]!;
      }
      return x;
    };
    for (let i = 0; i < src.length; i++) {
      const ra = find(src[i]!);
      const rb = find(dst[i]!);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
    const file = path.join(WORK, "labels.csv");
    // Written a million lines at a time: one string of every line passes V8's string limit (~512 MB)
    // at ~25M identifiers (10M people).
    const fd = openSync(file, "w");
    try {
      for (let start = 0; start < parent.length; start += 1_000_000) {
        const end = Math.min(parent.length, start + 1_000_000);
        const lines: string[] = new Array(end - start);
        for (let i = start; i < end; i++) lines[i - start] = `${i},${find(i)}\n`;
        writeSync(fd, lines.join(""));
      }
    } finally {
      closeSync(fd);
    }
    await conn.run(`CREATE OR REPLACE TABLE main.bench_uf_profiles AS
      SELECT d.t AS identifier_type, d.v AS identifier, l.label AS profile FROM dict AS d
      JOIN read_csv('${file}', header = false, columns = {'id': 'INTEGER', 'label': 'INTEGER'}) AS l ON l.id = d.id`);
    rmSync(file, { force: true });
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return (performance.now() - t0) / 1000;
}

/** One side of a run in its own process (see `identity-run.ts`). */
function runSide(
  side: "stitch" | "baseline",
  dbFile: string,
): {
  seconds: number;
  cpu: number;
  peakMb: number;
  result?: { rounds: number; identifiers: number; profiles: number };
} {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(BENCH, "identity-run.ts"), side, dbFile],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    },
  );
  const line = run.stdout.trim().split("\n").at(-1);
  if (run.status !== 0 || !line) throw new Error(`the ${side} run failed (exit ${run.status})`);
  return JSON.parse(line);
}

export async function benchIdentity(runs: number, people: number[], chainLinks: number): Promise<string> {
  const rows: Record<string, string | number>[] = [];
  for (const n of people) {
    const dbFile = path.join(WORK, `identity-${n}.duckdb`);
    rmSync(dbFile, { force: true });
    try {
      const wh = await DuckdbWarehouse.open({ path: dbFile, ...STITCH_TARGET });
      const { rows: edges } = await wh
        .replaceTable({ schema: "main", name: "bench_edges" }, edgesSql(n))
        .finally(() => wh.close());
      const ours: number[] = [];
      const base: number[] = [];
      const oursCpu: number[] = [];
      const baseCpu: number[] = [];
      // Each run's own ratio: the two sides of a run run minutes apart at most, where this
      // machine's speed drifts by a third within the hour.
      const ratios: number[] = [];
      let rounds = 0;
      let identifiers = 0;
      let peak = 0;
      for (let r = 0; r < runs; r++) {
        // Each side in a process of its own, opening the database file afresh as a scheduled
        // `cdp run` does: run in this one, the stitch after the baseline took ~1.35x its time at
        // 10M people (the baseline's 19 GB instance and arrays leave the process in another
        // state than a run starts in).
        const baseline = runSide("baseline", dbFile);
        base.push(baseline.seconds);
        baseCpu.push(baseline.cpu);
        const ran = runSide("stitch", dbFile);
        ours.push(ran.seconds);
        oursCpu.push(ran.cpu);
        ratios.push(ran.seconds / baseline.seconds);
        peak = Math.max(peak, ran.peakMb);
        rounds = ran.result!.rounds;
        identifiers = ran.result!.identifiers;
        if (ran.result!.profiles !== n)
          throw new Error(`expected ${n} profiles, got ${ran.result!.profiles}`);
      }
      rows.push({
        graph: `${n.toLocaleString("en-US")} people`,
        edges,
        identifiers,
        rounds,
        "stitch s (median)": median(ours),
        "union-find baseline s": median(base),
        ratio: `${(median(ours) / median(base)).toFixed(2)}x`,
        "each run's ratio, median": `${median(ratios).toFixed(2)}x`,
        "CPU s, stitch / baseline": `${median(oursCpu).toFixed(1)} / ${median(baseCpu).toFixed(1)}`,
        "peak RSS MB": peak,
      });
    } finally {
      rmSync(dbFile, { force: true });
      rmSync(`${dbFile}.wal`, { force: true });
    }
  }
  // The adversarial case for SQL connected components: one long chain.
  const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
  try {
    await wh.replaceTable(
      { schema: "main", name: "chain" },
      `SELECT 'n' AS a_type, 'v' || (hash(range) % 1000000007) AS a_value, 'n' AS b_type, 'v' || (hash(range + 1) % 1000000007) AS b_value FROM range(${chainLinks})`,
    );
    const t0 = performance.now();
    const r = await runStitch(
      wh,
      { schema: "main", name: "chain_profiles" },
      "SELECT * FROM main.chain",
      NO_RULES,
      "bench",
    );
    rows.push({
      graph: `${chainLinks.toLocaleString("en-US")}-link chain`,
      edges: chainLinks,
      identifiers: r.identifiers,
      rounds: r.rounds,
      "stitch s (median)": (performance.now() - t0) / 1000,
      "union-find baseline s": "-",
      ratio: "-",
      "each run's ratio, median": "-",
      "CPU s, stitch / baseline": "-",
      "peak RSS MB": "-",
    });
  } finally {
    await wh.close();
  }
  return `## Identity stitch on DuckDB (whole model run: normalise, encode, components, stable ids, output; ${runs} runs)\n\n${table(rows)}\n`;
}
