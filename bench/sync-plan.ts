import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { syncConfigSchema } from "../src/sync/config.ts";
import { runSync } from "../src/sync/engine.ts";
import { fieldSql, mappedSelectSql } from "../src/sync/mapping-sql.ts";
import { ensureState, stateTables } from "../src/sync/state.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import type { Relation, Warehouse } from "../src/warehouse/types.ts";
import { median, table } from "./measure.ts";
import { ackAll, PEOPLE_FIELDS, peopleSql, verdict } from "./sync-model.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");
const MODEL: Relation = { schema: "main", name: "people" };
const GOAL_SECONDS = 1.5;

const STEPS = ["key check", "plan table", "count", "errors prune", "setup"] as const;
type Step = (typeof STEPS)[number];

/**
 * The warehouse as the engine sees it, timing each statement by the plan step it belongs to
 * (recognised by its SQL) until `stop()`: the breakdown of a real run, with no hook in the engine.
 */
function timedWarehouse(wh: Warehouse, plan: Relation) {
  const spent = new Map<Step, number>();
  let on = true;
  const step = (method: string, sql: string, relation?: Relation): Step => {
    if (method === "replaceTable" && relation?.name === plan.name) return "plan table";
    if (method === "query" && /\bHAVING\b/.test(sql)) return "key check";
    if (method === "query" && /\bAS retried\b/.test(sql)) return "count";
    if (method === "execute" && /^\s*DELETE FROM .*__errors.* NOT IN/s.test(sql)) return "errors prune";
    return "setup";
  };
  const proxy = new Proxy(wh, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!on || !(result instanceof Promise)) return result;
        const relation = typeof args[0] === "object" ? (args[0] as Relation) : undefined;
        const sql = typeof args[0] === "string" ? args[0] : String(args[1] ?? "");
        const key = step(String(prop), sql, relation);
        const t0 = performance.now();
        return result.finally(() => {
          if (on) spent.set(key, (spent.get(key) ?? 0) + (performance.now() - t0) / 1000);
        });
      };
    },
  });
  return {
    warehouse: proxy as Warehouse,
    spent,
    stop() {
      on = false;
    },
  };
}

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/**
 * Planning a sync of a `rows`-row model on DuckDB (a database file, as users run it): the
 * snapshot holds what a first full sync delivered, then each run changes 1% of the rows, adds
 * 0.1% and removes 0.1%, and a real `runSync` is timed from its start to its `sync_start` event
 * (key check, plan table, counts: everything before the first row is sent). The run then
 * delivers to a destination that acknowledges at once, so the next run plans the next changes.
 * Baselines on the same data in the same run: a bare hash join of model and snapshot, a copy of
 * the model, and the row hash of every row (the floor of any exact diff).
 */
