import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldSql, HASH, KEY, mappedSelectSql, OP } from "../../src/sync/mapping-sql.ts";
import { syncParts } from "../../src/sync/part-rows.ts";
import { buildPlan } from "../../src/sync/plan-parts.ts";
import { ensureState, foldJournal, stateTables } from "../../src/sync/state.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";

/**
 * A sync's plan and journal fold on a model and snapshot of three parts (2.5M rows, parts of 1M):
 * each statement works on one part of the keys, and under the sync memory limit (64 MB for a
 * DuckDB file) both finish without the limit giving way
 * (then DuckDB's own limit applies, and the process grew to 2 GB at 10M rows), and give what one
 * statement gives.
 */
const ROWS = 2_500_000;

describe("sync state larger than a plan part (DuckDB)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdp-large-state-"));
  let wh: DuckdbWarehouse;
  const t = stateTables("cdp_state", "big");
  const model = { schema: "main", name: "big_model" };
  const limit = async () =>
    (await wh.query<{ v: string }>("SELECT current_setting('memory_limit') AS v"))[0]!.v;

  beforeAll(async () => {
    wh = await DuckdbWarehouse.open({
      path: path.join(dir, "w.duckdb"),
      schema: "main",
      connections: 2,
    });
    await wh.replaceTable(
      model,
      `SELECT range AS id, 'user' || range || '@example.com' AS email, CAST(range % 1000 AS INTEGER) AS score FROM range(${ROWS})`,
    );
    await ensureState(wh, t);
  });
  afterAll(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fields = () => [
    { name: "email", sql: fieldSql(wh.dialect, "email") },
    { name: "score", sql: fieldSql(wh.dialect, "score") },
  ];

  it("folds a journal of every row, then plans 1% changed, in parts, without the limit giving way", async () => {
    expect(syncParts.rows).toBe(1_000_000);
    const d = wh.dialect;
    // What a first sync journals: every row acknowledged once.
    await wh.execute(
      `INSERT INTO cdp_state.big__acks (seq, key, hash, synced_at, fields)
       SELECT ROW_NUMBER() OVER (), ${d.quoteIdentifier(KEY)}, ${d.quoteIdentifier(HASH)}, now(), NULL
       FROM (${mappedSelectSql(d, d.quoteRelation(model), "id", fields())}) AS m`,
    );
    const release = await wh.constrainMemory();
    try {
      expect(await limit()).toBe("61.0 MiB");
      expect(await foldJournal(wh, t)).toBe(ROWS);
      expect(await limit()).toBe("61.0 MiB");
      await wh.execute("UPDATE main.big_model SET score = score + 1 WHERE id % 100 = 3");
      const input = {
        modelRelation: model,
        primaryKey: "id",
        fields: fields(),
        mode: "mirror" as const,
        fullResync: false,
      };
      // Every statement that builds the plan works on a third of the keys.
      const statements: string[] = [];
      const recording = new Proxy(wh, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (name !== "execute" && name !== "replaceTable")
            return typeof value === "function" ? value.bind(target) : value;
          return (...args: string[]) => {
            statements.push(args.at(-1)!);
            return (value as (...a: string[]) => unknown).apply(target, args);
          };
        },
      });
      await buildPlan(recording, t, input);
      expect(statements).toHaveLength(3);
      statements.forEach((sql, i) => {
        expect(sql).toContain(`% 3 = ${i}`);
      });
      expect(await limit()).toBe("61.0 MiB");
    } finally {
      await release();
    }
    const [snap] = await wh.query<{ n: number; keys: number }>(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT key) AS keys FROM cdp_state.big__snapshot",
    );
    expect(snap).toEqual({ n: ROWS, keys: ROWS });
    expect(await wh.query("SELECT COUNT(*) AS n FROM cdp_state.big__acks")).toEqual([{ n: 0 }]);
    const plan = await wh.query<{ op: string; n: number; lo: string }>(
      `SELECT ${d.quoteIdentifier(OP)} AS op, COUNT(*) AS n, MIN(CAST(${d.quoteIdentifier(KEY)} AS BIGINT) % 100) AS lo
       FROM cdp_state.big__plan GROUP BY 1`,
    );
    expect(plan).toEqual([{ op: "changed", n: ROWS / 100, lo: 3 }]);
  }, 300_000);
});
