import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierKeySql } from "../../src/identity/stitch/edges.ts";
import { explainProfilePath } from "../../src/identity/stitch/explain-path.ts";
import { runStitch, stitchTables } from "../../src/identity/stitch/index.ts";
import { NO_RULES } from "../../src/identity/stitch/rules.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { type ConformanceTarget, TARGETS } from "../conformance/targets.ts";

/**
 * Profiles that resist chaining, on every warehouse: probabilistic links (a weight) join groups
 * only where no pair inside the result is said to be different people (a negative weight);
 * deterministic links (no weight) always hold; every cut is recorded and explained.
 */
for (const target of TARGETS) {
  const reason = await target.unavailable();
  if (reason) {
    describe.skip(`anti-chaining stitch on ${target.name} (${reason})`, () => {
      it("is skipped", () => {});
    });
    continue;
  }
  describe(`anti-chaining stitch on ${target.name}`, () => defineTests(target));
}

/** [a, b, weight]: weight null for a deterministic link; records are `record` identifiers. */
type Link = [string, string, number | null];

function defineTests(target: ConformanceTarget): void {
  const schema = `cdp_chain_${Math.random().toString(36).slice(2, 8)}`;
  let wh: Warehouse;
  const rel = (name: string): Relation => ({ schema, name });
  beforeAll(async () => {
    wh = await target.open(schema);
  });
  afterAll(async () => {
    await target.cleanup?.(wh, schema);
    await wh.close();
  });

  function edgesSql(links: Link[]): string {
    const d = wh.dialect;
    return links
      .map(
        ([a, b, w]) =>
          `SELECT 'record' AS a_type, ${d.literal(a)} AS a_value, 'record' AS b_type, ${d.literal(b)} AS b_value, ${d.literal(w === null ? "link" : "match")} AS source, ${w === null ? d.cast("NULL", "float64") : d.cast(String(w), "float64")} AS weight`,
      )
      .join(" UNION ALL ");
  }

  /** Stitches the links; returns the profiles as sorted lists of record values. */
  async function stitch(name: string, links: Link[]): Promise<string[][]> {
    await runStitch(wh, rel(name), edgesSql(links), NO_RULES, "r1");
    const rows = await wh.query<{ identifier: string; profile_id: string }>(
      `SELECT identifier, profile_id FROM ${wh.dialect.quoteRelation(rel(name))}`,
    );
    const by = new Map<string, string[]>();
    for (const r of rows)
      by.set(String(r.profile_id), [...(by.get(String(r.profile_id)) ?? []), String(r.identifier)]);
    return [...by.values()].map((p) => p.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
  }

  it("splits a chain A~B~C whose ends are different people, at its weaker link, and records the cut", async () => {
    const profiles = await stitch("chain", [
      ["A", "B", 12],
      ["B", "C", 6],
      ["A", "C", -15],
      ["D", "E", 9],
    ]);
    expect(profiles).toEqual([["A", "B"], ["C"], ["D", "E"]]);
    const cuts = await wh.query<{ identifier: string; reason: string; detail: string }>(
      `SELECT identifier, reason, detail FROM ${wh.dialect.quoteRelation(stitchTables(rel("chain")).cuts)}`,
    );
    expect(cuts).toEqual([
      {
        identifier: "B",
        reason: "cannot_link",
        detail:
          "link to record C (weight +6.0) cut: record A and record C are different people (weight -15.0)",
      },
    ]);
  });

  it("keeps a well-supported group whole, and a deterministic link holds against a cannot-link", async () => {
    expect(
      await stitch("supported", [
        ["A", "B", 10],
        ["B", "C", 9],
        ["A", "C", 8],
        ["C", "D", 11],
        ["B", "D", 7],
      ]),
    ).toEqual([["A", "B", "C", "D"]]);
    expect(
      await stitch("fixed", [
        ["A", "B", null],
        ["B", "C", null],
        ["A", "C", -20],
        ["C", "D", 8],
      ]),
    ).toEqual([["A", "B", "C", "D"]]);
  });

  it("merges strongest first: a long chain with one cannot-link splits at its weakest link between the two", async () => {
    // 1-2-3-4-5-6, the weakest link 3-4; 1 and 6 are different people.
    const profiles = await stitch("long", [
      ["r1", "r2", 14],
      ["r2", "r3", 12],
      ["r3", "r4", 4],
      ["r4", "r5", 13],
      ["r5", "r6", 11],
      ["r1", "r6", -12],
    ]);
    expect(profiles).toEqual([
      ["r1", "r2", "r3"],
      ["r4", "r5", "r6"],
    ]);
  });

  it("gives the same profiles and ids whatever the row order", async () => {
    const links: Link[] = [
      ["A", "B", 12],
      ["B", "C", 6],
      ["A", "C", -15],
      ["C", "D", 7],
    ];
    await runStitch(wh, rel("order1"), edgesSql(links), NO_RULES, "r1");
    await runStitch(wh, rel("order2"), edgesSql([...links].reverse()), NO_RULES, "r1");
    const read = (name: string) =>
      wh.query(
        `SELECT identifier, profile_id FROM ${wh.dialect.quoteRelation(rel(name))} ORDER BY identifier`,
      );
    expect(await read("order2")).toEqual(await read("order1"));
  });

  it("explains the path between two records, and the cut that separated two others", async () => {
    await runStitch(
      wh,
      rel("explained"),
      edgesSql([
        ["A", "B", 12],
        ["B", "C", 6],
        ["A", "C", -15],
        ["C", "D", null],
      ]),
      NO_RULES,
      "r1",
    );
    const a = { type: "record", value: "A" };
    const inside = await explainProfilePath(wh, rel("explained"), "explained", a, {
      type: "record",
      value: "B",
    });
    expect(inside.sameProfile).toBe(true);
    expect(inside.path.map((l) => [l.from.value, l.to.value, l.weight, l.status])).toEqual([
      ["A", "B", 12, "link"],
    ]);
    const apart = await explainProfilePath(wh, rel("explained"), "explained", a, {
      type: "record",
      value: "D",
    });
    expect(apart.sameProfile).toBe(false);
    expect(apart.path.map((l) => [l.from.value, l.to.value, l.weight, l.status])).toEqual([
      ["A", "B", 12, "link"],
      ["B", "C", 6, "cut"],
      ["C", "D", null, "link"],
    ]);
    expect(apart.path[1]!.cut).toContain("record A and record C are different people");
    expect(apart.cannotLinks).toEqual([
      { a: { type: "record", value: "A" }, b: { type: "record", value: "C" }, weight: -15 },
    ]);
  });

  it("names each link's ends in <model>__links by the identifier's key, each link once", async () => {
    await runStitch(
      wh,
      rel("keyed"),
      edgesSql([
        ["A", "B", 12],
        ["B", "A", 3],
        ["B", "C", 6],
        ["A", "C", -15],
        ["C", "D", null],
      ]),
      NO_RULES,
      "r1",
    );
    const q = (r: Relation) => wh.dialect.quoteRelation(r);
    const key = (alias: string) =>
      identifierKeySql(wh.dialect, `${alias}.identifier_type`, `${alias}.identifier`);
    const rows = await wh.query<{ a: string; b: string; weight: number | null; status: string }>(
      `SELECT a.identifier AS a, b.identifier AS b, l.weight, l.status FROM ${q(stitchTables(rel("keyed")).links)} AS l
       JOIN ${q(rel("keyed"))} AS a ON ${key("a")} = l.a_key JOIN ${q(rel("keyed"))} AS b ON ${key("b")} = l.b_key
       ORDER BY a.identifier, b.identifier`,
    );
    expect(rows.map((r) => [r.a, r.b, r.weight === null ? null : Number(r.weight), r.status])).toEqual([
      ["A", "B", 12, "link"],
      ["A", "C", -15, "cannot_link"],
      ["B", "C", 6, "cut"],
      ["C", "D", null, "link"],
    ]);
    const [all] = await wh.query<{ n: number | bigint }>(
      `SELECT COUNT(*) AS n FROM ${q(stitchTables(rel("keyed")).links)}`,
    );
    expect(Number(all?.n)).toBe(4);
  });

  it("refuses to explain from a link table in the older layout (ends as strings), saying to rebuild", async () => {
    await runStitch(wh, rel("older"), edgesSql([["A", "B", null]]), NO_RULES, "r1");
    const d = wh.dialect;
    const s = (v: string) => d.cast(d.literal(v), "string");
    await wh.replaceTable(
      stitchTables(rel("older")).links,
      `SELECT ${s("record")} AS a_type, ${s("A")} AS a_value, ${s("record")} AS b_type, ${s("B")} AS b_value,
         ${d.cast("NULL", "float64")} AS weight, ${d.cast("NULL", "string")} AS source, ${s("link")} AS status`,
    );
    await expect(
      explainProfilePath(
        wh,
        rel("older"),
        "older",
        { type: "record", value: "A" },
        { type: "record", value: "B" },
      ),
    ).rejects.toThrow(/older version.*--full-refresh/);
  });
}
