import type { BigQuery, TableMetadata } from "@google-cloud/bigquery";
import { WarehouseError } from "../../errors.ts";
import type {
  Capabilities,
  Column,
  CsvLoadOptions,
  Dialect,
  ExecuteResult,
  Relation,
  RelationInfo,
  Row,
  StreamOptions,
  Warehouse,
} from "../types.ts";
import { createClient, DEFAULT_RETRY, type RetryPolicy } from "./connection.ts";
import {
  addColumnsSql,
  createViewSql,
  ddlType,
  type FieldSchema,
  insertSql,
  mergeSql,
  replaceTableSql,
} from "./ddl.ts";
import { bigqueryDialect } from "./dialect.ts";
import { type ErrorContext, errorFacts, toWarehouseError } from "./errors.ts";
import { JobRunner } from "./jobs.ts";
import { jobLabels } from "./labels.ts";
import { loadCsv } from "./load.ts";

export interface BigqueryOptions {
  project: string;
  /** Default dataset. */
  schema: string;
  location: string;
  /** Environment variable naming a service-account key file (else application default credentials). */
  keyFileEnv: string;
  apiEndpoint?: string;
  maximumBytesBilled?: number;
  /** Labels put on every job, next to cdp's own. */
  labels?: Record<string, string>;
  /** The target's name, for messages. */
  targetName?: string;
  /** The cdp project's name, labelled `cdp_project` on every job. */
  projectName?: string;
  retry?: Partial<RetryPolicy>;
  /** Where `keyFileEnv` is looked up (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * BigQuery has no transactional DDL, but every operation here is one statement (CREATE OR
 * REPLACE TABLE, MERGE, INSERT, ALTER), which BigQuery applies atomically.
 */
const capabilities: Capabilities = {
  transactionalDdl: false,
  merge: true,
  schemas: true,
  enforcedKeys: false,
  pagedReads: false,
};

/** Rows per page when a whole result is read (`query`). */
const QUERY_PAGE = 10_000;

interface Shared {
  client: BigQuery;
  options: BigqueryOptions;
  dialect: Dialect;
  errors: ErrorContext;
}

const isNotFound = (error: unknown) => errorFacts(error).code === 404;

/**
 * The Warehouse contract on Google BigQuery, through the official `@google-cloud/bigquery`
 * client. Schemas are datasets; every statement is a query job in the target's location,
 * labelled, capped by `maximumBytesBilled`, retried when BigQuery says it is worth it.
 *
 * @example
 * const wh = await BigqueryWarehouse.open({ project: "acme", schema: "cdp", location: "EU", keyFileEnv: "GOOGLE_APPLICATION_CREDENTIALS" });
 * for await (const batch of wh.stream("SELECT * FROM `acme`.`cdp`.`profiles`", { batchSize: 5000 })) send(batch);
 */
export class BigqueryWarehouse implements Warehouse {
  readonly capabilities = capabilities;
  readonly dialect: Dialect;
  readonly defaultSchema: string;
  private readonly runner: JobRunner;

  private constructor(
    private readonly shared: Shared,
    private readonly labels: Record<string, string>,
  ) {
    this.dialect = shared.dialect;
    this.defaultSchema = shared.options.schema;
    const { options, client, errors } = shared;
    this.runner = new JobRunner({
      client,
      location: options.location,
      labels,
      maximumBytesBilled: options.maximumBytesBilled,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      errors,
    });
  }

  /** Opens the client and checks the credentials and project with one cheap call. */
  static async open(options: BigqueryOptions): Promise<BigqueryWarehouse> {
    const prefix = options.targetName
      ? `BigQuery target "${options.targetName}"`
      : `BigQuery ${options.project}`;
    const errors: ErrorContext = { prefix, keyFileEnv: options.keyFileEnv, apiEndpoint: options.apiEndpoint };
    const client = createClient({
      project: options.project,
      location: options.location,
      apiEndpoint: options.apiEndpoint,
      keyFileEnv: options.keyFileEnv,
      env: options.env ?? process.env,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      prefix,
    });
    const labels = jobLabels(
      options.projectName ? { cdp_project: options.projectName } : undefined,
      options.labels,
    );
    const wh = new BigqueryWarehouse(
      { client, options, dialect: bigqueryDialect(options.project), errors },
      labels,
    );
    // The default dataset may not exist yet (runs create it), but the call proves the credentials.
    await wh.datasetInfo(options.schema);
    return wh;
  }

