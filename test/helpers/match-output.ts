import type { Relation, Warehouse } from "../../src/warehouse/types.ts";

/**
 * A match output's rows in pair order, as the match tests compare them: numbers to 12 significant
 * digits, everything else as text.
 */
export async function matchOutputRows(wh: Warehouse, relation: Relation): Promise<Record<string, unknown>[]> {
  const rows = await wh.query<Record<string, unknown>>(
    `SELECT * FROM ${wh.dialect.quoteRelation(relation)} ORDER BY record_id_l, record_id_r`,
  );
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? Number(v.toPrecision(12)) : String(v)]),
    ),
  );
}
