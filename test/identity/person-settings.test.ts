import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS, SHARED_DATA, sharedDataMissing } from "../../bench/match-datasets.ts";
import { personRecords, writePersonRecords } from "../../bench/person-generator.ts";
import { applyPairBudget, candidates } from "../../src/identity/match/blocking-budget.ts";
import { blockingRecall } from "../../src/identity/match/blocking-recall.ts";
import { cannotLinkBar } from "../../src/identity/match/cannot-links.ts";
import { checkRecords } from "../../src/identity/match/checks.ts";
import { matchRecordsSql, runMatch } from "../../src/identity/match/index.ts";
import { PERSON_SETTINGS } from "../../src/identity/match/presets.ts";
import { type MatchSettings, matchSettingsSchema } from "../../src/identity/match/settings.ts";
import { gammaSql } from "../../src/identity/match/sql.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Relation } from "../../src/warehouse/types.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * One person's records as the data without e-mail or phone has them: each pair below shares no
 * exact first name, last name or date of birth (a typo, a swap, a missing value, a date wrong in
 * two of its parts), so no rule of equal whole values finds it.
 */
const RECORDS: [string, string, string | null, string | null, string | null, string | null][] = [
  // record_id, person, first_name, last_name, dob, city
  // A typo in each name, the date a month and a day off: the names' first letters with the year.
  ["a1", "A", "Jackson", "Fisher", "2004-11-26", null],
  ["a2", "A", "Jakcson", "Fishier", "2004-12-28", null],
  // No first name on one side, the names swapped on the other, the month and the day off: either
  // name (Harrison, written as last name on one, first name on the other) with the year.
  ["b1", "B", null, "Harrison", "1982-10-18", null],
  ["b2", "B", "Harrison", "Norman", "1982-09-17", null],
  // No names on one side, a typo in the town: the town's first letters and the birth year.
  ["c1", "C", "Oliver", null, "2009-12-21", "Londn"],
  ["c2", "C", null, null, "2009-11-22", "London"],
  // No date of birth on either side, a typo in each name: both names' first letters.
  ["d1", "D", "Eleanor", "Evans", null, null],
  ["d2", "D", "Elanor", "Evnas", null, null],
];

/** "Either name": a record's first name and last name in alphabetical order, or its only one. */
const EITHER_NAME = "CASE WHEN first_name IS NULL OR";

/** The rules of equal whole values the recommended settings had alone: names, dates, places, ids. */
const EXACT_KEY_RULES = PERSON_SETTINGS.blocking.filter(
  (rule) =>
    !rule.some(
      (e) =>
        e.includes("substr(first") ||
        e.includes("substr(last") ||
        e.includes("substr(city") ||
        e.includes("right(") ||
        e.includes(EITHER_NAME),
    ),
);

