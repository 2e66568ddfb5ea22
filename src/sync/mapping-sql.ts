import type { Dialect } from "../warehouse/types.ts";
import type { FieldMapping, Transform } from "./config.ts";
import { syncPhoneSql } from "./phone-sql.ts";

/** Columns the plan adds next to the mapped fields; field names may not start with `__cdp_`. */
export const KEY = "__cdp_key";
export const HASH = "__cdp_hash";
export const OP = "__cdp_op";
export const RETRY = "__cdp_retry";
/** The fields as last delivered (JSON), for removals by connectors that need them. */
export const PREVIOUS = "__cdp_previous";
/** The row hash last acknowledged for the key (NULL: never delivered); see `rowIdempotencyKey`. */
export const BASE = "__cdp_base";

export interface MappedField {
  /** Destination field name. */
  name: string;
  /** SQL computing it from a row of the model. */
  sql: string;
}

function applyTransform(
  d: Dialect,
  t: Transform,
  expr: string,
  callingCode: string,
  countryColumn?: string,
): string {
  const text = `NULLIF(TRIM(${d.cast(expr, "string")}), '')`;
  switch (t) {
    case "email":
      return `LOWER(${d.regexpReplace(text, "\\s", "")})`;
    case "phone":
      return syncPhoneSql(d, text, callingCode, countryColumn);
    case "name":
      // What ad platforms match on: lower case, single spaces.
      return `LOWER(${d.regexpReplace(text, "\\s+", " ")})`;
    case "lower":
      return `LOWER(${text})`;
    case "trim":
      return text;
    case "sha256":
      return `CASE WHEN ${expr} IS NULL THEN NULL ELSE ${d.sha256(d.cast(expr, "string"))} END`;
  }
}

function transforms(t: Transform | Transform[] | undefined): Transform[] {
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** `{{column}}` placeholders → CONCAT of literals and columns (NULL reads as empty). */
export function templateSql(d: Dialect, template: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) {
    if (m.index > last) parts.push(d.literal(template.slice(last, m.index)));
    parts.push(`COALESCE(${d.cast(d.quoteIdentifier(m[1]!), "string")}, '')`);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(d.literal(template.slice(last)));
  return parts.length === 1 ? d.cast(parts[0]!, "string") : `CONCAT(${parts.join(", ")})`;
}

/** The model columns a mapping reads (to check them against the model before running). */
export function columnsRead(mapping: FieldMapping): string[] {
  if (typeof mapping === "string") return [mapping];
  if ("column" in mapping) return [mapping.column, ...(mapping.countryColumn ? [mapping.countryColumn] : [])];
  if ("template" in mapping)
    return [...mapping.template.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!);
  return [];
}

export function fieldSql(d: Dialect, mapping: FieldMapping): string {
  if (typeof mapping === "string") return d.quoteIdentifier(mapping);
  if ("constant" in mapping) return d.literal(mapping.constant);
  if ("template" in mapping) {
    return transforms(mapping.transform).reduce(
      (e, t) => applyTransform(d, t, e, "1"),
      templateSql(d, mapping.template),
    );
  }
  return transforms(mapping.transform).reduce(
    (e, t) => applyTransform(d, t, e, mapping.defaultCallingCode, mapping.countryColumn),
    d.quoteIdentifier(mapping.column),
  );
}

/**
 * The row hash: SHA-256 over a canonical concatenation of the mapped fields, each written as
 * `<length>:<text>` (NULL as `-`) and joined by `|`, so no two different rows share a text.
 * Only mapped fields count: a change to a column no field reads sends nothing.
 */
export function rowHashSql(d: Dialect, fields: MappedField[]): string {
  if (fields.length === 0) return d.sha256("''");
  const parts = fields.map((f) => {
    const text = d.cast(d.quoteIdentifier(f.name), "string");
    return `CASE WHEN ${text} IS NULL THEN '-' ELSE CONCAT(CAST(LENGTH(${text}) AS ${d.typeName("string")}), ':', ${text}) END`;
  });
  return d.sha256(`CONCAT(${parts.join(", '|', ")})`);
}

/**
 * SELECT of the model as the destination sees it: the key as text, the mapped fields, the hash.
 */
export function mappedSelectSql(
  d: Dialect,
  modelSql: string,
  primaryKey: string,
  fields: MappedField[],
): string {
  const q = d.quoteIdentifier;
  const cols = [
    `${d.cast(q(primaryKey), "string")} AS ${q(KEY)}`,
    ...fields.map((f) => `${f.sql} AS ${q(f.name)}`),
  ];
  return `SELECT m.*, ${rowHashSql(d, fields)} AS ${q(HASH)}
FROM (SELECT ${cols.join(", ")} FROM ${modelSql}) AS m`;
}
