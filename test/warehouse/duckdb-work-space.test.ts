import path from "node:path";
import { describe, expect, it } from "vitest";
import { runStitch } from "../../src/identity/stitch/index.ts";
import { NO_RULES } from "../../src/identity/stitch/rules.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * DuckDB keeps work tables in an in-memory catalog (`workSpace`): shared by the pool's
 * connections, told apart from the file's tables by `describe`, gone with the process.
 */
describe("DuckDB work space", () => {
  const file = () => path.join(tempDir("cdp-work-space-"), "w.duckdb");

  it("holds tables every connection sees, apart from the file's, and not written to the file", async () => {
    const dbFile = file();
    const wh = await DuckdbWarehouse.open({ path: dbFile, schema: "main", connections: 2 });
    try {
      const space = await wh.workSpace();
      expect(await wh.workSpace()).toEqual(space);
      const work = { ...space, name: "t" };
      await wh.replaceTable(work, "SELECT range AS id FROM range(1000)");
      await wh.replaceTable({ schema: "main", name: "t" }, "SELECT 'file' AS kind");
      // Both connections of the pool at once: each reads the work table.
      const counts = await Promise.all(
        [1, 2].map(() =>
          wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${wh.dialect.quoteRelation(work)}`),
        ),
      );
      expect(counts.map((c) => Number(c[0]?.n))).toEqual([1000, 1000]);
      expect((await wh.describe(work))?.columns.map((c) => c.name)).toEqual(["id"]);
      expect(
        (
          await wh.describe({ schema: "main", name: "t", database: path.basename(dbFile, ".duckdb") })
        )?.columns.map((c) => c.name),
      ).toEqual(["kind"]);
      await wh.dropRelation(work);
      expect(await wh.describe(work)).toBeUndefined();
      await wh.replaceTable({ ...space, name: "left_behind" }, "SELECT 1 AS x");
    } finally {
      await wh.close();
    }
    const again = await DuckdbWarehouse.open({ path: dbFile, schema: "main", connections: 1 });
    try {
      // The file kept its own table only; the work catalog starts empty.
      expect(await again.listRelations("main")).toEqual(["t"]);
      expect(await again.describe({ ...(await again.workSpace()), name: "left_behind" })).toBeUndefined();
    } finally {
      await again.close();
    }
  });

  it("a stitch on a database file leaves only its output and side tables there", async () => {
    const wh = await DuckdbWarehouse.open({ path: file(), schema: "main", connections: 2 });
    try {
      await wh.replaceTable(
        { schema: "main", name: "edges" },
        "SELECT 'email' AS a_type, 'e' || range AS a_value, 'anon' AS b_type, 'a' || (range % 7) AS b_value FROM range(50)",
      );
      const result = await runStitch(
        wh,
        { schema: "main", name: "people" },
        "SELECT * FROM main.edges",
        NO_RULES,
        "r",
      );
      expect(result).toMatchObject({ identifiers: 57, profiles: 7 });
      const [counted] = await wh.query<{ n: number; p: number }>(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT profile_id) AS p FROM main.people",
      );
      expect([Number(counted?.n), Number(counted?.p)]).toEqual([57, 7]);
      const left = (await wh.listRelations("main")).filter((n) => n.includes("__cdp_"));
      expect(left).toEqual([]);
      const work = await wh.query(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'cdp_work'",
      );
      expect(work).toEqual([]);
    } finally {
      await wh.close();
    }
  });
});
