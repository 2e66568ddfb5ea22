import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { execute } from "../../src/api.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { makeProject, writeFiles } from "../helpers/project.ts";

const opened: DuckdbWarehouse[] = [];
async function warehouse(): Promise<DuckdbWarehouse> {
  const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 4 });
  opened.push(wh);
  return wh;
}
afterAll(async () => {
  for (const wh of opened) await wh.close();
});

const byName = (summary: Awaited<ReturnType<typeof execute>>) =>
  Object.fromEntries(summary.results.map((r) => [r.name, r]));

describe("materializations on DuckDB", () => {
  it("builds seeds with declared types, views, tables, ephemeral models and tests", async () => {
    const dir = makeProject(
      {
        "seeds/raw_orders.csv": "id,amount,code\n1,10.50,007\n2,3.25,010\n3,99.99,011\n",
        "models/stg_orders.sql": `{{config materialized="view"}}{{test "unique" column="id"}}select * from {{ref "raw_orders"}}`,
        "models/big.sql": `{{config materialized="ephemeral"}}select * from {{ref "stg_orders"}} where amount > 5`,
        "models/big_orders.sql": `{{config materialized="table"}}{{test "not_null" column="id"}}select * from {{ref "big"}}`,
      },
      `export default { name: "t", warehouse: { type: "duckdb" }, seeds: { raw_orders: { columnTypes: { code: "VARCHAR", amount: "DECIMAL(10,2)" } } } };`,
    );
    const wh = await warehouse();
    const summary = await execute("build", { projectDir: dir, warehouse: wh });
    expect(summary.success).toBe(true);
    const r = byName(summary);
    expect(r.raw_orders?.rowsAffected).toBe(3);
    expect(r.big_orders?.rowsAffected).toBe(2);
    expect(r.unique_stg_orders_id?.status).toBe("pass");
    expect(await wh.query(`select code, amount from big_orders order by id`)).toEqual([
      { code: "007", amount: "10.50" },
      { code: "011", amount: "99.99" },
    ]);
    expect((await wh.describe({ schema: "main", name: "stg_orders" }))?.kind).toBe("view");
    expect(await wh.describe({ schema: "main", name: "big" })).toBeUndefined();
    const results = JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8"));
    expect(results.results.map((x: { status: string }) => x.status)).not.toContain("error");
    expect(results.results.find((x: { name: string }) => x.name === "big_orders").rows_affected).toBe(2);
  });

  it("keeps the old table when a rebuild fails, and leaves no temporary table behind", async () => {
    const dir = makeProject({
      "models/t.sql": `{{config materialized="table"}}select 1 as id union all select 2`,
    });
    const wh = await warehouse();
    expect((await execute("run", { projectDir: dir, warehouse: wh })).success).toBe(true);
    writeFiles(dir, {
      "models/t.sql": `{{config materialized="table"}}select 1 as id union all select cast('x' as integer)`,
    });
    const failed = await execute("run", { projectDir: dir, warehouse: wh });
    expect(failed.success).toBe(false);
    expect(byName(failed).t?.status).toBe("error");
    expect(byName(failed).t?.message).toMatch(/Conversion Error|Could not convert/i);
    expect(await wh.query("select id from t order by id")).toEqual([{ id: 1 }, { id: 2 }]);
    const tables = await wh.query("select table_name from information_schema.tables order by 1");
    expect(tables).toEqual([{ table_name: "t" }]);
  });

  it("skips the dependents of a failed model while other branches finish", async () => {
    const dir = makeProject({
      "models/bad.sql": `{{config materialized="table"}}select no_such_column from (select 1 as id)`,
      "models/after_bad.sql": `{{config materialized="table"}}select * from {{ref "bad"}}`,
      "models/after_after.sql": `select * from {{ref "after_bad"}}`,
      "models/good.sql": `{{config materialized="table"}}select 1 as id`,
      "models/after_good.sql": `{{config materialized="table"}}select * from {{ref "good"}}`,
    });
    const wh = await warehouse();
    const summary = await execute("run", { projectDir: dir, warehouse: wh, threads: 2 });
    const r = byName(summary);
    expect(summary.success).toBe(false);
    expect(r.bad?.status).toBe("error");
    expect(r.bad?.message).toContain("no_such_column");
    expect(r.after_bad?.status).toBe("skipped");
    expect(r.after_after?.status).toBe("skipped");
    expect(r.after_bad?.message).toContain("upstream bad");
    expect(r.good?.status).toBe("success");
    expect(r.after_good?.status).toBe("success");
    expect(await wh.describe({ schema: "main", name: "bad" })).toBeUndefined();
  });

  it("in build, a failing test skips what depends on the tested model", async () => {
    const dir = makeProject({
      "models/src.sql": `{{config materialized="table"}}{{test "unique" column="id"}}select 1 as id union all select 1`,
      "models/downstream.sql": `select * from {{ref "src"}}`,
      "models/unrelated.sql": `select 2 as id`,
    });
    const wh = await warehouse();
    const summary = await execute("build", { projectDir: dir, warehouse: wh });
    const r = byName(summary);
    expect(r.unique_src_id?.status).toBe("fail");
    expect(r.unique_src_id?.failures).toBe(1);
    expect(r.unique_src_id?.sample).toEqual([{ id: 1, n_records: 2 }]);
    expect(r.downstream?.status).toBe("skipped");
    expect(r.unrelated?.status).toBe("success");
  });

  it("reports failing rows of every generic test kind and of singular tests, honouring severity", async () => {
    const dir = makeProject(
      {
        "models/parent.sql": `{{config materialized="table"}}select 1 as id union all select 2`,
        "models/child.sql": `{{config materialized="table"}}
{{test "not_null" column="pid"}}
{{test "accepted_values" column="status" values=(var "statuses")}}
{{test "relationships" column="pid" to="parent" field="id"}}
{{test "unique" column="status" severity="warn"}}
select * from (values (1, 'a'), (3, 'b'), (null, 'zzz'), (2, 'a')) as t(pid, status)`,
        "tests/no_big_ids.sql": `select * from {{ref "child"}} where pid > 2`,
      },
      `export default { name: "t", warehouse: { type: "duckdb" }, vars: { statuses: ["a", "b"] } };`,
    );
    const wh = await warehouse();
    const summary = await execute("build", { projectDir: dir, warehouse: wh });
    const r = byName(summary);
    expect(r.not_null_child_pid).toMatchObject({ status: "fail", failures: 1 });
    expect(r.accepted_values_child_status).toMatchObject({
      status: "fail",
      failures: 1,
      sample: [{ status: "zzz", n_records: 1 }],
    });
    expect(r.relationships_child_pid__parent).toMatchObject({
      status: "fail",
      failures: 1,
      sample: [{ pid: 3 }],
    });
    expect(r.unique_child_status).toMatchObject({ status: "warn", failures: 1 });
    expect(r.no_big_ids).toMatchObject({ status: "fail", failures: 1 });
  });
});

