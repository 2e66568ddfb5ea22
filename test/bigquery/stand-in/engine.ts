import {
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBScalarFunction,
  type DuckDBType,
  DuckDBTypeId,
} from "@duckdb/node-api";
import { ApiFailure, type ErrorProto, invalid, notFound } from "./errors.ts";
import { checkColumns, checkDataset, checkTable } from "./names.ts";
import { SqlSyntaxError } from "./tokens.ts";
import {
  type FunctionDefinition,
  type RelationRef,
  type StatementType,
  type Translation,
  translate,
  typeName,
  udfName,
} from "./translate.ts";
import { editDistanceFunction, javascriptFunction } from "./udf.ts";
import { type Field, fieldFor, wireRows } from "./wire.ts";

/**
 * The stand-in's warehouse: datasets are DuckDB schemas, jobs run translated SQL on one DuckDB
 * connection, one at a time, each statement in a transaction. A query's result is kept in a
 * table of the hidden `_standin` schema and read page by page, as BigQuery keeps results in an
 * anonymous table.
 */

export interface JobRecord {
  index: number;
  jobId: string;
  location: string;
  type: "QUERY" | "LOAD";
  configuration: Record<string, unknown>;
  labels: Record<string, string>;
  /** The SQL of a query job. */
  sql?: string;
  created: number;
  ended?: number;
  failure?: ErrorProto;
  statementType?: StatementType;
  /** Where a SELECT's rows are, and their schema. */
  result?: { table: string; fields: Field[]; totalRows: number };
  dml?: { inserted: number; updated: number; deleted: number };
  ddl?: { operation: string; target: RelationRef };
  loadRows?: number;
  bytes: number;
  /** Polls (jobs.get, getQueryResults) that still answer "running". */
  pollsLeft: number;
}

interface Dataset {
  location: string;
  created: number;
  /** The dataset's `defaultCollation` (datasets resource), which tables created in it take. */
  defaultCollation?: string;
}

/** BigQuery bills at least 10 MB for a query that reads a table. */
const MIN_BILLED = 10 * 1024 * 1024;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const rel = (r: RelationRef) => `${q(r.dataset)}.${q(r.table)}`;

/** The first line of a DuckDB error, without its "LINE 1:" excerpt. */
const duckMessage = (error: unknown) =>
  String((error as Error).message ?? error)
    .split("\n")[0]!
    .trim();

export class Engine {
  readonly datasets = new Map<string, Dataset>();
  /** A view's BigQuery SQL, for tables.get. */
  private readonly views = new Map<string, string>();
  /** `dataset.table` → when a statement or load last changed it (tables.get `lastModifiedTime`). */
  private readonly modified = new Map<string, number>();
  /** The persistent JavaScript functions, `dataset.name`. */
  private readonly functions = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly project: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async create(project: string): Promise<Engine> {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    await conn.run("SET TimeZone = 'UTC'");
    await conn.run("CREATE SCHEMA _standin");
    conn.registerScalarFunction(DuckDBScalarFunction.create(editDistanceFunction));
    return new Engine(project, instance, conn);
  }

