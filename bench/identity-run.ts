import { runStitch } from "../src/identity/stitch/index.ts";
import { NO_RULES } from "../src/identity/stitch/rules.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { STITCH_TARGET, unionFindBaseline } from "./identity.ts";

/**
 * One timed side of the identity benchmark in a process of its own, as a scheduled `cdp run` is:
 * `tsx bench/identity-run.ts stitch|baseline <database file>` prints one JSON line (seconds, CPU
 * seconds of the process over the same span, DuckDB's threads included, the process's peak RSS in
 * MB as the kernel counted it, and the stitch's result).
 */
const [side, dbFile] = process.argv.slice(2);
if (!dbFile || (side !== "stitch" && side !== "baseline")) {
  throw new Error("usage: identity-run.ts stitch|baseline <database file>");
}
let seconds: number;
let used: NodeJS.CpuUsage;
let result: Awaited<ReturnType<typeof runStitch>> | undefined;
if (side === "baseline") {
  const cpu0 = process.cpuUsage();
  seconds = await unionFindBaseline(dbFile);
  used = process.cpuUsage(cpu0);
} else {
  const wh = await DuckdbWarehouse.open({ path: dbFile, ...STITCH_TARGET });
  try {
    for (const name of ["bench_profiles", "bench_profiles__profiles", "bench_profiles__merges"]) {
      await wh.dropRelation({ schema: "main", name });
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = await runStitch(
      wh,
      { schema: "main", name: "bench_profiles" },
      "SELECT * FROM main.bench_edges",
      NO_RULES,
      "bench",
    );
    seconds = (performance.now() - t0) / 1000;
    used = process.cpuUsage(cpu0);
  } finally {
    await wh.close();
  }
}
const cpu = (used.user + used.system) / 1e6;
// ru_maxrss, in kilobytes on Linux: the high-water mark no sampling misses.
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ seconds, cpu, peakMb, result }));
