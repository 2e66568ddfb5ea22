import { expect, it } from "vitest";
import { syncPhoneSql } from "../../src/sync/phone-sql.ts";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";

/**
 * The sync's `phone` transform: E.164, read in the record's country first, and nothing for what
 * cannot be a number (the demo once sent "+00000000", and a German mobile read with calling code
 * 1 as "+11719083461").
 */
const CASES: [raw: string | null, country: string | null, expected: string | null][] = [
  ["01719083461", null, null],
  ["01719083461", "DE", "+491719083461"],
  ["01719083461", " de ", "+491719083461"],
  ["+00000000", null, null],
  ["0000000000", null, null],
  ["(415) 555-0134", null, "+14155550134"],
  ["(415) 555-0134", "XX", "+14155550134"],
  ["+44 (0)20 7946 0958", null, "+442079460958"],
  ["020 7946 0958", "GB", "+442079460958"],
  ["1234567890123456789", null, null],
  ["555", null, null],
  [null, "DE", null],
];

describeEachWarehouse("sync phone transform", "phone", ({ wh: warehouse, skipped }) => {
  it("gives E.164 in the record's country, and NULL for what is no number", async () => {
    if (skipped()) return;
    const wh = warehouse();
    const d = wh.dialect;
    const s = (v: string | null) => d.cast(v === null ? "NULL" : d.literal(v), "string");
    const rows = CASES.map(
      ([raw, country], i) => `SELECT ${i} AS n, ${s(raw)} AS phone, ${s(country)} AS country`,
    );
    const input = `(${rows.join(" UNION ALL ")}) AS t`;
    const text = `NULLIF(TRIM(${d.quoteIdentifier("phone")}), '')`;
    const got = await wh.query<{ n: number; e164: string | null }>(
      `SELECT n, ${syncPhoneSql(d, text, "1", "country")} AS e164 FROM ${input} ORDER BY n`,
    );
    expect(got.map((r) => r.e164)).toEqual(CASES.map((c) => c[2]));
  });
});
