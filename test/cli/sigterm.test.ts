import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { spawnCdp } from "../helpers/cdp-process.ts";
import { openPostgres, postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { makeProject } from "../helpers/project.ts";

/**
 * SIGTERM is what CI runners (GitHub Actions, GitLab) and process managers send on cancel: it must
 * stop a run the way the first Ctrl-C does. A model is held inside the warehouse by an advisory
 * lock this test owns, so the signal lands while it runs, whatever the machine's speed.
 */
const server = postgresServer();
if (server.unavailable) {
  warnSkipped("SIGTERM during cdp run", server.unavailable);
  describe.skip(`SIGTERM during cdp run (${server.unavailable})`, () => {
    it("is skipped", () => {});
  });
} else {
  const url = server.url!;
  describe("cdp run on SIGTERM", () => {
    const schema = `cdp_sigterm_${Math.random().toString(36).slice(2, 8)}`;
    const key = 170_000 + Math.floor(Math.random() * 10_000);
    let wh: Warehouse | undefined;
    afterAll(async () => {
      if (!wh) return;
      await wh.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await wh.close();
    });

    it("lets the running model finish, cancels the rest, drops its work tables and writes run_results.json", async () => {
      // One connection: the advisory lock is this session's.
      wh = await openPostgres(url, schema, 1);
      const dir = makeProject(
        {
          "models/held.sql": `{{config materialized="incremental"}}
select 1 as x from (select pg_advisory_xact_lock_shared(${key})) as held
`,
          "models/after.sql": `{{config materialized="table"}}select x from {{ref "held"}}`,
        },
        `export default { name: "t", warehouse: { type: "postgres", schema: "${schema}" }, threads: 1 };\n`,
      );
      await wh.query(`SELECT pg_advisory_lock(${key})`);
      const proc = spawnCdp(dir, ["run"], { DATABASE_URL: url });
      let out = "";
      proc.child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
      const waiting = async () =>
        (
          await wh!.query(
            `SELECT 1 AS w FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ${key}`,
          )
        ).length > 0;
      while (!(await waiting())) await new Promise((r) => setImmediate(r));
      proc.child.kill("SIGTERM");
      while (!out.includes("Interrupted (SIGTERM)")) {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) break;
        await new Promise((r) => setImmediate(r));
      }
      await wh.query(`SELECT pg_advisory_unlock(${key})`);
      const exit = await proc.exited;

      expect(exit.signal, exit.output).toBeNull();
      expect(exit.code, exit.output).toBe(1);
      const results = JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8")) as {
        results: { unique_id: string; status: string }[];
      };
      const status = Object.fromEntries(results.results.map((r) => [r.unique_id.split(".").pop(), r.status]));
      expect(status).toEqual({ held: "success", after: "cancelled" });
      expect(await wh.query(`SELECT x FROM "${schema}".held`)).toEqual([{ x: 1 }]);
      const left = await wh.listRelations!(schema);
      expect(left.filter((n) => n.includes("__cdp_"))).toEqual([]);
      expect(await wh.query(`SELECT token FROM "${schema}".cdp_work_leases`)).toEqual([]);
    });
  });
}
