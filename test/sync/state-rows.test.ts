import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commitDelivered,
  ensureState,
  recordErrors,
  type StateTables,
  stateTables,
} from "../../src/sync/state.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { bigqueryTarget } from "../bigquery/target.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/** Keys and texts that a careless encoding of rows into SQL would break or alter. */
const AWKWARD = [
  "plain",
  "it's",
  'say "hi"',
  "back\\slash \\u0041 \\n",
  "tab\tnew\nline",
  "unit\u001fsep\u001erec",
  "ünïcødé ✓ 😀",
  '["json", "looking"]',
  "NULL",
  "",
  " padded ",
];

for (const target of [duckdbTarget, postgresTarget, bigqueryTarget]) {
  describe(`sync state writes on ${target.name}`, () => {
    let wh: Warehouse;
    let reason: string | undefined;
    const schema = `state_rows_${process.pid}`;
    let t: StateTables;
    beforeAll(async () => {
      reason = await target.unavailable();
      if (reason) {
        console.warn(`\n*** SKIPPED: sync state tests on ${target.name}: ${reason} ***\n`);
        return;
      }
      wh = await target.open(schema);
      t = stateTables(schema, "s");
      await ensureState(wh, t);
    });
    afterAll(async () => {
      if (!wh) return;
      await target.cleanup?.(wh, schema);
      await wh.close();
    });

    const snapshot = async () =>
      Object.fromEntries(
        (
          await wh.query<{ key: string; hash: string; fields: string | null }>(
            `SELECT key, hash, fields FROM ${wh.dialect.quoteRelation(t.snapshot)}`,
          )
        ).map((r) => [r.key, { hash: r.hash, fields: r.fields }]),
      );
    const errorKeys = async () =>
      (await wh.query<{ key: string }>(`SELECT key FROM ${wh.dialect.quoteRelation(t.errors)}`))
        .map((r) => r.key)
        .sort();

    it("stores keys, hashes and fields exactly as given, and clears only the errors it is told to", async (ctx) => {
      if (reason) return ctx.skip();
      const rows = AWKWARD.map((text, i) => ({
        key: text,
        hash: `h${i}:${text}`,
        fields: i % 2 ? JSON.stringify({ text }) : undefined,
      }));
      await recordErrors(
        wh,
        t,
        AWKWARD.map((key) => ({ key, operation: "upsert", error: `failed: ${key}` })),
      );
      const errors = await wh.query<{ key: string; error: string; attempts: number }>(
        `SELECT key, error, attempts FROM ${wh.dialect.quoteRelation(t.errors)}`,
      );
      expect(Object.fromEntries(errors.map((e) => [e.key, e.error]))).toEqual(
        Object.fromEntries(AWKWARD.map((k) => [k, `failed: ${k}`])),
      );

      await commitDelivered(wh, t, rows, [], [AWKWARD[1]!, AWKWARD[5]!]);
      expect(await snapshot()).toEqual(
        Object.fromEntries(rows.map((r) => [r.key, { hash: r.hash, fields: r.fields ?? null }])),
      );
      expect(await errorKeys()).toEqual(AWKWARD.filter((_, i) => i !== 1 && i !== 5).sort());

      // A second commit updates in place; removals and the default clearing take every key given.
      const again = rows.slice(0, 4).map((r) => ({ ...r, hash: `${r.hash}+` }));
      await commitDelivered(wh, t, again, AWKWARD.slice(4, 8));
      const after = await snapshot();
      expect(Object.keys(after).sort()).toEqual([...AWKWARD.slice(0, 4), ...AWKWARD.slice(8)].sort());
      expect(after[AWKWARD[2]!]!.hash).toBe(`h2:${AWKWARD[2]}+`);
      expect(await errorKeys()).toEqual(AWKWARD.slice(8).sort());

      await recordErrors(wh, t, [{ key: AWKWARD[9]!, operation: "delete", error: "again" }]);
      const [again9] = await wh.query<{ attempts: number; operation: string }>(
        `SELECT attempts, operation FROM ${wh.dialect.quoteRelation(t.errors)} WHERE key = ${wh.dialect.literal(AWKWARD[9]!)}`,
      );
      expect(Number(again9!.attempts)).toBe(2);
      expect(again9!.operation).toBe("delete");
    });
  });
}
