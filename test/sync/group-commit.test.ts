import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/sync/group-commit.ts";
import { ensureState, foldJournal, journals, type StateTables, stateTables } from "../../src/sync/state.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";

/**
 * The warehouse with its writes to the state tables counted (an `execute` statement or an
 * `appendRows` call, by the table it names), the next `failures` of them failing, and without
 * its bulk append when `journal` is false (the path of warehouses that upsert batch by batch).
 */
function watched(wh: Warehouse, journal: boolean) {
  const writes: string[] = [];
  const control = { failures: 0 };
  const proxy = new Proxy(wh, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === "appendRows" && !journal) return undefined;
      if (prop === "execute" || prop === "appendRows")
        return (...args: unknown[]) => {
          writes.push(typeof args[0] === "string" ? args[0] : `append ${(args[0] as { name: string }).name}`);
          if (control.failures > 0) {
            control.failures--;
            return Promise.reject(new Error("connection lost"));
          }
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as Warehouse;
  return { proxy, writes, control };
}

for (const journal of [true, false]) {
  describe(`GroupCommit (${journal ? "journal, DuckDB's path" : "snapshot upserts, the other warehouses' path"})`, () => {
    let wh: DuckdbWarehouse;
    const t: StateTables = stateTables("cdp_state", journal ? "j" : "u");
    const rowsWritten = journal ? `${t.acks.name}` : `${t.snapshot.name}`;
    beforeAll(async () => {
      wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
      await ensureState(watched(wh, journal).proxy, t);
    });
    afterAll(() => wh.close());

    const outcome = (keys: string[], failed: string[] = []) => ({
      upserted: keys.map((key) => ({ key, hash: `h-${key}` })),
      removed: [],
      clearErrors: [],
      failed: failed.map((key) => ({ key, operation: "upsert", error: "rejected: no" })),
    });
    /** Keys the state holds as delivered: the snapshot, with the journal folded in first. */
    const delivered = async (w: Warehouse) => {
      await foldJournal(w, t);
      const rows = await wh.query<{ key: string }>(
        `SELECT key FROM cdp_state.${t.snapshot.name} ORDER BY key`,
      );
      return rows.map((r) => r.key);
    };
    const written = async () =>
      Number((await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM cdp_state.${rowsWritten}`))[0]!.n);

    it("writes the batches that arrive during a write together in the next one, each resolved once its rows are in", async () => {
      const { proxy, writes } = watched(wh, journal);
      expect(journals(proxy)).toBe(journal);
      const group = new GroupCommit(proxy, t);
      const seen: number[] = [];
      await Promise.all([
        group.write(outcome(["1", "2"])).then(async () => seen.push(await written())),
        group.write(outcome(["3"], ["4"])),
        group.write(outcome(["5", "6"])),
      ]);
      // The first batch alone, then the two that waited for it in one write (and one errors write).
      expect(writes.filter((s) => s.includes(rowsWritten))).toHaveLength(2);
      expect(writes.filter((s) => s.includes(t.errors.name))).toHaveLength(1);
      expect(seen[0]).toBeGreaterThanOrEqual(2);
      expect(await delivered(proxy)).toEqual(["1", "2", "3", "5", "6"]);
    });

    it("a failed write rejects every batch it carried, and the next batches are written", async () => {
      const { proxy, control } = watched(wh, journal);
      const group = new GroupCommit(proxy, t);
      control.failures = 1;
      await expect(group.write(outcome(["7"]))).rejects.toThrow("connection lost");
      await group.write(outcome(["8"]));
      const keys = await delivered(proxy);
      expect(keys).toContain("8");
      expect(keys).not.toContain("7");
    });
  });
}
