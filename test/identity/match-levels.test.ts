import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Comparison, comparisonSchema } from "../../src/identity/match/settings.ts";
import { gammaSql, levelsSql, recordHelpersSql } from "../../src/identity/match/sql.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { type ConformanceTarget, duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/**
 * The build computes comparison levels in two stages (`levelsSql`: cheap checks first, each
 * similarity function once per pair, Levenshtein skipped when the lengths alone rule it out).
 * These pairs must get exactly the levels of the one-CASE definition (`gammaSql`) on every
 * warehouse that runs matches.
 */
for (const target of [duckdbTarget, postgresTarget]) {
  const reason = await target.unavailable();
  if (reason) {
    console.warn(`\n*** match level tests SKIPPED for ${target.name}: ${reason} ***\n`);
    describe.skip(`match levels on ${target.name} (${reason})`, () => {
      it("is skipped", () => {});
    });
    continue;
  }
  describe(`match levels on ${target.name}`, () => defineTests(target));
}

/** [text, text, number, number, date, date] for the left and right record of one pair. */
const PAIRS: [string | null, string | null, number | null, number | null, string | null, string | null][] = [
  ["martha", "marhta", 1, 1, "2020-01-01", "2020-01-01"],
  ["martha", "martha", 1, 2, "2020-01-01", "2020-01-02"],
  ["dixon", "dicksonx", 1, 6.5, "2020-01-01", "2020-01-31"],
  ["abc", "xyz", 10, 4, "2020-01-01", "2020-02-01"],
  ["anna", null, null, 3, null, "2020-01-01"],
  [null, null, 3, null, "2020-01-01", null],
  ["schmidt", "schmitt", 0, 0, "1980-03-14", "1980-03-14"],
  ["1980-03-14", "1980-03-41", 2.5, 2, "1999-12-31", "2000-01-30"],
  ["1980-03-14", "1908-03-14", 7, 7.25, "1999-12-31", "2000-01-31"],
  ["e123456@mail.test", "e123465@mail.test", 1, 100, "2020-02-29", "2020-03-01"],
  ["e123456@mail.test", "e12345@mail.test", 1, 1, "2020-02-29", "2020-02-28"],
  ["e1@mail.test", "e1234@mail.test", 1, 1, "2020-02-29", "2020-02-28"],
  ["ab", "abcd", 1, 1, "2020-02-29", "2020-02-28"],
  ["ab", "abcde", 1, 1, "2020-02-29", "2020-02-28"],
  ["a", "b", 1, 1, "2020-02-29", "2020-02-28"],
  ["Zoë", "Zoe", 1, 1, "2020-02-29", "2020-02-28"],
  ["Zoë", "Zoëë", 1, 1, "2020-02-29", "2020-02-28"],
  ["straße", "strasse", 1, 1, "2020-02-29", "2020-02-28"],
  // As many characters, not as many bytes; as many bytes, one character apart.
  ["aë", "ab", 1, 1, "2020-02-29", "2020-02-28"],
  ["ë", "é", 1, 1, "2020-02-29", "2020-02-28"],
  ["aëb", "ëab", 1, 1, "2020-02-29", "2020-02-28"],
  // Long values: a shared second half, a shared first half, neither, several characters apart.
  ["Zoë Müller-Lüdenscheidt", "Zoe Muller-Lüdenscheidt", 1, 1, "2020-02-29", "2020-02-28"],
  ["Müller-Lüdenscheidt, Zoë", "Müller-Lüdenscheid, Zoe", 1, 1, "2020-02-29", "2020-02-28"],
  ["abcdefghij", "xbcdefghiy", 1, 1, "2020-02-29", "2020-02-28"],
  ["+4915112345678", "+491511234567", 1, 1, "2020-02-29", "2020-02-28"],
  ["anna.schmidt@example.com", "anna.schmitt@example.org", 1, 1, "2020-02-29", "2020-02-28"],
  // Halves as long on both sides (one shared, or neither), and not.
  ["0151-2345678", "0151-2345679", 1, 1, "2020-02-29", "2020-02-28"],
  ["0151-2345678", "0152-2345678", 1, 1, "2020-02-29", "2020-02-28"],
  ["0151-2345678", "2345678-0151", 1, 1, "2020-02-29", "2020-02-28"],
  ["e1234567@mail.test", "e123456@mail.test", 1, 1, "2020-02-29", "2020-02-28"],
  ["e1234567@mail.test", "e1234567@mail.tst", 1, 1, "2020-02-29", "2020-02-28"],
];

