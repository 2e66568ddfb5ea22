import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockingRecall } from "../../src/identity/match/blocking-recall.ts";
import { checkRecords, rulePairCounts } from "../../src/identity/match/checks.ts";
import { explainPair } from "../../src/identity/match/explain.ts";
import { matchRecordsSql, runMatch } from "../../src/identity/match/index.ts";
import { matchSettingsSchema } from "../../src/identity/match/settings.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { type ConformanceTarget, duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/**
 * Link types (link_only never pairs two records of one source; link_and_dedupe pairs any two and
 * says their sources), the swapped-names level, rules over dates read as text, and blocking
 * recall against a truth, on DuckDB and a real Postgres server.
 */
for (const target of [duckdbTarget, postgresTarget]) {
  const reason = await target.unavailable();
  if (reason) {
    console.warn(`\n*** match link tests SKIPPED for ${target.name}: ${reason} ***\n`);
    describe.skip(`match link types on ${target.name} (${reason})`, () => {
      it("is skipped", () => {});
    });
    continue;
  }
  describe(`match link types on ${target.name}`, () => defineTests(target));
}

/** id, source, first, last, dob (a date), person. crm holds a duplicate of Anna (c1, c2). */
const PEOPLE = [
  ["c1", "crm", "Anna", "Schmidt", "1980-03-14", "P1"],
  ["c2", "crm", "Anna", "Schmidt", "1980-03-14", "P1"],
  ["s1", "shop", "Anna", "Schmidt", "1980-03-14", "P1"],
  ["c3", "crm", "Robert", "Jones", "1975-01-02", "P2"],
  ["s2", "shop", "Jones", "Robert", "1975-01-02", "P2"],
  ["s3", "shop", "Maria", "Garcia", "1990-07-30", "P3"],
  ["w1", "web", "Maria", "Garcia", "1990-07-03", "P3"],
  ["w2", "web", "Mario", "Rossi", "1966-11-11", "P4"],
] as const;

