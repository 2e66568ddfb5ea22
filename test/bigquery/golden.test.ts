import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { compileProject } from "../../src/project/compile.ts";
import { genericTestSql } from "../../src/project/generic-tests.ts";
import type { TestArgs } from "../../src/project/model-config.ts";
import type { ModelNode } from "../../src/project/types.ts";
import {
  addColumnsSql,
  createViewSql,
  insertSql,
  mergeSql,
  replaceTableSql,
} from "../../src/warehouse/bigquery/ddl.ts";
import { bigqueryDialect } from "../../src/warehouse/bigquery/dialect.ts";
import { REPO } from "../helpers/project.ts";

/**
 * The SQL the BigQuery dialect and warehouse generate, pinned in test/golden/bigquery/*.sql.
 * After an intended change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/bigquery/golden.test.ts`
 * and review the diff.
 */
const GOLDEN = path.join(REPO, "test/golden/bigquery");

function golden(name: string, sql: string): void {
  const file = path.join(GOLDEN, `${name}.sql`);
  const text = `${sql.trim()}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
  expect(text, `${name}.sql differs; run with UPDATE_GOLDEN=1 if the change is intended`).toBe(
    readFileSync(file, "utf8"),
  );
}

const d = bigqueryDialect("acme-analytics");
const orders = { schema: "cdp", name: "daily_revenue" };
const stage = { schema: "cdp", name: "daily_revenue__cdp_stage" };

describe("BigQuery golden SQL", () => {
  it("warehouse statements", () => {
    golden(
      "replace-table",
      replaceTableSql(d, orders, "SELECT CURRENT_DATE() AS order_date, 'USD' AS currency"),
    );
    golden(
      "create-view",
      createViewSql(d, { schema: "cdp", name: "stg orders" }, "SELECT * FROM `raw`.`orders`"),
    );
    golden("insert-into", insertSql(d, orders, stage, ["order_date", "currency", "orders"]));
    golden(
      "merge-into",
      mergeSql(
        d,
        orders,
        stage,
        ["order_date", "currency"],
        ["order_date", "currency", "orders", "revenue_usd"],
      ),
    );
    golden("merge-into-key-only", mergeSql(d, orders, stage, ["id"], ["id"]));
    golden(
      "add-columns",
      addColumnsSql(d, orders, [
        { name: "refunds", type: "INT64" },
        { name: "fx rate", type: "NUMERIC(12, 6)" },
      ]),
    );
  });

  it("generic tests", () => {
    golden("test-not-null", genericTestSql("not_null", d, orders, { column: "revenue_usd" } as TestArgs));
    golden(
      "test-unique",
      genericTestSql("unique", d, orders, { column: "order_date", where: "orders > 0" } as TestArgs),
    );
  });

  it("the demo's daily_revenue model, compiled for the bigquery target", async () => {
    // The demo's target takes its project from the environment; the golden file pins the default.
    delete process.env.CDP_BIGQUERY_PROJECT;
    const loaded = await loadConfig({ projectDir: REPO, target: "bigquery" });
    const compilation = compileProject(loaded);
    const model = compilation.nodes.get("model.daily_revenue") as ModelNode;
    golden("daily-revenue", model.compiledSql);
    golden("daily-revenue-incremental", compilation.renderForRun(model, true));
  });
});
