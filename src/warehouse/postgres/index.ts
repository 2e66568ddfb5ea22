import Cursor from "pg-cursor";
import { WarehouseError } from "../../errors.ts";
import { redactor } from "../../redactor.ts";
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
import type { PostgresTargetConfig } from "./config.ts";
import {
  type ConnectionSettings,
  connectionError,
  describeSettings,
  openPool,
  type PgClient,
  type PgPool,
  resolveSettings,
} from "./connection.ts";
import { CopyFrom } from "./copy.ts";
import { csvChunks } from "./csv.ts";
import {
  addColumnSql,
  createSchemaSql,
  createTableAsSql,
  createViewSql,
  insertSelectSql,
  mergeDeleteSql,
} from "./ddl.ts";
import { postgresDialect } from "./dialect.ts";
import { type ErrorContext, ensureFuzzystrmatch, errorCode, toWarehouseError } from "./errors.ts";
import { loadCsvIn, seedColumns } from "./load.ts";
import { clip, last, Session, scratch } from "./session.ts";
import { dropSql, replaceWith } from "./swap.ts";

export interface PostgresOptions {
  target: PostgresTargetConfig;
  /** The target's name in `cdp.config.ts`, for messages. */
  targetName: string;
  /** Connections kept open at most. */
  poolSize: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * PostgreSQL through a knex pool of pg clients. Multi-statement operations run in one transaction
 * on one client; PostgreSQL's DDL is transactional, so a failure leaves everything as it was.
 *
 * @example
 * const wh = await PostgresWarehouse.open({ target, targetName: "pg", poolSize: 4 });
 * await wh.replaceTable({ schema: "demo", name: "orders" }, "SELECT 1 AS id");
 */
export class PostgresWarehouse implements Warehouse {
  readonly dialect = postgresDialect;
  readonly capabilities: Capabilities;
  readonly defaultSchema: string;

  private constructor(
    private readonly pool: PgPool,
    private readonly settings: ConnectionSettings,
    private readonly errors: ErrorContext,
    serverVersion: number,
    schema: string,
  ) {
    this.defaultSchema = schema;
    this.capabilities = {
      transactionalDdl: true,
      merge: serverVersion >= 150000,
      schemas: true,
      enforcedKeys: true,
      pagedReads: false,
    };
  }

  /**
   * Opens the pool and checks the connection at once, so a wrong host, port, password or database
   * fails here with one line naming the target, not later inside the first model.
   */
  static async open(options: PostgresOptions): Promise<PostgresWarehouse> {
    const env = options.env ?? process.env;
    for (const secret of [options.target.password, options.target.connectionString, env.PGPASSWORD]) {
      redactor.add(secret);
    }
    if (env.DATABASE_URL && !options.target.connectionString) redactor.add(env.DATABASE_URL);
    const settings = resolveSettings(options.target, env);
    redactor.add(settings.password);
    const pool = await openPool(settings, Math.max(1, options.poolSize));
    let client: PgClient | undefined;
    try {
      client = await pool.acquire();
      const version = last(await client.query("SELECT current_setting('server_version_num') AS v"));
      const fuzzyProblem = await ensureFuzzystrmatch(client);
      pool.release(client);
      const errors = { database: settings.database ?? settings.user ?? "(default)", fuzzyProblem };
      const serverVersion = Number(version.rows[0]?.v ?? 0);
      return new PostgresWarehouse(pool, settings, errors, serverVersion, options.target.schema);
    } catch (error) {
      if (client) pool.release(client);
      await pool.destroy().catch(() => undefined);
      throw connectionError(options.targetName, settings, error);
    }
  }

  /** A pooled client; a new connection failing mid-run (server gone) is one readable error. */
  private async acquire(): Promise<PgClient> {
    try {
      return await this.pool.acquire();
    } catch (error) {
      throw new WarehouseError(
        `lost the connection to Postgres (${describeSettings(this.settings)}): ${(error as Error).message}`,
        undefined,
        { cause: error },
      );
    }
  }

