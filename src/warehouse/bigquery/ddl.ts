import type { Column, Dialect, Relation } from "../types.ts";

/**
 * The statements the BigQuery warehouse sends, as pure functions of the dialect, so the golden
 * files pin exactly what runs. Each is a single statement: BigQuery applies it atomically.
 */

/** A failing query leaves the previous table as it was: BigQuery swaps only on success. */
export function replaceTableSql(d: Dialect, relation: Relation, selectSql: string): string {
  return `CREATE OR REPLACE TABLE ${d.quoteRelation(relation)} AS\n${selectSql}`;
}

export function createViewSql(d: Dialect, relation: Relation, selectSql: string): string {
  return `CREATE OR REPLACE VIEW ${d.quoteRelation(relation)} AS\n${selectSql}`;
}

export function insertSql(d: Dialect, target: Relation, source: Relation, columns: string[]): string {
  const cols = columns.map((c) => d.quoteIdentifier(c)).join(", ");
  return `INSERT INTO ${d.quoteRelation(target)} (${cols})\nSELECT ${cols} FROM ${d.quoteRelation(source)}`;
}

/**
 * One MERGE: matched rows take the source's values, the others are inserted. The job's DML
 * statistics report both counts exactly. When every column is part of the key, the matched
 * branch still sets the key, so replaced rows are counted as updated like on other warehouses.
 */
export function mergeSql(
  d: Dialect,
  target: Relation,
  source: Relation,
  uniqueKey: string[],
  columns: string[],
): string {
  const q = (c: string) => d.quoteIdentifier(c);
  const keys = new Set(uniqueKey.map((k) => k.toLowerCase()));
  const on = uniqueKey.map((k) => `t.${q(k)} = s.${q(k)}`).join(" AND ");
  const values = columns.filter((c) => !keys.has(c.toLowerCase()));
  const set = (values.length ? values : uniqueKey).map((c) => `${q(c)} = s.${q(c)}`).join(", ");
  return [
    `MERGE INTO ${d.quoteRelation(target)} AS t`,
    `USING ${d.quoteRelation(source)} AS s`,
    `ON ${on}`,
    `WHEN MATCHED THEN UPDATE SET ${set}`,
    `WHEN NOT MATCHED THEN INSERT (${columns.map(q).join(", ")}) VALUES (${columns.map((c) => `s.${q(c)}`).join(", ")})`,
  ].join("\n");
}

/** All columns in one ALTER: one statement, so either all are added or none. */
export function addColumnsSql(d: Dialect, relation: Relation, columns: Column[]): string {
  const adds = columns.map((c) => `ADD COLUMN ${d.quoteIdentifier(c.name)} ${c.type}`).join(", ");
  return `ALTER TABLE ${d.quoteRelation(relation)} ${adds}`;
}

/** The slice of a table schema field (tables.get) read here. */
export interface FieldSchema {
  name?: string;
  type?: string;
  mode?: string;
  precision?: string;
  scale?: string;
  maxLength?: string;
  fields?: FieldSchema[];
}

const LEGACY_TYPES: Record<string, string> = {
  INTEGER: "INT64",
  FLOAT: "FLOAT64",
  BOOLEAN: "BOOL",
  RECORD: "STRUCT",
};

/** A column's type as GoogleSQL spells it in DDL (describe's types feed ALTER TABLE ADD COLUMN). */
export function ddlType(field: FieldSchema, d: Dialect): string {
  const base = LEGACY_TYPES[field.type ?? ""] ?? field.type ?? "STRING";
  let type = base;
  if (base === "STRUCT") {
    type = `STRUCT<${(field.fields ?? []).map((f) => `${d.quoteIdentifier(f.name ?? "")} ${ddlType(f, d)}`).join(", ")}>`;
  } else if ((base === "NUMERIC" || base === "BIGNUMERIC") && field.precision) {
    type = `${base}(${field.precision}${field.scale ? `, ${field.scale}` : ""})`;
  } else if ((base === "STRING" || base === "BYTES") && field.maxLength) {
    type = `${base}(${field.maxLength})`;
  }
  return field.mode === "REPEATED" ? `ARRAY<${type}>` : type;
}
