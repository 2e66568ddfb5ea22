import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { open, readdir, rename, unlink } from "node:fs/promises";
import path from "node:path";
import type { Warehouse } from "../../warehouse/types.ts";
import { syncDirectory } from "../log/reader.ts";
import type { StagedBatch } from "./shape.ts";

/**
 * DuckDB's landing area: the embedded file has one writer (`cdp build`), so the loader never
 * opens it. Each batch becomes one Parquet file of text columns (the staging layout, see
 * shape.ts): its rows spooled to a temporary file as they are shaped, turned into Parquet by an
 * in-memory DuckDB under a temporary name, made durable, then renamed: a reader sees whole files
 * or none. The build compacts them into the tables (compact.ts).
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
  // `.batch-*.parquet.tmp` (never renamed) and `.batch-*.ndjson.tmp` (a spool).
  const stale = names.filter((n) => n.startsWith(".batch-") && n.endsWith(".tmp"));
  for (const name of stale) await unlink(path.join(dir, name)).catch(() => undefined);
  return stale.length;
}

/**
 * Opens the in-memory DuckDB that writes Parquet files: one thread, little memory (it streams the
 * spool into the file: JSON read buffers and one row group of each column at a time).
 */
export async function openLandingWriter(): Promise<Warehouse> {
  const { DuckdbWarehouse } = await import("../../warehouse/duckdb/index.ts");
  const wh = await DuckdbWarehouse.open({
    path: ":memory:",
    schema: "main",
    connections: 1,
    duckdbThreads: 1,
    // A cap, not a reservation: a batch of a few columns takes ~45 MB; one with hundreds of
    // properties (a column buffer each in the Parquet writer) takes more.
    memoryLimit: "256MB",
  });
  // DuckDB's allocator keeps freed memory for reuse (up to 128 MB by default) and hands it back
  // lazily: between two batches the loader holds nothing, so give it back after each statement.
  await wh.execute("SET allocator_flush_threshold = '4MB'");
  await wh.execute("SET allocator_background_threads = true");
  return wh;
}

/** Spooled rows are written out in pieces of about this many characters. */
const SPOOL_CHUNK = 1 << 20;
/** Rows per Parquet row group: the writer holds one group at a time (default 122,880 rows). */
const ROW_GROUP_ROWS = 2048;

/**
 * A batch's rows on their way to a landed file, one JSON object per line in a temporary file of
 * the landing directory, written as they are shaped: the loader holds a megabyte of a batch,
 * never the batch (a crash leaves the file to `removeTemporaryFiles`).
 */
export class LandingSpool {
  readonly name = `batch-${String(Date.now()).padStart(15, "0")}-${randomBytes(4).toString("hex")}`;
  readonly file: string;
  private fd: number | undefined;
  private lines: string[] = [];
  private chars = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `.${this.name}.ndjson.tmp`);
    this.fd = openSync(this.file, "w");
  }

  /** Takes one staged row (the batch's `spool`). */
  readonly add = (row: Record<string, string>): void => {
    const line = JSON.stringify(row);
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= SPOOL_CHUNK) this.flush();
  };

  /** Writes what is buffered and closes the file. */
  end(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Ends and deletes the file. */
  async discard(): Promise<void> {
    this.end();
    await unlink(this.file).catch(() => undefined);
  }

  private flush(): void {
    if (!this.lines.length || this.fd === undefined) return;
    writeSync(this.fd, `${this.lines.join("\n")}\n`);
    this.lines = [];
    this.chars = 0;
  }
}

/**
 * Writes a spooled batch as one landed Parquet file; returns its path. DuckDB streams the spool
 * into the file (every staging column as text), so neither side holds the whole batch.
 */
export async function landBatch(writer: Warehouse, batch: StagedBatch, spool: LandingSpool): Promise<string> {
  spool.end();
  const d = writer.dialect;
  const temp = path.join(spool.dir, `.${spool.name}${SUFFIX}.tmp`);
  const final = path.join(spool.dir, `${spool.name}${SUFFIX}`);
  const columns = batch.columns.map((c) => `${d.literal(c)}: 'VARCHAR'`).join(", ");
  try {
    await writer.execute(
      `COPY (SELECT ${batch.columns.map((c) => d.quoteIdentifier(c)).join(", ")} FROM read_json(${d.literal(spool.file)}, format = 'newline_delimited', columns = {${columns}})) TO ${d.literal(temp)} (FORMAT parquet, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
    );
    const handle = await open(temp, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, final);
    syncDirectory(spool.dir);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    await spool.discard();
  }
  return final;
}