  /** Runs `fn` when every earlier operation is done: one job at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const out = await fn();
      await this.conn.run("COMMIT");
      return out;
    } catch (error) {
      await this.conn.run("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  private async types(sql: string): Promise<{ names: string[]; types: DuckDBType[] }> {
    const reader = await this.conn.runAndReadAll(`SELECT * FROM (${sql}) LIMIT 0`);
    return { names: reader.columnNames(), types: reader.columnTypes() };
  }

  private async count(from: string): Promise<number> {
    const reader = await this.conn.runAndReadAll(`SELECT COUNT(*) FROM ${from}`);
    return Number(reader.getRows()[0]![0]);
  }

  private async tableKind(r: RelationRef): Promise<"TABLE" | "VIEW" | undefined> {
    const reader = await this.conn.runAndReadAll(
      `SELECT table_type FROM information_schema.tables WHERE table_schema = ${lit(r.dataset)} AND table_name = ${lit(r.table)}`,
    );
    const type = reader.getRows()[0]?.[0];
    return type === undefined ? undefined : type === "VIEW" ? "VIEW" : "TABLE";
  }

  // Datasets.

  createDataset(id: string, location: string, defaultCollation?: string): Promise<Dataset> {
    return this.exclusive(async () => {
      checkDataset(id);
      if (this.datasets.has(id))
        throw ApiFailure.of("duplicate", `Already Exists: Dataset ${this.project}:${id}`);
      await this.conn.run(`CREATE SCHEMA ${q(id)}`);
      const dataset = { location, created: Date.now(), ...(defaultCollation ? { defaultCollation } : {}) };
      this.datasets.set(id, dataset);
      return dataset;
    });
  }

  dataset(id: string): Dataset {
    const dataset = this.datasets.get(id);
    if (!dataset) throw notFound(`Dataset ${this.project}:${id}`);
    return dataset;
  }

  deleteDataset(id: string, contents: boolean): Promise<void> {
    return this.exclusive(async () => {
      this.dataset(id);
      const tables = await this.conn.runAndReadAll(
        `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ${lit(id)}`,
      );
      if (!contents && Number(tables.getRows()[0]![0]) > 0) {
        throw ApiFailure.of("resourceInUse", `Dataset ${this.project}:${id} is still in use`);
      }
      await this.conn.run(`DROP SCHEMA ${q(id)} CASCADE`);
      this.datasets.delete(id);
    });
  }

  // Tables.

  table(r: RelationRef) {
    return this.exclusive(async () => {
      const dataset = this.dataset(r.dataset);
      const kind = await this.tableKind(r);
      if (!kind) throw notFound(`Table ${this.project}:${r.dataset}.${r.table}`);
      const { names, types } = await this.types(`SELECT * FROM ${rel(r)}`);
      const fields = names.map((n, i) => fieldFor(n, types[i]!, true));
      const rows = kind === "TABLE" ? await this.count(rel(r)) : undefined;
      return {
        kind,
        fields,
        rows,
        modified: this.modified.get(`${r.dataset}.${r.table}`),
        location: dataset.location,
        view: this.views.get(`${r.dataset}.${r.table}`),
      };
    });
  }

  listTables(dataset: string): Promise<{ name: string; kind: "TABLE" | "VIEW" }[]> {
    return this.exclusive(async () => {
      this.dataset(dataset);
      const reader = await this.conn.runAndReadAll(
        `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ${lit(dataset)} ORDER BY table_name`,
      );
      return reader.getRows().map(([name, type]) => ({
        name: String(name),
        kind: type === "VIEW" ? ("VIEW" as const) : ("TABLE" as const),
      }));
    });
  }

  deleteTable(r: RelationRef): Promise<void> {
    return this.exclusive(async () => {
      this.dataset(r.dataset);
      const kind = await this.tableKind(r);
      if (!kind) throw notFound(`Table ${this.project}:${r.dataset}.${r.table}`);
      await this.conn.run(`DROP ${kind === "VIEW" ? "VIEW" : "TABLE"} ${rel(r)}`);
      this.views.delete(`${r.dataset}.${r.table}`);
    });
  }

  // Query jobs.

  /** Checks names, locations and the byte cap; returns the bytes the query reads. */
  private async plan(tr: Translation, location: string, maxBytes?: number): Promise<number> {
    const creates =
      tr.type === "CREATE_TABLE" || tr.type === "CREATE_TABLE_AS_SELECT" || tr.type === "CREATE_VIEW";
    let bytes = 0;
    for (const r of tr.relations) {
      const dataset = this.datasets.get(r.dataset);
      if (!dataset || dataset.location.toUpperCase() !== location.toUpperCase()) {
        throw notFound(`Dataset ${this.project}:${r.dataset} was not found in location ${location}`);
      }
      const isTarget = tr.target?.dataset === r.dataset && tr.target?.table === r.table;
      if (isTarget && creates) continue;
      const kind = await this.tableKind(r);
      if (!kind) {
        if (isTarget && /^DROP/.test(tr.type)) continue;
        throw notFound(`Table ${this.project}:${r.dataset}.${r.table} was not found in location ${location}`);
      }
      const { names } = await this.types(`SELECT * FROM ${rel(r)}`);
      bytes += (await this.count(rel(r))) * names.length * 8;
    }
    if (creates && tr.target) checkTable(tr.target.table);
    const billed = bytes > 0 ? Math.max(bytes, MIN_BILLED) : 0;
    if (maxBytes !== undefined && billed > maxBytes) {
      throw ApiFailure.of(
        "bytesBilledLimitExceeded",
        `Query exceeded limit for bytes billed: ${maxBytes}. ${billed} or higher required.`,
      );
    }
    return bytes;
  }

