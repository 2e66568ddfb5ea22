import path from "node:path";
import { describe, expect, it } from "vitest";
import { runStitch } from "../../src/identity/stitch/index.ts";
import { NO_RULES } from "../../src/identity/stitch/rules.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Relation } from "../../src/warehouse/types.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * `replaceTable`'s `distinctText`: on DuckDB those string columns are written with FSST alone
 * (no dictionary trial); the table is otherwise the one a plain replace builds.
 */
describe("DuckDB replaceTable with distinct text columns", () => {
  const open = () =>
    DuckdbWarehouse.open({
      path: path.join(tempDir("cdp-compression-"), "c.duckdb"),
      schema: "main",
      connections: 1,
    });
  /** Each column's compression methods once written to the file. */
  const methods = async (wh: DuckdbWarehouse, r: Relation) => {
    await wh.execute("CHECKPOINT");
    const rows = await wh.query<{ column_name: string; compression: string }>(
      `SELECT DISTINCT column_name, compression FROM pragma_storage_info('${r.name}')
       WHERE segment_type <> 'VALIDITY' ORDER BY ALL`,
    );
    const out: Record<string, string[]> = {};
    for (const row of rows) out[row.column_name] = [...(out[row.column_name] ?? []), row.compression];
    return out;
  };

  // Repeated values a dictionary would win on, unique ones, and types whose spelling the
  // table's definition must keep (read back from the query).
  const query = `WITH r AS (SELECT range AS i FROM range(20000))
    SELECT 'type_' || (i % 3) AS kind, 'person-' || i || '@mail.test' AS id, 'code-' || (i % 50) AS code, CAST(i AS DECIMAL(12, 3)) AS amount,
      [i, i + 1] AS pair, {'n': i, 'label': 'x'} AS info, TIMESTAMPTZ '2026-01-01 00:00:00+00' AS at,
      CAST(i AS INTEGER) AS n FROM r`;

  it("writes the named columns with FSST, keeps every type and row, and swaps atomically", async () => {
    const wh = await open();
    try {
      const plain = { schema: "main", name: "plain" };
      const hinted = { schema: "main", name: "hinted" };
      expect(await wh.replaceTable(plain, query)).toEqual({ rows: 20000 });
      // `n` is not text: the hint does not apply to it.
      // `code` repeats: the hint is obeyed even where a dictionary would have won.
      expect(await wh.replaceTable(hinted, query, { distinctText: ["id", "code", "n", "absent"] })).toEqual({
        rows: 20000,
      });
      expect((await wh.describe(hinted))?.columns).toEqual((await wh.describe(plain))?.columns);
      const [differ] = await wh.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ((SELECT * FROM main.plain EXCEPT ALL SELECT * FROM main.hinted)
         UNION ALL (SELECT * FROM main.hinted EXCEPT ALL SELECT * FROM main.plain)) AS x`,
      );
      expect(Number(differ?.n)).toBe(0);
      const got = await methods(wh, hinted);
      expect(got.id).toEqual(["FSST"]);
      expect(got.code).toEqual(["FSST"]);
      expect(got.kind).toEqual(["Dictionary"]);
      // A plain replace of the same rows tries a dictionary on every string column.
      const auto = await methods(wh, plain);
      expect(auto.kind).toEqual(["Dictionary"]);
      expect(auto.code).toEqual(["Dictionary"]);

      // Replacing it again keeps it a table of the new rows; a query failing as it runs (not as
      // it is planned: DESCRIBE passes) leaves the previous table whole.
      await wh.replaceTable(hinted, "SELECT 'a' AS id, 1 AS n", { distinctText: ["id"] });
      expect(await wh.query("SELECT * FROM main.hinted")).toEqual([{ id: "a", n: 1 }]);
      await expect(
        wh.replaceTable(hinted, "SELECT CAST('x' || range AS INTEGER) AS id FROM range(3)", {
          distinctText: ["id"],
        }),
      ).rejects.toThrow(/Could not convert string 'x0'/);
      expect(await wh.query("SELECT * FROM main.hinted")).toEqual([{ id: "a", n: 1 }]);
      expect(await wh.listRelations("main")).toEqual(["hinted", "plain"]);
    } finally {
      await wh.close();
    }
  });

  it("writes the stitch's identifiers and profile ids with FSST, in its output and its registry", async () => {
    const wh = await open();
    try {
      // 200 people of 50 browsers each: each profile id repeats 51 times, where a dictionary wins.
      await wh.replaceTable(
        { schema: "main", name: "edges" },
        `SELECT 'email' AS a_type, 'e' || (range // 50) || '@mail.test' AS a_value, 'anon' AS b_type, 'a' || range AS b_value
         FROM range(10000)`,
      );
      const out = { schema: "main", name: "graph" };
      const result = await runStitch(wh, out, "SELECT * FROM main.edges", NO_RULES, "r1");
      expect(result.identifiers).toBe(10200);
      expect(result.profiles).toBe(200);
      const got = await methods(wh, out);
      expect(got.identifier).toEqual(["FSST"]);
      expect(got.profile_id).toEqual(["FSST"]);
      // The profiles' registry too, built empty and filled by each run's inserts.
      expect((await methods(wh, { schema: "main", name: "graph__profiles" })).profile_id).toEqual(["FSST"]);
    } finally {
      await wh.close();
    }
  });
});
