import type { Relation, Warehouse } from "../../warehouse/types.ts";

/**
 * The warehouse as an incremental stitch's work tables want it. On DuckDB they live in an
 * in-memory catalog (`Warehouse.workSpace`) under names no other run uses, so building one needs
 * neither the lookup nor the build-aside-and-rename that keeps a published table whole: one
 * `CREATE OR REPLACE TABLE` (atomic on its own) and a count. Dropping one needs no lookup either.
 * An incremental run builds ~50 of them (its own and those of the stitch of the touched part), and
 * the eight statements of the general path cost a run at 1M people as much as its largest join.
 * Every other relation, and every other call, goes to `wh` as it is.
 */
export function withDirectWorkTables(wh: Warehouse, space: { database: string } | undefined): Warehouse {
  if (!space || wh.dialect.name !== "duckdb") return wh;
  const inSpace = (r: Relation) => r.database === space.database;
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const replaceTable = async (r: Relation, selectSql: string): Promise<{ rows: number }> => {
    if (!inSpace(r)) return wh.replaceTable(r, selectSql);
    await wh.execute(`CREATE OR REPLACE TABLE ${q(r)} AS\n${selectSql}`);
    const [counted] = await wh.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${q(r)}`);
    return { rows: Number(counted?.n ?? 0) };
  };
  const dropRelation = async (r: Relation): Promise<void> => {
    if (!inSpace(r)) return wh.dropRelation(r);
    await wh.execute(`DROP TABLE IF EXISTS ${q(r)}`);
  };
  return new Proxy(wh, {
    get(target, prop) {
      if (prop === "replaceTable") return replaceTable;
      if (prop === "dropRelation") return dropRelation;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
