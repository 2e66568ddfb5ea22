import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

/**
 * `state:modified` (and its `.body`, `.configs`, `.partials`, `.vars`) and `state:new`, compared
 * with the manifest of a previous compile, on a small project through `cdp ls`.
 */

const config = (vars: string) =>
  `export default { name: "st", warehouse: { type: "duckdb", path: ":memory:" }, threads: 1, vars: ${vars} };\n`;

const FILES = {
  "seeds/people.csv": "id,status\n1,active\n",
  "partials/active.sql": "status = {{> quote_active}}",
  "partials/quote_active.sql": "'active'",
  "models/base.sql": `select * from {{ref "people"}}`,
  "models/active.sql": `select * from {{ref "base"}} where {{> active}}`,
  "models/recent.sql": `select * from {{ref "base"}} where id > {{var "min_id"}}`,
  "models/report.sql": `{{config materialized="table"}}\nselect count(*) as n from {{ref "active"}}`,
};

describe("state: selectors", () => {
  let dir: string;
  let state: string;
  const ls = (select: string) => {
    const r = cdp(dir, ["ls", "--select", select, "--state", state, "--resource-type", "model"]);
    expect(r.code, r.output).toBe(0);
    return r.stdout.trim().split("\n").filter(Boolean);
  };
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));

  beforeEach(() => {
    dir = makeProject(FILES, config(`{ min_id: 0 }`));
    const r = cdp(dir, ["compile"]);
    expect(r.code, r.output).toBe(0);
    state = path.join(dir, "state");
    mkdirSync(state);
    cpSync(path.join(dir, "target/manifest.json"), path.join(state, "manifest.json"));
  });

  it("selects nothing when nothing changed, even against its own target/ folder", () => {
    expect(ls("state:modified")).toEqual([]);
    state = path.join(dir, "target");
    expect(ls("state:modified")).toEqual([]);
  });

  it("a changed body selects the model; + adds its children", () => {
    edit("models/base.sql", (t) => `${t} where id > 0`);
    expect(ls("state:modified")).toEqual(["model.base"]);
    expect(ls("state:modified.body")).toEqual(["model.base"]);
    expect(ls("state:modified.configs")).toEqual([]);
    expect(ls("state:modified+")).toEqual(["model.base", "model.active", "model.recent", "model.report"]);
    expect(ls("state:modified+1")).toEqual(["model.base", "model.active", "model.recent"]);
  });

  it("a changed config is state:modified.configs", () => {
    edit("models/active.sql", (t) => `{{config materialized="table"}}\n${t}`);
    expect(ls("state:modified.configs")).toEqual(["model.active"]);
    expect(ls("state:modified.body")).toEqual(["model.active"]);
  });

  it("a partial changed two levels down selects the models including it", () => {
    edit("partials/quote_active.sql", () => "'enabled'");
    expect(ls("state:modified")).toEqual(["model.active"]);
    expect(ls("state:modified.partials")).toEqual(["model.active"]);
    expect(ls("state:modified.body")).toEqual([]);
  });

  it("a var whose value changed selects the models reading it, --vars included", () => {
    writeFileSync(path.join(dir, "cdp.config.ts"), config(`{ min_id: 5 }`));
    expect(ls("state:modified")).toEqual(["model.recent"]);
    expect(ls("state:modified.vars")).toEqual(["model.recent"]);
    writeFileSync(path.join(dir, "cdp.config.ts"), config(`{ min_id: 0 }`));
    const r = cdp(dir, ["ls", "--select", "state:modified", "--state", state, "--vars", '{"min_id": 9}']);
    expect(r.stdout.trim()).toBe("model.recent");
  });

  it("state:new selects what the state does not have; state:modified includes it", () => {
    writeFileSync(path.join(dir, "models/extra.sql"), `select 1 as x`);
    expect(ls("state:new")).toEqual(["model.extra"]);
    expect(ls("state:modified")).toEqual(["model.extra"]);
  });

  it("a source table that now names another relation selects the models reading it", () => {
    const withSource = (table: string) =>
      `export default { name: "st", warehouse: { type: "duckdb", path: ":memory:" }, threads: 1,
  vars: { min_id: 0 }, sources: { crm: { schema: "raw", tables: { contacts: "${table}" } } } };\n`;
    writeFileSync(path.join(dir, "cdp.config.ts"), withSource("contacts_v1"));
    writeFileSync(path.join(dir, "models/from_crm.sql"), `select * from {{source "crm" "contacts"}}`);
    expect(cdp(dir, ["compile"]).code).toBe(0);
    cpSync(path.join(dir, "target/manifest.json"), path.join(state, "manifest.json"));
    expect(ls("state:modified")).toEqual([]);
    writeFileSync(path.join(dir, "cdp.config.ts"), withSource("contacts_v2"));
    expect(ls("state:modified")).toEqual(["model.from_crm"]);
    expect(ls("state:modified.sources")).toEqual(["model.from_crm"]);
  });

  it("a changed seed file is modified, and its children follow with +", () => {
    writeFileSync(path.join(dir, "seeds/people.csv"), "id,status\n1,active\n2,active\n");
    const r = cdp(dir, ["ls", "--select", "state:modified+1", "--state", state]);
    expect(r.stdout.trim().split("\n")).toEqual(["seed.people", "model.base"]);
  });

  it("cdp sync --select state:modified runs the syncs of changed models, and none when nothing changed", () => {
    const project = makeProject(
      {
        "seeds/people.csv": "id,email\n1,a@x.org\n",
        "models/audience.sql": `select * from {{ref "people"}}`,
      },
      `export default {
  name: "st", warehouse: { type: "duckdb", path: ".cdp/st.duckdb" }, threads: 1,
  syncs: { audience_file: { model: "audience", primaryKey: "id", mode: "upsert", destination: { type: "file", dir: "out", format: "csv" } } },
};
`,
    );
    expect(cdp(project, ["build", "--no-sync"]).code).toBe(0);
    const prod = path.join(project, "prod");
    mkdirSync(prod);
    cpSync(path.join(project, "target/manifest.json"), path.join(prod, "manifest.json"));
    const none = cdp(project, ["sync", "--select", "state:modified", "--state", prod]);
    expect(none.code, none.output).toBe(0);
    expect(none.stdout).toContain("Done. 0 syncs");
    const results = () => JSON.parse(readFileSync(path.join(project, "target/sync_results.json"), "utf8"));
    expect(results().results).toEqual([]);
    writeFileSync(path.join(project, "models/audience.sql"), `select * from {{ref "people"}} where id > 0`);
    expect(cdp(project, ["run"]).code).toBe(0);
    const some = cdp(project, ["sync", "--select", "state:modified", "--state", prod]);
    expect(some.code, some.output).toBe(0);
    expect(results().results.map((r: { sync: string; status: string }) => [r.sync, r.status])).toEqual([
      ["audience_file", "success"],
    ]);
  });

  it("explains a state selector without --state, a misspelt one, and a missing manifest", () => {
    const none = cdp(dir, ["ls", "--select", "state:modified"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--state <dir>");
    const typo = cdp(dir, ["ls", "--select", "state:modifed", "--state", state]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "modified"?');
    const missing = cdp(dir, ["ls", "--select", "state:new", "--state", path.join(dir, "nowhere")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no manifest.json there");
  });
});
