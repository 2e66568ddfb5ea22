import { randomBytes } from "node:crypto";
import { unlink } from "node:fs/promises";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { landedFiles } from "./landing.ts";
import { ensureTable } from "./merge.ts";
import { BASE_TABLES } from "./names.ts";
import { TABLE_COLUMN } from "./shape.ts";
import { dropLeftoverStaging, type MergeCounts, mergeAll, STAGE_PREFIX } from "./staging.ts";
import { BASE_COLUMNS } from "./tables.ts";
import { USERS_PREFIX } from "./users.ts";

/** Scratch relations of a compaction. */
const LANDED_PREFIX = "_cdp_landed_";

/** The base tables with their fixed columns, so models can read them before any event arrived. */
export async function ensureBaseTables(wh: Warehouse, schema: string): Promise<void> {
  await wh.ensureSchema(schema);
  for (const table of BASE_TABLES) {
    await ensureTable(wh, { schema, name: table }, BASE_COLUMNS[table], table !== "users");
  }
}

export interface CompactResult extends MergeCounts {
  /** Landed files compacted (and deleted). */
  files: number;
}

/**
 * DuckDB: the landed Parquet files into the tables, deduplicated by id (across files too: a
 * batch replayed after a crash lands twice), then the files deleted. Each statement commits on
 * its own; a compaction stopped halfway leaves the files, and the next one skips the rows that
 * made it (by id) and loads the rest.
 */
export async function compactLanding(wh: Warehouse, schema: string, dir: string): Promise<CompactResult> {
  const files = await landedFiles(dir);
  if (!files.length) return { files: 0, inserted: {}, users: 0 };
  await wh.ensureSchema(schema);
  await dropLeftoverStaging(wh, schema, [LANDED_PREFIX, USERS_PREFIX, STAGE_PREFIX]);
  const d = wh.dialect;
  const relation: Relation = { schema, name: `${LANDED_PREFIX}${randomBytes(6).toString("hex")}` };
  let counts: MergeCounts;
  try {
    const list = files.map((f) => d.literal(f)).join(", ");
    await wh.execute(
      `CREATE TABLE ${d.quoteRelation(relation)} AS SELECT * FROM read_parquet([${list}], union_by_name = true)`,
    );
    counts = await mergeAll(wh, schema, { relation, tables: await stagedTables(wh, relation) });
  } finally {
    await wh.dropRelation(relation);
  }
  for (const file of files) await unlink(file);
  return { files: files.length, ...counts };
}

/** Per table, the staging columns holding a value for it, in the staging relation's order. */
async function stagedTables(wh: Warehouse, relation: Relation): Promise<Map<string, string[]>> {
  const d = wh.dialect;
  const columns = ((await wh.describe(relation))?.columns ?? [])
    .map((c) => c.name)
    .filter((c) => c !== TABLE_COLUMN);
  const t = d.quoteIdentifier(TABLE_COLUMN);
  const counts = columns.map((c, i) => `COUNT(${d.quoteIdentifier(c)}) AS ${d.quoteIdentifier(`c${i}`)}`);
  const rows = await wh.query(
    `SELECT ${t} AS ${d.quoteIdentifier("t")}${counts.map((c) => `, ${c}`).join("")} FROM ${d.quoteRelation(relation)} GROUP BY ${t}`,
  );
  const tables = new Map<string, string[]>();
  for (const row of rows) {
    tables.set(
      String(row.t),
      columns.filter((_, i) => Number(row[`c${i}`]) > 0),
    );
  }
  return tables;
}
