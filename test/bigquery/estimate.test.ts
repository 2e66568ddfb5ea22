import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateCosts } from "../../src/run/estimate.ts";
import type { BigqueryWarehouse } from "../../src/warehouse/bigquery/index.ts";
import { makeProject } from "../helpers/project.ts";
import { openOnStandIn } from "./helpers.ts";
import { StandIn } from "./stand-in/index.ts";

/** `cdp compile --estimate`: a dry run per model on BigQuery, nothing executed. */
let standIn: StandIn;
let wh: BigqueryWarehouse;
beforeAll(async () => {
  standIn = await StandIn.start();
  wh = await openOnStandIn(standIn, "est");
  await wh.ensureSchema("est");
  await wh.replaceTable(
    { schema: "est", name: "raw" },
    "SELECT x AS id FROM UNNEST(GENERATE_ARRAY(1, 1000)) AS x",
  );
});
afterAll(async () => {
  await wh.close();
  await standIn.close();
});

describe("byte estimates", () => {
  it("dry-runs each selected model and reports those whose inputs are missing", async () => {
    const dir = makeProject(
      {
        "models/a.sql": `{{config materialized="table"}}select id from {{source "raw" "raw"}}`,
        "models/b.sql": `select * from {{ref "a"}}`,
        "models/e.sql": `{{config materialized="ephemeral"}}select 1 as one`,
      },
      `export default { name: "t", warehouse: { type: "bigquery", project: "${standIn.project}", schema: "est" }, sources: { raw: { schema: "est", tables: ["raw"] } } };`,
    );
    const jobsBefore = (await standIn.jobs()).length;
    const estimates = await estimateCosts({ projectDir: dir, warehouse: wh });
    expect(estimates.map((e) => e.model)).toEqual(["a", "b"]);
    expect(estimates[0]!.bytes).toBeGreaterThan(0);
    // b reads a, which was never built: no figure, and the reason.
    expect(estimates[1]!.bytes).toBeUndefined();
    expect(estimates[1]!.note).toMatch(/not found|does not exist/i);
    expect((await standIn.jobs()).length).toBe(jobsBefore);
  });
});
