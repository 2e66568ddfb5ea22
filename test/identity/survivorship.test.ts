import { expect, it } from "vitest";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";

/**
 * Survivorship helpers give the same golden record for the same rows, whatever their order:
 * ties in the order go to the smallest value. DuckDB's arg_min/arg_max and mode() took whichever
 * row came first, so a profile's first name flipped between "Jörg" and "Joerg" from one identical
 * build to the next, and every sync sent a false change.
 */
describeEachWarehouse("survivorship ties", "surv", ({ wh: warehouse, skipped, schema }) => {
  /** One aggregate over rows given in this order (a table built row by row, in order). */
  const pick = async (rows: [string | null, number | null][], aggregate: string) => {
    const wh = warehouse();
    const d = wh.dialect;
    const values = rows
      .map(
        ([v, o], i) =>
          `SELECT ${i} AS n, ${d.cast(d.literal(v), "string")} AS v, ${d.cast(o === null ? "NULL" : String(o), "int64")} AS o`,
      )
      .join(" UNION ALL ");
    await wh.replaceTable({ schema, name: "rows_in_order" }, `SELECT * FROM (${values}) AS t ORDER BY n`);
    const [row] = await wh.query<{ p: string | null }>(
      `SELECT ${aggregate} AS p FROM ${d.quoteRelation({ schema, name: "rows_in_order" })}`,
    );
    return row?.p ?? null;
  };

  it("by_priority and most_recent: ties in the order go to the smallest value, in any row order", async () => {
    if (skipped()) return;
    const wh = warehouse();
    const d = wh.dialect;
    const tied: [string | null, number | null][] = [
      ["Jörg", 1],
      ["Joerg", 1],
      ["Zed", 2],
      [null, 0],
    ];
    for (const rows of [tied, [...tied].reverse()]) {
      expect(await pick(rows, d.pickBy("v", "o", "asc"))).toBe("Joerg");
      expect(await pick(rows, d.pickBy("v", "o", "desc"))).toBe("Zed");
    }
    const latest: [string | null, number | null][] = [
      ["b", 5],
      ["a", 5],
      ["c", null],
    ];
    for (const rows of [latest, [...latest].reverse()]) {
      expect(await pick(rows, d.pickBy("v", "o", "desc"))).toBe("a");
    }
  });

  it("most_frequent: the most frequent value, ties to the smallest, NULLs ignored", async () => {
    if (skipped()) return;
    const wh = warehouse();
    const d = wh.dialect;
    const rows: [string | null, number | null][] = [
      ["y", 0],
      ["x", 0],
      ["y", 0],
      ["x", 0],
      [null, 0],
      [null, 0],
      [null, 0],
    ];
    for (const ordered of [rows, [...rows].reverse()]) {
      expect(await pick(ordered, d.mostFrequent("v"))).toBe("x");
    }
    expect(await pick([[null, 0]], d.mostFrequent("v"))).toBeNull();
  });
});
