import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchError,
  type Connector,
  type RowResult,
  type SyncRecord,
} from "../../src/connector-kit/connector.ts";
import { syncConfigSchema, type UserSyncConfig } from "../../src/sync/config.ts";
import { runSync } from "../../src/sync/engine.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { bigqueryTarget } from "../bigquery/target.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/** A destination kept in memory, applying operations like a real API would. */
class MemoryDestination implements Connector {
  readonly name = "memory";
  readonly modes = ["upsert", "update", "insert", "mirror", "audience"];
  readonly rateLimit = 1000;
  readonly state = new Map<string, Record<string, unknown>>();
  sends = 0;
  rowsSent = 0;
  /** Keys the destination refuses, with a reason. */
  reject = new Map<string, string>();
  /** Batches containing one of these keys fail as a whole (non-retryable), like a 400. */
  poison = new Set<string>();
  constructor(readonly batchSize = 3) {}
  async check() {}
  async write(batch: SyncRecord[]): Promise<RowResult[]> {
    this.sends++;
    if (batch.some((r) => this.poison.has(r.key))) throw new BatchError("400 invalid payload", false);
    this.rowsSent += batch.length;
    return batch.map((r) => {
      const reason = this.reject.get(r.key);
      if (reason) return { key: r.key, status: "rejected", reason };
      if (r.op === "delete" || r.op === "remove") this.state.delete(r.key);
      else this.state.set(r.key, r.fields);
      return { key: r.key, status: "delivered" };
    });
  }
}

const nosleep = async () => {};

/** `dest` as a plain Connector with some parts replaced (a class's methods do not spread). */
function around(dest: MemoryDestination, parts: Partial<Connector>): Connector {
  return {
    name: dest.name,
    modes: dest.modes,
    batchSize: dest.batchSize,
    rateLimit: dest.rateLimit,
    check: () => dest.check(),
    write: (batch) => dest.write(batch),
    ...parts,
  };
}

