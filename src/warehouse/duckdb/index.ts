import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  JSDuckDBValueConverter,
  JsonDuckDBValueConverter,
  timestampValue,
} from "@duckdb/node-api";
import { WarehouseError } from "../../errors.ts";
import { Pool } from "../pool.ts";
import type {
  AppendValue,
  Capabilities,
  Column,
  CsvLoadOptions,
  ExecuteResult,
  Relation,
  RelationInfo,
  Row,
  StreamOptions,
  Warehouse,
} from "../types.ts";
import { duckdbDialect } from "./dialect.ts";
import { columnFixes, fixRows } from "./values.ts";

export interface DuckdbOptions {
  /** Database file; `:memory:` for an in-process throwaway database. */
  path: string;
  schema: string;
  /** Connections opened at most (one per concurrently running model). */
  connections: number;
  duckdbThreads?: number;
  memoryLimit?: string;
  /**
   * DuckDB's memory limit while syncs run (`constrainMemory`). Default: `SYNC_MEMORY_LIMIT` for a
   * database file when `memoryLimit` is not set; none for `:memory:` (it cannot spill to disk).
   */
  syncMemoryLimit?: string;
}

/**
 * DuckDB's memory limit while syncs run, unless the target sets one. A sync needs little of it:
 * its plan is one join of the model with the snapshot, and it reads and writes small pages. The
 * default limit (80% of the machine's memory) let a 1M-row plan keep ~400 MB of buffers in the
 * process, next to the rows being sent; under this limit DuckDB spills to its temporary
 * directory instead, and the plan takes a little longer (see the README's benchmarks).
 */
export const SYNC_MEMORY_LIMIT = "64MB";

const MEMORY_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** A DuckDB memory size ("64MB", "1.5 GiB") in bytes; undefined when it is not one. */
export function memoryBytes(size: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
  const unit = MEMORY_UNITS[(m?.[2] || "b").toLowerCase()];
  return m && unit ? Number(m[1]) * unit : undefined;
}

const capabilities: Capabilities = {
  transactionalDdl: true,
  merge: true,
  schemas: true,
  enforcedKeys: true,
};

