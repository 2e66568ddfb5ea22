import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { PostgresWarehouse } from "../../src/warehouse/postgres/index.ts";
import type { DatePart } from "../../src/warehouse/types.ts";
import { measureStream } from "../helpers/memory.ts";
import {
  languageCollated,
  openPostgres,
  postgresServer,
  postgresTarget,
  warnSkipped,
} from "../helpers/postgres.ts";

/**
 * What the conformance suite does not cover on Postgres: the same answers as DuckDB for date
 * math and seed types, views kept across table swaps, and the value types of every column kind.
 */
const server = postgresServer();

if (server.unavailable) {
  warnSkipped("Postgres warehouse tests", server.unavailable);
  describe.skip(`Postgres warehouse (${server.unavailable})`, () => {
    it("is skipped", () => {});
  });
} else {
  const url = server.url!;
  const schema = `cdp_pgwh_${Math.random().toString(36).slice(2, 8)}`;
  let wh: PostgresWarehouse;
  let duck: DuckdbWarehouse;
  let dir: string;
  const rel = (name: string) => ({ schema, name });
  const q = (name: string) => wh.dialect.quoteRelation(rel(name));
  /** `check` on a new database of a language collation (`languageCollated`), where the server can make one. */
  const inLanguageCollated = async (check: (other: PostgresWarehouse) => Promise<void>) => {
    const collated = server.own ? await languageCollated(url) : undefined;
    if (!collated) return;
    const other = await openPostgres(collated.url, "public", 1);
    try {
      await check(other);
    } finally {
      await other.close();
      await collated.drop();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "cdp-pg-csv-"));
    wh = await openPostgres(url, schema);
    duck = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
  });
  afterAll(async () => {
    await wh?.execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(schema)} CASCADE`);
    await wh?.close();
    await duck?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe("Postgres warehouse: same answers as DuckDB", () => {
    it("orders text by code point through textOrder, in a database of a language collation too", async () => {
      const values = ["a-b", "ab", "B", "a", "a.c", "a_b", "A", "é", "z", "Z9", "z_"];
      const byCodePoint = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      const rows = `(VALUES ${values.map((v) => `(${wh.dialect.literal(v)})`).join(", ")}) AS t(v)`;
      const ordered = async (w: PostgresWarehouse | DuckdbWarehouse, order: string, from = rows) =>
        (await w.query<{ v: string }>(`SELECT v FROM ${from} ORDER BY ${order}`)).map((r) => r.v);
      expect(await ordered(duck, duck.dialect.textOrder("v"))).toEqual(byCodePoint);
      expect(await ordered(wh, wh.dialect.textOrder("v"))).toEqual(byCodePoint);
      await inLanguageCollated(async (other) => {
        // The database's own order is the language's; textOrder's is still by code point, for
        // MIN and comparisons as well, and over a column of a table.
        expect(await ordered(other, "v")).not.toEqual(byCodePoint);
        expect(await ordered(other, other.dialect.textOrder("v"))).toEqual(byCodePoint);
        await other.replaceTable({ schema: "public", name: "t" }, `SELECT v FROM ${rows}`);
        const [min] = await other.query<{ m: string; lt: boolean }>(
          `SELECT MIN(${other.dialect.textOrder("v")}) AS m, ${other.dialect.textOrder("'a'")} < 'B' AS lt FROM public.t`,
        );
        expect(min).toEqual({ m: byCodePoint[0], lt: false });
      });
    });

    it("breaks survivorship ties as DuckDB does, in a database of a language collation too", async () => {
      // Text in code point order ("A" < "B" < "a" < "a-b" < "a_b" < "b", where en-US puts "a"
      // first and "B" last), numbers in theirs (9 before 10, not as text).
      const text = ["b", "a", "B", "A", "a_b", "a-b"];
      const rows = `(VALUES ${text.flatMap((v, i) => [`('${v}', ${i + 1}, 1)`, `('${v}', ${i + 1}, 1)`]).join(", ")}) AS t(v, n, o)`;
      const numbers = "(VALUES (10, 1), (9, 1), (10, 1), (9, 1)) AS t(v, o)";
      const answers = async (w: PostgresWarehouse | DuckdbWarehouse) => {
        const d = w.dialect;
        const one = async (aggregate: string, from: string) => {
          const [row] = await w.query<{ p: unknown }>(`SELECT ${aggregate} AS p FROM ${from}`);
          return typeof row?.p === "bigint" ? Number(row.p) : row?.p;
        };
        return [
          await one(d.mostFrequent("v"), rows),
          await one(d.pickBy("v", "o", "desc"), rows),
          await one(d.pickBy("n", "v", "asc"), rows),
          await one(d.pickBy("n", "v", "desc"), rows),
          await one(d.mostFrequent("v"), numbers),
          await one(d.pickBy("v", "o", "asc"), numbers),
        ];
      };
      const expected = ["A", "A", 4, 1, 9, 9];
      expect(await answers(duck)).toEqual(expected);
      expect(await answers(wh)).toEqual(expected);
      await inLanguageCollated(async (other) => {
        // The database's own order would answer otherwise.
        const [own] = await other.query<{ lo: string; hi: string }>(
          `SELECT MIN(v) AS lo, MAX(v) AS hi FROM ${rows}`,
        );
        expect(own).toEqual({ lo: "a", hi: "B" });
        expect(await answers(other)).toEqual(expected);
      });
    });

    it("counts date part boundaries and adds intervals like DuckDB", async () => {
      const pairs: [string, string][] = [
        ["2026-01-31 23:59:59", "2026-02-01 00:00:01"],
        ["2024-02-29 12:00:00", "2025-02-28 11:00:00"],
        ["2026-03-01 10:30:00", "2026-01-15 08:15:30"],
        ["2025-12-31 23:00:00", "2026-01-01 00:59:59"],
      ];
      const parts: DatePart[] = ["year", "month", "day", "hour", "minute", "second"];
      const select = (w: PostgresWarehouse | DuckdbWarehouse) => {
        const dd = w.dialect;
        const ts = (s: string) => dd.cast(dd.literal(`${s}Z`), "timestamp");
        const cols = pairs.flatMap(([a, b], i) => [
          ...parts.map((p) => `${dd.dateDiff(p, ts(a), ts(b))} AS d${i}_${p}`),
          ...parts.map((p) => `${dd.cast(dd.dateAdd(ts(a), i - 2, p), "timestamp")} AS a${i}_${p}`),
          `${dd.dateDiff("day", dd.cast(dd.literal(a.slice(0, 10)), "date"), dd.cast(dd.literal(b.slice(0, 10)), "date"))} AS dd${i}`,
          `${dd.cast(dd.dateAdd(dd.cast(dd.literal(a.slice(0, 10)), "date"), 1, "month"), "date")} AS m${i}`,
        ]);
        return w.query(`SELECT ${cols.join(", ")}`);
      };
      const [fromPg] = await select(wh);
      const [fromDuck] = await select(duck);
      expect(fromPg).toEqual(fromDuck);
      expect(fromPg!.d0_day).toBe(1);
      expect(fromPg!.d0_month).toBe(1);
      expect(fromPg!.m0).toBe("2026-02-28");
    });

    it("loads a CSV with the column types DuckDB's reader detects", async () => {
      const file = path.join(dir, "people.csv");
      writeFileSync(
        file,
        [
          "\ufeffid,flag,score,born,seen,seen_tz,code,note,amount,nothing",
          '1,true,1.5,2001-02-03,2024-11-01 21:13:58,2024-11-09T20:47:52Z,007,"a, quoted ""note""",10.50,',
          '2,FALSE,-2,1999-12-31,2024-11-02 08:00:00,2024-11-10T01:02:03.456Z,A12,"two\nlines",3.25,',
          "3,,1e3,,,,,,,",
        ].join("\n"),
      );
      const columnTypes = { amount: "DECIMAL(12,2)" };
      const loaded = await wh.loadCsv(rel("people"), file, { columnTypes });
      expect(loaded.rows).toBe(3);
      const duckLoaded = await duck.loadCsv({ schema: "main", name: "people" }, file, { columnTypes });
      expect(duckLoaded.rows).toBe(3);
      const types = (await wh.describe(rel("people")))!.columns.map((c) => `${c.name}:${c.type}`);
      expect(types).toEqual([
        "id:bigint",
        "flag:boolean",
        "score:double precision",
        "born:date",
        "seen:timestamp without time zone",
        "seen_tz:timestamp with time zone",
        "code:text",
        "note:text",
        "amount:numeric(12,2)",
        "nothing:text",
      ]);
      const duckTypes = (await duck.describe({ schema: "main", name: "people" }))!.columns.map((c) => c.type);
      expect(duckTypes).toEqual([
        "BIGINT",
        "BOOLEAN",
        "DOUBLE",
        "DATE",
        "TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE",
        "VARCHAR",
        "VARCHAR",
        "DECIMAL(12,2)",
        "VARCHAR",
      ]);
      const order = "ORDER BY id";
      expect(await wh.query(`SELECT * FROM ${q("people")} ${order}`)).toEqual(
        await duck.query(`SELECT * FROM main.people ${order}`),
      );
    });

    it("says which columnTypes entry names no column, and refuses an empty file", async () => {
      const file = path.join(dir, "t.csv");
      writeFileSync(file, "a,b\n1,2\n");
      await expect(wh.loadCsv(rel("t"), file, { columnTypes: { c: "TEXT" } })).rejects.toThrow(
        /columnTypes names "c", not a column of .*t\.csv \(its columns: a, b\)/,
      );
      writeFileSync(file, "");
      await expect(wh.loadCsv(rel("t"), file, {})).rejects.toThrow(/line 1: the file has no header/);
      writeFileSync(file, "a,b\n1,2,3\n");
      await expect(wh.loadCsv(rel("t"), file, {})).rejects.toThrow(
        /line 2: expected 2 fields \(a, b\) as in the header, found 3/,
      );
    });
  });

  describe("Postgres warehouse: relations", () => {
    it("keeps the views that read a table when the table is replaced, and they see the new rows", async () => {
      await wh.replaceTable(rel("base"), "SELECT 1 AS id, 'a' AS v");
      await wh.createView(rel("base_view"), `SELECT id, v FROM ${q("base")}`);
      await wh.createView(rel("view_of_view"), `SELECT COUNT(*) AS n FROM ${q("base_view")}`);
      await wh.replaceTable(rel("base"), "SELECT 1 AS id, 'a' AS v, 0 AS extra UNION ALL SELECT 2, 'b', 0");
      expect(await wh.query(`SELECT n FROM ${q("view_of_view")}`)).toEqual([{ n: 2 }]);
      // A CSV reload swaps the table the same way.
      writeFileSync(path.join(dir, "base.csv"), "id,v\n1,x\n2,y\n3,z\n");
      await wh.loadCsv(rel("base"), path.join(dir, "base.csv"), {});
      expect(await wh.query(`SELECT n FROM ${q("view_of_view")}`)).toEqual([{ n: 3 }]);
      // A view that no longer compiles (its column is gone) is dropped; the DAG rebuilds it.
      await wh.replaceTable(rel("base"), "SELECT 1 AS id");
      expect(await wh.describe(rel("base_view"))).toBeUndefined();
      expect(await wh.describe(rel("view_of_view"))).toBeUndefined();
    });

    it("replaces a view whose columns change, which CREATE OR REPLACE VIEW refuses", async () => {
      await wh.createView(rel("v"), "SELECT 1 AS a, 2 AS b");
      await wh.createView(rel("v"), "SELECT 'x' AS b");
      expect((await wh.describe(rel("v")))!.columns).toEqual([{ name: "b", type: "text" }]);
      await expect(wh.createView(rel("v"), `SELECT * FROM ${q("missing")}`)).rejects.toThrow(
        /does not exist/,
      );
      expect(await wh.query(`SELECT b FROM ${q("v")}`)).toEqual([{ b: "x" }]);
      await wh.replaceTable(rel("v"), "SELECT 1 AS t");
      expect((await wh.describe(rel("v")))!.kind).toBe("table");
      await wh.createView(rel("v"), "SELECT 2 AS t");
      expect((await wh.describe(rel("v")))!.kind).toBe("view");
    });

    it("swaps tables that share a dependent view concurrently without losing it", async () => {
      await wh.replaceTable(rel("left_t"), "SELECT 1 AS id");
      await wh.replaceTable(rel("right_t"), "SELECT 1 AS id");
      await wh.createView(
        rel("both_v"),
        `SELECT l.id FROM ${q("left_t")} l JOIN ${q("right_t")} r USING (id)`,
      );
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          wh.replaceTable(rel(i % 2 ? "left_t" : "right_t"), "SELECT 1 AS id UNION ALL SELECT 2"),
        ),
      );
      expect(await wh.query(`SELECT id FROM ${q("both_v")} ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
    });

    it("handles names longer than PostgreSQL's 63 bytes", async () => {
      const long = `${"x".repeat(58)}_ünï_table_name`;
      await wh.replaceTable(rel(long), "SELECT 1 AS id");
      await wh.replaceTable(rel(long), "SELECT 2 AS id");
      expect((await wh.describe(rel(long)))?.kind).toBe("table");
      expect(await wh.query(`SELECT id FROM ${q(long)}`)).toEqual([{ id: 2 }]);
      await wh.dropRelation(rel(long));
      expect(await wh.describe(rel(long))).toBeUndefined();
    });

    it("counts merged rows exactly and adds columns with their full type", async () => {
      await wh.replaceTable(rel("m"), "SELECT 1 AS k, 'a' AS v UNION ALL SELECT 2, 'b'");
      await wh.replaceTable(
        rel("m_new"),
        "SELECT 2 AS k, 'B' AS v UNION ALL SELECT 3, 'c' UNION ALL SELECT 4, 'd'",
      );
      expect(await wh.mergeInto(rel("m"), rel("m_new"), ["k"], ["k", "v"])).toEqual({
        inserted: 2,
        updated: 1,
      });
      await wh.addColumns(rel("m"), [{ name: "amount", type: "numeric(12,2)" }]);
      expect((await wh.describe(rel("m")))!.columns.at(-1)).toEqual({
        name: "amount",
        type: "numeric(12,2)",
      });
    });
  });

  describe("Postgres warehouse: values", () => {
    it("returns every column kind in the contract's JS types", async () => {
      const [row] = await wh.query(`SELECT
        CAST('2026-03-04 05:06:07' AS TIMESTAMP) AS naive,
        CAST('2026-03-04' AS DATE) AS day,
        CAST('12.50' AS NUMERIC(12, 2)) AS num,
        CAST(2.5 AS DOUBLE PRECISION) AS dbl,
        CAST(7 AS SMALLINT) AS small,
        CAST('{"a": 1}' AS JSON) AS j,
        CAST('[1, 2]' AS JSONB) AS jb,
        'what?' AS question,
        COUNT(*) AS n`);
      expect(row).toEqual({
        naive: new Date("2026-03-04T05:06:07Z"),
        day: "2026-03-04",
        num: "12.50",
        dbl: 2.5,
        small: 7,
        j: { a: 1 },
        jb: [1, 2],
        question: "what?",
        n: 1,
      });
      // The parsers belong to the warehouse's clients: pg's global defaults are untouched.
      expect(pg.types.getTypeParser(20, "text")("1")).toBe("1");
    });

    it("streams on one connection and gives it back when the reader stops early", async () => {
      const single = await PostgresWarehouse.open({
        target: postgresTarget(url, schema),
        targetName: "test",
        poolSize: 1,
      });
      try {
        for await (const batch of single.stream("SELECT g FROM generate_series(1, 100) AS s(g)", {
          batchSize: 10,
        })) {
          expect(batch).toHaveLength(10);
          break;
        }
        await expect(single.query("SELECT 1 AS one")).resolves.toEqual([{ one: 1 }]);
        const failing = async () => {
          for await (const _ of single.stream("SELECT 1 / 0 AS boom")) {
          }
        };
        await expect(failing()).rejects.toThrow(/division by zero/);
        await expect(single.query("SELECT 2 AS two")).resolves.toEqual([{ two: 2 }]);
      } finally {
        await single.close();
      }
    });

    it("keeps memory bounded while streaming 200,000 rows", async () => {
      await wh.replaceTable(
        rel("big"),
        "SELECT g AS id, CAST(g AS TEXT) AS label, repeat('x', 200) AS padding FROM generate_series(1, 200000) AS s(g)",
      );
      const memory = await measureStream(wh.stream(`SELECT * FROM ${q("big")}`, { batchSize: 5000 }));
      console.log(
        `Postgres stream: 200,000 rows, peak live heap growth ${memory.heapGrowthMb.toFixed(1)} MB, RSS ${memory.rssGrowthMb.toFixed(1)} MB`,
      );
      expect(memory.rows).toBe(200_000);
      expect(memory.heapGrowthMb).toBeLessThan(25);
      expect(memory.rssGrowthMb).toBeLessThan(100);
    });
  });

  describe.skipIf(!server.own)("Postgres warehouse: without the fuzzystrmatch extension", () => {
    it("explains that levenshtein needs the extension and who can create it", async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const db = `cdp_nofuzzy_${Math.random().toString(36).slice(2, 8)}`;
      try {
        await admin.query(`CREATE DATABASE ${db}`);
        await admin.query("DROP ROLE IF EXISTS cdp_plain");
        await admin.query("CREATE ROLE cdp_plain LOGIN PASSWORD 'plain-pass'");
        const plainUrl = new URL(url);
        plainUrl.username = "cdp_plain";
        plainUrl.password = "plain-pass";
        plainUrl.pathname = `/${db}`;
        const plain = await PostgresWarehouse.open({
          target: postgresTarget(plainUrl.toString(), "public"),
          targetName: "plain",
          poolSize: 1,
        });
        try {
          await expect(plain.query(`SELECT ${plain.dialect.levenshtein("'a'", "'b'")} AS d`)).rejects.toThrow(
            /^levenshtein needs the PostgreSQL extension fuzzystrmatch, which could not be created \(permission denied to create extension "fuzzystrmatch"\); ask the owner of database cdp_nofuzzy_\w+ to run: CREATE EXTENSION fuzzystrmatch;$/,
          );
        } finally {
          await plain.close();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${db}`);
        await admin.query("DROP ROLE IF EXISTS cdp_plain");
        await admin.end();
      }
    });
  });
}
