import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  JSDuckDBValueConverter,
  JsonDuckDBValueConverter,
  timestampValue,
} from "@duckdb/node-api";
import { WarehouseError } from "../../errors.ts";
import type { AppendValue, Relation, Row } from "../types.ts";
import { prepareDatabaseFile } from "./database-file.ts";
import { duckdbDialect } from "./dialect.ts";
import { columnFixes, fixRows } from "./values.ts";

/** What the DuckDB client gives and takes: the database, results in the contract's values, the appender. */

/** Opens (creating its directory) the database file, or an in-memory database for `:memory:`. */
export async function openInstance(options: {
  path: string;
  duckdbThreads?: number;
  memoryLimit?: string;
  readOnly?: boolean;
}): Promise<DuckDBInstance> {
  if (options.path !== ":memory:") prepareDatabaseFile(options.path);
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = "READ_ONLY";
  if (options.duckdbThreads) config.threads = String(options.duckdbThreads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  try {
    return await createWaitingForLock(options.path, config);
  } catch (error) {
    throw new WarehouseError(
      `cannot open DuckDB database ${options.path}: ${(error as Error).message}`,
      undefined,
      {
        cause: error,
      },
    );
  }
}

/** How long opening a file waits for another process's brief hold (a server copying a snapshot). */
const LOCK_WAIT_MS = 15_000;

/**
 * Opens the database, waiting while another process holds the file's lock only briefly: `cdp serve`
 * holds it read-only for the time of one file copy when it starts. A writer that holds it longer
 * (another build) still makes this open fail, after LOCK_WAIT_MS, with DuckDB's message naming it.
 */
async function createWaitingForLock(file: string, config: Record<string, string>): Promise<DuckDBInstance> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await DuckDBInstance.create(file, config);
    } catch (error) {
      const locked = /Could not set lock on file/.test((error as Error).message);
      if (!locked || file === ":memory:" || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Rewrites DuckDB's error text into one readable message. */
export function wrap(error: unknown, sql: string): WarehouseError {
  const message = error instanceof Error ? error.message : String(error);
  return new WarehouseError(message.trim(), sql, { cause: error });
}

function toObjects(rows: unknown[][], names: string[]): Row[] {
  return rows.map((values) => {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  });
}

interface Readable {
  columnNames(): string[];
  columnTypes(): DuckDBType[];
  getRowObjectsJS(): unknown;
  getRowObjectsJson(): unknown;
}

/** Rows of a result in the contract's value types. */
export function convert(reader: Readable): Row[] {
  const fixes = columnFixes(reader.columnTypes());
  const rows = reader.getRowObjectsJS() as Row[];
  const exact = fixes.includes("exact") ? (reader.getRowObjectsJson() as Row[]) : undefined;
  return fixRows(rows, reader.columnNames(), fixes, exact);
}

type StreamingResult = Awaited<ReturnType<DuckDBConnection["stream"]>>;

/** A streaming result's rows in the contract's value types, `batchSize` at a time. */
export async function* readBatches<T extends Row>(
  result: StreamingResult,
  batchSize: number,
): AsyncIterable<T[]> {
  const names = result.columnNames();
  const fixes = columnFixes(result.columnTypes());
  const needExact = fixes.includes("exact");
  let batch: T[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = fixRows(
      toObjects(chunk.convertRows(JSDuckDBValueConverter), names),
      names,
      fixes,
      needExact ? toObjects(chunk.convertRows(JsonDuckDBValueConverter), names) : undefined,
    );
    for (const row of rows) {
      batch.push(row as T);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

/** Appends `rows` to `relation` through DuckDB's appender: no SQL text to build or parse. */
export async function appendTo(
  conn: DuckDBConnection,
  relation: Relation,
  rows: AppendValue[][],
): Promise<void> {
  let appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>> | undefined;
  try {
    appender = await conn.createAppender(relation.name, relation.schema);
    for (const row of rows) {
      for (const v of row) {
        if (v === null) appender.appendNull();
        else if (typeof v === "string") appender.appendVarchar(v);
        else if (typeof v === "bigint") appender.appendBigInt(v);
        else appender.appendTimestamp(timestampValue(BigInt(v.getTime()) * 1000n));
      }
      appender.endRow();
    }
    appender.flushSync();
  } catch (error) {
    throw wrap(error, `-- appending ${rows.length} rows to ${duckdbDialect.quoteRelation(relation)}`);
  } finally {
    try {
      appender?.closeSync();
    } catch {
      // The flush above already failed and said why.
    }
  }
}
