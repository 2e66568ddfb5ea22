import { expect, it } from "vitest";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";

// The bulk path the loader stages batches through where a warehouse has one (DuckDB's appender,
// Postgres's COPY FROM STDIN): every value arrives as it was, NULL and "" told apart.
describeEachWarehouse("appendRows", "cdp_collect_append", (suite) => {
  it("appends text, NULLs, integers and timestamps exactly", async () => {
    if (suite.skipped()) return;
    const wh = suite.wh();
    if (!wh.appendRows) return;
    const d = wh.dialect;
    const table = { schema: suite.schema, name: "appended" };
    await wh.execute(
      `CREATE TABLE ${d.quoteRelation(table)} (${d.quoteIdentifier("k")} ${d.typeName("string")}, ${d.quoteIdentifier("n")} ${d.typeName("int64")}, ${d.quoteIdentifier("at")} ${d.typeName("timestamp")})`,
    );
    const at = new Date("2026-11-02T10:00:00.123Z");
    const tricky = 'a "quoted", comma\nand newline \\N é';
    await wh.appendRows(table, [
      ["1", 10n, at],
      ["", null, null],
      [null, -(2n ** 62n), at],
      [tricky, 0n, null],
    ]);
    const rows = await wh.query(
      `SELECT ${d.quoteIdentifier("k")} AS k, ${d.quoteIdentifier("n")} AS n, ${d.quoteIdentifier("at")} AS at FROM ${d.quoteRelation(table)} ORDER BY ${d.quoteIdentifier("n")}`,
    );
    expect(rows).toEqual([
      { k: null, n: -(2n ** 62n), at },
      { k: tricky, n: 0, at: null },
      { k: "1", n: 10, at },
      { k: "", n: null, at: null },
    ]);
  });
});