describe("recommended person settings", () => {
  let wh: DuckdbWarehouse;
  const rel = (name: string): Relation => ({ schema: "main", name });
  const q = (r: Relation) => wh.dialect.quoteRelation(r);

  beforeAll(async () => {
    wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 1 });
    const d = wh.dialect;
    const s = (v: string | null) => (v === null ? "CAST(NULL AS VARCHAR)" : d.literal(v));
    await wh.replaceTable(
      rel("people"),
      RECORDS.map(
        ([id, , first, last, dob, city]) =>
          `SELECT ${s(id)} AS record_id, ${s(first)} AS first_name, ${s(last)} AS last_name, ${s(dob)} AS dob,
             CAST(NULL AS VARCHAR) AS email, CAST(NULL AS VARCHAR) AS phone, CAST(NULL AS VARCHAR) AS postcode,
             ${s(city)} AS city, CAST(NULL AS VARCHAR) AS address, CAST(NULL AS VARCHAR) AS national_id`,
      ).join(" UNION ALL "),
    );
    await wh.replaceTable(
      rel("truth"),
      RECORDS.map(([id, person]) => `SELECT ${s(id)} AS record_id, ${s(person)} AS person_id`).join(
        " UNION ALL ",
      ),
    );
  });
  afterAll(async () => {
    await wh.close();
  });

  async function recall(settings: MatchSettings) {
    const columns = await checkRecords(wh, rel("people"), settings, "identity.match.people");
    await wh.replaceTable(
      rel("records"),
      matchRecordsSql(wh.dialect, q(rel("people")), settings, columns, "main"),
    );
    return blockingRecall(wh, rel("records"), rel("truth"), settings);
  }

  it("blocks the pairs that share no exact name or date: either name, first letters with parts of the date or the town", async () => {
    const exactOnly = await recall(
      matchSettingsSchema.parse({
        ...PERSON_SETTINGS,
        blocking: EXACT_KEY_RULES,
        trainingBlocking: undefined,
      }),
    );
    expect(exactOnly.truePairs).toBe(4);
    expect(exactOnly.recall).toBe(0);
    const all = await recall(PERSON_SETTINGS);
    expect(all.recall).toBe(1);
    // Each kind of pair is found by its own rule.
    const found = (test: (rule: string[]) => boolean) => all.rules.find((r) => test(r.rule))?.truePairs;
    const either = (e: string) => e.startsWith(EITHER_NAME) && e.includes("last_name < first_name");
    const is =
      (...parts: string[]) =>
      (rule: string[]) =>
        rule.join("|") === parts.join("|");
    // a: Fis (Fisher, Fishier: the first in alphabetical order of each record's names) and 2004;
    // b: Har (Harrison, the only name of b1 and the first of b2's) and 1982.
    expect(
      found(
        (r) =>
          r[0] === `substr(${PERSON_SETTINGS.blocking.find((b) => either(b[0]!))![0]}, 1, 3)` &&
          r[1] === "substr(dob, 1, 4)",
      ),
    ).toBe(2);
    // b: Harrison in either field, and 1982.
    expect(found((r) => either(r[0]!) && r[1] === "substr(dob, 1, 4)")).toBe(1);
    // c: Lon and 2009.
    expect(found(is("substr(city, 1, 3)", "substr(dob, 1, 4)"))).toBe(1);
    // a and d: Ja / Fi and El / Ev.
    expect(found(is("substr(first_name, 1, 2)", "substr(last_name, 1, 2)"))).toBe(2);
  });

  it("counts a swap once when only one name is swapped, and in both names when both are", async () => {
    const d = wh.dialect;
    const [first, last] = PERSON_SETTINGS.comparisons;
    await wh.replaceTable(
      rel("names"),
      `SELECT 'h1' AS record_id, 'Harrison' AS first_name, 'Nomran' AS last_name
       UNION ALL SELECT 'h2', 'Norman', 'Harrison'
       UNION ALL SELECT 'x', 'Ann', 'Lee' UNION ALL SELECT 'y', 'Lee', 'Ann'`,
    );
    const levels = async (l: string, r: string) => {
      const [row] = await wh.query<{ f: number; s: number }>(
        `SELECT ${gammaSql(d, first!, "main")} AS f, ${gammaSql(d, last!, "main")} AS s
         FROM ${q(rel("names"))} AS l, ${q(rel("names"))} AS r WHERE l.record_id = '${l}' AND r.record_id = '${r}'`,
      );
      return [Number(row!.f), Number(row!.s)];
    };
    // Harrison Nomran / Norman Harrison: the first name of h1 is the last name of h2, once.
    const [f, s] = await levels("h1", "h2");
    expect(f).toBe(1);
    expect(s).not.toBe(1);
    // Read the other way round, the same swap counts in the last name instead, still once.
    const [f2, s2] = await levels("h2", "h1");
    expect(f2).not.toBe(1);
    expect(s2).toBe(1);
    // Both names swapped: both comparisons say so.
    const row = await levels("x", "y");
    expect(row).toEqual([1, 1]);
  });
});

describe("the cannot-link bar", () => {
  it("mirrors the link threshold: at most 1 - threshold for one person, at even odds", () => {
    // 0.9: nine times likelier two people than one.
    expect(cannotLinkBar(0.9)).toBeCloseTo(-Math.log2(9), 12);
    // 0.5: any pair whose comparisons lean towards two people.
    expect(cannotLinkBar(0.5)).toBeCloseTo(0, 12);
    // A stricter link threshold asks as much evidence against for a cannot-link.
    expect(cannotLinkBar(0.99)).toBeLessThan(cannotLinkBar(0.9));
    expect(2 ** cannotLinkBar(0.95) / (1 + 2 ** cannotLinkBar(0.95))).toBeCloseTo(0.05, 12);
  });
});

describe("training rules (trainingBlocking)", () => {
  const base = {
    comparisons: [
      { column: "first_name", levels: [{ exact: true }, { jaroWinkler: 0.8 }] },
      { column: "dob", levels: [{ exact: true }, { levenshtein: 2 }] },
      { column: "city", levels: [{ exact: true }] },
    ],
    uSamplePairs: 20_000,
  };
  const strict = [["first_name"], ["dob"]];
  const loose = ["substr(city, 1, 1)"];

  it("must be blocking rules", () => {
    const r = matchSettingsSchema.safeParse({
      ...base,
      blocking: strict,
      trainingBlocking: [["dob"], loose],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["trainingBlocking", 1]);
    expect(r.error?.issues[0]?.message).toBe(
      "[substr(city, 1, 1)] is not one of the blocking rules: trainingBlocking names the blocking rules whose pairs train m",
    );
    // The recommended settings train on their rules of whole values, all of them blocking rules.
    expect(PERSON_SETTINGS.trainingBlocking?.length).toBeGreaterThan(0);
    expect(PERSON_SETTINGS.trainingBlocking?.some((r) => r.join().includes("substr("))).toBe(false);
  });

  it.skipIf(!!sharedDataMissing())("trains m on the pairs of those rules only", async () => {
    const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 1 });
    try {
      const rows = personRecords({ records: 600, seed: 3, sharedData: SHARED_DATA });
      const s = (v: string | null) => (v === null ? "CAST(NULL AS VARCHAR)" : wh.dialect.literal(v));
      await wh.replaceTable(
        { schema: "main", name: "people" },
        rows
          .map(
            (r) =>
              `SELECT ${s(String(r.id))} AS record_id, ${s(r.first)} AS first_name, ${s(r.dob)} AS dob, ${s(r.city)} AS city`,
          )
          .join(" UNION ALL "),
      );
      const m = async (settings: MatchSettings) => {
        const r = await runMatch(wh, { schema: "main", name: "m" }, "SELECT * FROM main.people", settings, {
          settingsName: "people",
        });
        return r.parameters.comparisons.map((c) => c.levels.map((l) => l.m));
      };
      // The loose rule's pairs compared but not trained on: m as if the rule were not there.
      const trainedStrict = await m(
        matchSettingsSchema.parse({ ...base, blocking: [...strict, loose], trainingBlocking: strict }),
      );
      const strictOnly = await m(matchSettingsSchema.parse({ ...base, blocking: strict }));
      trainedStrict.flat().forEach((x, i) => {
        expect(x).toBeCloseTo(strictOnly.flat()[i]!, 9);
      });
      // Trained on every rule (the default), the loose rule's pairs move m.
      const everyRule = await m(matchSettingsSchema.parse({ ...base, blocking: [...strict, loose] }));
      expect(everyRule.flat().some((x, i) => Math.abs(x - strictOnly.flat()[i]!) > 1e-3)).toBe(true);
    } finally {
      await wh.close();
    }
  });
});

