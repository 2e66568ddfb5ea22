import { describe, expect, it } from "vitest";
import { bigqueryDialect } from "../../src/warehouse/bigquery/dialect.ts";
import { PORTABLE_TYPES } from "../../src/warehouse/types.ts";
import { translate } from "./stand-in/translate.ts";

const d = bigqueryDialect("acme-prod");

describe("BigQuery dialect", () => {
  it("quotes identifiers with backticks, escaping backticks and backslashes", () => {
    expect(d.quoteIdentifier("orders")).toBe("`orders`");
    expect(d.quoteIdentifier("a`b")).toBe("`a\\`b`");
    expect(d.quoteIdentifier("back\\slash")).toBe("`back\\\\slash`");
    expect(d.quoteIdentifier("line\nbreak")).toBe("`line\\nbreak`");
    expect(d.quoteIdentifier("名前 with space")).toBe("`名前 with space`");
  });

  it("names relations project.dataset.table, with the target's project by default", () => {
    expect(d.quoteRelation({ schema: "crm", name: "stg orders" })).toBe("`acme-prod`.`crm`.`stg orders`");
    expect(d.quoteRelation({ database: "other", schema: "crm", name: "t" })).toBe("`other`.`crm`.`t`");
    expect(bigqueryDialect().quoteRelation({ schema: "crm", name: "t" })).toBe("`crm`.`t`");
  });

  it("writes literals BigQuery reads back exactly", () => {
    expect(d.literal(null)).toBe("NULL");
    expect(d.literal(42)).toBe("42");
    expect(d.literal(9007199254740993n)).toBe("9007199254740993");
    expect(d.literal(true)).toBe("TRUE");
    expect(d.literal("it's a \\ test\n")).toBe("'it\\'s a \\\\ test\\n'");
    expect(d.literal(new Date("2026-03-04T05:06:07.123Z"))).toBe("TIMESTAMP '2026-03-04T05:06:07.123Z'");
    expect(() => d.literal(Number.NaN)).toThrow();
    // The literal decodes to the original text (the stand-in decodes escapes as BigQuery does).
    const text = "quote ' backslash \\ tab \t nul-ish \u0001 ünï";
    expect(translate(`SELECT ${d.literal(text)}`, "p").statements[0]).toBe(
      `SELECT '${text.replace(/'/g, "''")}'`,
    );
  });

  it("maps every portable type, and casts JSON by parsing", () => {
    expect(PORTABLE_TYPES.map((t) => d.typeName(t))).toEqual([
      "STRING",
      "INT64",
      "FLOAT64",
      "NUMERIC",
      "BOOL",
      "DATE",
      "TIMESTAMP",
      "JSON",
    ]);
    expect(d.cast("x", "string")).toBe("CAST(x AS STRING)");
    expect(d.cast("x", "json")).toBe("PARSE_JSON(x)");
  });

  it("spells the helpers in GoogleSQL", () => {
    expect(d.sha256("email")).toBe("TO_HEX(SHA256(email))");
    expect(d.regexpReplace("phone", "[^0-9]", "")).toBe("REGEXP_REPLACE(phone, '[^0-9]', '')");
    expect(d.regexpReplace("x", "\\d+", "\\1")).toBe("REGEXP_REPLACE(x, '\\\\d+', '\\\\1')");
    expect(d.regexpContains("x", "^a")).toBe("REGEXP_CONTAINS(x, '^a')");
    expect(d.levenshtein("a", "b")).toBe("EDIT_DISTANCE(a, b)");
    expect(d.currentTimestamp()).toBe("CURRENT_TIMESTAMP()");
  });

  it("adds intervals with the + INTERVAL operator, which keeps DATE, DATETIME and TIMESTAMP apart", () => {
    expect(d.dateAdd("ordered_at", -3, "day")).toBe("(ordered_at + INTERVAL -3 DAY)");
    expect(d.dateAdd("d", 1.7, "month")).toBe("(d + INTERVAL 1 MONTH)");
  });

  it("counts date part boundaries like DuckDB's date_diff", () => {
    expect(d.dateDiff("day", "a", "b")).toBe("DATE_DIFF(CAST(b AS DATE), CAST(a AS DATE), DAY)");
    expect(d.dateDiff("year", "a", "b")).toBe("DATE_DIFF(CAST(b AS DATE), CAST(a AS DATE), YEAR)");
    // TIMESTAMP_DIFF counts whole units; truncating both ends first turns that into boundaries.
    expect(d.dateDiff("hour", "a", "b")).toBe(
      "TIMESTAMP_DIFF(TIMESTAMP_TRUNC(CAST(b AS TIMESTAMP), HOUR), TIMESTAMP_TRUNC(CAST(a AS TIMESTAMP), HOUR), HOUR)",
    );
  });
});
