import { expect, it } from "vitest";
import { Rng } from "../../scripts/demo/random.ts";
import { type MatchResult, runMatch } from "../../src/identity/match/index.ts";
import { type MatchSettings, matchSettingsSchema } from "../../src/identity/match/settings.ts";
import type { Relation } from "../../src/warehouse/types.ts";
import { describeEachWarehouse, type WarehouseSuite } from "../helpers/each-warehouse.ts";
import { matchOutputRows } from "../helpers/match-output.ts";

/**
 * An incremental match compares only new and changed records (with every record) and keeps the
 * pairs of the others; with the same parameters its output must be a full match's, row for row,
 * after any mix of additions, changes and removals (random rounds, seeded).
 */
describeEachWarehouse("incremental match", "cdp_match_inc", defineTests);

interface Person {
  record_id: string;
  first_name: string | null;
  last_name: string;
  dob: string | null;
  email: string | null;
  source: string;
}

/** A seeded generator (the demo generator's mulberry32): the same values on every run. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const FIRST = ["Anna", "Ana", "Anne", "John", "Jon", "Johan", "Zoë", "Zoe", "Maria", "Marie", null];
const LAST = ["Smith", "Smyth", "Schmidt", "Brown", "Braun", "Müller", "Muller"];

const SETTINGS: MatchSettings = matchSettingsSchema.parse({
  blocking: [["last_name"], ["dob"]],
  comparisons: [
    {
      column: "first_name",
      levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    { column: "last_name", levels: [{ exact: true }, { jaroWinkler: 0.9 }], termFrequency: true },
    { column: "dob", levels: [{ exact: true }, { levenshtein: 1 }] },
    { column: "email", levels: [{ exact: true }, { levenshtein: 2 }] },
  ],
  threshold: 0.5,
  // Stated, so the pairs above the threshold do not hang on how the prior is estimated.
  prior: { probability: 0.05 },
  uSamplePairs: 5_000,
  incremental: true,
});

function defineTests(suite: WarehouseSuite): void {
  const { schema } = suite;
  const rel = (name: string): Relation => ({ schema, name });
  const next = random(4);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  let serial = 0;
  const person = (): Person => ({
    record_id: `r${String(serial++).padStart(4, "0")}`,
    first_name: pick(FIRST),
    last_name: pick(LAST),
    dob:
      next() < 0.2
        ? null
        : `19${50 + Math.floor(next() * 5)}-0${1 + Math.floor(next() * 2)}-1${Math.floor(next() * 2)}`,
    email: next() < 0.3 ? null : `${pick(["a", "b", "ab", "ba"])}${Math.floor(next() * 3)}@mail.test`,
    source: pick(["crm", "shop"]),
  });

  let loaded: Person[] = [];
  const load = async (people: Person[]) => {
    loaded = people;
    const d = suite.wh().dialect;
    const s = (v: string | null) => `CAST(${d.literal(v)} AS ${d.typeName("string")})`;
    await suite
      .wh()
      .replaceTable(
        rel("people"),
        people
          .map(
            (p) =>
              `SELECT ${s(p.record_id)} AS record_id, ${s(p.first_name)} AS first_name, ${s(p.last_name)} AS last_name, ${s(p.dob)} AS dob, ${s(p.email)} AS email, ${s(p.source)} AS source`,
          )
          .join(" UNION ALL "),
      );
  };
  const output = (name: string) => matchOutputRows(suite.wh(), rel(name));

  /**
   * A first full match of `settings`, then random rounds of removals, changes and additions, each
   * matched incrementally into `name` and in full (same parameters) into `<name>_full`.
   */
  const rounds = async (settings: MatchSettings, name: string) => {
    let people = await start();
    let cannotLinkRows = 0;
    const records = `SELECT * FROM ${suite.wh().dialect.quoteRelation(rel("people"))}`;
    const first = await runMatch(suite.wh(), rel(name), records, settings, { settingsName: "people" });
    expect(first.incremental).toBeUndefined();
    expect(first.trained).toBe(true);
    for (let round = 0; round < 4; round++) {
      // Remove a few, change a few (one attribute, or a blocking key), add a few.
      people = people.filter(() => next() > 0.04);
      people = people.map((p) => {
        if (next() > 0.06) return p;
        const changed = { ...p };
        const field = pick(["first_name", "last_name", "dob", "email", "source"] as const);
        changed[field] = person()[field] as string;
        return changed;
      });
      for (let k = 0; k < 8; k++) people.push(person());
      await load(people);
      const inc = await runMatch(suite.wh(), rel(name), records, settings, { settingsName: "people" });
      expect(inc.incremental, `round ${round}`).toBeDefined();
      expect(inc.trained).toBe(false);
      expect(inc.incremental!.changed).toBeGreaterThan(0);
      expect(inc.incremental!.compared).toBeLessThan(inc.blockedPairs);
      const full = await runMatch(
        suite.wh(),
        rel(`${name}_full`),
        records,
        { ...settings, incremental: false },
        { settingsName: "people", parameters: first.parameters },
      );
      expect(inc.blockedPairs, `round ${round}`).toBe(full.blockedPairs);
      expect(inc.records, `round ${round}`).toBe(full.records);
      expect(full.pairs).toBeGreaterThan(0);
      expect(await output(name), `round ${round}`).toEqual(await output(`${name}_full`));
      // The cannot-links are found among the linked records only: the same as a full match's.
      const cannotLinks = await output(`${name}__cannot_links`);
      expect(cannotLinks, `round ${round}`).toEqual(await output(`${name}_full__cannot_links`));
      cannotLinkRows += cannotLinks.length;
    }
    // Chains were there to check: equal because both are empty would prove nothing.
    expect(cannotLinkRows).toBeGreaterThan(0);
    // Its work tables and views are gone (on Postgres a view must go before what it reads).
    const left = (await suite.wh().listRelations?.(schema)) ?? [];
    expect(left.filter((n) => n.includes("__cdp_match_"))).toEqual([]);
  };

  /** Loads the records of a first run: 150 random people, and a third of them again. */
  const start = async (): Promise<Person[]> => {
    const people = Array.from({ length: 150 }, person);
    // A third of them twice (a record of the same person, its e-mail sometimes missing): random
    // people alone give the training nothing to find, and no pair above the threshold.
    await load([
      ...people,
      ...people.slice(0, 50).map((p) => ({
        ...p,
        record_id: `r${String(serial++).padStart(4, "0")}`,
        email: next() < 0.5 ? p.email : null,
        source: p.source === "crm" ? "shop" : "crm",
      })),
    ]);
    return loaded;
  };
  /** One round of random removals, changes (one attribute, or a blocking key) and additions. */
  const change = (people: Person[]): Person[] => {
    const kept = people
      .filter(() => next() > 0.04)
      .map((p) => {
        if (next() > 0.06) return p;
        const changed = { ...p };
        const field = pick(["first_name", "last_name", "dob", "email", "source"] as const);
        changed[field] = person()[field] as string;
        return changed;
      });
    return [...kept, ...Array.from({ length: 8 }, person)];
  };
  const expectFullMatch = async (
    settings: MatchSettings,
    name: string,
    parameters: MatchResult["parameters"],
    what: string,
  ) => {
    const records = `SELECT * FROM ${suite.wh().dialect.quoteRelation(rel("people"))}`;
    const inc = await runMatch(suite.wh(), rel(name), records, settings, { settingsName: "people" });
    const full = await runMatch(
      suite.wh(),
      rel(`${name}_full`),
      records,
      { ...settings, incremental: false },
      { settingsName: "people", parameters },
    );
    expect(inc.blockedPairs, what).toBe(full.blockedPairs);
    expect(await output(name), what).toEqual(await output(`${name}_full`));
    expect(await output(`${name}__cannot_links`), what).toEqual(await output(`${name}_full__cannot_links`));
    return inc;
  };

  it("gives a full match's output after random additions, changes and removals", async () => {
    if (suite.skipped()) return;
    await rounds(SETTINGS, "matches");
  });

  it("compares every record again with --full-refresh", async () => {
    if (suite.skipped()) return;
    const wh = suite.wh();
    const records = `SELECT * FROM ${wh.dialect.quoteRelation(rel("people"))}`;
    const again = await runMatch(wh, rel("matches"), records, SETTINGS, {
      settingsName: "people",
      fullRefresh: true,
    });
    expect(again.incremental).toBeUndefined();
    expect(again.trained).toBe(true);
    const unchanged = await runMatch(wh, rel("matches"), records, SETTINGS, { settingsName: "people" });
    expect(unchanged.incremental).toEqual({ changed: 0, compared: 0 });
    expect(unchanged.blockedPairs).toBe(again.blockedPairs);
  });

  it("repairs the state a run left when it stopped between any two of its writes", async () => {
    if (suite.skipped()) return;
    const wh = suite.wh();
    const records = `SELECT * FROM ${wh.dialect.quoteRelation(rel("people"))}`;
    let people = await start();
    const first = await runMatch(wh, rel("stops"), records, SETTINGS, { settingsName: "people" });
    // Each write of an incremental run, by the table it writes and how (`execute`: a DELETE or an
    // INSERT, the first of them for that table). The output is kept in place: its moving rows
    // deleted, then those of the records that went, then the new rows inserted.
    const writes: { method: "execute" | "replaceTable" | "dropRelation"; table: string; sql?: string }[] = [
      { method: "replaceTable", table: "stops__match_pending" },
      { method: "execute", table: "stops__match_pairs", sql: "DELETE FROM" },
      { method: "execute", table: "stops__match_records", sql: "DELETE FROM" },
      { method: "execute", table: "stops__match_pairs", sql: "INSERT INTO" },
      { method: "execute", table: "stops__match_records", sql: "INSERT INTO" },
      { method: "execute", table: "stops", sql: "DELETE FROM" },
      { method: "execute", table: "stops", sql: "INSERT INTO" },
      { method: "dropRelation", table: "stops__match_pending" },
    ];
    // The table a DELETE or INSERT writes, unquoted.
    const writtenTable = (sql: string, verb: string) =>
      sql.startsWith(`${verb} `)
        ? sql
            .slice(verb.length + 1)
            .split(/\s/)[0]!
            .split(".")
            .at(-1)!
            .replace(/["`]/g, "")
        : undefined;
    for (const stop of writes) {
      const what = `stopped at ${stop.sql ?? stop.method} ${stop.table}`;
      people = change(people);
      await load(people);
      // The warehouse fails the first call that writes that table, as a run killed there would.
      const failing = new Proxy(wh, {
        get(target, key) {
          const value = Reflect.get(target, key) as unknown;
          if (typeof value !== "function") return value;
          if (key !== stop.method) return value.bind(target);
          return (first: unknown, ...rest: unknown[]) => {
            const written =
              typeof first === "string"
                ? writtenTable(first, stop.sql ?? "") === stop.table
                : (first as Relation).name === stop.table;
            if (written) throw new Error(`stopped: ${what}`);
            return value.call(target, first, ...rest);
          };
        },
      });
      await expect(
        runMatch(failing, rel("stops"), records, SETTINGS, { settingsName: "people" }),
        what,
      ).rejects.toThrow("stopped");
      const repaired = await expectFullMatch(SETTINGS, "stops", first.parameters, what);
      expect(repaired.incremental, what).toBeDefined();
    }
  });

  it("keeps its output in place, and writes it whole when it is not there as the run would write it", async () => {
    if (suite.skipped()) return;
    const wh = suite.wh();
    const records = `SELECT * FROM ${wh.dialect.quoteRelation(rel("people"))}`;
    await start();
    const first = await runMatch(wh, rel("kept"), records, SETTINGS, { settingsName: "people" });
    // No record changed: the output is as it was, its rows not written again.
    const before = await output("kept");
    await wh.execute(`DELETE FROM ${wh.dialect.quoteRelation(rel("kept"))} WHERE record_id_l = record_id_l`);
    const unchanged = await runMatch(wh, rel("kept"), records, SETTINGS, { settingsName: "people" });
    expect(unchanged.incremental).toEqual({ changed: 0, compared: 0 });
    expect(unchanged.pairs).toBe(0);
    expect(before.length).toBeGreaterThan(0);
    // Gone, or with other columns: written whole from the saved pairs.
    for (const replaced of [undefined, "SELECT 1 AS record_id_l"]) {
      const what = replaced ? "other columns" : "dropped";
      await wh.dropRelation(rel("kept"));
      if (replaced) await wh.replaceTable(rel("kept"), replaced);
      await load(change(loaded));
      const inc = await expectFullMatch(SETTINGS, "kept", first.parameters, what);
      expect(inc.incremental, what).toBeDefined();
    }
  });

  it("matches everything again when the parameters are not those the pairs were weighed with", async () => {
    if (suite.skipped()) return;
    const wh = suite.wh();
    const records = `SELECT * FROM ${wh.dialect.quoteRelation(rel("people"))}`;
    await start();
    const first = await runMatch(wh, rel("reweighed"), records, SETTINGS, { settingsName: "people" });
    const prior = { ...first.parameters, prior: first.parameters.prior * 2 };
    await load(change(loaded));
    const other = await runMatch(wh, rel("reweighed"), records, SETTINGS, {
      settingsName: "people",
      parameters: prior,
    });
    expect(other.incremental).toBeUndefined();
    const full = await runMatch(
      wh,
      rel("reweighed_full"),
      records,
      { ...SETTINGS, incremental: false },
      {
        settingsName: "people",
        parameters: prior,
      },
    );
    expect(await output("reweighed")).toEqual(await output("reweighed_full"));
    expect(other.blockedPairs).toBe(full.blockedPairs);
  });

  it("holds the changed records to the pair budget as a full match would, to the pair", async () => {
    if (suite.skipped()) return;
    const wh = suite.wh();
    const records = `SELECT * FROM ${wh.dialect.quoteRelation(rel("people"))}`;
    await start();
    const first = await runMatch(wh, rel("budget"), records, SETTINGS, { settingsName: "people" });
    await load(change(loaded));
    // What a full match counts for the records now, read from its refusal of a budget of 1.
    const refusal = await runMatch(
      wh,
      rel("budget_full"),
      records,
      { ...SETTINGS, incremental: false, pairBudget: 1 },
      {
        settingsName: "people",
        parameters: first.parameters,
      },
    ).then(
      () => "",
      (error: unknown) => String(error),
    );
    const counted = Number(/blocking would compare ([\d,]+) pairs/.exec(refusal)?.[1]?.replaceAll(",", ""));
    expect(counted).toBeGreaterThan(0);
    await expect(
      runMatch(
        wh,
        rel("budget"),
        records,
        { ...SETTINGS, pairBudget: counted - 1 },
        { settingsName: "people" },
      ),
    ).rejects.toThrow(`blocking would compare ${counted.toLocaleString("en-US")} pairs`);
    const within = await runMatch(
      wh,
      rel("budget"),
      records,
      { ...SETTINGS, pairBudget: counted },
      {
        settingsName: "people",
      },
    );
    expect(within.incremental?.changed).toBeGreaterThan(0);
  });

  it("gives a full link-only match's output, sources included, after random rounds", async () => {
    if (suite.skipped()) return;
    await rounds({ ...SETTINGS, linkType: "link_only", sourceColumn: "source" }, "links");
  });
}
