import type { PortableType } from "../../warehouse/types.ts";

/**
 * The kinds of value an event carries, each with its column type. Numbers are one kind (float64):
 * JSON numbers are doubles, so a DOUBLE column keeps every one exactly, and `1` then `1.5` in the
 * same property never conflict.
 */
export type ValueKind = "string" | "number" | "boolean" | "timestamp";

export const KIND_TYPES: Record<ValueKind, PortableType> = {
  string: "string",
  number: "float64",
  boolean: "bool",
  timestamp: "timestamp",
};

/** One letter per kind: the prefix of staging columns (`s__email`, `n__price`). */
export const KIND_LETTERS: Record<ValueKind, string> = {
  string: "s",
  number: "n",
  boolean: "b",
  timestamp: "t",
};

const BY_LETTER = new Map(Object.entries(KIND_LETTERS).map(([k, l]) => [l, k as ValueKind]));

/** `n__price` for the numbers of `price`. */
export function stagedName(column: string, kind: ValueKind): string {
  return `${KIND_LETTERS[kind]}__${column}`;
}

/** The column and kind of a staging column name, or undefined for another column. */
export function parseStagedName(name: string): { column: string; kind: ValueKind } | undefined {
  const kind = BY_LETTER.get(name.slice(0, 1));
  return kind && name.slice(1, 3) === "__" ? { column: name.slice(3), kind } : undefined;
}

/** The kind a warehouse column holds, from its type as `describe` reports it on any dialect. */
export function kindOfType(type: string): ValueKind | undefined {
  const t = type.trim().toUpperCase();
  if (/^(VARCHAR|TEXT|STRING|CHARACTER VARYING|CHAR)\b/.test(t)) return "string";
  if (/^(DOUBLE|FLOAT|FLOAT8|FLOAT64|REAL)\b/.test(t)) return "number";
  if (/^BOOL/.test(t)) return "boolean";
  if (/^TIMESTAMP/.test(t)) return "timestamp";
  return undefined;
}

// ISO 8601 date-times as clients send them: `2026-05-01T10:00:00Z`, `...T10:00:00.123+02:00`.
const MIN_TIME = Date.parse("0001-01-01T00:00:00.000Z");
const MAX_TIME = Date.parse("9999-12-31T23:59:59.999Z");
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * A scalar as a staged text and its kind: timestamps (ISO 8601 with a time zone, like Segment's
 * detection) normalised to UTC, numbers and booleans as JSON writes them, arrays as JSON text
 * (Segment stringifies arrays). Undefined for null.
 */
export function stageValue(value: unknown): { kind: ValueKind; text: string } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "boolean") return { kind: "boolean", text: String(value) };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", text: String(value) } : undefined;
  }
  if (typeof value === "string") {
    const first = value.charCodeAt(0);
    if (first >= 48 && first <= 57 && value.length >= 16 && value.length <= 40 && ISO_TIMESTAMP.test(value)) {
      const ms = Date.parse(value);
      // Years 1-9999: what every warehouse's TIMESTAMP holds (BigQuery's range is the narrowest).
      if (ms >= MIN_TIME && ms <= MAX_TIME) return { kind: "timestamp", text: new Date(ms).toISOString() };
    }
    return { kind: "string", text: text(value) };
  }
  return { kind: "string", text: text(JSON.stringify(value)) };
}

/** PostgreSQL's text cannot hold U+0000: it is dropped, rather than the whole batch refused. */
const text = (value: string) => (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value);

/** Any value as the text of a text column (fixed columns such as `id` take what was sent). */
export function stageText(value: unknown): string {
  return text(typeof value === "string" ? value : JSON.stringify(value));
}
