import { describe, expect, it } from "vitest";
import { translate } from "./stand-in/translate.ts";

/** The stand-in's BigQuery → DuckDB translation: what it changes, and what it refuses. */
const sql = (text: string) => translate(text, "proj").statements.join(";\n");

describe("stand-in SQL translation", () => {
  it("turns backtick paths of the stand-in's project into DuckDB schema.table, and records them", () => {
    const t = translate(
      "SELECT s.`id` FROM `proj`.`crm`.`my table` AS s JOIN `proj.crm.other` o ON TRUE",
      "proj",
    );
    expect(t.statements[0]).toBe('SELECT s."id" FROM "crm"."my table" AS s JOIN "crm"."other" o ON TRUE');
    expect(t.relations).toEqual([
      { dataset: "crm", table: "my table" },
      { dataset: "crm", table: "other" },
    ]);
  });

  it("decodes GoogleSQL strings into DuckDB literals; decimal literals are FLOAT64", () => {
    expect(sql(`SELECT 'it\\'s', "dq", r'\\d', 1.5, 2`)).toBe(
      `SELECT 'it''s', 'dq', '\\d', CAST(1.5 AS DOUBLE), 2`,
    );
  });

  it("maps GoogleSQL types and refuses the ones BigQuery does not have", () => {
    expect(sql("SELECT CAST(x AS INT64), SAFE_CAST(y AS NUMERIC(12, 2)), CAST(z AS TIMESTAMP)")).toBe(
      "SELECT CAST(x AS BIGINT), TRY_CAST(y AS DECIMAL(12, 2)), CAST(z AS TIMESTAMPTZ)",
    );
    expect(() => sql("SELECT CAST(x AS VARCHAR)")).toThrow("Type not found: VARCHAR");
    expect(sql("SELECT TIMESTAMP '2026-01-01 00:00:00+00', DATETIME '2026-01-01 00:00:00'")).toBe(
      "SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00', TIMESTAMP '2026-01-01 00:00:00'",
    );
  });

  it("rewrites the functions that differ, keeping BigQuery's semantics", () => {
    expect(sql("SELECT TO_HEX(SHA256(e)), EDIT_DISTANCE(a, b), REGEXP_REPLACE(p, '[^0-9]', '')")).toBe(
      "SELECT sha256(e), bq_edit_distance(a, b), regexp_replace(p, '[^0-9]', '', 'g')",
    );
    expect(sql("SELECT (d + INTERVAL -3 DAY), TIMESTAMP_ADD(t, INTERVAL 2 HOUR)")).toBe(
      "SELECT (d + INTERVAL (-3) DAY), (t + INTERVAL (2) HOUR)",
    );
    // DATE_DIFF counts boundaries (date_diff), TIMESTAMP_DIFF whole units (date_sub).
    expect(sql("SELECT DATE_DIFF(b, a, DAY), TIMESTAMP_DIFF(b, a, HOUR)")).toBe(
      "SELECT date_diff('day', a, b), date_sub('hour', a, b)",
    );
    expect(sql("SELECT g FROM UNNEST(GENERATE_ARRAY(1, 3)) AS g")).toBe(
      "SELECT g FROM unnest(generate_series(1, 3)) AS _unnest(g)",
    );
    expect(sql("SELECT ARRAY_AGG(x IGNORE NULLS ORDER BY o DESC LIMIT 1)[SAFE_OFFSET(0)]")).toBe(
      "SELECT (array_agg(x ORDER BY o DESC) FILTER (WHERE (x) IS NOT NULL))[1:1][(0) + 1]",
    );
  });

  it("classifies statements and splits what DuckDB does one at a time", () => {
    const alter = translate(
      "ALTER TABLE `proj`.`d`.`t` ADD COLUMN `a b` STRING, ADD COLUMN c NUMERIC(12, 2)",
      "proj",
    );
    expect(alter.type).toBe("ALTER_TABLE");
    expect(alter.target).toEqual({ dataset: "d", table: "t" });
    expect(alter.statements).toEqual([
      'ALTER TABLE "d"."t" ADD COLUMN "a b" VARCHAR',
      'ALTER TABLE "d"."t" ADD COLUMN c DECIMAL(12, 2)',
    ]);
    expect(translate("CREATE OR REPLACE TABLE `proj`.`d`.`t` AS SELECT 1", "proj").type).toBe(
      "CREATE_TABLE_AS_SELECT",
    );
    expect(
      translate("MERGE INTO `proj`.`d`.`t` AS t USING `proj`.`d`.`s` AS s ON TRUE", "proj").target,
    ).toEqual({
      dataset: "d",
      table: "t",
    });
    expect(() => translate("SELECT 1; SELECT 2", "proj")).toThrow("one statement per job");
  });

  it("reads a dataset's INFORMATION_SCHEMA.TABLES from DuckDB's catalog", () => {
    expect(sql("SELECT table_name FROM `d`.INFORMATION_SCHEMA.TABLES")).toBe(
      "SELECT table_name FROM (SELECT 'proj' AS table_catalog, table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema = 'd')",
    );
  });

  it("refuses a correlated [NOT] EXISTS without an equality between the two sides, as BigQuery does", () => {
    const edges = "SELECT e.* FROM `proj`.`g`.`edges` AS e";
    expect(() =>
      sql(
        `${edges} WHERE NOT EXISTS (SELECT 1 FROM \`proj\`.\`g\`.\`hubs\` AS h WHERE h.id = e.src OR h.id = e.dst)`,
      ),
    ).toThrow("LEFT ANTI JOIN cannot be used without a condition that is an equality of fields");
    expect(() =>
      sql(`${edges} WHERE EXISTS (SELECT 1 FROM \`proj\`.\`g\`.\`hubs\` AS h WHERE h.id < e.src)`),
    ).toThrow("LEFT SEMI JOIN cannot be used");
    // An equality among the AND terms (other terms may be anything), or no correlation at all.
    for (const ok of [
      `${edges} WHERE NOT EXISTS (SELECT 1 FROM \`proj\`.\`g\`.\`hubs\` AS h WHERE h.id = e.src)`,
      `${edges} WHERE NOT EXISTS (SELECT 1 FROM \`proj\`.\`g\`.\`cut\` AS c WHERE c.src = e.dst AND c.dst <> e.src)`,
      "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM `proj`.`g`.`locks` WHERE sync = 'x')",
    ]) {
      expect(() => sql(ok)).not.toThrow();
    }
  });

  it("reads CREATE FUNCTION ... LANGUAGE js, and calls of a dataset's function", () => {
    const t = translate(
      'CREATE FUNCTION IF NOT EXISTS `proj`.`crm`.`jw`(a STRING, b STRING)\nRETURNS FLOAT64 LANGUAGE js AS r"""\nreturn a === b ? 1 : 0;\n"""',
      "proj",
    );
    expect(t.type).toBe("CREATE_FUNCTION");
    expect(t.udf).toEqual({
      dataset: "crm",
      name: "jw",
      params: [
        { name: "a", type: "STRING" },
        { name: "b", type: "STRING" },
      ],
      returns: "FLOAT64",
      body: "\nreturn a === b ? 1 : 0;\n",
      orReplace: false,
      ifNotExists: true,
    });
    expect(sql("SELECT `proj`.`crm`.`jw`(x, y) FROM `proj`.`crm`.`t`")).toBe(
      'SELECT "udf__crm__jw"(x, y) FROM "crm"."t"',
    );
    // A table followed by a column list is no call.
    expect(sql("INSERT INTO `proj`.`crm`.`t` (`a`) SELECT 1")).toBe('INSERT INTO "crm"."t" ("a") SELECT 1');
    expect(() =>
      sql(
        'CREATE OR REPLACE FUNCTION IF NOT EXISTS `proj`.`crm`.`f`(a STRING) RETURNS STRING LANGUAGE js AS "return a;"',
      ),
    ).toThrow("OR REPLACE and IF NOT EXISTS cannot both be specified");
    expect(() => sql('CREATE FUNCTION `proj`.`crm`.`f`(a STRING) LANGUAGE js AS "return a;"')).toThrow(
      "needs RETURNS",
    );
  });

  it("hashes with MD5 as BYTES, so TO_HEX(MD5(x)) is the hex digest", () => {
    expect(sql("SELECT TO_HEX(MD5(x))")).toBe("SELECT lower(hex(unhex(md5(x))))");
  });
});
