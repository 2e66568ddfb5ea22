import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

type RunResults = {
  command: string;
  args: Record<string, unknown>;
  metadata: { target_name: string };
  results: { unique_id: string; status: string }[];
};
const runResults = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8")) as RunResults;

const CONFIG = `export default {
  name: "retry",
  defaultTarget: "dev",
  targets: {
    dev: { type: "duckdb", path: ".cdp/dev.duckdb" },
    other: { type: "duckdb", path: ".cdp/other.duckdb" },
  },
  threads: 1,
};
`;

describe("cdp retry", () => {
  it("runs again what errored and what it skipped, with the last run's command, target and vars", () => {
    const dir = makeProject(
      {
        "seeds/people.csv": "id\n1\n2\n",
        // No default for the var: the retry compiles only if it reuses the first run's --vars.
        "models/good.sql": `select id from {{ref "people"}} where id >= {{var "min_id"}}`,
        "models/bad.sql": `select id from missing_table`,
        "models/child.sql": `{{test "not_null" column="id"}}\nselect id from {{ref "bad"}}`,
      },
      CONFIG,
    );
    const first = cdp(dir, ["build", "--target", "other", "--vars", '{"min_id": 1}', "--threads", "2"]);
    expect(first.code, first.output).toBe(1);
    const statuses = Object.fromEntries(runResults(dir).results.map((r) => [r.unique_id, r.status]));
    expect(statuses).toMatchObject({
      "model.good": "success",
      "model.bad": "error",
      "model.child": "skipped",
      "test.not_null_child_id": "skipped",
    });

    // Still broken: the same three fail again, and nothing else runs.
    const again = cdp(dir, ["retry"]);
    expect(again.code, again.output).toBe(1);
    expect(runResults(dir).results.map((r) => r.unique_id)).toEqual([
      "model.bad",
      "model.child",
      "test.not_null_child_id",
    ]);

    writeFileSync(path.join(dir, "models/bad.sql"), `select id from {{ref "people"}}`);
    const fixed = cdp(dir, ["retry"]);
    expect(fixed.code, fixed.output).toBe(0);
    const after = runResults(dir);
    expect(after.command).toBe("build");
    expect(after.metadata.target_name).toBe("other");
    expect(after.args).toMatchObject({ vars: { min_id: 1 }, threads: 2 });
    expect(Object.fromEntries(after.results.map((r) => [r.unique_id, r.status]))).toEqual({
      "model.bad": "success",
      "model.child": "success",
      "test.not_null_child_id": "pass",
    });

    const nothing = cdp(dir, ["retry"]);
    expect(nothing.code, nothing.output).toBe(0);
    expect(nothing.stdout).toContain("Nothing to retry");
  });

  it("after a build, also runs the syncs that did not succeed: with the rebuilt nodes, or alone", () => {
    const dir = makeProject(
      {
        "seeds/people.csv": "id\n1\n2\n",
        "models/good.sql": `select id from {{ref "people"}}`,
        "models/bad.sql": `select id from missing_table`,
      },
      `export default {
  name: "retry", warehouse: { type: "duckdb", path: ".cdp/r.duckdb" }, threads: 1,
  syncs: { good_file: { model: "good", primaryKey: "id", mode: "upsert", destination: { type: "file", dir: "out", format: "csv" } } },
};
`,
    );
    const syncs = () =>
      (
        JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8")) as {
          results: { sync: string; status: string }[];
        }
      ).results.map((r) => [r.sync, r.status]);
    expect(cdp(dir, ["build"]).code).toBe(1);
    // The build failed, so its sync was skipped although its own model was built.
    expect(syncs()).toEqual([["good_file", "skipped"]]);
    writeFileSync(path.join(dir, "models/bad.sql"), `select id from {{ref "people"}}`);
    const fixed = cdp(dir, ["retry"]);
    expect(fixed.code, fixed.output).toBe(0);
    expect(runResults(dir).results.map((r) => r.unique_id)).toEqual(["model.bad"]);
    expect(syncs()).toEqual([["good_file", "success"]]);

    // A sync that fails alone (its folder is a file) is retried alone once fixed.
    writeFileSync(path.join(dir, "seeds/people.csv"), "id\n1\n2\n3\n");
    rmSync(path.join(dir, "out"), { recursive: true, force: true });
    writeFileSync(path.join(dir, "out"), "not a folder");
    const broken = cdp(dir, ["build"]);
    expect(broken.code, broken.output).toBe(1);
    expect(syncs()[0]![1]).not.toBe("success");
    rmSync(path.join(dir, "out"));
    const again = cdp(dir, ["retry"]);
    expect(again.code, again.output).toBe(0);
    expect(syncs()).toEqual([["good_file", "success"]]);
  });

  it("without a previous run, says what to do and exits 2", () => {
    const dir = makeProject({ "models/a.sql": "select 1 as x" }, CONFIG);
    const r = cdp(dir, ["retry"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nothing to retry");
  });
});
