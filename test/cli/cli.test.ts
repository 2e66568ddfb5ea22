import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

describe("cdp CLI", () => {
  it("exit 2 and one report naming every broken file and line for compile errors", () => {
    const dir = makeProject(
      {
        "models/a.sql": `select * from {{ref "b"}}\n`,
        "models/b.sql": `select *\nfrom {{ref "a"}}\n`,
        "models/orders.sql": "select 1 as id\n",
        "models/c.sql": `select 1 union all\nselect * from {{ref "ordrs"}}\n`,
        "models/d.sql": "select {{#if is_incremental}}\n1\n",
      },
      `export default {\n  name: "t",\n  warehouse: { type: "duckdb" },\n  colour: "red",\n};\n`,
    );
    const r = cdp(dir, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const report = r.stderr;
    expect(report.match(/Compilation failed/g)).toHaveLength(1);
    for (const where of [
      "cdp.config.ts:4",
      "models/a.sql:1",
      "models/b.sql:2",
      "models/c.sql:2",
      "models/d.sql:3",
    ]) {
      expect(report).toContain(where);
    }
    expect(report).toContain(`Did you mean "orders"?`);
    expect(report).not.toContain("    at "); // no stack trace
  });

  it("exit 1 when a model fails at run time, with dependents skipped and run_results written", () => {
    const dir = makeProject({
      "models/broken.sql": `{{config materialized="table"}}select * from missing_table`,
      "models/child.sql": `select * from {{ref "broken"}}`,
      "models/fine.sql": `{{config materialized="table"}}select 1 as id`,
    });
    const r = cdp(dir, ["run"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR\s+table\s+broken/);
    expect(r.stdout).toMatch(/SKIP\s+view\s+child/);
    expect(r.stdout).toContain("missing_table");
    const results = JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8"));
    const status = Object.fromEntries(
      results.results.map((x: { name: string; status: string }) => [x.name, x.status]),
    );
    expect(status).toEqual({ broken: "error", child: "skipped", fine: "success" });
  });

  it("exit 0 on success; --log-format json prints one JSON object per line", () => {
    const dir = makeProject({ "seeds/s.csv": "id\n1\n2\n", "models/m.sql": `select * from {{ref "s"}}` });
    const r = cdp(dir, ["build", "--log-format", "json"]);
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: "plan", command: "build", total: 2 });
    expect(events.filter((e) => e.event === "node_finish").map((e) => e.status)).toEqual([
      "success",
      "success",
    ]);
    expect(events.at(-1)).toMatchObject({ event: "summary", success: true });
  });

  it("exit 2 for usage errors: unknown target, bad --vars, unknown command, empty selection", () => {
    const dir = makeProject({ "models/m.sql": "select 1" });
    expect(cdp(dir, ["run", "--target", "prod"]).stderr).toContain(`Unknown target "prod"`);
    expect(cdp(dir, ["run", "--target", "prod"]).code).toBe(2);
    expect(cdp(dir, ["run", "--vars", "{nope"]).code).toBe(2);
    expect(cdp(dir, ["frobnicate"]).code).toBe(2);
    const empty = cdp(dir, ["run", "--select", "nothing"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("matches no model");
  });

  it("ls lists selected nodes; init creates a project that builds", () => {
    const dir = makeProject({ "models/a.sql": "select 1", "models/b.sql": `select * from {{ref "a"}}` });
    expect(cdp(dir, ["ls", "--select", "a+"]).stdout.trim().split("\n")).toEqual(["model.a", "model.b"]);
    const fresh = path.join(dir, "fresh");
    const init = cdp(dir, ["init", fresh]);
    expect(init.code).toBe(0);
    expect(existsSync(path.join(fresh, "cdp.config.ts"))).toBe(true);
    const build = cdp(fresh, ["build"]);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/Done\./);
  });

  it("reads secrets from .env and never prints them or writes them to target/", () => {
    const secretValue = "sup3r-s3cret-value";
    const dir = makeProject(
      {
        "models/m.sql": `{{config materialized="table"}}select {{literal (var "token")}} as t from missing_table`,
        ".env": `CDP_TEST_TOKEN=${secretValue}\n`,
      },
      `import { secret } from "cdp";
export default { name: "t", warehouse: { type: "duckdb" }, vars: { token: secret("CDP_TEST_TOKEN") } };`,
    );
    const r = cdp(dir, ["run", "--debug"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("missing_table");
    expect(r.output).not.toContain(secretValue);
    const artifacts = readdirSync(path.join(dir, "target"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"));
    expect(artifacts.length).toBeGreaterThan(2);
    for (const text of artifacts) expect(text).not.toContain(secretValue);
    expect(artifacts.join("\n")).toContain("'***'");
  });

  it("names the missing environment variable of a secret", () => {
    const dir = makeProject(
      { "models/m.sql": "select 1" },
      `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb" },
  vars: { token: secret("CDP_TEST_UNSET_TOKEN") },
};`,
    );
    const r = cdp(dir, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cdp.config.ts:5");
    expect(r.stderr).toContain("CDP_TEST_UNSET_TOKEN");
  });
});
