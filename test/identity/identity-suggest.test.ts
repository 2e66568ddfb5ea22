import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

/**
 * `cdp identity suggest` and the blocking recall of `cdp identity evaluate`, on DuckDB: 60 people
 * with three records each (the first as written, the second without a date of birth, the third
 * with first and last name swapped); a quarter are called John; nobody has a phone number.
 */
const people = Array.from({ length: 60 }, (_, i) => {
  const first = i < 15 ? "John" : `Name${i}`;
  const last = `Last${i}`;
  const dob = new Date(Date.UTC(1950, 0, 1 + i * 97)).toISOString().slice(0, 10);
  return [
    [`a${i}`, first, last, dob, `P${i}`],
    [`b${i}`, first, last, "", `P${i}`],
    [`c${i}`, last, first, dob, `P${i}`],
  ];
}).flat();

describe("cdp identity suggest", () => {
  const dir = makeProject(
    {
      "seeds/people.csv": [
        "record_id,first_name,last_name,dob,phone",
        ...people.map(([id, f, l, d]) => `${id},${f},${l},${d},`),
      ].join("\n"),
      "truth/match.csv": ["record_id,person_id", ...people.map(([id, , , , p]) => `${id},${p}`)].join("\n"),
      "truth/records.csv": [
        "source,record_id,person_id",
        ...people.map(([id, , , , p]) => `r,${id},${p}`),
      ].join("\n"),
      "models/people_matches.sql": `{{config materialized="match" settings="people"}}
select record_id, first_name, last_name, dob, phone from {{ref "people"}}
`,
      "models/record_profiles.sql": `select 'r' as source, record_id, record_id as profile_id from {{ref "people"}}\n`,
    },
    `export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  threads: 2,
  seeds: { people: { columnTypes: { dob: "VARCHAR", phone: "VARCHAR" } } },
  identity: { match: { people: {
    blocking: [["first_name", "last_name"], ["dob"], ["phone"]],
    comparisons: [
      { column: "first_name", levels: [{ exact: true }, { jaroWinkler: 0.9 }] },
      { column: "last_name", levels: [{ exact: true }] },
      { column: "dob", levels: [{ exact: true }, { levenshtein: 1 }] },
      { column: "phone", levels: [{ exact: true }] },
    ],
    prior: { probability: 0.01 },
    uSamplePairs: 2000,
  } } },
};
`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("profiles the columns, counts each rule's pairs and recall, and proposes settings", () => {
    expect(cdp(dir, ["seed"]).code).toBe(0);
    const r = cdp(dir, ["identity", "suggest", "--truth", "truth/match.csv", "--log-format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(s.records).toBe(180);
    const col = (name: string) => s.columns.find((c: { column: string }) => c.column === name);
    expect(col("phone")).toMatchObject({ fillRate: 0, distinct: 0 });
    expect(col("dob").fillRate).toBeCloseTo(2 / 3, 9);
    // John: 30 of 180 first names (15 people, twice as first name); 106 distinct (46 + 60 swapped).
    expect(col("first_name")).toMatchObject({ top: "John", distinct: 106 });
    expect(col("first_name").topShare).toBeCloseTo(30 / 180, 9);
    expect(col("first_name").skew).toBeCloseTo((30 / 180) * 106, 9);
    // first+last: a-b of every person (60); dob: a-c (60); phone finds nothing and is left out.
    expect(s.rules.map((x: { pairs: number; dropped?: string }) => [x.pairs, !!x.dropped])).toEqual([
      [60, false],
      [60, false],
      [0, true],
    ]);
    expect(s.rules[0].recall).toBeCloseTo(1 / 3, 9);
    expect(s.rules[1].recall).toBeCloseTo(1 / 3, 9);
    expect(s.rules[1].cumulativeRecall).toBeCloseTo(2 / 3, 9);
    expect(s.blockingRecall).toMatchObject({ truePairs: 180, recordsInTruth: 180 });
    expect(s.settings.blocking).toEqual([["first_name", "last_name"], ["dob"]]);
    expect(s.settings.comparisons.map((c: { column: string }) => c.column)).toEqual([
      "first_name",
      "last_name",
      "dob",
    ]);
    // first_name is skewed (John), last_name is not (every value twice).
    expect(s.settings.comparisons.map((c: { termFrequency: boolean }) => c.termFrequency)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("prints the same as text", () => {
    const r = cdp(dir, ["identity", "suggest", "--truth", "truth/match.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Match settings for people_matches (from identity.match.people), 180 records");
    expect(r.stdout).toContain("[first_name, last_name]  60 pairs  recall 33.3%, 33.3% with the rules above");
    expect(r.stdout).toContain("[dob]  60 pairs  recall 33.3%, 66.7% with the rules above");
    expect(r.stdout).toContain("[phone]  left out: reads phone, never filled: finds nothing");
    expect(r.stdout).toContain("120 pairs in all, within the pair budget of 50,000,000");
    expect(r.stdout).toContain("termFrequency on first_name");
    expect(r.stdout).toContain("comparison of phone left out: never filled, it weighs nothing");
  });

  it("evaluate reports the match model's blocking recall next to precision and recall", () => {
    expect(cdp(dir, ["build"]).code).toBe(0);
    const r = cdp(dir, ["identity", "evaluate", "--truth", "truth/records.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("precision 100.00%");
    expect(r.stdout).toContain(
      "blocking recall of people_matches: 66.67% of 180 true pairs share a blocking rule (180 of its records in the truth)",
    );
  });
});
