import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/sync/group-commit.ts";
import { ensureState, stateTables } from "../../src/sync/state.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";

describe("GroupCommit", () => {
  let wh: DuckdbWarehouse;
  const t = stateTables("cdp_state", "g");
  beforeAll(async () => {
    wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
    await ensureState(wh, t);
  });
  afterAll(() => wh.close());

  const outcome = (keys: string[], failed: string[] = []) => ({
    upserted: keys.map((key) => ({ key, hash: `h-${key}` })),
    removed: [],
    clearErrors: [],
    failed: failed.map((key) => ({ key, operation: "upsert", error: "rejected: no" })),
  });

  it("writes the batches that arrive during a write together in the next one, each resolved once its rows are in", async () => {
    const statements: string[] = [];
    const counting = new Proxy(wh, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop === "execute")
          return (sql: string) => {
            statements.push(sql);
            return target.execute(sql);
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Warehouse;
    const group = new GroupCommit(counting, t);
    const seen: number[] = [];
    const snapshotSize = async () =>
      Number((await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM cdp_state.g__snapshot`))[0]!.n);
    await Promise.all([
      group.write(outcome(["1", "2"])).then(async () => seen.push(await snapshotSize())),
      group.write(outcome(["3"], ["4"])),
      group.write(outcome(["5", "6"])),
    ]);
    // The first batch alone, then the two that waited for it in one upsert (and one errors write).
    expect(statements.filter((s) => s.includes("g__snapshot"))).toHaveLength(2);
    expect(statements.filter((s) => s.includes("g__errors"))).toHaveLength(1);
    expect(seen[0]).toBeGreaterThanOrEqual(2);
    expect(await snapshotSize()).toBe(5);
  });

  it("a failed write rejects every batch it carried, and the next batches are written", async () => {
    let fail = true;
    const flaky = new Proxy(wh, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop === "execute")
          return (sql: string) => {
            if (fail) {
              fail = false;
              return Promise.reject(new Error("connection lost"));
            }
            return target.execute(sql);
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Warehouse;
    const group = new GroupCommit(flaky, t);
    await expect(group.write(outcome(["7"]))).rejects.toThrow("connection lost");
    await group.write(outcome(["8"]));
    const keys = await wh.query<{ key: string }>(
      `SELECT key FROM cdp_state.g__snapshot WHERE key IN ('7', '8')`,
    );
    expect(keys.map((k) => k.key)).toEqual(["8"]);
  });
});
