import { createHash } from "node:crypto";
import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { valuesHashSql } from "../../warehouse/values-hash.ts";
import { identifierKeySql, OPTIONAL, type OptionalColumn } from "./edges.ts";
import { stitchTables } from "./index.ts";
import { blockedSql, normalizeSql } from "./normalize-sql.ts";
import type { Ruleset } from "./rules.ts";

/**
 * What an incremental stitch keeps between runs, next to its output:
 * - `<model>__edges`: the rows of the model the last run read (each as read: types, values,
 *   `seen_at`, `source`, `weight`), with both ends normalised, why an end is blocked, and the
 *   row's hash (`row_hash`, `valuesHashSql` of the row as read; ~10^-8 odds a run at 3M rows that
 *   two rows hash alike). The next run hashes the model's rows and compares
 *   the hashes with these to find what was added and removed.
 * - `<model>__clusters`: `profile_id, cluster` for the profiles that share a cluster with others:
 *   a cluster is a component of the links that survive the hub rule, before the other rules
 *   (per-pair link limits, anti-chaining, per-profile limits) split it into profiles. Those rules
 *   decide within a cluster, so a cluster is what must be recomputed whole. Profiles alone in
 *   their cluster (nearly all) are not listed.
 * - `<model>__stitch_state`: one row, written last: the ruleset's fingerprint, the run, and the
 *   output's counts. Deleted first when a run starts changing anything: a run that stops half-way
 *   leaves none, and the next run is a full one.
 */
export function incrementalTables(output: Relation) {
  const side = (suffix: string): Relation => ({ ...output, name: `${output.name}__${suffix}` });
  return { edges: side("edges"), clusters: side("clusters"), state: side("stitch_state") };
}

/**
 * Bump when the state tables' layout or meaning changes: older state then means a full run.
 * 5: identifiers ordered by code point on every warehouse (`textOrder`): on a Postgres database of
 * a language collation, the saved links' ends were ordered by that collation.
 */
const STATE_VERSION = 5;

/** A fingerprint of what decides the result: the ruleset (but the `incremental` switch itself). */
export function rulesFingerprint(rules: Ruleset): string {
  const { incremental: _, ...decisive } = rules;
  return createHash("sha256")
    .update(JSON.stringify({ v: STATE_VERSION, rules: decisive }))
    .digest("hex");
}

export interface SavedState {
  rules: string;
  identifiers: number;
  profiles: number;
}

/** The last run's state, when it and every table an incremental run splices into are there. */
export async function readState(wh: Warehouse, output: Relation): Promise<SavedState | undefined> {
  const t = incrementalTables(output);
  const all = [t.state, t.edges, t.clusters, ...Object.values(stitchTables(output))];
  // One listing rather than a lookup per table; a name not listed as given (a warehouse that
  // clips long names) is looked up.
  const present = new Set(wh.listRelations ? await wh.listRelations(output.schema) : []);
  for (const r of all) if (!present.has(r.name) && !(await wh.describe(r))) return undefined;
  const [row] = await wh.query<{ rules: string; identifiers: number | bigint; profiles: number | bigint }>(
    `SELECT rules, identifiers, profiles FROM ${wh.dialect.quoteRelation(t.state)}`,
  );
  return row
    ? { rules: row.rules, identifiers: Number(row.identifiers), profiles: Number(row.profiles) }
    : undefined;
}

/** Forgets the state: done before a run changes any table, so a run that stops is followed by a full one. */
export async function clearState(wh: Warehouse, output: Relation): Promise<void> {
  await wh.dropRelation(incrementalTables(output).state);
}

export async function writeState(
  wh: Warehouse,
  output: Relation,
  s: SavedState & { runId: string },
): Promise<void> {
  const d = wh.dialect;
  await wh.replaceTable(
    incrementalTables(output).state,
    `SELECT ${d.cast(d.literal(s.rules), "string")} AS rules, ${d.cast(d.literal(s.runId), "string")} AS run_id,
       ${d.cast(String(s.identifiers), "int64")} AS identifiers, ${d.cast(String(s.profiles), "int64")} AS profiles`,
  );
}

