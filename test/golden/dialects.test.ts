import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { compileProject } from "../../src/project/compile.ts";
import { genericTestSql } from "../../src/project/generic-tests.ts";
import type { TestArgs } from "../../src/project/model-config.ts";
import type { ModelNode } from "../../src/project/types.ts";
import { bigqueryDialect } from "../../src/warehouse/bigquery/dialect.ts";
import { duckdbDialect } from "../../src/warehouse/duckdb/dialect.ts";
import { postgresDialect } from "../../src/warehouse/postgres/dialect.ts";
import type { Dialect } from "../../src/warehouse/types.ts";
import { REPO } from "../helpers/project.ts";

/**
 * The SQL each dialect generates, pinned in test/golden/<dialect>/*.sql: the snippets template
 * helpers and the sync engine use, generic tests, and the demo's daily_revenue model compiled for
 * the dialect's target (BigQuery's warehouse statements are pinned by test/bigquery/golden.test.ts).
 * After an intended change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/golden` and
 * review the diff.
 */
function golden(dialect: string, name: string, sql: string): void {
  const dir = path.join(REPO, "test/golden", dialect);
  const file = path.join(dir, `${name}.sql`);
  const text = `${sql.trim()}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
  expect(text, `${dialect}/${name}.sql differs; run with UPDATE_GOLDEN=1 if the change is intended`).toBe(
    readFileSync(file, "utf8"),
  );
}

/** One line per snippet, named, so a diff says which one changed. */
function snippets(d: Dialect): string {
  const lines: [string, string | undefined][] = [
    ["quote", d.quoteRelation({ schema: "my schema", name: 'odd "name"' })],
    ["literal", d.literal("it's")],
    ["cast", d.cast("phone", "string")],
    ["sha256", d.sha256("lower(email)")],
    ["regexp_replace", d.regexpReplace("phone", "[^0-9]", "")],
    ["regexp_contains", d.regexpContains("email", "^[^@]+@")],
    ["hash_int", d.hashInt("id")],
    ["hash_text", d.hashText(["type", "value"])],
    ["portable_hash", d.portableHash("CAST(id AS VARCHAR)")],
    ["levenshtein", d.levenshtein("a.name", "b.name")],
    ["hamming", d.hamming?.distance("a.zip", "b.zip")],
    ["jaro_winkler", d.jaroWinkler("a.name", "b.name", "cdp_fn")],
    [
      "jaro_winkler_levels",
      d.jaroWinkler("a.name", "b.name", "cdp_fn", { thresholds: [0.9, 0.8], keys: ["a.jwk", "b.jwk"] }),
    ],
    ["jaro_winkler_key", d.jaroWinklerKey?.("a.name", "cdp_fn")],
    ["date_add", d.dateAdd("ordered_at", -3, "day")],
    ["date_diff", d.dateDiff("day", "first_seen", "last_seen")],
    ["current_timestamp", d.currentTimestamp()],
    ["most_recent", d.pickBy("email", "seen_at", "desc")],
    ["most_frequent", d.mostFrequent("city")],
    [
      "text_columns",
      d.textColumnsSql?.([
        { name: "key", values: ["a", null] },
        { name: "at", sql: "now()" },
      ]),
    ],
    ["row_number", d.rowNumber],
    ["primary_key_count", d.primaryKeyCountSql?.({ schema: "cdp_state", name: "s__snapshot" })],
  ];
  return lines.map(([name, sql]) => `-- ${name}\n${sql ?? "-- (none)"}`).join("\n");
}

const orders = { schema: "cdp", name: "daily_revenue" };
const dialects: [string, Dialect, string][] = [
  ["duckdb", duckdbDialect, "ci"],
  ["postgres", postgresDialect, "pg"],
  ["bigquery", bigqueryDialect("acme-analytics"), "bigquery"],
];

for (const [name, d, target] of dialects) {
  describe(`${name} golden SQL`, () => {
    it("the dialect's snippets", () => {
      golden(name, "dialect-snippets", snippets(d));
    });

    it("generic tests", () => {
      if (name === "bigquery") return; // pinned by test/bigquery/golden.test.ts
      golden(
        name,
        "test-not-null",
        genericTestSql("not_null", d, orders, { column: "revenue_usd" } as TestArgs),
      );
      golden(
        name,
        "test-unique",
        genericTestSql("unique", d, orders, { column: "order_date", where: "orders > 0" } as TestArgs),
      );
    });

    it(`the demo's daily_revenue model, compiled for the ${target} target`, async () => {
      if (name === "bigquery") return; // pinned by test/bigquery/golden.test.ts
      const loaded = await loadConfig({ projectDir: REPO, target });
      const compilation = compileProject(loaded);
      const model = compilation.nodes.get("model.daily_revenue") as ModelNode;
      golden(name, "daily-revenue", model.compiledSql);
      golden(name, "daily-revenue-incremental", compilation.renderForRun(model, true));
    });
  });
}
