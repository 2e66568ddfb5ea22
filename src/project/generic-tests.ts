import type { Dialect, Relation } from "../warehouse/types.ts";
import type { GenericTestKind, TestArgs } from "./model-config.ts";

/**
 * SQL for the generic data tests. Each query returns the failing rows (zero rows: the test passes),
 * so `cdp test` can count them and show a sample.
 */
export function genericTestSql(
  kind: GenericTestKind,
  dialect: Dialect,
  model: Relation,
  args: TestArgs,
  parent?: Relation,
): string {
  const q = (c: string) => dialect.quoteIdentifier(c);
  const col = q(args.column);
  const from = args.where
    ? `(SELECT * FROM ${dialect.quoteRelation(model)} WHERE ${args.where}) AS model`
    : `${dialect.quoteRelation(model)} AS model`;
  switch (kind) {
    case "not_null":
      return `SELECT * FROM ${from} WHERE model.${col} IS NULL`;
    case "unique":
      return `SELECT model.${col} AS ${col}, COUNT(*) AS n_records FROM ${from} WHERE model.${col} IS NOT NULL GROUP BY model.${col} HAVING COUNT(*) > 1`;
    case "accepted_values": {
      const values = Array.isArray(args.values)
        ? args.values
        : String(args.values ?? "")
            .split(",")
            .map((v) => v.trim());
      const list = values.map((v) => dialect.literal(args.quote ? String(v) : v)).join(", ");
      const value = args.quote ? dialect.cast(`model.${col}`, "string") : `model.${col}`;
      return `SELECT model.${col} AS ${col}, COUNT(*) AS n_records FROM ${from} WHERE model.${col} IS NOT NULL AND ${value} NOT IN (${list}) GROUP BY model.${col}`;
    }
    case "relationships": {
      if (!parent || !args.field) throw new Error("relationships needs `to` and `field`");
      const field = q(args.field);
      return `SELECT model.${col} AS ${col} FROM ${from} LEFT JOIN ${dialect.quoteRelation(parent)} AS parent ON model.${col} = parent.${field} WHERE model.${col} IS NOT NULL AND parent.${field} IS NULL`;
    }
  }
}
