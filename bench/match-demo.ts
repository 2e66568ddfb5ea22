import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { execute } from "../src/api.ts";
import { copyDemo } from "../test/helpers/demo.ts";
import { median, table } from "./measure.ts";
import { benchPostgres } from "./postgres-server.ts";

const MODEL = "support_loyalty_matches";

/** Seconds the match model took in `runs` rebuilds (the upstream models built once before). */
async function timeMatch(
  projectDir: string,
  target: string | undefined,
  runs: number,
): Promise<{ seconds: number[]; pairs: number }> {
  const upstream = await execute("build", {
    projectDir,
    target,
    select: [`+${MODEL}`],
    threads: 2,
    noSync: true,
  });
  const failed = upstream.results.filter((n) => n.status === "error");
  if (failed.length)
    throw new Error(
      `the demo did not build on ${target ?? "duckdb"}: ${failed.map((n) => `${n.name}: ${n.message}`).join("; ")}`,
    );
  const seconds: number[] = [];
  let pairs = 0;
  for (let r = 0; r < runs; r++) {
    const s = await execute("run", { projectDir, target, select: [MODEL], threads: 2 });
    const node = s.results.find((n) => n.name === MODEL);
    if (node?.status !== "success") throw new Error(`${MODEL} failed: ${node?.message}`);
    seconds.push(node.executionTime);
    pairs = node.rowsAffected ?? 0;
  }
  return { seconds, pairs };
}

/**
 * `npm run bench -- --only match-pg`: the demo's match model (`support_loyalty_matches`, the
 * recommended person settings) on DuckDB and on a local PostgreSQL server, rebuilt `runs` times
 * each after its upstream models; medians and their ratio.
 */
export async function benchMatchWarehouses(runs: number): Promise<string> {
  const dir = copyDemo("cdp-bench-match-");
  const pg = await benchPostgres();
  try {
    const duck = await timeMatch(dir, undefined, runs);
    const row = (warehouse: string, m: { seconds: number[]; pairs: number }) => ({
      warehouse,
      "match s (median)": median(m.seconds),
      runs: m.seconds.map((x) => x.toFixed(2)).join(", "),
      pairs: m.pairs,
    });
    const rows: Record<string, string | number>[] = [row("duckdb", duck)];
    if (pg.url) {
      process.env.DATABASE_URL = pg.url;
      const post = await timeMatch(dir, "pg", runs);
      rows.push(row("postgres", post));
      rows.push({
        warehouse: "ratio postgres / duckdb",
        "match s (median)": (median(post.seconds) / median(duck.seconds)).toFixed(2),
        runs: "",
        pairs: "",
      });
    }
    return `## The demo's match model on DuckDB and Postgres (${runs} runs; machine load ${loadavg()[0]!.toFixed(2)})
${pg.unavailable ? `\nPostgres skipped: ${pg.unavailable}\n` : ""}
${table(rows)}
`;
  } finally {
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