for (const target of [duckdbTarget, postgresTarget, bigqueryTarget]) {
  describe(`sync engine on ${target.name}`, () => {
    let wh: Warehouse;
    let reason: string | undefined;
    const schema = `sync_t_${process.pid}`;
    beforeAll(async () => {
      reason = await target.unavailable();
      if (reason) {
        console.warn(`\n*** SKIPPED: sync engine tests on ${target.name}: ${reason} ***\n`);
        return;
      }
      wh = await target.open(schema);
    });
    afterAll(async () => {
      if (!wh) return;
      await wh
        .execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(`cdp_state_${process.pid}`)} CASCADE`)
        .catch(() => undefined);
      await target.cleanup?.(wh, schema);
      await wh.close();
    });

    const model = (name: string) => ({ schema, name });
    const stateRel = (name: string) => wh.dialect.quoteRelation({ schema: `cdp_state_${process.pid}`, name });
    const setModel = (name: string, rows: [number, string | null, string][]) =>
      wh.replaceTable(
        model(name),
        rows
          .map(
            ([id, email, tier]) =>
              `SELECT ${id} AS id, ${wh.dialect.literal(email)} AS email, ${wh.dialect.literal(tier)} AS tier`,
          )
          .join(" UNION ALL "),
      );
    const config = (extra: Partial<UserSyncConfig> = {}) =>
      syncConfigSchema.parse({
        model: "m",
        primaryKey: "id",
        mode: "mirror",
        destination: { type: "file", dir: "unused" },
        fields: { email: { column: "email", transform: "email" }, tier: "tier", source: { constant: "cdp" } },
        stateSchema: `cdp_state_${process.pid}`,
        // These runs remove most of a handful of rows on purpose; the guard has its own tests.
        maxRemoved: "100%",
        ...extra,
      });
    const run = (name: string, dest: Connector, extra: Partial<UserSyncConfig> = {}, fullResync = false) =>
      runSync({
        name,
        config: config({ model: name, ...extra }),
        modelRelation: model(name),
        warehouse: wh,
        projectDir: ".",
        connector: dest,
        sleep: nosleep,
        fullResync,
      });

    it("sends everything first, then only changes, then removals in mirror mode", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel("m1", [
        [1, " A@X.com ", "gold"],
        [2, "b@x.com", "silver"],
        [3, null, "gold"],
        [4, "d@x.com", "gold"],
      ]);
      const dest = new MemoryDestination();
      const first = await run("m1", dest);
      expect(first.status).toBe("success");
      expect(first.counts).toMatchObject({ added: 4, changed: 0, removed: 0, planned: 4 });
      expect(first.delivered).toBe(4);
      expect(dest.state.get("1")).toEqual({ email: "a@x.com", tier: "gold", source: "cdp" });
      expect(dest.state.get("3")).toEqual({ email: null, tier: "gold", source: "cdp" });

      const again = await run("m1", dest);
      expect(again.counts.planned).toBe(0);
      expect(dest.rowsSent).toBe(4);

      // Only the mapped result counts: " a@x.com" normalises like before, so 1 is unchanged.
      await setModel("m1", [
        [1, "a@x.com", "gold"],
        [2, "b@x.com", "gold"],
        [4, "d@x.com", "gold"],
        [5, "e@x.com", "new"],
      ]);
      const third = await run("m1", dest);
      expect(third.counts).toMatchObject({ added: 1, changed: 1, removed: 1, planned: 3 });
      expect(dest.rowsSent).toBe(7);
      expect([...dest.state.keys()].sort()).toEqual(["1", "2", "4", "5"]);
      expect(dest.state.get("2")?.tier).toBe("gold");
    });

    it("stops before sending when keys are NULL or duplicated, with examples", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel("m2", [
        [1, "a", "x"],
        [1, "b", "y"],
        [2, "c", "z"],
      ]);
      const dest = new MemoryDestination();
      await expect(run("m2", dest)).rejects.toThrow(
        /primary key id of m2 must be non-null and unique[\s\S]*"1" \(2 rows\)/,
      );
      expect(dest.sends).toBe(0);
    });

    it("isolates bad rows by splitting, records rejections, and retries them next run", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel(
        "m3",
        Array.from({ length: 10 }, (_, i) => [i + 1, `u${i + 1}@x.com`, "t"] as [number, string, string]),
      );
      const dest = new MemoryDestination(4);
      dest.poison.add("3");
      dest.reject.set("7", "invalid email domain");
      const first = await run("m3", dest, { batchSize: 4, maxRejected: 5 });
      expect(first.delivered + first.rejected + first.failed).toBe(first.counts.planned);
      expect(first.delivered).toBe(8);
      expect(first.rejected).toBe(2);
      expect(first.status).toBe("success");
      const errors = await wh.query<{ key: string; error: string; attempts: number }>(
        `SELECT key, error, attempts FROM ${wh.dialect.quoteRelation({ schema: `cdp_state_${process.pid}`, name: "m3__errors" })} ORDER BY key`,
      );
      expect(errors.map((e) => [e.key, e.error])).toEqual([
        ["3", "rejected: 400 invalid payload"],
        ["7", "rejected: invalid email domain"],
      ]);
      // Fixed at the destination: the next run sends exactly the two rows that failed.
      dest.poison.clear();
      dest.reject.clear();
      const before = dest.rowsSent;
      const second = await run("m3", dest, { batchSize: 4 });
      expect(second.counts).toMatchObject({ planned: 2, retried: 2 });
      expect(dest.rowsSent - before).toBe(2);
      expect(dest.state.size).toBe(10);
      const left = await wh.query(`SELECT key FROM ${stateRel("m3__errors")}`);
      expect(left).toEqual([]);
    });

    it("records rows a destination answers pending only once settled; a run stopped before that records none of them", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel(
        "m_pending",
        Array.from({ length: 7 }, (_, i) => [i + 1, `p${i + 1}@x.com`, "t"] as [number, string, string]),
      );
      const dest = new MemoryDestination(2);
      // Takes every row, applies nothing until settle(true), like a job run at the end.
      let waiting: SyncRecord[] = [];
      let failSettle: BatchError | undefined;
      const settles: boolean[] = [];
      const deferred = around(dest, {
        async write(batch) {
          waiting.push(...batch);
          return batch.map((r) => ({ key: r.key, status: "pending" as const }));
        },
        async settle(final) {
          settles.push(final);
          if (!final) return [];
          if (failSettle) throw failSettle;
          const results = await dest.write(waiting);
          waiting = [];
          // One row the destination never answers: recorded as failed, sent again next run.
          return results.filter((r) => r.key !== "6");
        },
      });
      dest.reject.set("4", "no such member");
      failSettle = new BatchError("the audience was deleted", false, undefined, true);
      const stopped = await run("m_pending", deferred, { batchSize: 2, maxRejected: 5 });
      expect([stopped.status, stopped.delivered, stopped.rejected, stopped.failed]).toEqual([
        "error",
        0,
        0,
        0,
      ]);
      expect(stopped.message).toContain("the audience was deleted");
      const snapshot = await wh.query(`SELECT key FROM ${stateRel("m_pending__snapshot")}`);
      expect(snapshot).toEqual([]);

      failSettle = undefined;
      waiting = [];
      settles.length = 0;
      const r = await run("m_pending", deferred, { batchSize: 2, maxRejected: 5 });
      expect([r.status, r.delivered, r.rejected, r.failed]).toEqual(["success", 5, 1, 1]);
      // Asked after each of the 4 batches without waiting, then once to finish.
      expect(settles).toEqual([false, false, false, false, true]);
      const kept = await wh.query<{ key: string }>(
        `SELECT key FROM ${stateRel("m_pending__snapshot")} ORDER BY key`,
      );
      expect(kept.map((k) => k.key)).toEqual(["1", "2", "3", "5", "7"]);
      const errors = await wh.query<{ key: string; error: string }>(
        `SELECT key, error FROM ${stateRel("m_pending__errors")} ORDER BY key`,
      );
      expect(errors).toEqual([
        { key: "4", error: "rejected: no such member" },
        { key: "6", error: "retryable: the destination did not confirm it" },
      ]);
    });

    it("fails the run when rejections exceed maxRejected", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel("m4", [
        [1, "a", "x"],
        [2, "b", "y"],
      ]);
      const dest = new MemoryDestination();
      dest.reject.set("2", "nope");
      const r = await run("m4", dest);
      expect(r.status).toBe("failed");
      expect(r.message).toMatch(/1 rows not delivered/);
    });

    it("never sends a row twice when two runs of one sync start together", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel(
        "m5",
        Array.from({ length: 50 }, (_, i) => [i, `u${i}`, "t"] as [number, string, string]),
      );
      const dest = new MemoryDestination(5);
      const results = await Promise.allSettled([run("m5", dest), run("m5", dest)]);
      const ok = results.filter((r) => r.status === "fulfilled" && r.value.status === "success");
      expect(ok.length).toBeGreaterThanOrEqual(1);
      expect(dest.rowsSent).toBe(50);
      expect(dest.state.size).toBe(50);
    });

    it("gives removals the fields last delivered when the destination removes by data", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel("m7", [
        [1, "a@x.com", "gold"],
        [2, "b@x.com", "gold"],
      ]);
      const dest = new MemoryDestination();
      const removals: SyncRecord[] = [];
      const byData = around(dest, {
        name: "by-data",
        removalNeedsFields: true,
        write: (batch) => {
          removals.push(...batch.filter((r) => r.op === "remove"));
          return dest.write(batch);
        },
      });
      expect((await run("m7", byData, { mode: "audience" })).delivered).toBe(2);
      // b changes its email, then leaves: the removal carries the email it was added with.
      await setModel("m7", [
        [1, "a@x.com", "gold"],
        [2, "b2@x.com", "gold"],
      ]);
      expect((await run("m7", byData, { mode: "audience" })).delivered).toBe(1);
      await setModel("m7", [[1, "a@x.com", "gold"]]);
      const r = await run("m7", byData, { mode: "audience" });
      expect(r.counts).toMatchObject({ removed: 1, planned: 1 });
      expect(removals).toEqual([
        {
          key: "2",
          op: "remove",
          fields: { email: "b2@x.com", tier: "gold", source: "cdp" },
          idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
      ]);
    });

    it("removes profile ids merged away by identity resolution before sending the survivor", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel("m8", [
        [1, "a@x.com", "gold"],
        [2, "b@x.com", "gold"],
        [3, "c@x.com", "gold"],
      ]);
      const merges = model("m8_identity__merges");
      await wh.replaceTable(
        merges,
        `SELECT 'none' AS old_profile_id, 'none' AS new_profile_id, 'merge' AS reason WHERE 1 = 0`,
      );
      const dest = new MemoryDestination(1);
      const order: string[] = [];
      const recording = around(dest, {
        name: "recording",
        write: (batch) => {
          order.push(...batch.map((r) => `${r.op}:${r.key}`));
          return dest.write(batch);
        },
      });
      const sync = () =>
        runSync({
          name: "m8",
          config: config({ model: "m8", mode: "upsert", concurrency: 4 }),
          modelRelation: model("m8"),
          mergesRelation: merges,
          warehouse: wh,
          projectDir: ".",
          connector: recording,
          sleep: nosleep,
        });
      expect((await sync()).delivered).toBe(3);
      // 2 merged into 1 (which gains 2's email); 3 simply left the model, which upsert mode keeps.
      await setModel("m8", [[1, "a@x.com;b@x.com", "gold"]]);
      await wh.execute(
        `INSERT INTO ${wh.dialect.quoteRelation(merges)} VALUES ('2', '1', 'merge'), ('9', '1', 'merge')`,
      );
      order.length = 0;
      const r = await sync();
      expect(r.counts).toMatchObject({ changed: 1, removed: 0, retired: 1, planned: 2 });
      expect(order).toEqual(["delete:2", "upsert:1"]);
      expect([...dest.state.keys()].sort()).toEqual(["1", "3"]);
      // Nothing more to do next run.
      expect((await sync()).counts.planned).toBe(0);
    });

    it("stops at a fatal destination error, keeping unsent rows planned; checks fields first", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel(
        "m9",
        Array.from({ length: 12 }, (_, i) => [i, `u${i}@x.com`, "t"] as [number, string, string]),
      );
      const dest = new MemoryDestination(3);
      let expired = false;
      const flaky = around(dest, {
        name: "flaky",
        validateFields: (names) => names.filter((n) => n === "tier").map((n) => `unknown field ${n}`),
        write: async (batch) => {
          if (expired) throw new BatchError("the access token expired: renew it", false, undefined, true);
          const out = await dest.write(batch);
          if (dest.sends === 2) expired = true;
          return out;
        },
      });
      const refused = await run("m9", flaky, { concurrency: 1 }).catch((e: Error) => e);
      expect(String(refused)).toMatch(/cannot take these fields; nothing was sent:\n {2}unknown field tier/);
      expect(dest.sends).toBe(0);

      const fieldsOk = { email: "email", source: { constant: "cdp" } };
      const r = await run("m9", flaky, { concurrency: 1, fields: fieldsOk });
      expect(r.status).toBe("error");
      expect(r.message).toBe("the access token expired: renew it");
      expect(r.delivered).toBe(6);
      expect(r.rejected + r.failed).toBe(0);
      expired = false;
      const again = await run("m9", flaky, { concurrency: 1, fields: fieldsOk });
      expect(again.counts.planned).toBe(6);
      expect(again.status).toBe("success");
      expect(dest.state.size).toBe(12);
    });

    it("dry run counts and samples without sending or committing", async (ctx) => {
      if (reason) return ctx.skip();
      await setModel("m6", [
        [1, "a@x.com", "x"],
        [2, "b@x.com", "y"],
      ]);
      const dest = new MemoryDestination();
      const r = await runSync({
        name: "m6",
        config: config({ model: "m6" }),
        modelRelation: model("m6"),
        warehouse: wh,
        projectDir: ".",
        connector: dest,
        dryRun: true,
      });
      expect(r.status).toBe("dry_run");
      expect(r.counts.added).toBe(2);
      expect(r.samples?.upsert?.[0]).toMatchObject({ key: "1", email: "a@x.com" });
      expect(dest.sends).toBe(0);
      expect((await run("m6", dest)).delivered).toBe(2);
    });
  });
}