  private translate(sql: string): Translation {
    try {
      return translate(sql, this.project);
    } catch (error) {
      if (error instanceof SqlSyntaxError) throw ApiFailure.of("invalidQuery", error.message);
      throw error;
    }
  }

  /** A dry run: the checks without running anything. */
  dryRun(sql: string, location: string): Promise<{ bytes: number; type: StatementType }> {
    return this.exclusive(async () => {
      const tr = this.translate(sql);
      return { bytes: await this.plan(tr, location), type: tr.type };
    });
  }

  /** INT64 is BigQuery's only integer and FLOAT64 its only float: stored tables use those. */
  private async widen(r: RelationRef): Promise<void> {
    const { names, types } = await this.types(`SELECT * FROM ${rel(r)}`);
    for (let i = 0; i < names.length; i++) {
      const id = types[i]!.typeId;
      const to =
        id === DuckDBTypeId.FLOAT
          ? "DOUBLE"
          : [
                DuckDBTypeId.TINYINT,
                DuckDBTypeId.SMALLINT,
                DuckDBTypeId.INTEGER,
                DuckDBTypeId.HUGEINT,
              ].includes(id)
            ? "BIGINT"
            : undefined;
      if (to) await this.conn.run(`ALTER TABLE ${rel(r)} ALTER COLUMN ${q(names[i]!)} TYPE ${to}`);
    }
  }

  /**
   * CREATE FUNCTION: the JavaScript runs in this process (BigQuery runs it in V8 too), called by
   * DuckDB once per row, NULLs passed as null like BigQuery does.
   */
  private async createFunction(job: JobRecord, udf: FunctionDefinition): Promise<void> {
    const dataset = this.datasets.get(udf.dataset);
    if (!dataset || dataset.location.toUpperCase() !== job.location.toUpperCase()) {
      throw notFound(`Dataset ${this.project}:${udf.dataset} was not found in location ${job.location}`);
    }
    const key = `${udf.dataset}.${udf.name}`;
    const target = { dataset: udf.dataset, table: udf.name };
    if (this.functions.has(key) && !udf.orReplace) {
      if (udf.ifNotExists) {
        job.ddl = { operation: "SKIP", target };
        return;
      }
      throw ApiFailure.of("duplicate", `Already Exists: Function ${this.project}:${key}`);
    }
    const fn = javascriptFunction(udf);
    this.conn.registerScalarFunction(
      DuckDBScalarFunction.create({
        name: udfName(udf.dataset, udf.name),
        ...fn,
      }),
    );
    job.ddl = { operation: this.functions.has(key) ? "REPLACE" : "CREATE", target };
    this.functions.add(key);
  }

  runQuery(job: JobRecord, maxBytes?: number): Promise<void> {
    return this.exclusive(async () => {
      try {
        const tr = this.translate(job.sql!);
        job.statementType = tr.type;
        job.bytes = await this.plan(tr, job.location, maxBytes);
        await this.transaction(() => this.execute(job, tr));
        if (tr.target) this.modified.set(`${tr.target.dataset}.${tr.target.table}`, Date.now());
      } catch (error) {
        job.failure = this.proto(error, job.location);
      } finally {
        job.ended = Date.now();
      }
    });
  }

