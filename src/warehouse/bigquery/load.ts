import { randomBytes, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BigQuery, Job, JobMetadata } from "@google-cloud/bigquery";
import { WarehouseError } from "../../errors.ts";
import { checkCsv, readCsvHeader } from "../csv-format.ts";
import type { CsvLoadOptions, Relation } from "../types.ts";
import { headRecords } from "./csv.ts";
import { JobFailure } from "./errors.ts";
import { type JobRunner, jobRef } from "./jobs.ts";

/**
 * CSV seeds through load jobs. Every load gets an explicit schema: column names from the file's
 * header (BigQuery's detection calls the columns string_field_0... when it mistakes the header
 * for data), types from `columnTypes` or, for the others, from BigQuery's own detection run on a
 * sample of the first 500 records. The final load writes with WRITE_TRUNCATE, which replaces the
 * table's rows and schema in one step: a failed load leaves the old table.
 */

export interface LoadContext {
  client: BigQuery;
  runner: JobRunner;
  project: string;
  location: string;
  prefix: string;
  labels: Record<string, string>;
}

interface Field {
  name: string;
  type: string;
  precision?: string;
  scale?: string;
}

const SAMPLE_RECORDS = 500;

/** The load-schema type for a column type written DuckDB-, Postgres- or BigQuery-style. */
export function loadFieldType(type: string): Omit<Field, "name"> | undefined {
  const t = type.trim().toUpperCase().replace(/\s+/g, " ");
  if (/^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|CHARACTER VARYING|CHARACTER)( ?\(\d+\))?$/.test(t))
    return { type: "STRING" };
  if (/^(BIGINT|INT8|INT64|INTEGER|INT|INT4|SMALLINT|INT2|TINYINT|BYTEINT)$/.test(t))
    return { type: "INTEGER" };
  if (/^(DOUBLE|DOUBLE PRECISION|FLOAT|FLOAT8|FLOAT64|REAL|FLOAT4)$/.test(t)) return { type: "FLOAT" };
  if (/^(BOOLEAN|BOOL)$/.test(t)) return { type: "BOOLEAN" };
  if (/^(BIGNUMERIC|BIGDECIMAL)$/.test(t)) return { type: "BIGNUMERIC" };
  const dec = /^(DECIMAL|NUMERIC) ?(?:\( ?(\d+) ?(?:, ?(\d+) ?)?\))?$/.exec(t);
  if (dec) {
    if (!dec[2]) return { type: "NUMERIC" };
    const precision = Number(dec[2]);
    const scale = Number(dec[3] ?? 0);
    // NUMERIC holds up to 29 integer and 9 fractional digits; beyond that BIGNUMERIC.
    const kind = scale > 9 || precision - scale > 29 ? "BIGNUMERIC" : "NUMERIC";
    return { type: kind, precision: String(precision), scale: String(scale) };
  }
  if (/^(TIMESTAMP|TIMESTAMPTZ|TIMESTAMP WITH TIME ZONE)$/.test(t)) return { type: "TIMESTAMP" };
  if (/^(DATETIME|TIMESTAMP WITHOUT TIME ZONE)$/.test(t)) return { type: "DATETIME" };
  if (/^(DATE|TIME|JSON|BYTES|GEOGRAPHY)$/.test(t)) return { type: t };
  if (t === "BLOB" || t === "BYTEA") return { type: "BYTES" };
  return undefined;
}

/**
 * Sends a load job with its data in one multipart request, as the client's own `table.load` does,
 * but with the job's labels (the client's load options have no place for them).
 */
function upload(ctx: LoadContext, configuration: JobMetadata["configuration"], file: string): Promise<Job> {
  const jobId = `cdp_${randomUUID()}`;
  const metadata = {
    configuration: { ...configuration, labels: ctx.labels },
    jobReference: { projectId: ctx.project, jobId, location: ctx.location },
  };
  // teeny-request writes each part's Content-Type, though its typings omit the key.
  const parts = [
    { "Content-Type": "application/json", body: JSON.stringify(metadata) },
    { "Content-Type": "application/octet-stream", body: createReadStream(file) },
  ];
  return new Promise((resolve, reject) => {
    ctx.client.makeAuthenticatedRequest(
      {
        method: "POST",
        uri: `${ctx.client.apiEndpoint}/upload/bigquery/v2/projects/${encodeURIComponent(ctx.project)}/jobs`,
        qs: { uploadType: "multipart" },
        multipart: parts,
        // The file stream cannot be sent twice; a failed load job is retried as a whole instead.
        maxRetries: 0,
      },
      (error, body) => {
        const job = body as JobMetadata | undefined;
        if (job?.status?.errorResult) reject(new JobFailure(jobRef(job) ?? jobId, job.status.errorResult));
        else if (error) reject(error);
        else resolve(ctx.client.job(jobId, { location: job?.jobReference?.location ?? ctx.location }));
      },
    );
  });
}