function defineTests(target: ConformanceTarget): void {
  const schema = `cdp_link_${Math.random().toString(36).slice(2, 8)}`;
  let wh: Warehouse;
  const rel = (name: string): Relation => ({ schema, name });
  const q = (name: string) => wh.dialect.quoteRelation(rel(name));

  beforeAll(async () => {
    wh = await target.open(schema);
    const d = wh.dialect;
    const s = d.typeName("string");
    const rows = PEOPLE.map(
      ([id, source, first, last, dob, person]) =>
        `SELECT CAST(${d.literal(id)} AS ${s}) AS record_id, CAST(${d.literal(source)} AS ${s}) AS source, CAST(${d.literal(first)} AS ${s}) AS first_name, CAST(${d.literal(last)} AS ${s}) AS last_name, CAST(${d.literal(dob)} AS DATE) AS dob, CAST(${d.literal(person)} AS ${s}) AS person_id`,
    );
    await wh.replaceTable(rel("people"), rows.join(" UNION ALL "));
    await wh.replaceTable(rel("truth"), `SELECT record_id, person_id FROM ${q("people")}`);
  });
  afterAll(async () => {
    await target.cleanup?.(wh, schema);
    await wh.close();
  });

  const base = {
    // The birth year read off a DATE column: rules see compared columns as text.
    blocking: [["last_name"], ["substr(dob, 1, 4)"]],
    comparisons: [
      { column: "first_name", levels: [{ exact: true }, { swappedWith: "last_name" }] },
      { column: "last_name", levels: [{ exact: true }, { swappedWith: "first_name" }] },
      { column: "dob", levels: [{ exact: true }, { withinDays: 31 }] },
    ],
    prior: { probability: 0.2 },
    threshold: 0.5,
    uSamplePairs: 2000,
  };
  const pairsOf = async (name: string) =>
    (
      await wh.query<Record<string, unknown>>(`SELECT * FROM ${q(name)} ORDER BY record_id_l, record_id_r`)
    ).map((r): Record<string, unknown> & { pair: string } => ({
      ...r,
      pair: `${r.record_id_l}-${r.record_id_r}`,
    }));

  it("link_only compares records of different sources only, and says each one's source", async () => {
    const settings = matchSettingsSchema.parse({ ...base, linkType: "link_only", sourceColumn: "source" });
    const r = await runMatch(wh, rel("linked"), `SELECT * FROM ${q("people")}`, settings, {
      settingsName: "link",
    });
    const rows = await pairsOf("linked");
    // Schmidt: c1, c2 (crm), s1 (shop): the crm pair is never compared.
    // Jones/Robert swapped (c3, s2); Garcia (s3, w1); birth years 1980 (c1, c2, s1).
    expect(r.blockedPairs).toBe(4);
    expect(rows.map((x) => x.pair)).toEqual(["c1-s1", "c2-s1", "c3-s2", "s3-w1"]);
    for (const x of rows) expect(x.source_l).not.toBe(x.source_r);
    const swapped = rows.find((x) => x.pair === "c3-s2")!;
    expect(Number(swapped.gamma_first_name)).toBe(1);
    expect(Number(swapped.gamma_last_name)).toBe(1);
    expect(Number(rows.find((x) => x.pair === "s3-w1")!.gamma_dob)).toBe(1);
    // explain says why two records of one source are never compared.
    const explain = (recordA: string, recordB: string) =>
      explainPair(wh, rel("linked"), `SELECT * FROM ${q("people")}`, settings, {
        model: "linked",
        settingsName: "link",
        recordA,
        recordB,
      });
    expect(await explain("c1", "c2")).toMatchObject({ sameSource: true, blockingRules: [], inOutput: false });
    expect(await explain("c1", "s1")).toMatchObject({
      sameSource: false,
      blockingRules: ["last_name", "substr(dob, 1, 4)"],
      inOutput: true,
    });
  });

  it("link_and_dedupe compares every pair, within and across sources", async () => {
    const settings = matchSettingsSchema.parse({
      ...base,
      linkType: "link_and_dedupe",
      sourceColumn: "source",
    });
    await runMatch(wh, rel("both"), `SELECT * FROM ${q("people")}`, settings, { settingsName: "both" });
    const rows = await pairsOf("both");
    expect(rows.map((x) => x.pair)).toEqual(["c1-c2", "c1-s1", "c2-s1", "c3-s2", "s3-w1"]);
    expect(rows.find((x) => x.pair === "c1-c2")).toMatchObject({ source_l: "crm", source_r: "crm" });
  });

  it("counts each rule's pairs across sources only for the pair budget with link_only", async () => {
    const link = matchSettingsSchema.parse({ ...base, linkType: "link_only", sourceColumn: "source" });
    const dedupe = matchSettingsSchema.parse(base);
    const counts = async (settings: typeof link) => {
      const columns = await checkRecords(wh, rel("people"), settings, "identity.match.t");
      await wh.replaceTable(
        rel("records"),
        matchRecordsSql(wh.dialect, q("people"), settings, columns, schema),
      );
      return rulePairCounts(wh, rel("records"), settings);
    };
    // last_name: Schmidt x3 (3 pairs, 2 across), Garcia x2 (1, across). Birth years: 1980 x3
    // (3 pairs, 2 across), 1975 x2 and 1990 x2 (1 each, across).
    expect(await counts(dedupe)).toEqual([4, 5]);
    expect(await counts(link)).toEqual([3, 4]);
  });

  it("blocking recall: the true pairs each rule finds, alone and with the rules before it", async () => {
    const settings = matchSettingsSchema.parse({
      ...base,
      blocking: [["first_name", "last_name"], ["dob"], ["substr(dob, 1, 4)"]],
    });
    const columns = await checkRecords(wh, rel("people"), settings, "identity.match.t");
    await wh.replaceTable(
      rel("records"),
      matchRecordsSql(wh.dialect, q("people"), settings, columns, schema),
    );
    const recall = await blockingRecall(wh, rel("records"), rel("truth"), settings);
    // True pairs: P1 3 (c1-c2, c1-s1, c2-s1), P2 1 (swapped names), P3 1 (dob typo): 5.
    expect(recall.recordsInTruth).toBe(8);
    expect(recall.truePairs).toBe(5);
    expect(recall.rules.map((r) => [r.truePairs, r.cumulative])).toEqual([
      [4, 4], // names: P1 x3, P3
      [4, 5], // dob: P1 x3, P2 (the swapped pair)
      [5, 5], // birth year: all
    ]);
    expect(recall.recall).toBe(1);
    const link = matchSettingsSchema.parse({ ...settings, linkType: "link_only", sourceColumn: "source" });
    await wh.replaceTable(rel("records"), matchRecordsSql(wh.dialect, q("people"), link, columns, schema));
    // Across sources only: c1-c2 is not a pair the match may compare.
    expect((await blockingRecall(wh, rel("records"), rel("truth"), link)).truePairs).toBe(4);
  });

  it("asks for the source column link_only needs, and for one the model selects", async () => {
    const parsed = matchSettingsSchema.safeParse({ ...base, linkType: "link_only" });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["sourceColumn", `linkType "link_only" needs a sourceColumn: the column naming each record's source`],
    ]);
    const settings = matchSettingsSchema.parse({ ...base, linkType: "link_only", sourceColumn: "sorce" });
    await expect(
      runMatch(wh, rel("bad"), `SELECT * FROM ${q("people")}`, settings, { settingsName: "bad" }),
    ).rejects.toThrow(
      /identity\.match\.bad\.sourceColumn is "sorce", which the model does not select\. Did you mean "source"\?/,
    );
  });

  it("suggests selecting a compared column the records lack as NULL", async () => {
    const settings = matchSettingsSchema.parse({
      ...base,
      comparisons: [...base.comparisons, { column: "phone", levels: [{ exact: true }] }],
    });
    await expect(
      runMatch(wh, rel("bad"), `SELECT * FROM ${q("people")}`, settings, { settingsName: "bad" }),
    ).rejects.toThrow(
      /compares "phone", which the model does not select\..*select it as NULL \(`\{\{cast "null" "string"\}\} as phone`\)/,
    );
  });
}
