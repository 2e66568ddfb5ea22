import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machineId, SyncLock } from "../../src/sync/lock.ts";
import { ensureState, type StateTables, stateTables } from "../../src/sync/state.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/** A pid no process has: one that just exited (and was reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

for (const target of [duckdbTarget, postgresTarget]) {
  describe(`sync lock on ${target.name}`, () => {
    let wh: Warehouse;
    let reason: string | undefined;
    const schema = `lock_t_${process.pid}`;
    const stateSchema = `lock_state_${process.pid}`;
    beforeAll(async () => {
      reason = await target.unavailable();
      if (reason) {
        console.warn(`\n*** SKIPPED: sync lock tests on ${target.name}: ${reason} ***\n`);
        return;
      }
      wh = await target.open(schema);
    });
    afterAll(async () => {
      if (!wh) return;
      await wh.execute(`DROP SCHEMA IF EXISTS "${stateSchema}" CASCADE`).catch(() => undefined);
      await target.cleanup?.(wh, schema);
      await wh.close();
    });

    const lit = (v: string | number | null) => wh.dialect.literal(v);
    async function state(sync: string): Promise<StateTables> {
      const t = stateTables(stateSchema, sync);
      await ensureState(wh, t);
      return t;
    }
    /** The lock row as a run left it: its owner, host, pid and lease (seconds from now). */
    async function holdLock(
      t: StateTables,
      sync: string,
      owner: string,
      host: string,
      pid: number,
      lease: number,
    ) {
      const d = wh.dialect;
      await wh.execute(`DELETE FROM ${d.quoteRelation(t.locks)} WHERE sync = ${lit(sync)}`);
      await wh.execute(
        `INSERT INTO ${d.quoteRelation(t.locks)} (sync, owner, host, pid, acquired_at, expires_at)
         VALUES (${lit(sync)}, ${lit(owner)}, ${lit(host)}, ${pid}, ${d.currentTimestamp()}, ${d.dateAdd(d.currentTimestamp(), lease, "second")})`,
      );
    }
    async function startedRun(t: StateTables, sync: string, runId: string) {
      const d = wh.dialect;
      await wh.execute(
        `INSERT INTO ${d.quoteRelation(t.runs)} (run_id, sync, started_at, status) VALUES (${lit(runId)}, ${lit(sync)}, ${d.currentTimestamp()}, 'running')`,
      );
    }
    async function statusOf(t: StateTables, runId: string) {
      const [row] = await wh.query<{ status: string; message: string | null }>(
        `SELECT status, message FROM ${wh.dialect.quoteRelation(t.runs)} WHERE run_id = ${lit(runId)}`,
      );
      return row;
    }

    it("a holder killed on this machine is taken over at once, and every run it left running is abandoned", async (ctx) => {
      if (reason) return ctx.skip();
      const t = await state("s1");
      // Run a was killed while sending; run b took its lock over and was killed before it could
      // record anything; run c comes now, with both leases an hour away.
      await startedRun(t, "s1", "a");
      await holdLock(t, "s1", "b", machineId(), deadPid(), 3600);
      const lock = await SyncLock.acquire(wh, t, "s1", "c", 60);
      expect(lock.tookOverFrom).toBe("b");
      expect(await statusOf(t, "a")).toMatchObject({
        status: "abandoned",
        message: expect.stringMatching(/taken by run c/),
      });
      await lock.release();
    });

    it("an expired lease is taken over from any machine, and its run is abandoned", async (ctx) => {
      if (reason) return ctx.skip();
      const t = await state("s2");
      await startedRun(t, "s2", "far");
      await holdLock(t, "s2", "far", "another-machine", 4242, -5);
      const lock = await SyncLock.acquire(wh, t, "s2", "near", 60);
      expect(lock.tookOverFrom).toBe("far");
      expect((await statusOf(t, "far"))?.status).toBe("abandoned");
      await lock.release();
    });

    it("a live lease is not taken: the error names the run, host and pid holding it", async (ctx) => {
      if (reason) return ctx.skip();
      const t = await state("s3");
      await startedRun(t, "s3", "remote");
      // On another machine its pid says nothing here: only the lease counts.
      await holdLock(t, "s3", "remote", "another-machine", deadPid(), 3600);
      await expect(SyncLock.acquire(wh, t, "s3", "x", 60)).rejects.toThrow(
        /sync "s3" is running elsewhere \(run remote on another-machine pid \d+, lease until \d{4}-.*\); nothing was sent/,
      );
      // Alive on this machine (this very process).
      await holdLock(t, "s3", "local", machineId(), process.pid, 3600);
      await expect(SyncLock.acquire(wh, t, "s3", "x", 60)).rejects.toThrow(
        `running elsewhere (run local on ${machineId()} pid ${process.pid},`,
      );
      // Same host name, another pid namespace or boot (a container sharing the host's name): its
      // pids mean nothing here either, so a dead-looking pid is not taken over.
      await holdLock(t, "s3", "container", `${hostname()}/other/1`, deadPid(), 3600);
      await expect(SyncLock.acquire(wh, t, "s3", "x", 60)).rejects.toThrow(/run container on/);
      expect((await statusOf(t, "remote"))?.status).toBe("running");
    });

    it("runs racing for a free lock: exactly one gets it", async (ctx) => {
      if (reason) return ctx.skip();
      const t = await state("s4");
      const results = await Promise.allSettled(
        ["r1", "r2", "r3", "r4"].map((owner) => SyncLock.acquire(wh, t, "s4", owner, 60)),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const r of results)
        if (r.status === "rejected") expect(String(r.reason)).toMatch(/is running elsewhere/);
      await (won[0] as PromiseFulfilledResult<SyncLock>).value.release();
      // Released: free for the next run.
      const next = await SyncLock.acquire(wh, t, "s4", "r5", 60);
      expect(next.tookOverFrom).toBeUndefined();
      await next.release();
    });

    it("a holder whose lock was taken from it learns so at its next renewal", async (ctx) => {
      if (reason) return ctx.skip();
      const t = await state("s5");
      const lock = await SyncLock.acquire(wh, t, "s5", "slow", 1);
      await holdLock(t, "s5", "other", "another-machine", 1, 3600);
      await new Promise<void>((resolve) => lock.startRenewing(resolve));
      expect(lock.isLost).toBe(true);
      // Its release leaves the new holder alone.
      await lock.release();
      const [row] = await wh.query<{ owner: string }>(
        `SELECT owner FROM ${wh.dialect.quoteRelation(t.locks)} WHERE sync = 's5'`,
      );
      expect(row?.owner).toBe("other");
    });
  });
}