export async function benchSyncPlan(runs: number, rows: number): Promise<string> {
  const dbFile = path.join(WORK, "sync-plan.duckdb");
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}.wal`, { force: true });
  const wh = await DuckdbWarehouse.open({ path: dbFile, schema: "main", connections: 4 });
  const out: Record<string, string | number>[] = [];
  let planned = 0;
  try {
    await wh.replaceTable(MODEL, peopleSql(0, rows));
    const config = syncConfigSchema.parse({
      model: "people",
      primaryKey: "id",
      mode: "mirror",
      destination: { type: "file", dir: "unused" },
      fields: PEOPLE_FIELDS,
    });
    const t = stateTables(config.stateSchema, "people");
    const d = wh.dialect;
    const snapshot = d.quoteRelation(t.snapshot);
    const model = d.quoteRelation(MODEL);
    // The snapshot a first full sync leaves, written in one statement from the engine's own
    // mapped select and row hash (fields NULL: this destination does not remove by data).
    await ensureState(wh, t);
    const fields = Object.entries(config.fields!).map(([name, m]) => ({ name, sql: fieldSql(d, m) }));
    const mapped = mappedSelectSql(d, model, "id", fields);
    await wh.execute(
      `INSERT INTO ${snapshot} (key, hash, synced_at, fields) SELECT "__cdp_key", "__cdp_hash", current_timestamp, NULL FROM (${mapped}) AS m`,
    );
    const sync = (w: Warehouse, onStart?: () => void) =>
      runSync({
        name: "people",
        config,
        modelRelation: MODEL,
        warehouse: w,
        projectDir: WORK,
        connector: ackAll(5_000),
        onEvent: (e) => {
          if (e.type === "sync_start") onStart?.();
        },
      });
    // Warm-up, and the proof that the snapshot is the one a sync writes: nothing to send.
    const idle = await sync(wh);
    if (idle.counts.planned !== 0) {
      throw new Error(`the snapshot does not match the model: ${idle.counts.planned} rows planned`);
    }

    const perStep = new Map<Step | "total", number[]>();
    const base = { join: [] as number[], copy: [] as number[], hash: [] as number[] };
    const changeEvery = 100;
    const churn = Math.max(1, Math.floor(rows / 1000));
    for (let r = 0; r < runs; r++) {
      // 1% changed (a different 1% each run), 0.1% new ids, 0.1% gone.
      await wh.execute(`UPDATE ${model} SET score = score + 1 WHERE id % ${changeEvery} = ${r}`);
      await wh.execute(`DELETE FROM ${model} WHERE id % 1000 = ${999 - r}`);
      await wh.execute(`INSERT INTO ${model} ${peopleSql(rows + r * churn, rows + (r + 1) * churn)}`);
      const timed = timedWarehouse(wh, t.plan);
      const t0 = performance.now();
      let total = 0;
      const result = await sync(timed.warehouse, () => {
        total = (performance.now() - t0) / 1000;
        timed.stop();
      });
      if (result.status !== "success" || result.delivered !== result.counts.planned) {
        throw new Error(`plan run ${r} failed: ${result.status} ${result.message ?? ""}`);
      }
      planned = result.counts.planned;
      perStep.set("total", [...(perStep.get("total") ?? []), total]);
      for (const s of STEPS) perStep.set(s, [...(perStep.get(s) ?? []), timed.spent.get(s) ?? 0]);
      base.join.push(
        await seconds(() =>
          wh.query(
            `SELECT COUNT(*) AS n FROM ${model} AS m JOIN ${snapshot} AS s ON s.key = CAST(m.id AS VARCHAR)`,
          ),
        ),
      );
      base.copy.push(
        await seconds(() => wh.execute(`CREATE OR REPLACE TABLE main.people_copy AS SELECT * FROM ${model}`)),
      );
      base.hash.push(await seconds(() => wh.query(`SELECT MAX("__cdp_hash") AS h FROM (${mapped}) AS m`)));
    }
    const total = median(perStep.get("total")!);
    const labels: Record<Step, string> = {
      "key check": "key check (NULL or duplicate keys)",
      "plan table": "plan table (model ⋈ snapshot → cdp_state.people__plan)",
      count: "count by operation",
      "errors prune": "errors prune",
      setup: "setup (describe, state tables, lock, run row)",
    };
    for (const s of STEPS) {
      out.push({ step: labels[s], "median s": median(perStep.get(s)!), goal: "", result: "" });
    }
    out.push({
      step: "**plan phase, start → sync_start**",
      "median s": total,
      goal: rows === 1_000_000 ? `≤ ${GOAL_SECONDS} s` : `≤ ${GOAL_SECONDS} s at 1M rows`,
      result: rows === 1_000_000 ? verdict(total <= GOAL_SECONDS) : "-",
    });
    out.push({
      step: "baseline: COUNT(*) of model ⋈ snapshot (hash join)",
      "median s": median(base.join),
      goal: "",
      result: "",
    });
    out.push({
      step: "baseline: CREATE TABLE AS the model",
      "median s": median(base.copy),
      goal: "",
      result: "",
    });
    out.push({
      step: "baseline: row hash of every model row",
      "median s": median(base.hash),
      goal: "",
      result: "",
    });
  } finally {
    await wh.close();
    rmSync(dbFile, { force: true });
    rmSync(`${dbFile}.wal`, { force: true });
  }
  return `### Plan: ${rows.toLocaleString("en-US")}-row model on DuckDB, 1% changed + 0.1% added + 0.1% removed (${planned.toLocaleString("en-US")} rows planned; medians of ${runs} runs)\n\n${table(out)}\n`;
}
