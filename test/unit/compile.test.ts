import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/api.ts";
import { CompileError, ConfigError } from "../../src/errors.ts";
import { artifactFile } from "../../src/project/artifacts.ts";
import { select } from "../../src/project/selectors.ts";
import { makeProject } from "../helpers/project.ts";

const config = (extra = "") =>
  `export default { name: "t", warehouse: { type: "duckdb", path: ":memory:" }, vars: { methods: ["card", "paypal"], days: 7 }${extra} };\n`;

async function compileError(dir: string): Promise<CompileError> {
  try {
    await compile({ projectDir: dir });
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error("compile succeeded");
}

describe("compile", () => {
  it("renders refs, vars as subexpressions, partials and self; writes compiled SQL and the manifest", async () => {
    const dir = makeProject(
      {
        "seeds/raw_orders.csv": "id,method\n1,card\n",
        "partials/recent.sql": 'ordered_at > current_date - {{var "days"}}',
        "models/staging/stg_orders.sql": `{{config materialized="table" tags="staging,daily"}}
select id,
{{#each (var "methods")}}
  sum(case when method = '{{this}}' then 1 else 0 end) as n_{{this}},
{{/each}}
  1 as one
from {{ref "raw_orders"}} where {{> recent}}
`,
        "models/marts/orders.sql": `{{config materialized="incremental" unique_key="id"}}
select * from {{ref "stg_orders"}}
{{#if is_incremental}}where id > (select max(id) from {{self}}){{/if}}`,
      },
      config(),
    );
    const { compilation } = await compile({ projectDir: dir });
    const stg = compilation.nodes.get("model.stg_orders")!;
    expect(stg.resourceType).toBe("model");
    const sql = stg.resourceType === "model" ? stg.compiledSql : "";
    expect(sql).toContain(`from "main"."raw_orders"`);
    expect(sql).toContain("n_card");
    expect(sql).toContain("n_paypal");
    expect(sql).toContain("ordered_at > current_date - 7");
    expect(stg.tags).toEqual(["staging", "daily"]);
    const orders = compilation.nodes.get("model.orders")!;
    expect(orders.dependsOn).toEqual(["model.stg_orders"]);
    // compile renders the first-run form; the incremental form is rendered at run time
    expect(orders.resourceType === "model" && orders.compiledSql).not.toContain("max(id)");
    if (orders.resourceType === "model") {
      expect(compilation.renderForRun(orders, true)).toContain(`select max(id) from "main"."orders"`);
    }
    expect(readFileSync(path.join(dir, "target/compiled/models/staging/stg_orders.sql"), "utf8")).toContain(
      "n_paypal",
    );
    const manifest = JSON.parse(readFileSync(path.join(dir, "target/manifest.json"), "utf8"));
    expect(manifest.nodes["model.orders"].depends_on).toEqual(["model.stg_orders"]);
    expect(manifest.child_map["seed.raw_orders"]).toEqual(["model.stg_orders"]);
    expect(manifest.nodes["model.orders"].config.unique_key).toEqual(["id"]);
  });

  it("inlines ephemeral models as CTEs, transitively and once", async () => {
    const dir = makeProject(
      {
        "models/base.sql": `{{config materialized="ephemeral"}}select 1 as id`,
        "models/mid.sql": `{{config materialized="ephemeral"}}select * from {{ref "base"}}`,
        "models/top.sql": `with x as (select * from {{ref "mid"}}) select * from x join {{ref "base"}} using (id);`,
      },
      config(),
    );
    const { compilation } = await compile({ projectDir: dir });
    const top = compilation.nodes.get("model.top")!;
    const sql = top.resourceType === "model" ? top.compiledSql : "";
    expect(sql.match(/__cdp_ephemeral__base AS/g)).toHaveLength(1);
    expect(sql.indexOf("__cdp_ephemeral__base AS")).toBeLessThan(sql.indexOf("__cdp_ephemeral__mid AS"));
    expect(sql).toMatch(/^with __cdp_ephemeral__base AS/);
    expect(sql.endsWith(";")).toBe(false);
    expect(existsSync(path.join(dir, "target/compiled/models/base.sql"))).toBe(true);
  });

  it("reports every broken file with its line in one error", async () => {
    const dir = makeProject(
      {
        "models/a.sql": `{{config materialized="table"}}\nselect * from {{ref "b"}}\n`,
        "models/b.sql": `select *\nfrom {{ref "a"}}\n`,
        "models/stg_orders.sql": "select 1 as id\n",
        "models/c.sql": `select 1\nunion all\nselect * from {{ref "stg_ordrs"}}\n`,
        "models/d.sql": "select 1\n{{#if is_incremental}}\nwhere true\n",
        "models/e.sql": `{{config materialised="table"}}\nselect 1\n`,
        "models/f.sql": `select {{var "dayz"}}\n`,
      },
      `export default {\n  name: "t",\n  warehouse: { type: "duckdb" },\n  vars: { days: 1 },\n  threds: 4,\n};\n`,
    );
    const error = await compileError(dir);
    const found = error.diagnostics.map((d) => `${d.file}:${d.line ?? "?"}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "cdp.config.ts:5",
        "models/a.sql:2",
        "models/b.sql:2",
        "models/c.sql:3",
        "models/d.sql:4",
        "models/e.sql:1",
        "models/f.sql:1",
      ]),
    );
    expect(error.exitCode).toBe(2);
    const text = error.message;
    expect(text).toContain(`Did you mean "threads"?`);
    expect(text).toContain(`Did you mean "stg_orders"?`);
    expect(text).toContain(`Did you mean "materialized"?`);
    expect(text).toContain(`Did you mean "days"?`);
    expect(text).toMatch(/dependency cycle: (a -> b -> a|b -> a -> b)/);
    expect(text).toContain("file ends inside an open block");
  });

  it("rejects bad generic tests and unknown relationships targets", async () => {
    const dir = makeProject(
      {
        "models/m.sql": `{{test "uniq" column="id"}}\n{{test "relationships" column="id" to="nope" field="id"}}\nselect 1 as id`,
      },
      config(),
    );
    const error = await compileError(dir);
    expect(error.message).toContain(`unknown test "uniq". Did you mean "unique"?`);
    expect(error.message).toContain(`to="nope" is not a model or seed`);
  });

  it("resolves sources declared in the config and rejects unknown ones", async () => {
    const ok = makeProject(
      { "models/m.sql": `select * from {{source "crm" "contacts"}}` },
      config(`, sources: { crm: { schema: "raw crm", tables: { contacts: "Contacts" } } }`),
    );
    const { compilation } = await compile({ projectDir: ok });
    const m = compilation.nodes.get("model.m")!;
    expect(m.resourceType === "model" && m.compiledSql).toBe(`select * from "raw crm"."Contacts"`);
    const bad = makeProject(
      { "models/m.sql": `select * from {{source "crm" "contcts"}}` },
      config(`, sources: { crm: { schema: "raw", tables: ["contacts"] } }`),
    );
    expect((await compileError(bad)).message).toContain(
      `source "crm" has no table "contcts". Did you mean "contacts"?`,
    );
  });

  it("quotes hostile identifiers in relations", async () => {
    const dir = makeProject(
      {
        "models/m.sql": `{{config schema="we\\"ird; drop" alias="sel ect"}}select 1`,
        "models/n.sql": `select * from {{ref "m"}}`,
      },
      config(),
    );
    const { compilation } = await compile({ projectDir: dir });
    const n = compilation.nodes.get("model.n")!;
    expect(n.resourceType === "model" && n.compiledSql).toBe(`select * from "we""ird; drop"."sel ect"`);
  });
});

describe("selectors", () => {
  const files = {
    "seeds/raw.csv": "id\n1\n",
    "models/staging/stg.sql": `{{config tags="staging"}}{{test "not_null" column="id"}}select * from {{ref "raw"}}`,
    "models/marts/a.sql": `select * from {{ref "stg"}}`,
    "models/marts/b.sql": `select * from {{ref "a"}}`,
    "models/other.sql": "select 1 as id",
  };
  it("implements +name, name+, depth limits, tag:, path:, unions, intersections and exclude", async () => {
    const { compilation } = await compile({ projectDir: makeProject(files, config()) });
    const names = (include?: string[], exclude?: string[]) =>
      [...select(compilation, include, exclude)].map((id) => compilation.nodes.get(id)!.name).sort();
    expect(names(["+a"])).toEqual(["a", "not_null_stg_id", "raw", "stg"]);
    expect(names(["stg+"])).toEqual(["a", "b", "not_null_stg_id", "stg"]);
    expect(names(["stg+1"])).toEqual(["a", "not_null_stg_id", "stg"]);
    expect(names(["1+a"])).toEqual(["a", "not_null_stg_id", "stg"]);
    expect(names(["1+a"], ["resource_type:test"])).toEqual(["a", "stg"]);
    expect(names(["tag:staging"])).toEqual(["not_null_stg_id", "stg"]);
    expect(names(["path:models/marts"])).toEqual(["a", "b"]);
    expect(names(["a other"])).toEqual(["a", "other"]);
    expect(names(["stg+,path:models/marts"])).toEqual(["a", "b"]);
    expect(names(["stg+"], ["b"])).toEqual(["a", "not_null_stg_id", "stg"]);
    expect(names(["@a"])).toEqual(["a", "b", "not_null_stg_id", "raw", "stg"]);
    expect(() => names(["nothing_like_this"])).toThrow(/matches no model/);
  });
});

describe("artifact paths", () => {
  it("stay under target/: a path climbing out is refused", () => {
    expect(artifactFile("/p/target", "compiled/models/a.sql")).toBe("/p/target/compiled/models/a.sql");
    expect(() => artifactFile("/p/target", "compiled/../../models/victim.sql")).toThrow(
      /refusing to write \/p\/models\/victim\.sql: artifacts are written under \/p\/target only/,
    );
    expect(() => artifactFile("/p/target", "/etc/passwd")).toThrow(ConfigError);
  });
});
