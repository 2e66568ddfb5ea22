import type { Relation, Row, Warehouse } from "../warehouse/types.ts";

/** Rows of the plan read per query where reads go by pages (at least one batch). */
const PAGE_ROWS = 10_000;

/**
 * The plan's rows matching `condition`, in batches of `batchSize`, in the plan table's order.
 *
 * Where reads pin what they read (`capabilities.pagedReads`: DuckDB) the table is read a page at
 * a time (its rows by the dialect's `rowNumber`, which a fresh table numbers from 0), each page
 * its own short query: one query streaming for the whole delivery keeps a transaction open, and
 * while it is open DuckDB neither checkpoints nor drops the old versions of the snapshot rows the
 * run updates, so every commit of the run stayed in memory (600k upserted rows: +170 MB, and a
 * 50 MB WAL). Elsewhere a single streaming query pins nothing of the sort.
 */
export async function* planBatches(
  wh: Warehouse,
  plan: Relation,
  condition: string,
  batchSize: number,
): AsyncIterable<Row[]> {
  const table = wh.dialect.quoteRelation(plan);
  const rowNumber = wh.dialect.rowNumber;
  if (!wh.capabilities.pagedReads || rowNumber === undefined) {
    yield* wh.stream(`SELECT * FROM ${table} WHERE ${condition}`, { batchSize });
    return;
  }
  const [count] = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  const total = Number(count?.n ?? 0);
  const page = Math.max(batchSize, PAGE_ROWS);
  let batch: Row[] = [];
  for (let from = 0; from < total; from += page) {
    const rows = await wh.query(
      `SELECT * FROM ${table} WHERE (${condition}) AND ${rowNumber} >= ${from} AND ${rowNumber} < ${from + page}`,
    );
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}
