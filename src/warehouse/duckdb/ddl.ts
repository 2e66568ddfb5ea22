import type { Column, Relation } from "../types.ts";
import { duckdbDialect as d } from "./dialect.ts";

/**
 * The statements the DuckDB warehouse sends to build relations, as pure functions (like the other
 * dialects' `ddl.ts`); the warehouse class decides how they run (one transaction each operation).
 */

const q = (name: string) => d.quoteIdentifier(name);
const list = (columns: string[]) => columns.map(q).join(", ");

export const createSchemaSql = (schema: string) => `CREATE SCHEMA IF NOT EXISTS ${q(schema)}`;

export const dropSql = (kind: "table" | "view", relation: Relation) =>
  `DROP ${kind === "view" ? "VIEW" : "TABLE"} ${d.quoteRelation(relation)}`;

export const createViewSql = (relation: Relation, selectSql: string) =>
  `CREATE OR REPLACE VIEW ${d.quoteRelation(relation)} AS\n${selectSql}`;

/** A table built under a temporary name, renamed over the old relation in the same transaction. */
export const createTableAsSql = (relation: Relation, selectSql: string) =>
  `CREATE TABLE ${d.quoteRelation(relation)} AS\n${selectSql}`;

/**
 * An empty table of the given columns (types as DuckDB spells them), some with the compression
 * they must be written with (see `ReplaceOptions.distinctText`), to be filled by `insertQuerySql`.
 */
export const createTableSql = (
  relation: Relation,
  columns: { name: string; type: string; compression?: string }[],
) =>
  `CREATE TABLE ${d.quoteRelation(relation)} (${columns
    .map((c) => `${q(c.name)} ${c.type}${c.compression ? ` USING COMPRESSION ${c.compression}` : ""}`)
    .join(", ")})`;

export const insertQuerySql = (relation: Relation, selectSql: string) =>
  `INSERT INTO ${d.quoteRelation(relation)} SELECT * FROM (\n${selectSql}\n) AS rows`;

export const renameSql = (from: Relation, toName: string) =>
  `ALTER TABLE ${d.quoteRelation(from)} RENAME TO ${q(toName)}`;

export const insertSelectSql = (target: Relation, source: Relation, columns: string[]) =>
  `INSERT INTO ${d.quoteRelation(target)} (${list(columns)}) SELECT ${list(columns)} FROM ${d.quoteRelation(source)}`;

/** The first half of a merge: the target's rows the source replaces go (the second: an insert). */
export function mergeDeleteSql(target: Relation, source: Relation, uniqueKey: string[]): string {
  const match = uniqueKey.map((k) => `s.${q(k)} = t.${q(k)}`).join(" AND ");
  return `DELETE FROM ${d.quoteRelation(target)} AS t WHERE EXISTS (SELECT 1 FROM ${d.quoteRelation(source)} AS s WHERE ${match})`;
}

export const addColumnSql = (relation: Relation, column: Column) =>
  `ALTER TABLE ${d.quoteRelation(relation)} ADD COLUMN ${q(column.name)} ${column.type}`;