/** Rewrites DuckDB's error text into one readable message. */
function wrap(error: unknown, sql: string): WarehouseError {
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
function convert(reader: Readable): Row[] {
  const fixes = columnFixes(reader.columnTypes());
  const rows = reader.getRowObjectsJS() as Row[];
  const exact = fixes.includes("exact") ? (reader.getRowObjectsJson() as Row[]) : undefined;
  return fixRows(rows, reader.columnNames(), fixes, exact);
}

export class DuckdbWarehouse implements Warehouse {
  readonly dialect = duckdbDialect;
  readonly capabilities = capabilities;
  readonly defaultSchema: string;
  private readonly pool: Pool<DuckDBConnection>;
  private readonly syncMemoryLimit: string | undefined;
  /** Active `constrainMemory` holds, in order: the latest one's share of the limit applies. */
  private readonly memoryHolds: { share: number }[] = [];
  /**
   * The statement putting the target's own limit back. `RESET memory_limit` would not do: DuckDB
   * 1.5 resets the setting's value but leaves its buffer pool at the lower limit.
   */
  private memoryRestore: string | undefined;
  /** Work under the sync limit ran out of memory: the target's limit is back until the release. */
  private memoryRelaxed = false;
  /** Connections inside `transaction`: a statement there cannot be run again alone. */
  private readonly inTransaction = new WeakSet<DuckDBConnection>();
  private constructor(
    private readonly instance: DuckDBInstance,
    options: DuckdbOptions,
  ) {
    this.defaultSchema = options.schema;
    this.syncMemoryLimit =
      options.syncMemoryLimit ??
      (options.memoryLimit || options.path === ":memory:" ? undefined : SYNC_MEMORY_LIMIT);
    this.pool = new Pool(
      Math.max(1, options.connections),
      async () => {
        const conn = await instance.connect();
        // Timestamps must not depend on the machine running the job: sessions are in UTC.
        await conn.run("SET TimeZone = 'UTC'");
        return conn;
      },
      (c) => c.closeSync(),
    );
  }

  static async open(options: DuckdbOptions): Promise<DuckdbWarehouse> {
    if (options.path !== ":memory:") mkdirSync(path.dirname(options.path), { recursive: true });
    const config: Record<string, string> = {};
    if (options.duckdbThreads) config.threads = String(options.duckdbThreads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.path, config);
    } catch (error) {
      throw new WarehouseError(
        `cannot open DuckDB database ${options.path}: ${(error as Error).message}`,
        undefined,
        { cause: error },
      );
    }
    return new DuckdbWarehouse(instance, options);
  }

  /**
   * One statement on `conn`, its error wrapped with its SQL; run again under the target's memory
   * limit when it ran out under the sync limit, unless it is part of a transaction (`roomy`).
   */
  private statement<R>(conn: DuckDBConnection, sql: string, work: () => Promise<R>): Promise<R> {
    const attempt = async () => {
      try {
        return await work();
      } catch (error) {
        throw wrap(error, sql);
      }
    };
    return this.inTransaction.has(conn) ? attempt() : this.roomy(attempt);
  }

  private run(conn: DuckDBConnection, sql: string, values?: unknown[]): Promise<ExecuteResult> {
    return this.statement(conn, sql, async () => ({
      rowsAffected: (await conn.run(sql, values as never)).rowsChanged,
    }));
  }

  private rows<T extends Row>(conn: DuckDBConnection, sql: string, values?: unknown[]): Promise<T[]> {
    return this.statement(
      conn,
      sql,
      async () => convert(await conn.runAndReadAll(sql, values as never)) as T[],
    );
  }

  /** Runs `fn` inside a transaction on one connection; rolls back on any error. */
  private transaction<R>(fn: (conn: DuckDBConnection) => Promise<R>): Promise<R> {
    // Out of memory under the sync limit, the whole transaction runs again (see `roomy`).
    return this.roomy(() =>
      this.pool.use(async (conn) => {
        await this.run(conn, "BEGIN TRANSACTION");
        this.inTransaction.add(conn);
        try {
          const result = await fn(conn);
          await this.run(conn, "COMMIT");
          return result;
        } catch (error) {
          await conn.run("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          this.inTransaction.delete(conn);
        }
      }),
    );
  }

  execute(sql: string): Promise<ExecuteResult> {
    return this.pool.use((conn) => this.run(conn, sql));
  }

  /**
   * Runs `work`, and once more under the target's own memory limit when it ran out of memory
   * under the sync limit (`constrainMemory`): the limit is a target, not a reason to fail. A
   * failed statement or transaction left nothing behind, so running it again is safe.
   */
  private async roomy<R>(work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (
        !this.memoryHolds.length ||
        this.memoryRelaxed ||
        !/Out of Memory|failed to pin block/i.test(String(error))
      )
        throw error;
      this.memoryRelaxed = true;
      await this.execute(this.memoryRestore!);
      return await work();
    }
  }

  async appendRows(relation: Relation, rows: AppendValue[][]): Promise<void> {
    if (!rows.length) return;
    await this.roomy(() =>
      this.pool.use(async (conn) => {
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
          throw wrap(error, `-- appending ${rows.length} rows to ${this.dialect.quoteRelation(relation)}`);
        } finally {
          try {
            appender?.closeSync();
          } catch {
            // The flush above already failed and said why.
          }
        }
      }),
    );
  }

  async executeInTransaction(statements: string[]): Promise<void> {
    await this.transaction(async (conn) => {
      for (const sql of statements) await this.run(conn, sql);
    });
  }

  async constrainMemory(share = 1): Promise<() => Promise<void>> {
    const limit = this.syncMemoryLimit;
    if (!limit) return async () => {};
    if (!this.memoryHolds.length) {
      this.memoryRelaxed = false;
      if (!this.memoryRestore) {
        const [row] = await this.query<{ v: string }>("SELECT current_setting('memory_limit') AS v");
        this.memoryRestore = `SET memory_limit = ${this.dialect.literal(row!.v)}`;
      }
    }
    const hold = { share };
    this.memoryHolds.push(hold);
    await this.applyMemoryHolds();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.memoryHolds.splice(this.memoryHolds.indexOf(hold), 1);
      await this.applyMemoryHolds();
    };
  }

  /** DuckDB's limit for the latest hold: its share of the sync limit; the target's own with none. */
  private async applyMemoryHolds(): Promise<void> {
    if (this.memoryRelaxed) {
      if (!this.memoryHolds.length) this.memoryRelaxed = false;
      return;
    }
    const hold = this.memoryHolds.at(-1);
    if (!hold) return void (await this.execute(this.memoryRestore!));
    const limit = this.syncMemoryLimit!;
    const bytes = memoryBytes(limit);
    const value =
      hold.share === 1 || bytes === undefined
        ? limit
        : `${Math.max(1, Math.floor((bytes * hold.share) / 1024))}KiB`;
    await this.execute(`SET memory_limit = ${this.dialect.literal(value)}`);
  }

  query<T extends Row = Row>(sql: string): Promise<T[]> {
    return this.pool.use((conn) => this.rows<T>(conn, sql));
  }

  async *stream<T extends Row = Row>(sql: string, options: StreamOptions = {}): AsyncIterable<T[]> {
    const batchSize = options.batchSize ?? 10_000;
    const conn = await this.pool.acquire();
    try {
      let result: Awaited<ReturnType<DuckDBConnection["stream"]>>;
      try {
        result = await conn.stream(sql);
      } catch (error) {
        throw wrap(error, sql);
      }
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
    } finally {
      this.pool.release(conn);
    }
  }

  async describe(relation: Relation): Promise<RelationInfo | undefined> {
    return this.pool.use(async (conn) => {
      const tables = await this.rows<{ table_type: string }>(
        conn,
        "SELECT table_type FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2",
        [relation.schema, relation.name],
      );
      const kind = tables[0]?.table_type;
      if (!kind) return undefined;
      const columns = await this.rows<{ column_name: string; data_type: string }>(
        conn,
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
        [relation.schema, relation.name],
      );
      return {
        kind: kind === "VIEW" ? "view" : "table",
        columns: columns.map((c) => ({ name: c.column_name, type: c.data_type })),
      };
    });
  }

  async listRelations(schema: string): Promise<string[]> {
    const rows = await this.pool.use((conn) =>
      this.rows<{ table_name: string }>(
        conn,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
        [schema],
      ),
    );
    return rows.map((r) => r.table_name);
  }

  async ensureSchema(schema: string): Promise<void> {
    await this.execute(`CREATE SCHEMA IF NOT EXISTS ${this.dialect.quoteIdentifier(schema)}`);
  }

  async dropRelation(relation: Relation): Promise<void> {
    const info = await this.describe(relation);
    if (!info) return;
    await this.execute(
      `DROP ${info.kind === "view" ? "VIEW" : "TABLE"} ${this.dialect.quoteRelation(relation)}`,
    );
  }

  async createView(relation: Relation, selectSql: string): Promise<void> {
    const existing = await this.describe(relation);
    const q = this.dialect.quoteRelation(relation);
    await this.transaction(async (conn) => {
      if (existing?.kind === "table") await this.run(conn, `DROP TABLE ${q}`);
      await this.run(conn, `CREATE OR REPLACE VIEW ${q} AS\n${selectSql}`);
    });
  }

  async replaceTable(relation: Relation, selectSql: string): Promise<{ rows: number }> {
    const existing = await this.describe(relation);
    // A unique temporary name: two runs rebuilding the same table must not collide.
    const temp = { ...relation, name: `${relation.name}__cdp_tmp_${randomBytes(4).toString("hex")}` };
    const q = this.dialect.quoteRelation(relation);
    const qt = this.dialect.quoteRelation(temp);
    // One transaction: build under the temporary name, drop the old, rename. DuckDB's DDL is
    // transactional, so a failing query or a crash leaves the previous table as it was.
    return this.transaction(async (conn) => {
      await this.run(conn, `CREATE TABLE ${qt} AS\n${selectSql}`);
      // rowsChanged is not reported for CREATE TABLE AS inside a transaction; a count is cheap here.
      const counted = await this.rows<{ n: number }>(conn, `SELECT COUNT(*) AS n FROM ${qt}`);
      if (existing) await this.run(conn, `DROP ${existing.kind === "view" ? "VIEW" : "TABLE"} ${q}`);
      await this.run(conn, `ALTER TABLE ${qt} RENAME TO ${this.dialect.quoteIdentifier(relation.name)}`);
      return { rows: Number(counted[0]?.n ?? 0) };
    });
  }

  async insertInto(target: Relation, source: Relation, columns: string[]): Promise<{ rows: number }> {
    const cols = columns.map((c) => this.dialect.quoteIdentifier(c)).join(", ");
    const result = await this.transaction((conn) =>
      this.run(
        conn,
        `INSERT INTO ${this.dialect.quoteRelation(target)} (${cols}) SELECT ${cols} FROM ${this.dialect.quoteRelation(source)}`,
      ),
    );
    return { rows: result.rowsAffected ?? 0 };
  }

  async mergeInto(
    target: Relation,
    source: Relation,
    uniqueKey: string[],
    columns: string[],
  ): Promise<{ inserted: number; updated: number }> {
    const q = (c: string) => this.dialect.quoteIdentifier(c);
    const t = this.dialect.quoteRelation(target);
    const s = this.dialect.quoteRelation(source);
    const match = uniqueKey.map((k) => `s.${q(k)} = t.${q(k)}`).join(" AND ");
    const cols = columns.map(q).join(", ");
    // Delete-then-insert in one transaction: portable, and exact about what was replaced.
    return this.transaction(async (conn) => {
      const deleted = await this.run(
        conn,
        `DELETE FROM ${t} AS t WHERE EXISTS (SELECT 1 FROM ${s} AS s WHERE ${match})`,
      );
      const inserted = await this.run(conn, `INSERT INTO ${t} (${cols}) SELECT ${cols} FROM ${s}`);
      const updated = deleted.rowsAffected ?? 0;
      return { inserted: (inserted.rowsAffected ?? 0) - updated, updated };
    });
  }

  async addColumns(relation: Relation, columns: Column[]): Promise<void> {
    const t = this.dialect.quoteRelation(relation);
    await this.transaction(async (conn) => {
      for (const c of columns) {
        await this.run(conn, `ALTER TABLE ${t} ADD COLUMN ${this.dialect.quoteIdentifier(c.name)} ${c.type}`);
      }
    });
  }

  loadCsv(relation: Relation, file: string, options: CsvLoadOptions): Promise<{ rows: number }> {
    const l = this.dialect.literal;
    const args = [l(file), "header = true", "sample_size = -1"];
    if (options.delimiter) args.push(`delim = ${l(options.delimiter)}`);
    if (options.columnTypes && Object.keys(options.columnTypes).length) {
      const types = Object.entries(options.columnTypes).map(([k, v]) => `${l(k)}: ${l(v)}`);
      args.push(`types = {${types.join(", ")}}`);
    }
    return this.replaceTable(relation, `SELECT * FROM read_csv(${args.join(", ")})`);
  }

  async close(): Promise<void> {
    await this.pool.close();
    this.instance.closeSync();
  }
}
