import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from "@duckdb/node-api";

/**
 * DuckDB results in BigQuery's wire format: a schema of TableFieldSchema (legacy type names, as
 * the API returns them) and rows as `{f: [{v: ...}]}` with every scalar a string, REPEATED values
 * as `{v: [{v: ...}]}`, RECORDs as `{v: {f: [...]}}`, TIMESTAMPs as int64 microseconds or as
 * epoch seconds with a fraction (formatOptions.useInt64Timestamp), BYTES in base64.
 */

export interface Field {
  name: string;
  type: string;
  mode: "NULLABLE" | "REPEATED";
  fields?: Field[];
  precision?: string;
  scale?: string;
}

export type Cell = { v: unknown };

/** A column's BigQuery field; `parameters` keeps NUMERIC precision and scale (tables, not results). */
export function fieldFor(name: string, type: DuckDBType, parameters = false): Field {
  const t = type as DuckDBType & {
    alias?: string;
    valueType?: DuckDBType;
    entryNames?: string[];
    entryTypes?: DuckDBType[];
    width?: number;
    scale?: number;
  };
  if (t.typeId === DuckDBTypeId.LIST || t.typeId === DuckDBTypeId.ARRAY) {
    return { ...fieldFor(name, t.valueType!, parameters), mode: "REPEATED" };
  }
  if (t.typeId === DuckDBTypeId.STRUCT) {
    const fields = t.entryNames!.map((n, i) => fieldFor(n, t.entryTypes![i]!, parameters));
    return { name, type: "RECORD", mode: "NULLABLE", fields };
  }
  if (t.typeId === DuckDBTypeId.DECIMAL) {
    const big = t.scale! > 9 || t.width! - t.scale! > 29;
    const field: Field = { name, type: big ? "BIGNUMERIC" : "NUMERIC", mode: "NULLABLE" };
    if (parameters && !(t.width === 38 && t.scale === 9)) {
      field.precision = String(t.width);
      field.scale = String(t.scale);
    }
    return field;
  }
  return { name, type: scalarType(t), mode: "NULLABLE" };
}

function scalarType(t: DuckDBType & { alias?: string }): string {
  if (t.alias === "JSON") return "JSON";
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return "BOOLEAN";
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return "INTEGER";
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return "FLOAT";
    case DuckDBTypeId.DATE:
      return "DATE";
    case DuckDBTypeId.TIMESTAMP_TZ:
      return "TIMESTAMP";
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return "DATETIME";
    case DuckDBTypeId.TIME:
      return "TIME";
    case DuckDBTypeId.BLOB:
      return "BYTES";
    default:
      return "STRING";
  }
}

/** `123.450000000` → `123.45`, as BigQuery prints NUMERIC. */
function trimDecimal(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

function epochSeconds(micros: bigint): string {
  const sign = micros < 0n ? "-" : "";
  const abs = micros < 0n ? -micros : micros;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${sign}${abs / 1_000_000n}${frac ? `.${frac}` : ""}`;
}

function scalar(value: DuckDBValue, field: Field, int64Timestamps: boolean): unknown {
  if (value === null) return null;
  if (value instanceof DuckDBTimestampTZValue) {
    return int64Timestamps ? value.micros.toString() : epochSeconds(value.micros);
  }
  if (value instanceof DuckDBTimestampValue) return value.toString().replace(" ", "T");
  if (value instanceof DuckDBDecimalValue) return trimDecimal(value.toString());
  if (value instanceof DuckDBDateValue || value instanceof DuckDBTimeValue) return value.toString();
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString("base64");
  if (value instanceof DuckDBStructValue) {
    return { f: (field.fields ?? []).map((f) => cell(value.entries[f.name] ?? null, f, int64Timestamps)) };
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  return String(value);
}

function cell(value: DuckDBValue, field: Field, int64Timestamps: boolean): Cell {
  if (field.mode === "REPEATED") {
    const items = value instanceof DuckDBListValue ? value.items : [];
    return { v: items.map((item) => ({ v: scalar(item, field, int64Timestamps) })) };
  }
  return { v: scalar(value, field, int64Timestamps) };
}

export function wireRows(rows: DuckDBValue[][], fields: Field[], int64Timestamps: boolean): { f: Cell[] }[] {
  return rows.map((row) => ({ f: row.map((v, i) => cell(v, fields[i]!, int64Timestamps)) }));
}