  private async execute(job: JobRecord, tr: Translation): Promise<void> {
    if (tr.udf) return this.createFunction(job, tr.udf);
    const [sql] = tr.statements as [string];
    const target = tr.target!;
    switch (tr.type) {
      case "SELECT": {
        const table = `_standin.${q(`r${job.index}`)}`;
        await this.conn.run(`CREATE TABLE ${table} AS ${sql}`);
        const { names, types } = await this.types(`SELECT * FROM ${table}`);
        checkColumns(names);
        job.result = {
          table,
          fields: names.map((n, i) => fieldFor(n, types[i]!)),
          totalRows: await this.count(table),
        };
        return;
      }
      case "CREATE_TABLE": {
        // IF NOT EXISTS on an existing table is a no-op, as in BigQuery.
        const existed = !!(await this.tableKind(target));
        await this.conn.run(sql);
        if (!existed) checkColumns((await this.types(`SELECT * FROM ${rel(target)}`)).names);
        job.ddl = { operation: existed ? "SKIP" : "CREATE", target };
        return;
      }
      case "CREATE_TABLE_AS_SELECT":
      case "CREATE_VIEW": {
        const existed = !!(await this.tableKind(target));
        await this.conn.run(sql);
        checkColumns((await this.types(`SELECT * FROM ${rel(target)}`)).names);
        if (tr.type === "CREATE_TABLE_AS_SELECT") await this.widen(target);
        else this.views.set(`${target.dataset}.${target.table}`, job.sql!);
        job.ddl = { operation: existed ? "REPLACE" : "CREATE", target };
        return;
      }
      case "MERGE": {
        const reader = await this.conn.runAndReadAll(`${sql} RETURNING merge_action`);
        const actions = reader.getRows().map((r) => r[0]);
        const n = (a: string) => actions.filter((x) => x === a).length;
        job.dml = { inserted: n("INSERT"), updated: n("UPDATE"), deleted: n("DELETE") };
        return;
      }
      case "INSERT":
      case "UPDATE":
      case "DELETE": {
        const changed = Number((await this.conn.run(sql)).rowsChanged);
        job.dml = {
          inserted: tr.type === "INSERT" ? changed : 0,
          updated: tr.type === "UPDATE" ? changed : 0,
          deleted: tr.type === "DELETE" ? changed : 0,
        };
        return;
      }
      case "ALTER_TABLE":
        for (const statement of tr.statements) await this.conn.run(statement);
        checkColumns((await this.types(`SELECT * FROM ${rel(target)}`)).names);
        job.ddl = { operation: "ALTER", target };
        return;
      case "DROP_TABLE":
      case "DROP_VIEW":
        await this.conn.run(sql);
        this.views.delete(`${target.dataset}.${target.table}`);
        job.ddl = { operation: "DROP", target };
        return;
    }
  }

  /** Any failure as BigQuery's ErrorProto; DuckDB's own errors become invalidQuery. */
  private proto(error: unknown, location: string): ErrorProto {
    if (error instanceof ApiFailure) return error.proto;
    const message = duckMessage(error);
    const missing = /Table with name (.+?) does not exist/.exec(message);
    if (missing)
      return {
        reason: "notFound",
        message: `Not found: Table ${missing[1]} was not found in location ${location}`,
      };
    if (/^Parser Error/.test(message)) {
      return { reason: "invalidQuery", message: `Syntax error: ${message.replace(/^Parser Error: /, "")}` };
    }
    // DuckDB's error class ("Binder Error: ", "Invalid Input Error: ") is not BigQuery's wording.
    return { reason: "invalidQuery", message: message.replace(/^\w+(?: \w+)* Error: /, "") };
  }

  /** A page of a SELECT's result, cut at `maxBytes` of JSON like BigQuery's 10 MB pages. */
  page(job: JobRecord, offset: number, limit: number, int64Timestamps: boolean, maxBytes: number) {
    return this.exclusive(async () => {
      const { table, fields, totalRows } = job.result!;
      if (limit <= 0) return { rows: [], next: offset < totalRows ? offset : undefined };
      // Result tables are written once, in order: rowid is the row number.
      const reader = await this.conn.runAndReadAll(
        `SELECT * FROM ${table} WHERE rowid >= ${offset} AND rowid < ${offset + limit} ORDER BY rowid`,
      );
      const all = wireRows(reader.getRows(), fields, int64Timestamps);
      let size = 0;
      let take = 0;
      while (take < all.length) {
        size += JSON.stringify(all[take]).length;
        if (take > 0 && size > maxBytes) break;
        take++;
      }
      const rows = all.slice(0, take);
      const end = offset + rows.length;
      return { rows, next: end < totalRows ? end : undefined };
    });
  }