async function runLoad(
  ctx: LoadContext,
  load: NonNullable<JobMetadata["configuration"]>["load"],
  file: string,
): Promise<JobMetadata> {
  return ctx.runner.withJobRetry(undefined, async () => {
    const job = await upload(ctx, { load }, file);
    return ctx.runner.waitDone(job);
  });
}

function baseLoad(relation: Relation & { database: string }, options: CsvLoadOptions) {
  return {
    destinationTable: { projectId: relation.database, datasetId: relation.schema, tableId: relation.name },
    sourceFormat: "CSV",
    skipLeadingRows: 1,
    allowQuotedNewlines: true,
    // Strict, as on every warehouse: a row missing fields or with extra ones fails the load.
    allowJaggedRows: false,
    ignoreUnknownValues: false,
    maxBadRecords: 0,
    writeDisposition: "WRITE_TRUNCATE",
    createDisposition: "CREATE_IF_NEEDED",
    ...(options.delimiter ? { fieldDelimiter: options.delimiter } : {}),
  };
}

/** Column types BigQuery detects on the first records of the file, by position. */
async function detectTypes(
  ctx: LoadContext,
  relation: Relation & { database: string },
  file: string,
  options: CsvLoadOptions,
): Promise<Omit<Field, "name">[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "cdp-bq-"));
  const probe = { ...relation, name: `${relation.name}__cdp_detect_${randomBytes(4).toString("hex")}` };
  try {
    const sample = path.join(dir, "sample.csv");
    await writeFile(sample, (await headRecords(file, SAMPLE_RECORDS + 1)).text);
    await runLoad(ctx, { ...baseLoad(probe, options), autodetect: true }, sample);
    const [meta] = await ctx.client
      .dataset(probe.schema, { projectId: probe.database })
      .table(probe.name)
      .getMetadata();
    return (meta.schema?.fields ?? []).map((f: Field) => ({
      type: f.type,
      ...(f.precision ? { precision: f.precision, scale: f.scale } : {}),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await ctx.client
      .dataset(probe.schema, { projectId: probe.database })
      .table(probe.name)
      .delete()
      .catch(() => undefined);
  }
}

/** Loads `file` into `relation`, replacing its rows and schema. */
export async function loadCsv(
  ctx: LoadContext,
  relation: Relation & { database: string },
  file: string,
  options: CsvLoadOptions,
): Promise<{ rows: number }> {
  const fail = (message: string) => new WarehouseError(`${ctx.prefix}: cannot load ${file}: ${message}`);
  const names = await readCsvHeader(file, options.delimiter ?? ",");
  // A load job reports a ragged row by byte offset, and only after the upload: the file is
  // checked here first, so the error names the line.
  await checkCsv(file, names, options.delimiter ?? ",");
  const overrides = new Map<string, Omit<Field, "name">>();
  for (const [column, type] of Object.entries(options.columnTypes ?? {})) {
    const index = names.findIndex((n) => n.toLowerCase() === column.toLowerCase());
    if (index < 0)
      throw fail(`columnTypes names "${column}", which is not in the header (${names.join(", ")})`);
    const field = loadFieldType(type);
    if (!field) {
      throw fail(
        `column type "${type}" of "${column}" is not one BigQuery loads; use STRING, INT64, FLOAT64, NUMERIC(p,s), BOOL, DATE, DATETIME, TIMESTAMP, JSON or BYTES`,
      );
    }
    overrides.set(names[index]!, field);
  }
  const detected = names.every((n) => overrides.has(n))
    ? []
    : await detectTypes(ctx, relation, file, options);
  if (detected.length && detected.length !== names.length) {
    throw fail(`BigQuery detected ${detected.length} columns but the header has ${names.length}`);
  }
  const fields = names.map((name, i) => ({ name, ...(overrides.get(name) ?? detected[i]!) }));
  const meta = await runLoad(ctx, { ...baseLoad(relation, options), schema: { fields } }, file);
  return { rows: Number(meta.statistics?.load?.outputRows ?? 0) };
}