const COMPARISONS: Comparison[] = [
  { column: "s", levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }] },
  { column: "s", levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 2 }] },
  { column: "s", levels: [{ exact: true }, { levenshtein: 2 }] },
  { column: "s", levels: [{ exact: true }, { levenshtein: 1 }] },
  // No exact level first: the similarity is computed for equal values too.
  { column: "s", levels: [{ jaroWinkler: 0.95 }, { exact: true }] },
  { column: "s", levels: [{ levenshtein: 1 }, { jaroWinkler: 0.7 }] },
  { column: "s", levels: [{ exact: true }] },
  { column: "n", levels: [{ exact: true }, { within: 1 }, { within: 5 }] },
  { column: "n", levels: [{ within: 0.5 }, { levenshtein: 1 }] },
  // A cheap level after a similarity level.
  { column: "d", levels: [{ exact: true }, { levenshtein: 1 }, { withinDays: 31 }] },
  { column: "d", levels: [{ withinDays: 1 }, { exact: true }] },
].map((c) => comparisonSchema.parse(c));

function defineTests(target: ConformanceTarget): void {
  const schema = `cdp_match_levels_${Math.random().toString(36).slice(2, 8)}`;
  let wh: Warehouse;
  const rel = (name: string): Relation => ({ schema, name });

  beforeAll(async () => {
    wh = await target.open(schema);
    const d = wh.dialect;
    const ddl = d.jaroWinklerFunction(schema);
    if (ddl) await wh.execute(ddl);
    const rows = PAIRS.flatMap(([sl, sr, nl, nr, dl, dr], i) =>
      (
        [
          ["l", sl, nl, dl],
          ["r", sr, nr, dr],
        ] as const
      ).map(
        ([side, s, n, date]) =>
          `SELECT ${i} AS pair, ${d.literal(side)} AS side, CAST(${d.literal(s)} AS ${d.typeName("string")}) AS s, CAST(${d.literal(n)} AS ${d.typeName("float64")}) AS n, CAST(${d.literal(date)} AS ${d.typeName("date")}) AS d`,
      ),
    );
    // With what the levels read off each record, as the match's records carry it.
    await wh.replaceTable(
      rel("vals"),
      `SELECT v.*, ${recordHelpersSql(d, COMPARISONS, schema, "v").join(", ")} FROM (${rows.join(" UNION ALL ")}) AS v`,
    );
  });
  afterAll(async () => {
    await target.cleanup?.(wh, schema);
    await wh.close();
  });

  it("gives every pair the levels of the one-CASE definition", async () => {
    const d = wh.dialect;
    const qi = (n: string) => d.quoteIdentifier(n);
    const vals = d.quoteRelation(rel("vals"));
    const levels = levelsSql(d, COMPARISONS, schema);
    const rows = await wh.query<Record<string, number>>(
      `SELECT pair, ${COMPARISONS.map((_, i) => `${qi(`ref_${i}`)}, ${levels.gammas[i]} AS ${qi(`two_${i}`)}`).join(", ")}
       FROM (
         SELECT l.pair, ${COMPARISONS.map((c, i) => `${gammaSql(d, c, schema)} AS ${qi(`ref_${i}`)}`).join(", ")}, ${levels.values.join(", ")}
         FROM ${vals} AS l JOIN ${vals} AS r ON l.pair = r.pair AND l.side = 'l' AND r.side = 'r'
       ) AS v ORDER BY pair`,
    );
    expect(rows).toHaveLength(PAIRS.length);
    const reference = rows.map((row) => COMPARISONS.map((_, i) => Number(row[`ref_${i}`])));
    const twoStages = rows.map((row) => COMPARISONS.map((_, i) => Number(row[`two_${i}`])));
    expect(twoStages).toEqual(reference);
    // The pairs reach every kind of level somewhere: missing, the strongest, a middle one, "else".
    const seen = new Set(reference.flat());
    for (const g of [-1, 0, 1, 2, 3]) expect(seen).toContain(g);
  });
}
