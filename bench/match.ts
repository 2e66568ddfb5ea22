import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMatch } from "../src/identity/match/index.ts";
import { PERSON_SETTINGS } from "../src/identity/match/presets.ts";
import { matchSettingsSchema } from "../src/identity/match/settings.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { type DatasetName, evaluateDataset, linkableBlockingRecall, SHARED_DATA } from "./match-datasets.ts";
import { median, table } from "./measure.ts";
import { writePersonRecords } from "./person-generator.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");

/**
 * `records` synthetic people drawn at random (5,000 first names, a quarter of them with an extra
 * letter, 2,000 last names, 20,000 birth dates, 90,000 postcodes); records 2k and 2k + 1 share an
 * e-mail address. Blocking on (last name, birth year) gives about 4.5 pairs per record, nearly
 * all non-matches (the costly case: every level of every comparison is evaluated), and the e-mail
 * rule half a pair per record more. With `duplicates`, records 2k and 2k + 1 are one person
 * instead: the same names, birth date and postcode but where one of them has an extra letter in
 * its first name (a quarter of the records) or another postcode (a fifth), so the match finds
 * them (about one output pair per two records).
 */
export function peopleSql(records: number, from = 0, options: { duplicates?: boolean } = {}): string {
  const person = options.duplicates ? "range // 2" : "range";
  const moved = options.duplicates ? " + CASE WHEN i % 5 = 1 THEN 1 ELSE 0 END" : "";
  return `
    WITH p AS (SELECT range AS i, hash(${person}) AS h FROM range(${from}, ${from + records}))
    SELECT CAST(i AS VARCHAR) AS record_id,
      'f' || CAST(h % 5000 AS VARCHAR) || CASE WHEN i % 4 = 0 THEN 'x' ELSE '' END AS first_name,
      'l' || CAST((h >> 16) % 2000 AS VARCHAR) AS last_name,
      CAST(DATE '1940-01-01' + CAST((h >> 32) % 20000 AS INTEGER) AS VARCHAR) AS dob,
      'e' || CAST(i // 2 AS VARCHAR) || '@mail.test' AS email,
      CAST((h >> 40) % 90000 + 10000${moved} AS VARCHAR) AS postcode
    FROM p`;
}

/** The throughput benchmark's settings: five comparisons, two blocking rules. */
export const PEOPLE_SETTINGS = matchSettingsSchema.parse({
  blocking: [["last_name", "substr(dob, 1, 4)"], ["email"]],
  comparisons: [
    {
      column: "first_name",
      levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    { column: "last_name", levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }] },
    { column: "dob", levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 2 }] },
    { column: "email", levels: [{ exact: true }, { levenshtein: 2 }] },
    { column: "postcode", levels: [{ exact: true }, { levenshtein: 1 }] },
  ],
  uSamplePairs: 1_000_000,
});

/**
 * Scoring throughput. A comparison is one blocked candidate pair with the level of every
 * comparison evaluated (five columns here: two Jaro-Winkler, three Levenshtein), weighed and held
 * against the threshold; the scoring time is building the blocked pairs with their levels plus
 * scoring them (`MatchResult.scoringSeconds`). The whole model adds reading and normalising the
 * records, the checks and training. CPU seconds are the process's (DuckDB runs in it), a figure
 * that moves less than elapsed time when other work shares the machine.
 */