describe("the recommended optional rules (optionalBlocking)", () => {
  it("are of the kind whose pairs grow with the square of the records, and never train", () => {
    const optional = PERSON_SETTINGS.optionalBlocking ?? [];
    // One field alone (a name, the town, the year and month) is optional, never always applied.
    for (const field of ["first_name", "last_name", "city", "substr(dob, 1, 7)"])
      expect(
        optional.some((r) => r.length === 1 && r[0] === field),
        field,
      ).toBe(true);
    expect(
      PERSON_SETTINGS.blocking.filter(
        (r) => r.length === 1 && !["dob", "email", "phone", "national_id"].includes(r[0]!),
      ),
    ).toEqual([]);
    const optionalKeys = new Set(optional.map((r) => JSON.stringify(r)));
    expect(PERSON_SETTINGS.trainingBlocking?.some((r) => optionalKeys.has(JSON.stringify(r)))).toBe(false);
  });

  it.skipIf(!!sharedDataMissing())(
    "take generated person records past 95% of the true pairs, applied in order within the budget",
    async () => {
      const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 1 });
      const rel = (name: string): Relation => ({ schema: "main", name });
      const q = (r: Relation) => wh.dialect.quoteRelation(r);
      const dir = tempDir("cdp-person-");
      try {
        // 4,000 records of people with 10-20 each, of the held-out data's kind.
        const csv = path.join(dir, "people.csv");
        writePersonRecords(csv, { records: 4_000, seed: 5, sharedData: SHARED_DATA });
        const ds = DATASETS.generated_people;
        await wh.loadCsv(rel("raw"), csv, {
          columnTypes: Object.fromEntries(ds.columns.map((c) => [c, "VARCHAR"])),
        });
        await wh.replaceTable(rel("people"), `${ds.records} FROM ${q(rel("raw"))}`);
        await wh.replaceTable(
          rel("truth"),
          `SELECT ${ds.recordId} AS record_id, ${ds.truth} AS person_id FROM ${q(rel("raw"))}`,
        );
        const columns = await checkRecords(wh, rel("people"), PERSON_SETTINGS, "identity.match.people");
        await wh.replaceTable(
          rel("records"),
          matchRecordsSql(wh.dialect, q(rel("people")), candidates(PERSON_SETTINGS), columns, "main"),
        );
        const within = async (pairBudget: number) => {
          const a = await applyPairBudget(wh, rel("records"), { ...PERSON_SETTINGS, pairBudget }, "people");
          const r = await blockingRecall(wh, rel("records"), rel("truth"), a.settings);
          return { ...a, recall: r.recall };
        };
        const optional = PERSON_SETTINGS.optionalBlocking!.length;
        const all = await within(PERSON_SETTINGS.pairBudget ?? 50_000_000);
        const required = all.counts.slice(0, PERSON_SETTINGS.blocking.length).reduce((a, b) => a + b, 0);
        const none = await within(required);
        // A budget that holds the first three optional rules and not the fourth.
        const three = all.counts.slice(0, PERSON_SETTINGS.blocking.length + 3).reduce((a, b) => a + b, 0);
        const some = await within(three);
        console.log(
          `blocking recall of 4,000 generated records: ${none.recall.toFixed(3)} without the optional rules, ${some.recall.toFixed(3)} with 3, ${all.recall.toFixed(3)} with ${all.applied}`,
        );
        expect(all.applied).toBe(optional);
        expect(all.recall).toBeGreaterThanOrEqual(0.95);
        expect(none.applied).toBe(0);
        expect(none.recall).toBeLessThan(0.93);
        expect(some.applied).toBe(3);
        expect(some.recall).toBeGreaterThan(none.recall);
        expect(some.recall).toBeLessThan(all.recall);
      } finally {
        await wh.close();
      }
    },
  );
});
