import { expect, it } from "vitest";
import { explainPair } from "../../src/identity/match/explain.ts";
import { runMatch } from "../../src/identity/match/index.ts";
import { type MatchSettings, matchSettingsSchema } from "../../src/identity/match/settings.ts";
import { suggestSettings } from "../../src/identity/match/suggest.ts";
import type { Relation } from "../../src/warehouse/types.ts";
import { describeEachWarehouse, type WarehouseSuite } from "../helpers/each-warehouse.ts";
import { matchOutputRows } from "../helpers/match-output.ts";

/**
 * Optional blocking rules fill the pair budget: the same settings apply them to records few
 * enough, and leave them out (the first that does not fit and every one after it) on more.
 */
describeEachWarehouse("blocking within the pair budget", "cdp_match_budget", defineTests);

interface Person {
  record_id: string;
  first_name: string;
  last_name: string;
  email: string;
  city: string;
}

/**
 * `n` records: two towns of n/2 records each (the town alone makes 2 × C(n/2, 2) pairs), a last
 * name shared by each two records (n/2 pairs), e-mails unique but for records 0 and 1.
 */
function people(n: number, from = 0): Person[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      record_id: `r${String(i).padStart(3, "0")}`,
      first_name: ["Anna", "Anne", "Ana", "John"][i % 4]!,
      last_name: `Last${Math.floor(i / 2)}`,
      email: i === 1 ? "e0@mail.test" : `e${i}@mail.test`,
      city: i % 2 ? "Berlin" : "Paris",
    };
  });
}

/** The distinct pairs of records agreeing on any of the `rules` (fields): what blocking compares. */
function blockedPairs(records: Person[], rules: (keyof Person)[]): number {
  let n = 0;
  for (let a = 0; a < records.length; a++)
    for (let b = a + 1; b < records.length; b++)
      if (rules.some((f) => records[a]![f] === records[b]![f])) n++;
  return n;
}

const SETTINGS: MatchSettings = matchSettingsSchema.parse({
  blocking: [["email"]],
  // The town first (pairs growing with the square of the records), then the last name (few).
  optionalBlocking: [["city"], ["last_name"]],
  comparisons: [
    { column: "first_name", levels: [{ exact: true }, { jaroWinkler: 0.8 }] },
    { column: "last_name", levels: [{ exact: true }] },
    { column: "email", levels: [{ exact: true }] },
    { column: "city", levels: [{ exact: true }] },
  ],
  prior: { probability: 0.2 },
  threshold: 0.5,
  uSamplePairs: 2_000,
  pairBudget: 40,
});