  withLabels(labels: Record<string, string>): Warehouse {
    return new BigqueryWarehouse(this.shared, jobLabels(this.labels, labels));
  }

  private fail(error: unknown, sql?: string): WarehouseError {
    return toWarehouseError(error, this.shared.errors, { sql });
  }

  private table(relation: Relation) {
    return this.shared.client
      .dataset(relation.schema, { projectId: relation.database ?? this.shared.options.project })
      .table(relation.name);
  }

  /** The dataset's location and default collation, or undefined when it does not exist. */
  private async datasetInfo(
    schema: string,
  ): Promise<{ location: string; defaultCollation?: string } | undefined> {
    try {
      const [meta] = await this.shared.client.dataset(schema).getMetadata();
      return {
        location: meta.location ?? this.shared.options.location,
        defaultCollation: meta.defaultCollation,
      };
    } catch (error) {
      // A missing dataset is normal (runs create it); a missing project is not.
      if (isNotFound(error) && !/Not found: Project/i.test(errorFacts(error).message)) return undefined;
      throw this.fail(error);
    }
  }

  async execute(sql: string): Promise<ExecuteResult> {
    const { first } = await this.runner.run(sql, { pageSize: 0 });
    return first.dmlAffectedRows === undefined ? {} : { rowsAffected: first.dmlAffectedRows };
  }

  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    const { job, first } = await this.runner.run(sql, { pageSize: QUERY_PAGE });
    const rows = first.rows as T[];
    for await (const page of this.runner.rest(job, first, QUERY_PAGE, sql)) {
      for (const row of page) rows.push(row as T);
    }
    return rows;
  }

