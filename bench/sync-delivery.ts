import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type SyncConfig, syncConfigSchema } from "../src/sync/config.ts";
import { runSync } from "../src/sync/engine.ts";
import { fieldSql, mappedSelectSql } from "../src/sync/mapping-sql.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import type { Relation, Warehouse } from "../src/warehouse/types.ts";
import { median, table } from "./measure.ts";
import { startRateLimitedReceiver } from "./rate-limited-receiver.ts";
import { PEOPLE_FIELDS, peopleSql, verdict } from "./sync-model.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");
const GOAL_RATIO = 0.95;
const BATCH = 100;

/** Rows at the destination that differ from the model (missing, different or extra). */
async function lostRows(
  wh: Warehouse,
  model: Relation,
  config: SyncConfig,
  delivered: [string, unknown][],
): Promise<number> {
  const d = wh.dialect;
  const fields = Object.entries(config.fields!).map(([name, m]) => ({ name, sql: fieldSql(d, m) }));
  const rows = await wh.query(mappedSelectSql(d, d.quoteRelation(model), config.primaryKey, fields));
  const state = new Map(delivered);
  let lost = 0;
  for (const row of rows) {
    const want = JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, row[f.name]])));
    if (JSON.stringify(state.get(String(row.__cdp_key))) !== want) lost++;
  }
  return lost + Math.max(0, state.size - rows.length);
}

/**
 * Delivery against a receiver (its own process) that allows `perSecond` requests in any sliding
 * second and answers 429 with Retry-After beyond it: a fresh sync of `perSecond × BATCH ×
 * seconds` rows through the real webhook connector (HTTP client, rate limit, retries), its
 * `rateLimit` set to the allowed rate as a user would copy it from the API's documentation, the
 * other settings left at their defaults (concurrency 4). Throughput is measured at the receiver
 * (accepted requests per second between the first and the last) against the allowed rate;
 * afterwards the destination must equal the model.
 */
export async function benchSyncDelivery(runs: number, rates: number[], seconds: number): Promise<string> {
  const dbFile = path.join(WORK, "sync-delivery.duckdb");
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}.wal`, { force: true });
  const wh = await DuckdbWarehouse.open({ path: dbFile, schema: "main", connections: 4 });
  const out: Record<string, string | number>[] = [];
  try {
    for (const perSecond of rates) {
      const rows = perSecond * BATCH * seconds;
      const model: Relation = { schema: "main", name: `people_${perSecond}` };
      await wh.replaceTable(model, peopleSql(0, rows));
      const ratios: number[] = [];
      const achieved: number[] = [];
      const throttled: number[] = [];
      const wall: number[] = [];
      let lost = 0;
      for (let r = 0; r < runs; r++) {
        const receiver = await startRateLimitedReceiver(perSecond);
        try {
          const config = syncConfigSchema.parse({
            model: model.name,
            primaryKey: "id",
            mode: "upsert",
            destination: { type: "webhook", url: receiver.url, batchSize: BATCH, rateLimit: perSecond },
            fields: PEOPLE_FIELDS,
          });
          const t0 = performance.now();
          const result = await runSync({
            name: `deliver_${perSecond}_${r}`,
            config,
            modelRelation: model,
            warehouse: wh,
            projectDir: WORK,
          });
          wall.push((performance.now() - t0) / 1000);
          if (result.status !== "success") {
            throw new Error(`delivery at ${perSecond} req/s: ${result.status} ${result.message ?? ""}`);
          }
          const seen = await receiver.report();
          const a = seen.accepted;
          const rate = (a.length - 1) / ((a[a.length - 1]! - a[0]!) / 1000);
          achieved.push(rate);
          ratios.push(rate / perSecond);
          throttled.push(seen.throttled);
          lost += await lostRows(wh, model, config, seen.state);
        } finally {
          await receiver.close();
        }
      }
      const ratio = median(ratios);
      out.push({
        "allowed req/s": perSecond,
        "rows (batches of 100)": rows,
        "achieved req/s": median(achieved),
        "achieved ÷ allowed": `${(ratio * 100).toFixed(1)}%`,
        "429s": median(throttled),
        "rows lost": lost,
        "sync s": median(wall),
        goal: `≥ ${GOAL_RATIO * 100}%, 0 lost`,
        result: verdict(ratio >= GOAL_RATIO && lost === 0),
      });
    }
  } finally {
    await wh.close();
    rmSync(dbFile, { force: true });
    rmSync(`${dbFile}.wal`, { force: true });
  }
  return `### Delivery under a rate limit: webhook receiver allowing N requests in any sliding second, 429 + Retry-After beyond (medians of ${runs} runs; rows lost summed over runs)\n\n${table(out)}\n`;
}