describe("incremental models", () => {
  const model = (where: string, extra = "") => `{{config materialized="incremental" unique_key="id"${extra}}}
select id, v from {{ref "src"}}
{{#if is_incremental}}where id is null or id >= (select max(id) from {{self}}){{/if}}
${where}`;

  it("merges on unique_key: new rows inserted, matching rows replaced, nothing duplicated", async () => {
    const dir = makeProject({ "seeds/src.csv": "id,v\n1,a\n2,b\n", "models/inc.sql": model("") });
    const wh = await warehouse();
    expect(byName(await execute("build", { projectDir: dir, warehouse: wh })).inc?.rowsAffected).toBe(2);
    writeFiles(dir, { "seeds/src.csv": "id,v\n1,a\n2,B\n3,c\n" });
    const second = byName(await execute("build", { projectDir: dir, warehouse: wh })).inc;
    expect(second?.status).toBe("success");
    expect(second?.message).toBe("1 inserted, 1 updated");
    expect(await wh.query("select id, v from inc order by id")).toEqual([
      { id: 1, v: "a" },
      { id: 2, v: "B" },
      { id: 3, v: "c" },
    ]);
  });

  it("fails on NULL or duplicate keys in the new rows, showing them, and writes nothing", async () => {
    const dir = makeProject({ "seeds/src.csv": "id,v\n1,a\n", "models/inc.sql": model("") });
    const wh = await warehouse();
    await execute("build", { projectDir: dir, warehouse: wh });
    writeFiles(dir, { "seeds/src.csv": "id,v\n1,a\n5,x\n5,y\n,z\n" });
    const r = byName(await execute("build", { projectDir: dir, warehouse: wh })).inc;
    expect(r?.status).toBe("error");
    expect(r?.message).toContain("id=5 (2 rows)");
    expect(r?.message).toContain("id=NULL (1 rows)");
    expect(await wh.query("select id, v from inc order by id")).toEqual([{ id: 1, v: "a" }]);
    const leftovers = await wh.query(
      "select table_name from information_schema.tables where table_name like '%cdp_%' and table_name <> 'cdp_work_leases'",
    );
    expect(leftovers).toEqual([]);
    expect(await wh.query("select token from cdp_work_leases")).toEqual([]);
  });

  it("fails a first build with duplicate keys too", async () => {
    const dir = makeProject({ "seeds/src.csv": "id,v\n1,a\n1,b\n", "models/inc.sql": model("") });
    const wh = await warehouse();
    const r = byName(await execute("build", { projectDir: dir, warehouse: wh })).inc;
    expect(r?.status).toBe("error");
    expect(await wh.describe({ schema: "main", name: "inc" })).toBeUndefined();
  });

  it("appends without a unique key, and handles new columns per on_schema_change", async () => {
    const dir = makeProject({
      "seeds/src.csv": "id,v\n1,a\n",
      "models/log.sql": `{{config materialized="incremental"}}select id, v from {{ref "src"}}`,
    });
    const wh = await warehouse();
    await execute("build", { projectDir: dir, warehouse: wh });
    await execute("build", { projectDir: dir, warehouse: wh });
    expect(await wh.query("select count(*) as n from log")).toEqual([{ n: 2 }]);

    writeFiles(dir, {
      "models/log.sql": `{{config materialized="incremental"}}select id, v, 'new' as extra from {{ref "src"}}`,
    });
    const failed = byName(await execute("run", { projectDir: dir, warehouse: wh })).log;
    expect(failed?.status).toBe("error");
    expect(failed?.message).toContain("new columns (extra)");
    expect(failed?.message).toContain("--full-refresh");

    writeFiles(dir, {
      "models/log.sql": `{{config materialized="incremental" on_schema_change="append_new_columns"}}select id, v, 'new' as extra from {{ref "src"}}`,
    });
    expect(byName(await execute("run", { projectDir: dir, warehouse: wh })).log?.status).toBe("success");
    expect(await wh.query("select count(*) as n, count(extra) as with_extra from log")).toEqual([
      { n: 3, with_extra: 1 },
    ]);

    const refreshed = byName(await execute("run", { projectDir: dir, warehouse: wh, fullRefresh: true })).log;
    expect(refreshed?.message).toBe("rebuilt (full refresh)");
    expect(await wh.query("select count(*) as n from log")).toEqual([{ n: 1 }]);
  });
});