/** The columns of a row as read, in `<model>__edges` and in the comparison with the model. */
const RAW = ["a_type", "a_raw", "b_type", "b_raw", "seen_at", "source", "weight"];

/**
 * The model's rows as the stitch reads them (the same casts as `loadGraph`; a column the model
 * does not select is NULL) with their `row_hash`, from the relation `input` whose columns are
 * `columns`; without `where`, rows without `a_type` (which the stitch skips) are left in.
 */
export function rawRowsSql(d: Dialect, input: Relation, columns: Set<string>, where = true): string {
  const opt = (name: OptionalColumn) =>
    `${columns.has(name) ? d.cast(name, OPTIONAL[name]) : d.cast("NULL", OPTIONAL[name])} AS ${name}`;
  return `SELECT ${RAW.join(", ")}, ${valuesHashSql(d, RAW)} AS row_hash FROM (
      SELECT ${d.cast("a_type", "string")} AS a_type, ${d.cast("a_value", "string")} AS a_raw,
      ${d.cast("b_type", "string")} AS b_type, ${d.cast("b_value", "string")} AS b_raw,
      ${opt("seen_at")}, ${opt("source")}, ${opt("weight")}
    FROM ${d.quoteRelation(input)}) AS r${where ? " WHERE a_type IS NOT NULL" : ""}`;
}

/**
 * Rows as read (`rawRowsSql`, or any relation with its columns) with both ends normalised, in the
 * layout of `<model>__edges` (`STATE_COLUMNS`). An end's value as read is kept only where it
 * differs from the normalised one or the end is blocked (`rawEndSql` reads it back): most values
 * arrive normalised, and a column of NULLs costs nothing to scan. `a_key`, `b_key` are each end's
 * identifier key (`identifierKeySql` of type and normalised value, the key `__links` names ends
 * by), so the rows of given identifiers are found by integer keys (and then checked by their
 * strings) rather than by joining strings over the whole table.
 */
export function normalisedRowsSql(d: Dialect, rules: Ruleset, raw: string): string {
  const end = (e: "a" | "b") =>
    `${e}_type, ${e}_raw, ${normalizeSql(d, rules, `${e}_type`, `${e}_raw`)} AS ${e}_value`;
  const kept = (e: "a" | "b") =>
    `CASE WHEN ${e}_blocked IS NULL AND ${e}_raw = ${e}_value THEN NULL ELSE ${e}_raw END AS ${e}_raw`;
  const key = (e: "a" | "b") => `${identifierKeySql(d, `${e}_type`, `${e}_value`)} AS ${e}_key`;
  return `SELECT a_type, ${kept("a")}, a_value, a_blocked, b_type, ${kept("b")}, b_value, b_blocked,
      seen_at, source, weight, row_hash, ${key("a")}, ${key("b")}
    FROM (
      SELECT a_type, a_raw, a_value, ${blockedSql(d, rules, "a_type", "a_value").reason} AS a_blocked,
        b_type, b_raw, b_value, ${blockedSql(d, rules, "b_type", "b_value").reason} AS b_blocked, seen_at, source, weight, row_hash
      FROM (SELECT ${end("a")}, ${end("b")}, seen_at, source, weight, row_hash FROM (${raw}) AS r) AS n
    ) AS b`;
}

/** The columns of `<model>__edges`, in order. */
export const STATE_COLUMNS =
  "a_type, a_raw, a_value, a_blocked, b_type, b_raw, b_value, b_blocked, seen_at, source, weight, row_hash, a_key, b_key";

/**
 * End `e`'s value as the model gave it, of a row of `<model>__edges` aliased `s` (see
 * `normalisedRowsSql`): a value kept NULL was the normalised one (or NULL, which normalises to NULL).
 */
export function rawEndSql(e: "a" | "b", s = "s"): string {
  return `COALESCE(${s}.${e}_raw, ${s}.${e}_value)`;
}

/** The identifier at end `e` of a row of `<model>__edges` (aliased `s`), when it can be one. */
export function endSql(e: "a" | "b", s = "s"): string {
  return `${s}.${e}_blocked IS NULL AND ${s}.${e}_type IS NOT NULL`;
}