  // Load jobs.

  /** Loads a CSV file as a load job with `configuration.load` would. */
  runLoad(job: JobRecord, load: Record<string, unknown>, file: string): Promise<void> {
    return this.exclusive(async () => {
      try {
        await this.load(job, load, file);
      } catch (error) {
        job.failure =
          error instanceof ApiFailure
            ? error.proto
            : {
                reason: "invalid",
                message: `Error while reading data, error message: ${duckMessage(error)}`,
              };
      } finally {
        job.ended = Date.now();
      }
    });
  }

  private async load(job: JobRecord, load: Record<string, unknown>, file: string): Promise<void> {
    const dest = load.destinationTable as { datasetId: string; tableId: string };
    const target = { dataset: dest.datasetId, table: dest.tableId };
    const dataset = this.datasets.get(target.dataset);
    if (!dataset || dataset.location.toUpperCase() !== job.location.toUpperCase()) {
      throw notFound(`Dataset ${this.project}:${target.dataset} was not found in location ${job.location}`);
    }
    checkTable(target.table);
    if ((load.sourceFormat ?? "CSV") !== "CSV") throw invalid("the stand-in loads CSV only");
    const skip = Number(load.skipLeadingRows ?? 0);
    const options = [`delim = ${lit(String(load.fieldDelimiter ?? ","))}`, "quote = '\"'", "escape = '\"'"];
    const fields = (
      load.schema as { fields?: { name: string; type: string; precision?: string; scale?: string }[] }
    )?.fields;
    let source: string;
    if (fields?.length) {
      checkColumns(fields.map((f) => f.name));
      const columns = fields.map((f) => {
        const type = f.precision ? `${f.type}(${f.precision}, ${f.scale ?? 0})` : f.type;
        return `${lit(f.name)}: ${lit(typeName(type))}`;
      });
      source = `read_csv(${lit(file)}, header = false, skip = ${skip}, columns = {${columns.join(", ")}}, ${options.join(", ")})`;
    } else if (load.autodetect) {
      // Detection as BigQuery does it: on a sample; the last skipped row holds the names.
      const header = skip >= 1 ? `header = true, skip = ${skip - 1}` : "header = false";
      source = `read_csv(${lit(file)}, ${header}, sample_size = 500, ${options.join(", ")})`;
    } else {
      throw invalid("No schema specified on job or table.");
    }
    await this.transaction(async () => {
      const disposition = String(load.writeDisposition ?? "WRITE_APPEND");
      const existing = await this.tableKind(target);
      if (existing === "VIEW")
        throw invalid(`Cannot load into a view: ${this.project}:${target.dataset}.${target.table}`);
      if (disposition === "WRITE_EMPTY" && existing && (await this.count(rel(target))) > 0) {
        throw ApiFailure.of(
          "duplicate",
          `Already Exists: Table ${this.project}:${target.dataset}.${target.table}`,
        );
      }
      if (disposition === "WRITE_APPEND" && existing) {
        job.loadRows = Number(
          (await this.conn.run(`INSERT INTO ${rel(target)} SELECT * FROM ${source}`)).rowsChanged,
        );
      } else {
        await this.conn.run(`CREATE OR REPLACE TABLE ${rel(target)} AS SELECT * FROM ${source}`);
        job.loadRows = await this.count(rel(target));
      }
      this.modified.set(`${target.dataset}.${target.table}`, Date.now());
      const { names, types } = await this.types(`SELECT * FROM ${rel(target)}`);
      checkColumns(names);
      // Detected timestamps are TIMESTAMPs (with zone) in BigQuery.
      for (let i = 0; i < names.length; i++) {
        if (types[i]!.typeId === DuckDBTypeId.TIMESTAMP && !fields?.length) {
          await this.conn.run(`ALTER TABLE ${rel(target)} ALTER COLUMN ${q(names[i]!)} TYPE TIMESTAMPTZ`);
        }
      }
      await this.widen(target);
    });
  }

  async close(): Promise<void> {
    await this.queue;
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
