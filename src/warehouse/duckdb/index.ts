import { randomBytes } from "node:crypto";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { readCsvHeader } from "../csv-format.ts";
import { Pool } from "../pool.ts";
import type {
  AppendValue,
  Capabilities,
  Column,
  CsvLoadOptions,
  ExecuteResult,
  Relation,
  RelationInfo,
  ReplaceOptions,
  Row,
  StreamOptions,
  Warehouse,
} from "../types.ts";
import { appendTo, convert, openInstance, readBatches, wrap } from "./connection.ts";
import {
  addColumnSql,
  createSchemaSql,
  createTableAsSql,
  createTableSql,
  createViewSql,
  dropSql,
  insertQuerySql,
  insertSelectSql,
  mergeDeleteSql,
  renameSql,
} from "./ddl.ts";
import { duckdbDialect } from "./dialect.ts";
import { duckdbCsvError, strictCheckSql, typedReadSql } from "./load.ts";
import { MemoryHolds, SYNC_MEMORY_LIMIT } from "./memory.ts";
import { hasReaders, publishSnapshot } from "./snapshot.ts";

export { memoryBytes, SYNC_MEMORY_LIMIT } from "./memory.ts";

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
  /** Open the file read-only (a snapshot a server reads): no writes, no snapshot published on close. */
  readOnly?: boolean;
}

/** The in-memory catalog work tables are kept in (see `workSpace`). */
const WORK_CATALOG = "cdp_work";

const capabilities: Capabilities = {
  transactionalDdl: true,
  merge: true,
  schemas: true,
  enforcedKeys: true,
  pagedReads: true,
};

/**
 * The rows of DuckDB's catalog functions (`duckdb_tables()`, `duckdb_views()`, `duckdb_columns()`)
 * in one schema; without a database, the file's, not a same-named schema of the work catalog.
 */
function inSchemaSql(schema: string, database?: string): string {
  const lit = duckdbDialect.literal;
  return `database_name = ${database ? lit(database) : "current_database()"} AND schema_name = ${lit(schema)}`;
}

