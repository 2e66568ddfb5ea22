import { describe, expect, it } from "vitest";
import { secondStatement } from "../../src/project/statements.ts";

describe("secondStatement", () => {
  it("finds SQL after a ';'", () => {
    expect(secondStatement("select 1;\ndrop table t", "duckdb")).toEqual({ offset: 8, line: 1 });
    expect(secondStatement("select 'a'; create table pwned as select 42 as x; --'", "postgres")?.offset).toBe(
      10,
    );
  });

  it("allows trailing semicolons, whitespace and comments", () => {
    for (const sql of [
      "select 1",
      "select 1;",
      "select 1 ;\n;\n",
      "select 1; -- done",
      "select 1; /* x */ \n",
    ]) {
      expect(secondStatement(sql, "duckdb"), sql).toBeUndefined();
    }
  });

  it("skips semicolons in strings, identifiers, comments and dollar quotes", () => {
    const one = [
      "select 'a;b' as x",
      "select 'it''s; fine' as x",
      `select 1 as "a;b"`,
      "select 1 -- a; b\nfrom t",
      "select 1 /* a; b */ from t",
      "select $$a; b$$ as x",
      "select $tag$a; $$ b$tag$ as x",
      "select E'a\\'; b' as x",
    ];
    for (const sql of one) expect(secondStatement(sql, "postgres"), sql).toBeUndefined();
    const bq = [
      "select 'a\\'; b' as x",
      "select '''a'; b''' as x",
      "select 1 as `a;b`",
      'select """x; y""" as z',
    ];
    for (const sql of bq) expect(secondStatement(sql, "bigquery"), sql).toBeUndefined();
  });

  it("reads a backslash as text in standard strings, so what follows the quote is SQL", () => {
    expect(secondStatement("select 'a\\'; drop table t; --'", "duckdb")).toBeDefined();
  });
});
