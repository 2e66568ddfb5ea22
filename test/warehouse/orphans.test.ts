import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WorkLease } from "../../src/run/work-lease.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { type CdpProcess, spawnCdp } from "../helpers/cdp-process.ts";
import { openPostgres, postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { cdp, makeProject } from "../helpers/project.ts";

/** A process id that no longer exists: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
  return child.pid!;
}

const workTables = async (wh: Warehouse, schema: string) =>
  (
    await wh.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = ${wh.dialect.literal(schema)} AND table_name LIKE '%\\_\\_cdp\\_%' ESCAPE '\\' ORDER BY 1`,
    )
  ).map((r) => r.name);

const ORDERS = `{{config materialized="incremental" unique_key="id"}}
select * from (values (1, 'a'), (2, 'b')) as t(id, v)
`;

describe("work tables left by killed runs (DuckDB)", () => {
  it("the next run drops a killed run's work tables and keeps a live run's; clean --orphans drops old-style ones", async () => {
    const dir = makeProject({ "models/orders.sql": ORDERS });
    expect(cdp(dir, ["run"]).code).toBe(0);
    const file = path.join(dir, ".cdp/t.duckdb");

    // What a run killed mid-way leaves: its lease (pid gone) and its stage, full of rows.
    const wh = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 2 });
    const orders: Relation = { schema: "main", name: "orders" };
    const killed = new WorkLease(wh);
    const killedStage = await killed.table(orders, "stage", "rows");
    await wh.replaceTable(killedStage, "SELECT * FROM main.orders");
    await wh.execute(`UPDATE main.cdp_work_leases SET pid = ${deadPid()} WHERE token = '${killed.token}'`);
    // A run alive in another process (this one, from the child's point of view) mid-way.
    const live = new WorkLease(wh);
    const liveStage = await live.table(orders, "stage", "rows");
    await wh.replaceTable(liveStage, "SELECT * FROM main.orders");
    // A stage named by a version before leases.
    await wh.replaceTable({ schema: "main", name: "orders__cdp_stage_0a1b2c3d" }, "SELECT 1 AS id");
    await wh.close();

    const next = cdp(dir, ["run"]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`Removed 1 work table left by killed runs: ${killedStage.name}`);

    const after = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 1 });
    expect(await workTables(after, "main")).toEqual(["orders__cdp_stage_0a1b2c3d", liveStage.name].sort());
    const leases = await after.query<{ token: string }>("SELECT token FROM main.cdp_work_leases");
    expect(leases.map((l) => l.token)).toEqual([live.token]);
    await after.close();

    const clean = cdp(dir, ["clean", "--orphans"]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("Removed main.orders__cdp_stage_0a1b2c3d");
    expect(clean.stdout).toMatch(
      new RegExp(`Kept main\\.${liveStage.name} \\(its run is alive: .* pid ${process.pid}\\)`),
    );
    const last = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 1 });
    expect(await workTables(last, "main")).toEqual([liveStage.name]);
    await last.close();
  });

  it("`cdp clean` without --orphans is a usage error", () => {
    const dir = makeProject({ "models/orders.sql": ORDERS });
    const r = cdp(dir, ["clean"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cdp clean --orphans");
  });
});

const server = postgresServer();
if (server.unavailable) {
  warnSkipped("orphaned work tables on Postgres", server.unavailable);
  describe.skip(`orphaned work tables on Postgres (${server.unavailable})`, () => {
    it("is skipped", () => {});
  });
} else {
  const url = server.url!;
  describe("work tables left by killed runs (Postgres, SIGKILL)", () => {
    const schema = `cdp_orphans_${Math.random().toString(36).slice(2, 8)}`;
    const children: CdpProcess[] = [];
    let wh: Warehouse;
    const config = `export default { name: "t", warehouse: { type: "postgres", schema: "${schema}" }, threads: 1 };\n`;
    // The edges query holds its run inside the stitch (after its first work relation exists) for
    // as long as `hold` says, so that the run can be killed there.
    const stitchModel = `{{config materialized="stitch"}}
select 'email' as a_type, e as a_value, 'user_id' as b_type, u as b_value
from (values ('a@x.io', '1'), ('b@x.io', '2')) as v(e, u) cross join (select pg_sleep({{var "hold" 0}})) as s
`;

    afterAll(async () => {
      for (const c of children) c.child.kill("SIGKILL");
      if (wh) {
        await stopSleepers();
        await wh.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await wh.close();
      }
    });

    /** A killed client's statement runs on until the server notices; here it is ended at once. */
    async function stopSleepers(only = "") {
      await wh.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%${schema}%' AND query LIKE '%${only}%'`,
      );
    }

    /** Starts `cdp run` held inside the stitch of `model`; resolves once its first work view exists. */
    async function startHeld(dir: string, model: string): Promise<{ run: CdpProcess; input: string }> {
      const run = spawnCdp(dir, ["run", "--vars", '{"hold": 600}'], { DATABASE_URL: url });
      children.push(run);
      let exited = false;
      void run.exited.then(() => (exited = true));
      for (;;) {
        const found = (await workTables(wh, schema)).filter(
          (n) => n.startsWith(`${model}__cdp_stitch_`) && n.endsWith("_input"),
        );
        if (found.length) return { run, input: found[0]! };
        if (exited) throw new Error(`cdp run ended early: ${(await run.exited).output}`);
        await new Promise((r) => setImmediate(r));
      }
    }

    it("the next run drops what a SIGKILLed run left, and leaves a concurrently running run's", async () => {
      wh = await openPostgres(url, schema, 2);
      const a = makeProject({ "models/people.sql": stitchModel }, config);
      const b = makeProject({ "models/others.sql": stitchModel }, config);

      const killed = await startHeld(a, "people");
      // Started while the other is alive: the lease keeps this run's hands off its work tables.
      const live = await startHeld(b, "others");
      killed.run.child.kill("SIGKILL");
      expect((await killed.run.exited).signal).toBe("SIGKILL");
      // The server ends a dead client's statement only when it next writes to it; here, at once.
      await stopSleepers(`people__cdp_stitch_`);
      expect(await workTables(wh, schema)).toEqual([live.input, killed.input].sort());

      const next = cdp(a, ["run", "--vars", '{"hold": 0}'], { DATABASE_URL: url });
      expect(next.code, next.output).toBe(0);
      expect(next.stdout).toContain(`Removed 1 work table left by killed runs: ${killed.input}`);
      expect(await workTables(wh, schema)).toEqual([live.input]);
      const leases = await wh.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM "${schema}".cdp_work_leases`,
      );
      expect(leases[0]!.n).toBe(1);

      live.run.child.kill("SIGKILL");
      await live.run.exited;
    });
  });
}