export class DuckdbWarehouse implements Warehouse {
  readonly dialect = duckdbDialect;
  readonly capabilities = capabilities;
  readonly defaultSchema: string;
  private readonly pool: Pool<DuckDBConnection>;
  private readonly memory: MemoryHolds;
  /** Connections inside `transaction`: a statement there cannot be run again alone. */
  private readonly inTransaction = new WeakSet<DuckDBConnection>();
  /** The work catalog's ATTACH (see `workSpace`), once. */
  private attached: Promise<void> | undefined;
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly options: DuckdbOptions,
  ) {
    this.defaultSchema = options.schema;
    this.memory = new MemoryHolds(
      options.syncMemoryLimit ??
        (options.memoryLimit || options.path === ":memory:" ? undefined : SYNC_MEMORY_LIMIT),
      this,
    );
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
    return new DuckdbWarehouse(await openInstance(options), options);
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

  /**
   * The rows a CREATE TABLE AS wrote, from its result (one row, column `Count`): `rowsChanged` is
   * not reported for it, and a COUNT(*) after it would be a statement more.
   */
  private async createdRows(conn: DuckDBConnection, sql: string): Promise<number> {
    const [created] = await this.rows<{ Count: number | bigint }>(conn, sql);
    return Number(created?.Count ?? 0);
  }

  /**
   * A table of `selectSql`'s rows whose `distinct` string columns are written with FSST alone:
   * DuckDB otherwise tries a dictionary on each column as it writes, which on millions of
   * distinct strings costs more than the compression itself (the stitch's output at 1M people,
   * 4.2M rows: ~0.85 s against ~1.35 s, and a smaller file, as each column keeps the method the
   * trial would have picked for it). The columns' types are the query's, read by DESCRIBE.
   */
  private async createdCompressed(
    conn: DuckDBConnection,
    relation: Relation,
    selectSql: string,
    distinct: Set<string>,
  ): Promise<number> {
    const columns = await this.rows<{ column_name: string; column_type: string }>(
      conn,
      `DESCRIBE ${selectSql}`,
    );
    await this.run(
      conn,
      createTableSql(
        relation,
        columns.map((c) => ({
          name: c.column_name,
          type: c.column_type,
          compression: distinct.has(c.column_name) && c.column_type === "VARCHAR" ? "fsst" : undefined,
        })),
      ),
    );
    return (await this.run(conn, insertQuerySql(relation, selectSql))).rowsAffected ?? 0;
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
      if (!(await this.memory.relaxAfter(error))) throw error;
      return await work();
    }
  }

  async appendRows(relation: Relation, rows: AppendValue[][]): Promise<void> {
    if (!rows.length) return;
    await this.roomy(() => this.pool.use((conn) => appendTo(conn, relation, rows)));
  }

  async executeInTransaction(statements: string[]): Promise<void> {
    await this.transaction(async (conn) => {
      for (const sql of statements) await this.run(conn, sql);
    });
  }

  constrainMemory(share = 1): Promise<() => Promise<void>> {
    return this.memory.constrain(share);
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
      yield* readBatches<T>(result, batchSize);
    } finally {
      this.pool.release(conn);
    }
  }

  async describe(relation: Relation): Promise<RelationInfo | undefined> {
    // DuckDB's own catalog, then DESCRIBE of the one relation: `information_schema` is a set of
    // views whose planning cost most of a lookup (~4.2 ms for a table against ~1.9, and a run
    // makes dozens). Literals rather than parameters: preparing the statement cost another millisecond.
    const at = (column: string) =>
      `${inSchemaSql(relation.schema, relation.database)} AND ${column} = ${this.dialect.literal(relation.name)}`;
    return this.pool.use(async (conn) => {
      const [found] = await this.rows<{ kind: string }>(
        conn,
        `SELECT 'table' AS kind FROM duckdb_tables() WHERE ${at("table_name")}
         UNION ALL SELECT 'view' FROM duckdb_views() WHERE ${at("view_name")}`,
      );
      if (!found) return undefined;
      // A view whose relations are gone does not bind: its columns as the catalog kept them.
      const columns = await this.rows<{ column_name: string; column_type: string }>(
        conn,
        `DESCRIBE ${this.dialect.quoteRelation(relation)}`,
      ).catch(() =>
        this.rows<{ column_name: string; column_type: string }>(
          conn,
          `SELECT column_name, data_type AS column_type FROM duckdb_columns() WHERE ${at("table_name")} ORDER BY column_index`,
        ),
      );
      return {
        kind: found.kind === "view" ? "view" : "table",
        columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })),
      };
    });
  }

  async listRelations(schema: string): Promise<string[]> {
    // The catalog functions, as `describe` reads them.
    const inSchema = inSchemaSql(schema);
    const rows = await this.pool.use((conn) =>
      this.rows<{ table_name: string }>(
        conn,
        `SELECT table_name FROM duckdb_tables() WHERE ${inSchema}
         UNION ALL SELECT view_name FROM duckdb_views() WHERE ${inSchema} ORDER BY table_name`,
      ),
    );
    return rows.map((r) => r.table_name);
  }

  /**
   * An in-memory catalog, attached once: a work table there is not compressed and written to the
   * database file, which cost a stitch of 1M people about 40% of its CPU time; beyond the memory
   * limit DuckDB spills it to its temporary directory. It goes with the process, so a killed
   * run leaves nothing there.
   */
  workSpace(): Promise<{ database: string; schema: string }> {
    this.attached ??= this.execute(
      `ATTACH IF NOT EXISTS ':memory:' AS ${this.dialect.quoteIdentifier(WORK_CATALOG)}`,
    )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.attached = undefined;
        throw error;
      });
    return this.attached.then(() => ({ database: WORK_CATALOG, schema: "main" }));
  }

  async ensureSchema(schema: string): Promise<void> {
    await this.execute(createSchemaSql(schema));
  }

  async dropRelation(relation: Relation): Promise<void> {
    // A work table is dropped without a lookup first: there the lookup costs more than the drop, and
    // a run makes dozens. A view kept there (none of ours is) fails the statement: the usual way then.
    if (relation.database === WORK_CATALOG) {
      const dropped = await this.execute(`DROP TABLE IF EXISTS ${this.dialect.quoteRelation(relation)}`).then(
        () => true,
        () => false,
      );
      if (dropped) return;
    }
    const info = await this.describe(relation);
    if (!info) return;
    await this.execute(dropSql(info.kind, relation));
  }

  async createView(relation: Relation, selectSql: string): Promise<void> {
    const existing = await this.describe(relation);
    await this.transaction(async (conn) => {
      if (existing?.kind === "table") await this.run(conn, dropSql("table", relation));
      await this.run(conn, createViewSql(relation, selectSql));
    });
  }

  async replaceTable(
    relation: Relation,
    selectSql: string,
    options?: ReplaceOptions,
  ): Promise<{ rows: number }> {
    if (relation.database === WORK_CATALOG) {
      // A work table (see `workSpace`): in memory, under a name only one run uses, read by that run
      // alone, so one CREATE OR REPLACE (atomic on its own) does what the lookup and the
      // build-aside-and-rename below do for a published table, in one statement instead of eight.
      const qr = this.dialect.quoteRelation(relation);
      return {
        rows: await this.pool.use((conn) =>
          this.createdRows(conn, `CREATE OR REPLACE TABLE ${qr} AS\n${selectSql}`),
        ),
      };
    }
    const existing = await this.describe(relation);
    // A unique temporary name: two runs rebuilding the same table must not collide.
    const temp = { ...relation, name: `${relation.name}__cdp_tmp_${randomBytes(4).toString("hex")}` };
    // One transaction: build under the temporary name, drop the old, rename. DuckDB's DDL is
    // transactional, so a failing query or a crash leaves the previous table as it was.
    return this.transaction(async (conn) => {
      const rows = options?.distinctText?.length
        ? await this.createdCompressed(conn, temp, selectSql, new Set(options.distinctText))
        : await this.createdRows(conn, createTableAsSql(temp, selectSql));
      if (existing) await this.run(conn, dropSql(existing.kind, relation));
      await this.run(conn, renameSql(temp, relation.name));
      return { rows };
    });
  }

  async insertInto(target: Relation, source: Relation, columns: string[]): Promise<{ rows: number }> {
    const result = await this.transaction((conn) => this.run(conn, insertSelectSql(target, source, columns)));
    return { rows: result.rowsAffected ?? 0 };
  }

  async mergeInto(
    target: Relation,
    source: Relation,
    uniqueKey: string[],
    columns: string[],
  ): Promise<{ inserted: number; updated: number }> {
    // Delete-then-insert in one transaction: portable, and exact about what was replaced.
    return this.transaction(async (conn) => {
      const deleted = await this.run(conn, mergeDeleteSql(target, source, uniqueKey));
      const inserted = await this.run(conn, insertSelectSql(target, source, columns));
      const updated = deleted.rowsAffected ?? 0;
      return { inserted: (inserted.rowsAffected ?? 0) - updated, updated };
    });
  }

  async addColumns(relation: Relation, columns: Column[]): Promise<void> {
    await this.transaction(async (conn) => {
      for (const c of columns) await this.run(conn, addColumnSql(relation, c));
    });
  }

  async loadCsv(relation: Relation, file: string, options: CsvLoadOptions): Promise<{ rows: number }> {
    const columns = await readCsvHeader(file, options.delimiter ?? ",");
    try {
      await this.query(strictCheckSql(file, columns, options));
    } catch (error) {
      throw duckdbCsvError(error, columns) ?? error;
    }
    return this.replaceTable(relation, typedReadSql(file, columns, options));
  }

  async close(): Promise<void> {
    const { path: file, readOnly } = this.options;
    if (file !== ":memory:" && !readOnly && hasReaders(file)) {
      // A server (`cdp serve`) reads this file through snapshots: publish one now, while this
      // process still holds the file's lock. A failure leaves the server on its older snapshot
      // rather than failing a run whose work is done.
      try {
        await this.execute("CHECKPOINT");
        publishSnapshot(file);
      } catch {}
    }
    await this.pool.close();
    this.instance.closeSync();
  }
}
