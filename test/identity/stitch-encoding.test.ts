import { expect, it } from "vitest";
import { identifierKeySql, numberIdentifiers } from "../../src/identity/stitch/edges.ts";
import { runStitch } from "../../src/identity/stitch/index.ts";
import { NO_RULES } from "../../src/identity/stitch/rules.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";
import { partitionOf, UnionFind } from "../helpers/union-find.ts";

/** The identifiers' ends as the stitch reads them: some twice, types and values out of order. */
const ENDS: [string, string][] = [
  ["phone", "+4420"],
  ["email", "b@x.test"],
  ["anon", "a2"],
  ["email", "a@x.test"],
  ["phone", "+1415"],
  ["anon", "a1"],
  ["email", "b@x.test"],
  ["user_id", "u1"],
  ["anon", "a10"],
];

describeEachWarehouse("identifier numbering", "stitch_numbering", ({ wh: suite, skipped, schema }) => {
  it("numbers identifiers from 1 in (type, value) order, each type after the types before it", async (ctx) => {
    if (skipped()) return ctx.skip();
    const wh = suite();
    const d = wh.dialect;
    // Each type in a statement of its own: the ends' query takes the condition that picks one.
    const ends = (only: (column: string) => string) =>
      ENDS.map(
        ([t, v]) =>
          `SELECT ${d.literal(t)} AS type, ${d.literal(v)} AS value, ${identifierKeySql(d, d.literal(t), d.literal(v))} AS key FROM (SELECT ${d.literal(t)} AS t) AS x WHERE 1 = 1${only("x.t")}`,
      ).join(" UNION ALL ");
    const nodes = { schema, name: "numbered" };
    const { count, types } = await numberIdentifiers(wh, nodes, ends);
    const rows = await wh.query<{ id: number; type: string; value: string; key: unknown }>(
      `SELECT id, type, value, key FROM ${d.quoteRelation(nodes)} ORDER BY id`,
    );
    expect(count).toBe(rows.length);
    expect(types).toEqual([...new Set(ENDS.map(([t]) => t))].sort());
    const distinct = [...new Set(ENDS.map(([t, v]) => `${t}\u0000${v}`))].sort();
    expect(rows.map((r) => [Number(r.id), `${r.type}\u0000${r.value}`])).toEqual(
      distinct.map((k, i) => [i + 1, k]),
    );
    // Distinct identifiers, distinct keys: the encoding joins on them.
    expect(new Set(rows.map((r) => String(r.key))).size).toBe(rows.length);
  });
});

/** The warehouse with a hash that gives every identifier the same key. */
function colliding(wh: Warehouse): Warehouse {
  const dialect = { ...wh.dialect, hashText: () => "0" };
  return new Proxy(wh, { get: (t, p) => (p === "dialect" ? dialect : Reflect.get(t, p, t)) });
}

describeEachWarehouse(
  "stitch encoding",
  "stitch_encoding",
  ({ wh: suite, skipped, schema }) => {
    it("gives the same profiles when identifiers share a hash key (the ends are found by their strings)", async (ctx) => {
      if (skipped()) return ctx.skip();
      const wh = suite();
      const d = wh.dialect;
      const edges: [string, string, string, string][] = [];
      const uf = new UnionFind();
      for (let i = 0; i < 60; i++) {
        const a: [string, string] = ["email", `p${i % 23}@x.test`];
        const b: [string, string] = i % 3 ? ["anon", `a${i}`] : ["phone", `+44${i % 7}`];
        edges.push([...a, ...b]);
        uf.union(a.join(":"), b.join(":"));
      }
      const input = { schema, name: "edges_in" };
      await wh.replaceTable(
        input,
        edges
          .map(
            (e) =>
              `SELECT ${e.map((v, i) => `${d.literal(v)} AS ${["a_type", "a_value", "b_type", "b_value"][i]}`).join(", ")}`,
          )
          .join(" UNION ALL "),
      );
      const read = async (name: string) =>
        wh.query<{ identifier_type: string; identifier: string; profile_id: string }>(
          `SELECT identifier_type, identifier, profile_id FROM ${d.quoteRelation({ schema, name })} ORDER BY identifier_type, identifier`,
        );
      const edgesSql = `SELECT * FROM ${d.quoteRelation(input)}`;
      await runStitch(wh, { schema, name: "by_key" }, edgesSql, NO_RULES, "r1");
      await runStitch(colliding(wh), { schema, name: "by_string" }, edgesSql, NO_RULES, "r1");
      const byKey = await read("by_key");
      expect(await read("by_string")).toEqual(byKey);
      expect(
        partitionOf(byKey.map((r) => ({ key: `${r.identifier_type}:${r.identifier}`, group: r.profile_id }))),
      ).toEqual(uf.partition());
    });
  },
  [duckdbTarget, postgresTarget],
);
