import { type DuckDBType, DuckDBTypeId } from "@duckdb/node-api";
import type { Row } from "../types.ts";

/**
 * Turns DuckDB's JS values into the contract every dialect returns (see `Warehouse.query`):
 * BIGINTs that fit are numbers (others stay bigint), DECIMAL is its exact text, DATE is
 * `YYYY-MM-DD`, JSON is parsed, timestamps are Dates.
 */
export type ValueFix = (value: unknown) => unknown;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = BigInt(Number.MIN_SAFE_INTEGER);

const bigintFix: ValueFix = (v) => (typeof v === "bigint" && v <= MAX && v >= MIN ? Number(v) : v);
const dateFix: ValueFix = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
const jsonFix: ValueFix = (v) => (typeof v === "string" ? JSON.parse(v) : v);

/** Per column: how to fix its JS value, or "json" when the exact text must be taken instead. */
export function columnFixes(types: DuckDBType[]): (ValueFix | "exact" | undefined)[] {
  return types.map((t) => {
    if ((t as { alias?: string }).alias === "JSON") return jsonFix;
    switch (t.typeId) {
      case DuckDBTypeId.BIGINT:
      case DuckDBTypeId.HUGEINT:
      case DuckDBTypeId.UBIGINT:
      case DuckDBTypeId.UHUGEINT:
        return bigintFix;
      case DuckDBTypeId.DATE:
        return dateFix;
      case DuckDBTypeId.DECIMAL:
        return "exact";
      default:
        return undefined;
    }
  });
}

/** Applies the fixes; `exactRows` (the JSON-converted rows) are needed only when a column is "exact". */
export function fixRows(
  rows: Row[],
  names: string[],
  fixes: (ValueFix | "exact" | undefined)[],
  exactRows?: Row[],
): Row[] {
  if (fixes.every((f) => f === undefined)) return rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < names.length; c++) {
      const fix = fixes[c];
      if (fix === undefined) continue;
      const name = names[c]!;
      if (fix === "exact") row[name] = exactRows?.[r]?.[name] ?? null;
      else if (row[name] !== null) row[name] = fix(row[name]);
    }
  }
  return rows;
}
