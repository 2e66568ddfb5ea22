import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMatch } from "../src/identity/match/index.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { PEOPLE_SETTINGS, peopleSql } from "./match.ts";
import { table } from "./measure.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");
const PEOPLE = { schema: "main", name: "people" };
const RECORDS = "SELECT * FROM main.people";

/**
 * `npm run bench -- --only match-incremental [--records N]`: on DuckDB, N generated people (the
 * throughput benchmark's, with its settings, `incremental: true`) matched in full, then 1% new
 * records added and matched incrementally; next to, in the same run and on the same records, a
 * full match with the same parameters (what the incremental run must equal) and a `--full-refresh`
 * (which trains again).
 */
export async function benchMatchIncremental(records: number): Promise<string> {
  const file = path.join(WORK, "match-incremental.duckdb");
  rmSync(file, { force: true });
  const wh = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 2 });
  const settings = { ...PEOPLE_SETTINGS, incremental: true };
  // CPU seconds too (DuckDB runs in this process): they move less than elapsed time when other
  // work shares the machine.
  const cpu = new Map<string, number>();
  const time = async <T>(f: () => Promise<T>, run: string): Promise<[T, number]> => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await f();
    const used = process.cpuUsage(cpu0);
    cpu.set(run, (used.user + used.system) / 1e6);
    return [r, (performance.now() - t0) / 1000];
  };
  try {
    await wh.replaceTable(PEOPLE, peopleSql(records));
    const output = { schema: "main", name: "people_matches" };
    const [first, firstSeconds] = await time(
      () => runMatch(wh, output, RECORDS, settings, { settingsName: "bench" }),
      "first",
    );
    const added = Math.max(1, Math.round(records / 100));
    await wh.execute(`INSERT INTO main.people ${peopleSql(added, records)}`);
    const [inc, incSeconds] = await time(
      () => runMatch(wh, output, RECORDS, settings, { settingsName: "bench" }),
      "incremental",
    );
    const [, fullSeconds] = await time(
      () =>
        runMatch(wh, { schema: "main", name: "people_matches_full" }, RECORDS, PEOPLE_SETTINGS, {
          settingsName: "bench",
          parameters: first.parameters,
        }),
      "full",
    );
    const [, refreshSeconds] = await time(
      () => runMatch(wh, output, RECORDS, settings, { settingsName: "bench", fullRefresh: true }),
      "refresh",
    );
    const row = (run: string, key: string, seconds: number, compared: number | string) => ({
      run,
      seconds: seconds.toFixed(2),
      "CPU s": cpu.get(key)!.toFixed(2),
      "pairs compared": compared,
      "incremental / this": (incSeconds / seconds).toFixed(3),
      "incremental / this, CPU": (cpu.get("incremental")! / cpu.get(key)!).toFixed(3),
    });
    return `## Incremental match on DuckDB: ${records.toLocaleString("en-US")} records, then ${added.toLocaleString("en-US")} new (machine load ${loadavg()[0]!.toFixed(2)})

${table([
  row("first run (full, trains)", "first", firstSeconds, first.blockedPairs),
  row(
    `incremental (${inc.incremental?.changed ?? "?"} new records)`,
    "incremental",
    incSeconds,
    inc.incremental?.compared ?? "?",
  ),
  row("full, same parameters", "full", fullSeconds, inc.blockedPairs),
  row("--full-refresh (trains)", "refresh", refreshSeconds, inc.blockedPairs),
])}
`;
  } finally {
    await wh.close();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}
