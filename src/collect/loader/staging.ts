import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { mergeTable, type StagedSource } from "./merge.ts";
import type { StagedBatch } from "./shape.ts";
import { refreshUsers } from "./users.ts";

/** Staging relations are named so; any left by a crash are dropped when a loader starts. */
export const STAGE_PREFIX = "_cdp_stage_";

export interface MergeCounts {
  /** Rows inserted per table (rows already there, by id, are not counted). */
  inserted: Record<string, number>;
  /** Rows of `users` written again. */
  users: number;
}

/** Merges every table of a staged relation, then the users the batch identified. */
export async function mergeAll(wh: Warehouse, schema: string, source: StagedSource): Promise<MergeCounts> {
  const counts: MergeCounts = { inserted: {}, users: 0 };
  for (const table of source.tables.keys()) {
    counts.inserted[table] = await mergeTable(wh, schema, table, source);
  }
  if (source.tables.has("identifies")) counts.users = await refreshUsers(wh, schema, source);
  return counts;
}

/**
 * A batch into Postgres or BigQuery, through the warehouse's bulk path into a staging table of
 * text columns (Postgres: `appendRows`, one COPY FROM STDIN; BigQuery: `loadCsv`, one load job),
 * then merged (deduplicated by id), and the staging table dropped.
 */
export async function loadThroughStaging(
  wh: Warehouse,
  schema: string,
  batch: StagedBatch,
): Promise<MergeCounts> {
  await wh.ensureSchema(schema);
  const relation: Relation = { schema, name: `${STAGE_PREFIX}${randomBytes(6).toString("hex")}` };
  try {
    await stage(wh, relation, batch);
    return await mergeAll(wh, schema, { relation, tables: batch.tables });
  } finally {
    await wh.dropRelation(relation).catch(() => undefined);
  }
}

async function stage(wh: Warehouse, relation: Relation, batch: StagedBatch): Promise<void> {
  const d = wh.dialect;
  const text = d.typeName("string");
  if (wh.appendRows) {
    const columns = batch.columns.map((c) => `${d.quoteIdentifier(c)} ${text}`).join(", ");
    await wh.execute(`CREATE TABLE ${d.quoteRelation(relation)} (${columns})`);
    await wh.appendRows(
      relation,
      batch.rows.map((row) => batch.columns.map((c) => row[c] ?? null)),
    );
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "cdp-collect-"));
  try {
    const file = path.join(dir, "batch.csv");
    await writeFile(file, toCsv(batch));
    await wh.loadCsv(relation, file, {
      columnTypes: Object.fromEntries(batch.columns.map((c) => [c, text])),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * RFC 4180 text with every value quoted and NULL as an empty field: COPY, BigQuery's loader and
 * DuckDB's reader all read `""` as the empty string and nothing as NULL.
 */
export function toCsv(batch: StagedBatch): string {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [batch.columns.map(quote).join(",")];
  for (const row of batch.rows) {
    lines.push(batch.columns.map((c) => (row[c] === undefined ? "" : quote(row[c]!))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Drops staging relations a crashed loader left behind. */
export async function dropLeftoverStaging(wh: Warehouse, schema: string, prefixes: string[]): Promise<void> {
  for (const name of (await wh.listRelations?.(schema)) ?? []) {
    if (prefixes.some((p) => name.startsWith(p))) await wh.dropRelation({ schema, name });
  }
}