  private async session<R>(fn: (session: Session) => Promise<R>): Promise<R> {
    const client = await this.acquire();
    try {
      return await fn(new Session(client, (e, sql) => toWarehouseError(e, sql, this.errors)));
    } finally {
      this.pool.release(client);
    }
  }

  /** Runs `fn` in one transaction on one connection; rolls back on any error. */
  private transaction<R>(fn: (session: Session) => Promise<R>): Promise<R> {
    return this.session(async (session) => {
      await session.run("BEGIN");
      try {
        const result = await fn(session);
        await session.run("COMMIT");
        return result;
      } catch (error) {
        await session.client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });
  }

  execute(sql: string): Promise<ExecuteResult> {
    return this.session(async (s) => ({ rowsAffected: (await s.run(sql)).rowCount ?? undefined }));
  }

  query<T extends Row = Row>(sql: string): Promise<T[]> {
    return this.session((s) => s.rows<T>(sql));
  }

  /** A server-side cursor on one pooled connection, read `batchSize` rows at a time. */
  async *stream<T extends Row = Row>(sql: string, options: StreamOptions = {}): AsyncIterable<T[]> {
    const batchSize = options.batchSize ?? 10_000;
    const client = await this.acquire();
    const cursor = client.query(new Cursor(sql, undefined, { types: this.pool.parsers as never }));
    let failed = false;
    try {
      for (;;) {
        let rows: T[];
        try {
          rows = (await cursor.read(batchSize)) as T[];
        } catch (error) {
          failed = true;
          throw toWarehouseError(error, sql, this.errors);
        }
        if (!rows.length) break;
        yield rows;
      }
    } finally {
      // After an error pg-cursor has already asked the server to end the query.
      if (failed) void cursor.close().catch(() => undefined);
      else await cursor.close().catch(() => undefined);
      this.pool.release(client);
    }
  }

  /**
   * Read from pg_catalog rather than information_schema: its type names keep their modifiers
   * (`numeric(12,2)`, `text[]`, not `numeric` and `ARRAY`) so `addColumns` can reuse them, and it
   * lists every relation, not only those the user has privileges on.
   */
  describe(relation: Relation): Promise<RelationInfo | undefined> {
    return this.session(async (s) => {
      const rows = await s.rows<{ kind: string; name: string | null; type: string | null }>(
        `SELECT c.relkind AS kind, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
         ORDER BY a.attnum`,
        [clip(relation.schema), clip(relation.name)],
      );
      if (!rows.length) return undefined;
      return {
        kind: rows[0]!.kind === "v" ? "view" : "table",
        columns: rows.filter((r) => r.name !== null).map((r) => ({ name: r.name!, type: r.type! })),
      };
    });
  }

  /**
   * Each relation's oid (a rebuilt table swapped in has a new one) and its rows inserted, updated
   * and deleted so far (`pg_stat_user_tables`, which the server updates within a second or so of a
   * commit): no data is read.
   */
  changeStamp(relations: Relation[]): Promise<string> {
    if (!relations.length) return Promise.resolve("");
    return this.session(async (s) => {
      const rows = await s.rows<{ stamp: string | null }>(
        `SELECT string_agg(n.nspname || '.' || c.relname || '@' || c.oid::text || ':' ||
                 COALESCE(st.n_tup_ins + st.n_tup_upd + st.n_tup_del, 0)::text, ',' ORDER BY n.nspname, c.relname) AS stamp
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_stat_user_tables st ON st.relid = c.oid
         WHERE (n.nspname, c.relname) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [relations.map((r) => clip(r.schema)), relations.map((r) => clip(r.name))],
      );
      return rows[0]?.stamp ?? "";
    });
  }

  async listRelations(schema: string): Promise<string[]> {
    const rows = await this.session((s) =>
      s.rows<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname`,
        [clip(schema)],
      ),
    );
    return rows.map((r) => r.name);
  }

  async ensureSchema(schema: string): Promise<void> {
    try {
      await this.execute(createSchemaSql(schema));
    } catch (error) {
      // Two sessions creating the same schema at once: one of them loses the race, and that is fine.
      if (errorCode((error as WarehouseError).cause) !== "23505") throw error;
    }
  }

  async dropRelation(relation: Relation): Promise<void> {
    await this.session(async (s) => {
      const existing = await s.lookup(relation);
      if (existing) await s.run(dropSql(existing.kind, relation));
    });
  }

  /**
   * Drop and create rather than `CREATE OR REPLACE VIEW`, which PostgreSQL refuses when a column
   * is removed, renamed or changes type. A failing query leaves the previous view.
   */
  async createView(relation: Relation, selectSql: string): Promise<void> {
    await this.transaction((s) => replaceWith(s, relation, () => s.run(createViewSql(relation, selectSql))));
  }

  /** Built under a scratch name, then swapped in place of the old relation (see swap.ts). */
  replaceTable(relation: Relation, selectSql: string): Promise<{ rows: number }> {
    const temp = scratch(relation, "tmp");
    return this.transaction(async (s) => {
      const created = await s.run(createTableAsSql(temp, selectSql));
      await s.analyze(temp);
      await replaceWith(s, relation, () => s.rename(temp, relation));
      return { rows: created.rowCount ?? 0 };
    });
  }

  async insertInto(target: Relation, source: Relation, columns: string[]): Promise<{ rows: number }> {
    const result = await this.session((session) => session.run(insertSelectSql(target, source, columns)));
    return { rows: result.rowCount ?? 0 };
  }

  /**
   * DELETE then INSERT in one transaction, rather than `INSERT ... ON CONFLICT` (it needs a unique
   * index, which cdp does not create) or `MERGE` (PostgreSQL 15+, and it reports one total: telling
   * inserts from updates needs `RETURNING merge_action()`, PostgreSQL 17+). This works on every
   * supported version, behaves like the other dialects, and counts exactly: the keys deleted are
   * the source rows that replaced existing ones.
   */
  mergeInto(
    target: Relation,
    source: Relation,
    uniqueKey: string[],
    columns: string[],
  ): Promise<{ inserted: number; updated: number }> {
    return this.transaction(async (session) => {
      const [deleted] = await session.rows<{ n: number }>(mergeDeleteSql(target, source, uniqueKey));
      const inserted = await session.run(insertSelectSql(target, source, columns));
      const updated = deleted?.n ?? 0;
      return { inserted: (inserted.rowCount ?? 0) - updated, updated };
    });
  }

  async addColumns(relation: Relation, columns: Column[]): Promise<void> {
    await this.transaction(async (s) => {
      for (const c of columns) await s.run(addColumnSql(relation, c));
    });
  }

  /** `COPY ... FROM STDIN`, types detected like DuckDB's reader, swapped in: one transaction. */
  async loadCsv(relation: Relation, file: string, options: CsvLoadOptions): Promise<{ rows: number }> {
    const columns = await seedColumns(file, options);
    const rows = await this.transaction((s) => loadCsvIn(s, relation, file, columns, options));
    return { rows };
  }

  /** `COPY ... FROM STDIN` (CSV, sent in chunks): the bulk path, with no SQL text per row. */
  async appendRows(relation: Relation, rows: AppendValue[][]): Promise<void> {
    if (!rows.length) return;
    const sql = `COPY ${this.dialect.quoteRelation(relation)} FROM STDIN WITH (FORMAT csv)`;
    await this.session(async (s) => {
      try {
        await s.client.query(new CopyFrom(sql, csvChunks(rows))).done;
      } catch (error) {
        throw s.wrap(error, sql);
      }
    });
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