async function throughput(records: number, runs: number): Promise<Record<string, string | number>> {
  rmSync(path.join(WORK, "match.duckdb"), { force: true });
  const wh = await DuckdbWarehouse.open({
    path: path.join(WORK, "match.duckdb"),
    schema: "main",
    connections: 2,
  });
  try {
    await wh.replaceTable({ schema: "main", name: "people" }, peopleSql(records));
    const settings = PEOPLE_SETTINGS;
    const seconds: number[] = [];
    const total: number[] = [];
    const cpu: number[] = [];
    let pairs = 0;
    let trainSeconds = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const m = await runMatch(
        wh,
        { schema: "main", name: "people_matches" },
        "SELECT * FROM main.people",
        settings,
        {
          settingsName: "bench",
        },
      );
      total.push((performance.now() - t0) / 1000);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1e6);
      seconds.push(m.scoringSeconds);
      pairs = m.blockedPairs;
      trainSeconds = total.at(-1)! - m.scoringSeconds;
    }
    return {
      records,
      "pairs compared": pairs,
      "scoring s (median)": median(seconds),
      "comparisons/s": Math.round(pairs / median(seconds)),
      "whole model s (median)": median(total),
      "of which records, checks, training s": trainSeconds,
      "whole model CPU s (median)": median(cpu),
    };
  } finally {
    await wh.close();
    rmSync(path.join(WORK, "match.duckdb"), { force: true });
    rmSync(path.join(WORK, "match.duckdb.wal"), { force: true });
  }
}

/**
 * `npm run bench -- --only match`: quality of the recommended person settings on the public
 * labelled data sets (final clusters: match, then stitch), and scoring throughput.
 */
export async function benchMatch(runs: number, records: number): Promise<string> {
  const quality: Record<string, string | number>[] = [];
  const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
  try {
    // The labelled sets, fake_1000 without its e-mails (person data with no e-mail, phone or
    // national id), and 50,000 generated records of that kind (one run: it is the slow one).
    const generated = path.join(WORK, "generated_people_50000.csv");
    mkdirSync(WORK, { recursive: true });
    writePersonRecords(generated, { records: 50_000, seed: 1, sharedData: SHARED_DATA });
    const cases: [DatasetName, string, string | undefined][] = [
      ["febrl", "febrl", undefined],
      ["fake_1000", "fake_1000", undefined],
      ["fake_1000_no_email", "fake_1000 without e-mail", undefined],
      ["generated_people", "generated, 50,000 (no e-mail)", generated],
    ];
    for (const [name, label, csv] of cases) {
      const times: number[] = [];
      let q: Awaited<ReturnType<typeof evaluateDataset>> | undefined;
      for (let r = 0; r < (csv ? 1 : runs); r++) {
        const t0 = performance.now();
        q = await evaluateDataset(wh, "main", name, PERSON_SETTINGS, { csv });
        times.push((performance.now() - t0) / 1000);
      }
      // Of the true pairs that link when every pair is compared, those blocking finds (1,000 records only).
      const linkable = csv ? undefined : await linkableBlockingRecall(wh, "main", name, PERSON_SETTINGS, q!);
      quality.push({
        "data set": label,
        records: q!.records,
        "true pairs": q!.truePairs,
        "pairs compared": q!.match.blockedPairs,
        "blocking recall": q!.blockingRecall,
        "of the linkable pairs": linkable ? linkable.recall : "-",
        "pairs over threshold": q!.match.pairs,
        "pair precision": q!.pairLevel.precision,
        "pair recall": q!.pairLevel.recall,
        "pair F1": q!.pairLevel.f1,
        "trained prior": q!.match.parameters.prior,
        "true prior": q!.truePairs / ((q!.records * (q!.records - 1)) / 2),
        "profile precision": q!.precision,
        "profile recall": q!.recall,
        "profile F1": q!.f1,
        "seconds (median)": median(times),
      });
    }
  } finally {
    await wh.close();
  }
  const speed = await throughput(records, runs);
  return `## Probabilistic matching on DuckDB (recommended person settings, ${runs} runs)

Quality against the ground truth, pairwise: blocking recall (share of the true pairs some rule
finds; then its share of the true pairs that link when every pair is compared), the match's own pairs, the prior it trained against the true one, and the final clusters
(match, then stitch):

${table(quality)}

Scoring throughput on generated person records (a comparison: one blocked pair with every comparison's level evaluated, weighed and thresholded; machine load ${loadavg()[0]!.toFixed(2)} when it ended):

${table([speed])}
`;
}