function defineTests(suite: WarehouseSuite): void {
  const rel = (name: string): Relation => ({ schema: suite.schema, name });
  const load = async (records: Person[]) => {
    const d = suite.wh().dialect;
    const s = (v: string) => `CAST(${d.literal(v)} AS ${d.typeName("string")})`;
    await suite
      .wh()
      .replaceTable(
        rel("people"),
        records
          .map(
            (p) =>
              `SELECT ${s(p.record_id)} AS record_id, ${s(p.first_name)} AS first_name, ${s(p.last_name)} AS last_name, ${s(p.email)} AS email, ${s(p.city)} AS city`,
          )
          .join(" UNION ALL "),
      );
  };
  const records = () => `SELECT * FROM ${suite.wh().dialect.quoteRelation(rel("people"))}`;
  const output = (name: string) => matchOutputRows(suite.wh(), rel(name));

  it("applies the optional rules to few records and leaves them out on more", async () => {
    if (suite.skipped()) return;
    // 8 records: 1 pair by e-mail, 12 by town, 4 by last name: 17, within 40: both applied.
    const few = people(8);
    await load(few);
    const small = await runMatch(suite.wh(), rel("few"), records(), SETTINGS, { settingsName: "people" });
    expect(small.blocking).toMatchObject({ required: 1, applied: 2, optional: 2, counts: [1, 12, 4] });
    expect(small.blocking.rules).toEqual([["email"], ["city"], ["last_name"]]);
    expect(small.blockedPairs).toBe(blockedPairs(few, ["email", "city", "last_name"]));
    // A pair that shares only its town is compared (and, the town and a first name alike, linked).
    expect(small.blockedPairs).toBeGreaterThan(blockedPairs(few, ["email", "last_name"]));

    // 16 records: the town makes 56 pairs, over 40 with the e-mail's; the last name (8) would fit,
    // but the rules are applied in order and the first that does not fit ends them.
    const more = people(16);
    await load(more);
    const large = await runMatch(suite.wh(), rel("more"), records(), SETTINGS, { settingsName: "people" });
    expect(large.blocking).toMatchObject({ required: 1, applied: 0, optional: 2, counts: [1, 56, 8] });
    expect(large.blocking.rules).toEqual([["email"]]);
    expect(large.blockedPairs).toBe(blockedPairs(more, ["email"]));

    // With the town moved last, the last name fits and the town does not.
    const reordered = { ...SETTINGS, optionalBlocking: [["last_name"], ["city"]] };
    const some = await runMatch(suite.wh(), rel("more"), records(), reordered, { settingsName: "people" });
    expect(some.blocking).toMatchObject({ applied: 1, counts: [1, 8, 56] });
    expect(some.blockedPairs).toBe(blockedPairs(more, ["email", "last_name"]));
  });

  it("explain and suggest say which optional rules the records get", async () => {
    if (suite.skipped()) return;
    // r000 and r002 share only their town (Paris).
    const pair = { model: "expl", settingsName: "people", recordA: "r000", recordB: "r002" };
    await load(people(8));
    await runMatch(suite.wh(), rel("expl"), records(), SETTINGS, { settingsName: "people" });
    const few = await explainPair(suite.wh(), rel("expl"), records(), SETTINGS, pair);
    expect(few.blockingRules).toEqual(["city"]);
    expect(few.rulesLeftOut).toEqual([]);

    await load(people(16));
    await runMatch(suite.wh(), rel("expl"), records(), SETTINGS, { settingsName: "people" });
    const more = await explainPair(suite.wh(), rel("expl"), records(), SETTINGS, pair);
    expect(more.blockingRules).toEqual([]);
    expect(more.rulesLeftOut).toEqual(["city"]);
    expect(more.inOutput).toBe(false);

    const s = await suggestSettings(suite.wh(), rel("expl"), records(), SETTINGS);
    expect(s.rules.map((r) => [r.rule.join(), r.pairs, r.optional?.applied])).toEqual([
      ["email", 1, undefined],
      ["city", 56, false],
      ["last_name", 8, false],
    ]);
    expect(s.pairs).toBe(1);
    expect(s.settings.optionalBlocking).toEqual([["city"], ["last_name"]]);
  });

  it("an incremental match keeps the saved rules within the budget, and matches in full past it", async () => {
    if (suite.skipped()) return;
    const settings = { ...SETTINGS, incremental: true };
    const compare = async (what: string, inc: Awaited<ReturnType<typeof runMatch>>) => {
      const full = await runMatch(
        suite.wh(),
        rel("inc_full"),
        records(),
        { ...settings, incremental: false },
        { settingsName: "people", parameters: inc.parameters },
      );
      expect(inc.blocking.applied, what).toBe(full.blocking.applied);
      expect(inc.blockedPairs, what).toBe(full.blockedPairs);
      expect(full.pairs, what).toBeGreaterThan(0);
      expect(await output("inc"), what).toEqual(await output("inc_full"));
    };
    await load(people(8));
    const first = await runMatch(suite.wh(), rel("inc"), records(), settings, { settingsName: "people" });
    expect(first.incremental).toBeUndefined();
    expect(first.blocking.applied).toBe(2);

    // Two more records: 1 + 20 + 5 pairs, still within 40: incremental, with both optional rules.
    await load(people(10));
    const grown = await runMatch(suite.wh(), rel("inc"), records(), settings, { settingsName: "people" });
    expect(grown.incremental?.changed).toBe(2);
    expect(grown.trained).toBe(false);
    expect(grown.blocking.applied).toBe(2);
    await compare("within the budget", grown);

    // Six more: the town's pairs pass the budget. The run matches everything and leaves the
    // optional rules out, as a full match of these records does; never the old rules' pairs.
    await load(people(16));
    const past = await runMatch(suite.wh(), rel("inc"), records(), settings, { settingsName: "people" });
    expect(past.incremental).toBeUndefined();
    expect(past.blocking.applied).toBe(0);
    expect(past.blockedPairs).toBe(blockedPairs(people(16), ["email"]));
    await compare("past the budget", past);

    // The next run keeps those rules and is incremental again.
    await load([...people(16), ...people(1, 16)]);
    const next = await runMatch(suite.wh(), rel("inc"), records(), settings, { settingsName: "people" });
    expect(next.incremental?.changed).toBe(1);
    expect(next.blocking.applied).toBe(0);
    await compare("after", next);
  });

  it("fails when the rules of blocking alone pass the budget, not counting the optional ones", async () => {
    if (suite.skipped()) return;
    await load(people(8));
    const over = { ...SETTINGS, blocking: [["city"]], pairBudget: 10 };
    await expect(
      runMatch(suite.wh(), rel("over"), records(), over, { settingsName: "people" }),
    ).rejects.toThrow(
      /blocking would compare 12 pairs, over identity\.match\.people\.pairBudget \(10\) \(optionalBlocking's rules not counted: they are applied only within the budget\); the largest is blocking\[0\] \(city\)/,
    );
    await expect(
      runMatch(
        suite.wh(),
        rel("over"),
        records(),
        { ...SETTINGS, optionalBlocking: [["no_such"]] },
        {
          settingsName: "people",
        },
      ),
    ).rejects.toThrow(/identity\.match\.people\.optionalBlocking\[0\] \(no_such\) is not valid SQL/);
  });
}
