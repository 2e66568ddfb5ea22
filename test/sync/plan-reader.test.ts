import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planBatches } from "../../src/sync/plan-reader.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";

for (const target of [duckdbTarget, postgresTarget]) {
  describe(`planBatches on ${target.name}`, () => {
    let wh: Warehouse;
    let reason: string | undefined;
    const schema = `plan_reader_${process.pid}`;
    const plan = { schema, name: "p__plan" };
    beforeAll(async () => {
      reason = await target.unavailable();
      if (reason) {
        console.warn(`\n*** SKIPPED: planBatches on ${target.name}: ${reason} ***\n`);
        return;
      }
      wh = await target.open(schema);
      // More rows than a page, a kind that is not sent in between.
      await wh.replaceTable(
        plan,
        `SELECT CASE WHEN i % 3 = 0 THEN 'changed' ELSE 'added' END AS op, CAST(i AS ${wh.dialect.typeName("string")}) AS k
         FROM (SELECT ${target.name === "duckdb" ? "range" : "generate_series(0, 25002)"} AS i ${target.name === "duckdb" ? "FROM range(25003)" : ""}) AS s`,
      );
    });
    afterAll(async () => {
      if (!wh) return;
      await target.cleanup?.(wh, schema);
      await wh.close();
    });

    it("yields every matching row once, in full batches but the last", async (ctx) => {
      if (reason) return ctx.skip();
      const sizes: number[] = [];
      const keys: string[] = [];
      for await (const rows of planBatches(wh, plan, `op IN ('added')`, 3_000)) {
        sizes.push(rows.length);
        for (const r of rows) keys.push(String(r.k));
        expect(rows.every((r) => r.op === "added")).toBe(true);
      }
      const expected = Array.from({ length: 25_003 }, (_, i) => i).filter((i) => i % 3 !== 0);
      expect(keys.map(Number).sort((a, b) => a - b)).toEqual(expected);
      expect(sizes.slice(0, -1).every((n) => n === 3_000)).toBe(true);
      expect(sizes.at(-1)).toBe(expected.length % 3_000 || 3_000);
    });
  });
}
