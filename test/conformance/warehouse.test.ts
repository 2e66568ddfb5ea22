import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelConfigSchema } from "../../src/project/model-config.ts";
import type { ModelNode } from "../../src/project/types.ts";
import { runSnapshot } from "../../src/run/materializations/snapshot.ts";
import { CsvFormatError } from "../../src/warehouse/csv-format.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { valuesHashSql } from "../../src/warehouse/values-hash.ts";
import { measureStream } from "../helpers/memory.ts";
import { TARGETS } from "./targets.ts";

/**
 * One suite, every dialect: what materializations, tests and syncs rely on. A dialect passes
 * this file or it is not done.
 */
for (const target of TARGETS) {
  const reason = await target.unavailable();
  if (reason) {
    // Loud, never silent: the reason is printed and the skip is visible in the report.
    console.warn(`\n*** conformance suite SKIPPED for ${target.name}: ${reason} ***\n`);
    describe.skip(`warehouse conformance: ${target.name} (${reason})`, () => {
      it("is skipped", () => {});
    });
    continue;
  }

  describe(`warehouse conformance: ${target.name}`, () => {
    const schema = `cdp_conf_${Math.random().toString(36).slice(2, 8)}`;
    let wh: Warehouse;
    const rel = (name: string): Relation => ({ schema, name });
    const q = (name: string) => wh.dialect.quoteRelation(rel(name));
    const d = () => wh.dialect;

    beforeAll(async () => {
      wh = await target.open(schema);
    });
    afterAll(async () => {
      await target.cleanup?.(wh, schema);
      await wh.close();
    });

    it("executes statements and queries rows", async () => {
      await wh.replaceTable(rel("t"), `SELECT 1 AS id, 'a' AS v UNION ALL SELECT 2, 'b'`);
      expect(await wh.query(`SELECT id, v FROM ${q("t")} ORDER BY id`)).toEqual([
        { id: 1, v: "a" },
        { id: 2, v: "b" },
      ]);
      const info = await wh.describe(rel("t"));
      expect(info?.kind).toBe("table");
      expect(info?.columns.map((c) => c.name)).toEqual(["id", "v"]);
      expect(await wh.describe(rel("missing"))).toBeUndefined();
    });

    it("round-trips types: int64 beyond 2^53, numeric, timestamp with zone, date, bool, JSON, NULL", async () => {
      const dd = d();
      const sql = `SELECT
        ${dd.cast("'9007199254740993'", "int64")} AS big,
        ${dd.cast("42", "int64")} AS small,
        ${dd.cast("'123456789012.345678'", "numeric")} AS num,
        ${dd.cast("'2026-03-04T05:06:07.123Z'", "timestamp")} AS ts,
        ${dd.cast("'2026-03-04'", "date")} AS day,
        ${dd.cast("'true'", "bool")} AS yes,
        ${dd.cast(`'{"a": [1, 2], "b": "x"}'`, "json")} AS doc,
        ${dd.cast("NULL", "string")} AS nothing`;
      await wh.replaceTable(rel("types"), sql);
      const [row] = await wh.query(`SELECT * FROM ${q("types")}`);
      expect(row!.big).toBe(9007199254740993n);
      expect(row!.small).toBe(42);
      expect(String(row!.num).replace(/0+$/, "")).toBe("123456789012.345678");
      expect(row!.ts).toBeInstanceOf(Date);
      expect((row!.ts as Date).toISOString()).toBe("2026-03-04T05:06:07.123Z");
      expect(row!.day).toBe("2026-03-04");
      expect(row!.yes).toBe(true);
      expect(row!.doc).toEqual({ a: [1, 2], b: "x" });
      expect(row!.nothing).toBeNull();
    });

    it("streams 200,000 rows in batches with bounded memory", async () => {
      const n = 200_000;
      await wh.replaceTable(
        rel("big"),
        `SELECT g AS id, ${d().cast("g", "string")} AS label, repeat('x', 200) AS padding FROM ${seriesSql(target.name, n)}`,
      );
      let sum = 0;
      const memory = await measureStream(
        wh.stream<{ id: number }>(`SELECT id, label, padding FROM ${q("big")}`, { batchSize: 5000 }),
        (batch) => {
          expect(batch.length).toBeLessThanOrEqual(5000);
          for (const row of batch) sum += row.id;
        },
      );
      expect(memory.rows).toBe(n);
      expect(sum).toBe((n * (n + 1)) / 2);
      // The whole result is ~70 MB as JS objects, a batch 5,000 rows (~1.6 MB): what stays alive
      // must be a few batches, and the process must not grow by the whole result.
      expect(memory.heapGrowthMb).toBeLessThan(25);
      expect(memory.rssGrowthMb).toBeLessThan(100);
    });

    it("replaces a table atomically: a failing rebuild leaves the old table and no leftovers", async () => {
      await wh.replaceTable(rel("atomic"), "SELECT 1 AS id");
      await expect(
        wh.replaceTable(rel("atomic"), `SELECT 1 AS id FROM ${q("no_such_table")}`),
      ).rejects.toThrow();
      expect(await wh.query(`SELECT id FROM ${q("atomic")}`)).toEqual([{ id: 1 }]);
      const replaced = await wh.replaceTable(rel("atomic"), "SELECT 2 AS id UNION ALL SELECT 3");
      expect(replaced.rows).toBe(2);
      expect(await wh.query(`SELECT id FROM ${q("atomic")} ORDER BY id`)).toEqual([{ id: 2 }, { id: 3 }]);
      const left = await wh.query(
        `SELECT table_name FROM ${target.name === "bigquery" ? `${wh.dialect.quoteIdentifier(schema)}.INFORMATION_SCHEMA.TABLES` : "information_schema.tables"} WHERE table_schema = ${d().literal(schema)} AND table_name LIKE '%cdp%'`,
      );
      expect(left).toEqual([]);
    });

    it("loads seeds strictly: a ragged row, an open quote or an empty file fails naming the line, and the old table stays", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "cdp-conf-csv-"));
      const csv = (name: string, text: string) => {
        const file = path.join(dir, `${name}.csv`);
        writeFileSync(file, text);
        return file;
      };
      const good = Array.from({ length: 500 }, (_, i) => `${i},p${i}@example.com,pro`);
      const header = "customer_id,email,plan";
      const loaded = await wh.loadCsv(rel("seed"), csv("good", [header, ...good, ""].join("\n")), {});
      expect(loaded.rows).toBe(500);
      const failure = async (file: string) => {
        const error = await wh.loadCsv(rel("seed"), file, {}).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CsvFormatError);
        return error as CsvFormatError;
      };
      const expected3 = "expected 3 fields (customer_id, email, plan) as in the header";
      const middle = [header, ...good.slice(0, 250), "999,x@example.com,pro,extra", ...good.slice(250), ""];
      let e = await failure(csv("middle", middle.join("\n")));
      expect([e.line, e.problem]).toEqual([252, `${expected3}, found 4`]);
      e = await failure(csv("last_long", [header, ...good, "1,2,3,4", ""].join("\n")));
      expect([e.line, e.problem]).toEqual([502, `${expected3}, found 4`]);
      e = await failure(csv("last_short", [header, ...good, "1,2"].join("\n")));
      expect([e.line, e.problem]).toEqual([502, `${expected3}, found 2`]);
      e = await failure(csv("quote", `${header}\n1,"a@example.com,pro\n2,b@example.com,pro\n`));
      expect(e.line).toBe(2);
      expect(e.problem).toMatch(/quoted field is never closed/);
      e = await failure(csv("empty", ""));
      expect([e.line, e.problem]).toEqual([
        1,
        "the file has no header: expected a first line naming the columns",
      ]);
      const kept = await wh.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${q("seed")}`);
      expect(Number(kept[0]!.n)).toBe(500);
      expect((await wh.describe(rel("seed")))?.columns.map((c) => c.name)).toEqual([
        "customer_id",
        "email",
        "plan",
      ]);
    });

    it("lists the tables and views of a schema, none for a missing one", async () => {
      await wh.replaceTable(rel("listed_table"), "SELECT 1 AS id");
      await wh.createView(rel("listed_view"), `SELECT id FROM ${q("listed_table")}`);
      const names = await wh.listRelations!(schema);
      expect(names).toEqual(expect.arrayContaining(["listed_table", "listed_view"]));
      expect(await wh.listRelations!(`${schema}_missing`)).toEqual([]);
    });

    it("merges on a key and appends by column name", async () => {
      await wh.replaceTable(rel("target"), `SELECT 1 AS id, 'a' AS v UNION ALL SELECT 2, 'b'`);
      await wh.replaceTable(rel("changes"), `SELECT 'B' AS v, 2 AS id UNION ALL SELECT 'c', 3`);
      const merged = await wh.mergeInto(rel("target"), rel("changes"), ["id"], ["id", "v"]);
      expect(merged).toEqual({ inserted: 1, updated: 1 });
      expect(await wh.query(`SELECT id, v FROM ${q("target")} ORDER BY id`)).toEqual([
        { id: 1, v: "a" },
        { id: 2, v: "B" },
        { id: 3, v: "c" },
      ]);
      const appended = await wh.insertInto(rel("target"), rel("changes"), ["v", "id"]);
      expect(appended.rows).toBe(2);
      expect(await wh.query(`SELECT COUNT(*) AS n FROM ${q("target")}`)).toEqual([{ n: 5 }]);
    });

    it("snapshots rows as SCD type 2: timestamp and check strategies, hard deletes, all or nothing", async () => {
      const dd = d();
      const ts = (t: string) => dd.cast(`'${t}'`, "timestamp");
      const source = (rows: [number, string, string][]) =>
        wh.replaceTable(
          rel("snap_src"),
          rows
            .map(([id, email, at]) => `SELECT ${id} AS id, '${email}' AS email, ${ts(at)} AS updated_at`)
            .join(" UNION ALL "),
        );
      const byTime = snapshotModel(rel("snap_ts"), {
        strategy: "timestamp",
        updated_at: "updated_at",
        hard_deletes: "invalidate",
      });
      const byCheck = snapshotModel(rel("snap_check"), { strategy: "check", check_cols: "email" });
      const select = `SELECT * FROM ${q("snap_src")}`;
      const history = (name: string) =>
        wh.query<{ id: number; email: string; cdp_valid_from: Date; cdp_valid_to: Date | null }>(
          `SELECT id, email, cdp_valid_from, cdp_valid_to FROM ${q(name)} ORDER BY id, cdp_valid_from`,
        );
      const iso = (v: Date | null) => (v ? v.toISOString() : null);

      await source([
        [1, "a@x.org", "2026-01-01 00:00:00"],
        [2, "b@x.org", "2026-01-01 00:00:00"],
        [3, "c@x.org", "2026-01-01 00:00:00"],
      ]);
      expect((await runSnapshot(wh, byTime, select)).message).toBe("created, 3 versions");
      await runSnapshot(wh, byCheck, select);
      const firstCheck = await history("snap_check");

      // 1 changed, 2 the same, 3 gone from the source, 4 new.
      await source([
        [1, "a2@x.org", "2026-02-01 00:00:00"],
        [2, "b@x.org", "2026-01-01 00:00:00"],
        [4, "d@x.org", "2026-02-01 00:00:00"],
      ]);
      expect((await runSnapshot(wh, byTime, select)).message).toBe(
        "2 new versions, 2 closed (1 deleted at the source)",
      );
      const rows = (await history("snap_ts")).map((r) => [
        r.id,
        r.email,
        iso(r.cdp_valid_from),
        iso(r.cdp_valid_to),
      ]);
      expect(rows.slice(0, 3)).toEqual([
        [1, "a@x.org", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
        [1, "a2@x.org", "2026-02-01T00:00:00.000Z", null],
        [2, "b@x.org", "2026-01-01T00:00:00.000Z", null],
      ]);
      expect(rows[3]!.slice(0, 3)).toEqual([3, "c@x.org", "2026-01-01T00:00:00.000Z"]);
      expect(rows[3]![3]).not.toBeNull();
      expect(rows[4]).toEqual([4, "d@x.org", "2026-02-01T00:00:00.000Z", null]);
      // Nothing changed since: no new version, nothing closed.
      expect((await runSnapshot(wh, byTime, select)).message).toBe("0 new versions, 0 closed");

      // check: the changed e-mail closes at the run's time; without hard_deletes, 3 stays open.
      expect((await runSnapshot(wh, byCheck, select)).message).toBe("2 new versions, 1 closed");
      const check = await history("snap_check");
      const one = check.filter((r) => r.id === 1);
      expect(one.map((r) => r.email)).toEqual(["a@x.org", "a2@x.org"]);
      expect(iso(one[0]!.cdp_valid_to)).toBe(iso(one[1]!.cdp_valid_from));
      expect(one[1]!.cdp_valid_from.getTime()).toBeGreaterThan(firstCheck[0]!.cdp_valid_from.getTime());
      expect(check.find((r) => r.id === 3)!.cdp_valid_to).toBeNull();

      // A run that cannot be applied (a key twice) changes nothing and leaves no work table.
      const before = await history("snap_ts");
      await source([
        [1, "a3@x.org", "2026-03-01 00:00:00"],
        [1, "a4@x.org", "2026-03-01 00:00:00"],
      ]);
      await expect(runSnapshot(wh, byTime, select)).rejects.toThrow(/must be unique/);
      expect(await history("snap_ts")).toEqual(before);
      const leftovers = await wh.query(
        `SELECT table_name FROM ${target.name === "bigquery" ? `${dd.quoteIdentifier(schema)}.INFORMATION_SCHEMA.TABLES` : "information_schema.tables"} WHERE ${target.name === "bigquery" ? "TRUE" : `table_schema = '${schema}'`} AND table_name LIKE '%cdp_%'`,
      );
      expect(leftovers).toEqual([]);
    });

    it("quotes hostile identifiers: quotes, spaces, semicolons, unicode, reserved words", async () => {
      // BigQuery's naming rules refuse " ; . in column names and anything but letters, digits,
      // _ - and spaces in table names: it gets the most hostile names it accepts.
      const bq = target.name === "bigquery";
      const names = bq
        ? [`we'ird`, "with space", "colon:amp&", "ünïcødé_名前", "select", "order", "Mixed Case"]
        : [`we"ird`, "with space", "semi;colon", "ünïcødé_名前", "select", "order", "Mixed Case"];
      const cols = names.map((n, i) => `${i} AS ${d().quoteIdentifier(n)}`).join(", ");
      const table = rel(bq ? `tbl ${target.name}-drop ünï` : `tbl "${target.name}"; drop`);
      const view = bq ? "view of it" : "view; of it";
      await wh.replaceTable(table, `SELECT ${cols}`);
      const info = await wh.describe(table);
      expect(info?.columns.map((c) => c.name)).toEqual(names);
      const [row] = await wh.query(
        `SELECT ${names.map((n) => d().quoteIdentifier(n)).join(", ")} FROM ${wh.dialect.quoteRelation(table)}`,
      );
      expect(Object.values(row!)).toEqual(names.map((_, i) => i));
      await wh.createView(rel(view), `SELECT * FROM ${wh.dialect.quoteRelation(table)}`);
      expect((await wh.describe(rel(view)))?.kind).toBe("view");
      await wh.dropRelation(rel(view));
      expect(await wh.describe(rel(view))).toBeUndefined();
    });

    it("evaluates the dialect helpers the same way", async () => {
      const dd = d();
      const [row] = await wh.query(`SELECT
        ${dd.sha256("'abc'")} AS h,
        ${dd.regexpReplace("'(415) 555-0134'", "[^0-9]", "")} AS digits,
        ${dd.levenshtein("'kitten'", "'sitting'")} AS lev,
        ${dd.cast(dd.dateAdd(dd.cast("'2026-01-31'", "date"), 3, "day"), "date")} AS later,
        ${dd.dateDiff("day", dd.cast("'2026-01-01'", "date"), dd.cast("'2026-03-01'", "date"))} AS days`);
      expect(row).toEqual({
        h: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        digits: "4155550134",
        lev: 3,
        later: "2026-02-03",
        days: 59,
      });
    });

    it("hashes a row's values of any type, arrays included, telling NULL from '' and keeping value boundaries", async () => {
      const dd = d();
      const array = (...xs: number[]) => (target.name === "postgres" ? `ARRAY[${xs}]` : `[${xs}]`);
      const nothing = dd.cast("NULL", "string");
      const rows: Record<string, string[]> = {
        base: ["1", "'ab'", "'c'", nothing, array(1, 2), dd.cast("'2026-03-04'", "date")],
        same: ["1", "'ab'", "'c'", nothing, array(1, 2), dd.cast("'2026-03-04'", "date")],
        empty: ["1", "'ab'", "'c'", "''", array(1, 2), dd.cast("'2026-03-04'", "date")],
        moved: ["1", "'a'", "'bc'", nothing, array(1, 2), dd.cast("'2026-03-04'", "date")],
        element: ["1", "'ab'", "'c'", nothing, array(1, 3), dd.cast("'2026-03-04'", "date")],
        number: ["2", "'ab'", "'c'", nothing, array(1, 2), dd.cast("'2026-03-04'", "date")],
        day: ["1", "'ab'", "'c'", nothing, array(1, 2), dd.cast("'2026-03-05'", "date")],
      };
      const [row] = await wh.query<Record<string, unknown>>(
        `SELECT ${Object.entries(rows)
          .map(([name, values]) => `${valuesHashSql(dd, values)} AS ${dd.quoteIdentifier(name)}`)
          .join(", ")}`,
      );
      const hashes = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, String(v)]));
      expect(hashes.same).toBe(hashes.base);
      const changed = ["empty", "moved", "element", "number", "day"].map((k) => hashes[k]);
      expect(new Set([hashes.base, ...changed]).size).toBe(6);
    });
  });
}

/** A snapshot model as compile makes it, for the materialization alone. */
function snapshotModel(relation: Relation, config: Record<string, unknown>): ModelNode {
  return {
    id: `model.${relation.name}`,
    name: relation.name,
    resourceType: "model",
    file: `models/${relation.name}.sql`,
    tags: [],
    dependsOn: [],
    config: modelConfigSchema.parse({ materialized: "snapshot", unique_key: "id", ...config }),
    relation,
    raw: "",
    compiledSql: "",
    refs: [],
    sources: [],
    checksum: "",
    partials: [],
    vars: [],
    usesIsIncremental: false,
  };
}

/** A row source of 1..n in each dialect. */
function seriesSql(dialect: string, n: number): string {
  switch (dialect) {
    case "postgres":
      return `generate_series(1, ${n}) AS s(g)`;
    case "bigquery":
      return `UNNEST(GENERATE_ARRAY(1, ${n})) AS g`;
    default:
      return `range(1, ${n + 1}) AS s(g)`;
  }
}
