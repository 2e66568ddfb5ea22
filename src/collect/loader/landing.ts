import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import path from "node:path";
import type { AppendValue, Warehouse } from "../../warehouse/types.ts";
import { syncDirectory } from "../log/reader.ts";
import type { StagedBatch } from "./shape.ts";

/**
 * DuckDB's landing area: the embedded file has one writer (`cdp build`), so the loader never
 * opens it. Each batch becomes one Parquet file of text columns (the staging layout, see
 * shape.ts), written by an in-memory DuckDB under a temporary name, made durable, then renamed:
 * a reader sees whole files or none. The build compacts them into the tables (compact.ts).
 */

export const LANDING_DIR = path.join(".cdp", "collect", "landing");
const SUFFIX = ".parquet";

/** The landing directory of a project. */
export function landingDir(projectDir: string): string {
  return path.resolve(projectDir, LANDING_DIR);
}

/** Landed files, oldest first (names sort by the time they were written). */
export async function landedFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.startsWith("batch-") && n.endsWith(SUFFIX))
      .sort()
      .map((n) => path.join(dir, n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Removes temporary files a crashed loader left (never renamed, so never read). */
export async function removeTemporaryFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const stale = names.filter((n) => n.startsWith(".batch-") && n.endsWith(".tmp"));
  for (const name of stale) await unlink(path.join(dir, name)).catch(() => undefined);
  return stale.length;
}

/** Opens the in-memory DuckDB that writes Parquet files: one thread, little memory. */
export async function openLandingWriter(): Promise<Warehouse> {
  const { DuckdbWarehouse } = await import("../../warehouse/duckdb/index.ts");
  return DuckdbWarehouse.open({
    path: ":memory:",
    schema: "main",
    connections: 1,
    duckdbThreads: 1,
    memoryLimit: "256MB",
  });
}

/** Writes a batch as one landed Parquet file; returns its path. */
export async function landBatch(writer: Warehouse, dir: string, batch: StagedBatch): Promise<string> {
  await mkdir(dir, { recursive: true });
  const d = writer.dialect;
  const name = `batch-${String(Date.now()).padStart(15, "0")}-${randomBytes(4).toString("hex")}`;
  const table = { schema: "main", name: "landing" };
  const temp = path.join(dir, `.${name}${SUFFIX}.tmp`);
  const final = path.join(dir, `${name}${SUFFIX}`);
  await writer.execute(
    `CREATE OR REPLACE TABLE ${d.quoteRelation(table)} (${batch.columns.map((c) => `${d.quoteIdentifier(c)} VARCHAR`).join(", ")})`,
  );
  try {
    const rows: AppendValue[][] = batch.rows.map((row) => batch.columns.map((c) => row[c] ?? null));
    await writer.appendRows!(table, rows);
    await writer.execute(`COPY ${d.quoteRelation(table)} TO ${d.literal(temp)} (FORMAT parquet)`);
    const handle = await open(temp, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, final);
    syncDirectory(dir);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    await writer.dropRelation(table);
  }
  return final;
}
