import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MatchResult, runMatch } from "../src/identity/match/index.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { PEOPLE_SETTINGS, peopleSql } from "./match.ts";
import { median, table } from "./measure.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");
const PEOPLE = { schema: "main", name: "people" };
const RECORDS = "SELECT * FROM main.people";

interface Timed<T> {
  result: T;
  seconds: number;
  cpu: number;
}

/** Elapsed and CPU seconds (DuckDB runs in this process: CPU moves less than elapsed under load). */
async function timed<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await f();
  const used = process.cpuUsage(cpu0);
  return { result, seconds: (performance.now() - t0) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/**
 * `npm run bench -- --only match-incremental [--records N] [--runs R]`: on DuckDB, N generated
 * records (the throughput benchmark's, with its settings, `incremental: true`, but two records a
 * person, so the output holds about a pair per two records) matched in full,
 * then R rounds (at most 3) of 1% new records, each matched incrementally and, right after, in
 * full with the same parameters into another table (what the incremental run must equal: the
 * outputs are compared row for row); then one round where 1% of the records change a first name
 * (their saved pairs deleted and compared again). Medians of the rounds, and of each round's ratio.
 */
export async function benchMatchIncremental(records: number, runs: number): Promise<string> {
  const file = path.join(WORK, "match-incremental.duckdb");
  rmSync(file, { force: true });
  const wh = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 2 });
  const settings = { ...PEOPLE_SETTINGS, incremental: true };
  const output = { schema: "main", name: "people_matches" };
  const fullOutput = { schema: "main", name: "people_matches_full" };
  const incremental = () => runMatch(wh, output, RECORDS, settings, { settingsName: "bench" });
  try {
    await wh.replaceTable(PEOPLE, peopleSql(records, 0, { duplicates: true }));
    const first = await timed(incremental);
    const { parameters } = first.result;
    const full = () =>
      runMatch(wh, fullOutput, RECORDS, PEOPLE_SETTINGS, { settingsName: "bench", parameters });
    // A round: the incremental run, then the full one, and whether their outputs differ.
    const round = async () => {
      const inc = await timed(incremental);
      const all = await timed(full);
      const [diff] = await wh.query<{ n: bigint | number }>(
        `SELECT COUNT(*) AS n FROM (
           (SELECT * FROM main.people_matches EXCEPT ALL SELECT * FROM main.people_matches_full)
           UNION ALL (SELECT * FROM main.people_matches_full EXCEPT ALL SELECT * FROM main.people_matches))`,
      );
      if (Number(diff?.n) !== 0) throw new Error(`incremental and full outputs differ in ${diff?.n} rows`);
      // Equal and empty would prove nothing: the generated people must match.
      if (!all.result.pairs) throw new Error("the full match found no pair: the comparison is vacuous");
      return { inc, all };
    };
    let total = records;
    const added: { inc: Timed<MatchResult>; all: Timed<MatchResult> }[] = [];
    for (let r = 0; r < runs; r++) {
      const count = Math.max(1, Math.round(total / 100));
      await wh.execute(`INSERT INTO main.people ${peopleSql(count, total, { duplicates: true })}`);
      total += count;
      added.push(await round());
    }
    // 1% of the records (every hundredth) change their first name.
    await wh.execute(`UPDATE main.people SET first_name = first_name || 'z' WHERE hash(record_id) % 100 = 7`);
    const changed = await round();

    const rows = (what: string, rounds: { inc: Timed<MatchResult>; all: Timed<MatchResult> }[]) => {
      const m = (f: (x: { inc: Timed<MatchResult>; all: Timed<MatchResult> }) => number) =>
        median(rounds.map(f));
      return [
        {
          run: `incremental, ${what} (${m((x) => x.inc.result.incremental?.changed ?? 0).toLocaleString("en-US")} records)`,
          seconds: m((x) => x.inc.seconds).toFixed(2),
          "CPU s": m((x) => x.inc.cpu).toFixed(2),
          "pairs compared": Math.round(m((x) => x.inc.result.incremental?.compared ?? 0)).toLocaleString(
            "en-US",
          ),
          "output pairs": Math.round(m((x) => x.inc.result.pairs)).toLocaleString("en-US"),
          "incremental / full": m((x) => x.inc.seconds / x.all.seconds).toFixed(3),
          "incremental / full, CPU": m((x) => x.inc.cpu / x.all.cpu).toFixed(3),
        },
        {
          run: "full, same parameters",
          seconds: m((x) => x.all.seconds).toFixed(2),
          "CPU s": m((x) => x.all.cpu).toFixed(2),
          "pairs compared": Math.round(m((x) => x.all.result.blockedPairs)).toLocaleString("en-US"),
          "output pairs": Math.round(m((x) => x.all.result.pairs)).toLocaleString("en-US"),
          "incremental / full": "",
          "incremental / full, CPU": "",
        },
      ];
    };
    return `## Incremental match on DuckDB: ${records.toLocaleString("en-US")} records, then ${runs} round(s) of 1% new and one of 1% changed (machine load ${loadavg()[0]!.toFixed(2)}; outputs equal to the full match's)

${table([
  {
    run: "first run (full, trains)",
    seconds: first.seconds.toFixed(2),
    "CPU s": first.cpu.toFixed(2),
    "pairs compared": first.result.blockedPairs.toLocaleString("en-US"),
    "output pairs": first.result.pairs.toLocaleString("en-US"),
    "incremental / full": "",
    "incremental / full, CPU": "",
  },
  ...rows(`1% new, median of ${runs}`, added),
  ...rows("1% changed", [changed]),
])}
`;
  } finally {
    await wh.close();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}
