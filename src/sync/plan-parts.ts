import type { Warehouse } from "../warehouse/types.ts";
import { syncParts } from "./part-rows.ts";
import { type PlanInput, planSql } from "./plan.ts";
import { journals, type StateTables } from "./state.ts";

/**
 * How many parts the plan is built in: 1 up to `syncParts.rows` rows of the model or snapshot,
 * else one per that many. The plan's full outer join holds the snapshot's keys and hashes; in
 * parts by the hash of the key, each join is no larger than at 1M rows, whatever the size.
 */
export async function planParts(wh: Warehouse, t: StateTables, input: PlanInput): Promise<number> {
  if (!journals(wh)) return 1;
  const d = wh.dialect;
  // Counts from the catalog: a view model would be run once more by a COUNT(*).
  const sizes = await wh.query<{ table_name: string; n: number | bigint }>(
    `SELECT table_name, estimated_size AS n FROM duckdb_tables()
     WHERE (schema_name = ${d.literal(input.modelRelation.schema)} AND table_name = ${d.literal(input.modelRelation.name)})
        OR (schema_name = ${d.literal(t.snapshot.schema)} AND table_name = ${d.literal(t.snapshot.name)})`,
  );
  const rows = Math.max(0, ...sizes.map((s) => Number(s.n)));
  return Math.max(1, Math.ceil(rows / syncParts.rows));
}

/**
 * Builds the sync's plan table: one statement, or on an in-process warehouse with a large model
 * or snapshot one statement per part of the keys (the first creates the table, the others append;
 * the plan is rebuilt by every run, so a run stopped half-way leaves nothing to undo).
 */
export async function buildPlan(wh: Warehouse, t: StateTables, input: PlanInput): Promise<void> {
  const parts = await planParts(wh, t, input);
  if (parts === 1) {
    await wh.replaceTable(t.plan, planSql(wh, t, input));
    return;
  }
  await wh.replaceTable(t.plan, planSql(wh, t, input, undefined, { index: 0, of: parts }));
  for (let index = 1; index < parts; index++) {
    await wh.execute(
      `INSERT INTO ${wh.dialect.quoteRelation(t.plan)} ${planSql(wh, t, input, undefined, { index, of: parts })}`,
    );
  }
}
