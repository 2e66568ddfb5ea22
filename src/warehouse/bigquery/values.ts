import type { Row } from "../types.ts";

/**
 * Turns the client's parsed values into the contract every dialect returns (see
 * `Warehouse.query`). The client is asked for integers through `integerCast` (a number when it
 * fits in 2^53, a bigint otherwise) and for parsed JSON; the rest is fixed here by column type:
 * NUMERIC arrives as a Big (kept as its exact text), DATE and TIME as wrappers holding their
 * text, TIMESTAMP and DATETIME as wrappers holding an ISO string (a Date here; DATETIME in UTC).
 */

/** The slice of a schema field read here (the REST API's TableFieldSchema). */
export interface FieldSchema {
  name?: string | null;
  type?: string | null;
  mode?: string | null;
  fields?: FieldSchema[] | null;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = BigInt(Number.MIN_SAFE_INTEGER);

/** `wrapIntegers` for the client: exact int64 without a wrapper object. */
export const integerCast = {
  integerTypeCastFunction: (text: string): number | bigint => {
    const big = BigInt(text);
    return big <= MAX && big >= MIN ? Number(big) : big;
  },
};

type Fix = (value: unknown) => unknown;

const textOf: Fix = (v) => (v as { value?: unknown }).value ?? v;
const exact: Fix = (v) =>
  typeof (v as { toFixed?: unknown }).toFixed === "function"
    ? (v as { toFixed(): string }).toFixed()
    : String(v);
const toDate: Fix = (v) => new Date(String(textOf(v)));
/** A DATETIME has no zone; read as UTC, as DuckDB's TIMESTAMP (what `date + INTERVAL` gives) is. */
const utcDate: Fix = (v) => new Date(`${String(textOf(v))}Z`);

function fixFor(field: FieldSchema): Fix | undefined {
  switch ((field.type ?? "").toUpperCase()) {
    case "NUMERIC":
    case "BIGNUMERIC":
      return exact;
    case "TIMESTAMP":
      return toDate;
    case "DATETIME":
      return utcDate;
    case "DATE":
    case "TIME":
    case "GEOGRAPHY":
      return textOf;
    case "RECORD":
    case "STRUCT": {
      const fields = field.fields ?? [];
      return (v) => fixRow(v as Row, fields);
    }
    default:
      return undefined;
  }
}

function fixValue(value: unknown, field: FieldSchema): unknown {
  if (value === null || value === undefined) return null;
  const fix = fixFor(field);
  if (!fix) return value;
  if (field.mode === "REPEATED" && Array.isArray(value)) return value.map((v) => (v === null ? v : fix(v)));
  return fix(value);
}

function fixRow(row: Row, fields: FieldSchema[]): Row {
  for (const field of fields) {
    const name = field.name ?? "";
    if (name in row) row[name] = fixValue(row[name], field);
  }
  return row;
}

/** Fixes rows in place by the result schema; columns needing no fix are left untouched. */
export function fixRows(rows: Row[], fields: FieldSchema[] | null | undefined): Row[] {
  if (!fields?.length || !rows.length) return rows;
  if (!fields.some((f) => fixFor(f))) return rows;
  for (const row of rows) fixRow(row, fields);
  return rows;
}
