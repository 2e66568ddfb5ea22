import type { Column, Relation } from "../types.ts";
import { postgresDialect as d } from "./dialect.ts";

/**
 * The statements the Postgres warehouse sends to build relations, as pure functions (like
 * BigQuery's `ddl.ts`), so the warehouse class only decides how they run: in which session and
 * transaction, and what replaces what (`swap.ts`).
 */

const q = (name: string) => d.quoteIdentifier(name);
const list = (columns: string[]) => columns.map(q).join(", ");

export const createSchemaSql = (schema: string) => `CREATE SCHEMA IF NOT EXISTS ${q(schema)}`;

/** A view; `createView` drops the old one first (Postgres refuses to change a view's columns). */
export const createViewSql = (relation: Relation, selectSql: string) =>
  `CREATE VIEW ${d.quoteRelation(relation)} AS\n${selectSql}`;

/** A table built under a scratch name, swapped in afterwards. */
export const createTableAsSql = (relation: Relation, selectSql: string) =>
  `CREATE TABLE ${d.quoteRelation(relation)} AS\n${selectSql}`;

export const insertSelectSql = (target: Relation, source: Relation, columns: string[]) =>
  `INSERT INTO ${d.quoteRelation(target)} (${list(columns)}) SELECT ${list(columns)} FROM ${d.quoteRelation(source)}`;

/**
 * The first half of a merge: delete the target's rows the source replaces, counting the distinct
 * keys deleted (the rows updated). The second half is `insertSelectSql`.
 */
export function mergeDeleteSql(target: Relation, source: Relation, uniqueKey: string[]): string {
  const match = uniqueKey.map((k) => `s.${q(k)} = t.${q(k)}`).join(" AND ");
  const keys = uniqueKey.map((k) => `t.${q(k)}`).join(", ");
  return `WITH gone AS (DELETE FROM ${d.quoteRelation(target)} AS t USING ${d.quoteRelation(source)} AS s WHERE ${match} RETURNING ${keys})
         SELECT COUNT(*) AS n FROM (SELECT DISTINCT * FROM gone) AS matched`;
}

export const addColumnSql = (relation: Relation, column: Column) =>
  `ALTER TABLE ${d.quoteRelation(relation)} ADD COLUMN ${q(column.name)} ${column.type}`;
