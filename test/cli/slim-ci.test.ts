import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { demoCopy } from "./demo-copy.ts";

/**
 * Slim CI on a copy of the demo: production is built into schema `main`, its artifacts kept; a
 * pull request changes one model and builds `state:modified+` with `--defer` into schema `pr_1`
 * of the same database, reading everything it did not build from production.
 */

type RunResults = { results: { unique_id: string; status: string }[]; args: Record<string, unknown> };
const runResults = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8")) as RunResults;

describe("slim CI: --state, state:modified+ and --defer on the demo", () => {
  let dir: string;
  let state: string;

  beforeAll(async () => {
    dir = demoCopy("pr_1");
    const prod = await cdpAsync(dir, ["build", "--no-sync"]);
    expect(prod.code, prod.output).toBe(0);
    state = path.join(dir, "prod-state");
    mkdirSync(state);
    cpSync(path.join(dir, "target/manifest.json"), path.join(state, "manifest.json"));
  }, 300_000);

  it("with nothing changed, state:modified selects nothing and the build succeeds doing nothing", async () => {
    const r = await cdpAsync(dir, ["ls", "--select", "state:modified+", "--state", state]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout.trim()).toBe("");
  });

  it("builds only the changed model and its children, reading its parents from production", async () => {
    const file = path.join(dir, "models/traits/profile_traits.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- a reviewed change\n`);
    const r = await cdpAsync(dir, [
      "build",
      "--target",
      "pr",
      "--select",
      "state:modified+",
      "--state",
      state,
      "--defer",
      "--no-sync",
    ]);
    expect(r.code, r.output).toBe(0);
    const built = runResults(dir).results.map((x) => x.unique_id);
    expect(built.filter((id) => id.startsWith("model.")).sort()).toEqual([
      "model.aud_high_value_at_risk",
      "model.aud_recent_signups_no_order",
      "model.profile_traits",
    ]);
    expect(built.filter((id) => id.startsWith("seed."))).toEqual([]);
    expect(built).toContain("test.unique_profile_traits_profile_id");
    expect(runResults(dir).args).toMatchObject({ state, defer: true });
    // What ran read production's parents and built into the pull request's schema.
    const compiled = readFileSync(path.join(dir, "target/compiled/models/traits/profile_traits.sql"), "utf8");
    expect(compiled).toContain(`"main"."record_profiles"`);
    expect(compiled).not.toContain(`"pr_1"."record_profiles"`);
    const wh = await DuckdbWarehouse.open({
      path: path.join(dir, ".cdp/demo.duckdb"),
      schema: "main",
      connections: 1,
    });
    try {
      const tables = await wh.query(
        `select table_name from information_schema.tables where table_schema = 'pr_1' order by 1`,
      );
      expect(tables.map((t) => t.table_name)).toEqual([
        "aud_high_value_at_risk",
        "aud_recent_signups_no_order",
        "profile_traits",
      ]);
      const [pr] = await wh.query(`select count(*) as n from "pr_1"."profile_traits"`);
      const [prod] = await wh.query(`select count(*) as n from "main"."profile_traits"`);
      expect(Number(pr!.n)).toBeGreaterThan(0);
      expect(Number(pr!.n)).toBe(Number(prod!.n));
    } finally {
      await wh.close();
    }
  }, 300_000);

  it("--defer without --state is a usage error", async () => {
    const r = await cdpAsync(dir, ["run", "--select", "profile_traits", "--defer"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--state");
  });
});