  async *stream<T extends Row = Row>(sql: string, options: StreamOptions = {}): AsyncIterable<T[]> {
    const batchSize = options.batchSize ?? 10_000;
    const { job, first } = await this.runner.run(sql, { pageSize: batchSize });
    // BigQuery may return fewer rows per page than asked (pages stop at ~10 MB): re-batch.
    let batch: T[] = [];
    const take = function* (rows: Row[]) {
      for (const row of rows) {
        batch.push(row as T);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    };
    yield* take(first.rows);
    for await (const page of this.runner.rest(job, first, batchSize, sql)) yield* take(page);
    if (batch.length) yield batch;
  }

  async describe(relation: Relation): Promise<RelationInfo | undefined> {
    let meta: TableMetadata;
    try {
      [meta] = await this.table(relation).getMetadata();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.fail(error);
    }
    const kind = meta.type === "VIEW" || meta.type === "MATERIALIZED_VIEW" ? "view" : "table";
    const fields = (meta.schema?.fields ?? []) as FieldSchema[];
    return { kind, columns: fields.map((f) => ({ name: f.name ?? "", type: ddlType(f, this.dialect) })) };
  }

  /**
   * Each table's `lastModifiedTime` and row count from `tables.get` (metadata only: no job, no
   * bytes billed). A relation that does not exist counts as "missing".
   */
  async changeStamp(relations: Relation[]): Promise<string> {
    const stamps = await Promise.all(
      relations.map(async (relation) => {
        try {
          const [meta] = await this.table(relation).getMetadata();
          return `${relation.schema}.${relation.name}@${meta.lastModifiedTime ?? ""}:${meta.numRows ?? ""}`;
        } catch (error) {
          if (isNotFound(error)) return `${relation.schema}.${relation.name}@missing`;
          throw this.fail(error);
        }
      }),
    );
    return stamps.join(",");
  }

  async listRelations(schema: string): Promise<string[]> {
    try {
      const [tables] = await this.shared.client.dataset(schema).getTables({ autoPaginate: true });
      return tables.map((t) => t.id ?? "").filter((id) => id);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw this.fail(error);
    }
  }

  /**
   * Creates the dataset in the target's location when missing; refuses one in another location,
   * and one with a default collation: every table created in it takes that collation
   * (https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets, `defaultCollation`), so
   * `und:ci` would make cdp's tables compare text without case, and two identifiers, keys or
   * sync states that differ in case one.
   */
  async ensureSchema(schema: string): Promise<void> {
    const { client, options } = this.shared;
    const info = await this.datasetInfo(schema);
    const name = `dataset ${options.project}.${schema}`;
    if (info === undefined) {
      try {
        await client.dataset(schema).create({ location: options.location });
      } catch (error) {
        if (errorFacts(error).code !== 409) throw this.fail(error);
      }
    } else if (info.location.toLowerCase() !== options.location.toLowerCase()) {
      throw new WarehouseError(
        `${this.shared.errors.prefix}: ${name} is in location ${info.location}, but the target's location is ${options.location}; set \`location: "${info.location}"\` in the target`,
      );
    } else if (info.defaultCollation) {
      throw new WarehouseError(
        `${this.shared.errors.prefix}: ${name} has the default collation "${info.defaultCollation}", which the tables cdp creates in it would take (text compared otherwise than by code point: identifiers and keys that differ in case would be one); use a dataset without a default collation`,
      );
    }
  }

  async dropRelation(relation: Relation): Promise<void> {
    try {
      await this.table(relation).delete();
    } catch (error) {
      if (!isNotFound(error)) throw this.fail(error);
    }
  }

  async createView(relation: Relation, selectSql: string): Promise<void> {
    // CREATE OR REPLACE VIEW does not replace a table: drop it first (not atomic; BigQuery has no
    // transactional DDL for permanent tables).
    if ((await this.describe(relation))?.kind === "table") await this.dropRelation(relation);
    await this.runner.run(createViewSql(this.dialect, relation, selectSql), { pageSize: 0 });
  }

  async replaceTable(relation: Relation, selectSql: string): Promise<{ rows: number }> {
    if ((await this.describe(relation))?.kind === "view") await this.dropRelation(relation);
    await this.runner.run(replaceTableSql(this.dialect, relation, selectSql), { pageSize: 0 });
    try {
      const [meta] = await this.table(relation).getMetadata();
      return { rows: Number(meta.numRows ?? 0) };
    } catch (error) {
      throw this.fail(error);
    }
  }

  async insertInto(target: Relation, source: Relation, columns: string[]): Promise<{ rows: number }> {
    const { first } = await this.runner.run(insertSql(this.dialect, target, source, columns), {
      pageSize: 0,
    });
    return { rows: first.dmlAffectedRows ?? 0 };
  }

  async mergeInto(
    target: Relation,
    source: Relation,
    uniqueKey: string[],
    columns: string[],
  ): Promise<{ inserted: number; updated: number }> {
    const sql = mergeSql(this.dialect, target, source, uniqueKey, columns);
    const { job } = await this.runner.run(sql, { pageSize: 0 });
    const stats = (await this.runner.metadata(job, sql)).statistics?.query?.dmlStats;
    if (!stats)
      throw new WarehouseError(`${this.shared.errors.prefix}: the MERGE job reported no DML statistics`, sql);
    return { inserted: Number(stats.insertedRowCount ?? 0), updated: Number(stats.updatedRowCount ?? 0) };
  }

  async addColumns(relation: Relation, columns: Column[]): Promise<void> {
    if (!columns.length) return;
    await this.runner.run(addColumnsSql(this.dialect, relation, columns), { pageSize: 0 });
  }

  async loadCsv(relation: Relation, file: string, options: CsvLoadOptions): Promise<{ rows: number }> {
    if ((await this.describe(relation))?.kind === "view") await this.dropRelation(relation);
    const { client, options: o, errors } = this.shared;
    try {
      return await loadCsv(
        {
          client,
          runner: this.runner,
          project: o.project,
          location: o.location,
          prefix: errors.prefix,
          labels: this.labels,
        },
        { ...relation, database: relation.database ?? o.project },
        file,
        options,
      );
    } catch (error) {
      throw this.fail(error);
    }
  }

  estimateBytes(sql: string): Promise<number> {
    return this.runner.estimateBytes(sql);
  }

  async close(): Promise<void> {
    // The client keeps no connections that need closing.
  }
}
