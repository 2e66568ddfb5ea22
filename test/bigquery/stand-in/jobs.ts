import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Engine, JobRecord } from "./engine.ts";
import { ApiFailure, codeFor, type ErrorProto, invalid, notFound } from "./errors.ts";
import type { StandInSettings } from "./server.ts";

/**
 * The stand-in's jobs: jobs.insert (query, dry run, load), jobs.get, jobs.getQueryResults and
 * jobs.query, with their resources as BigQuery shapes them, and the armed job failures.
 */

export interface JobFault {
  proto: ErrorProto;
  remaining: number;
  /** "insert": the job is refused at once; "run": it fails after it was reported running. */
  stage: "insert" | "run";
}

const toInt = (value: string | null | undefined) => (value == null ? undefined : Number(value));

export class JobService {
  readonly jobs: JobRecord[] = [];
  readonly faults: JobFault[] = [];

  constructor(
    private readonly project: string,
    private readonly url: string,
    private readonly engine: Engine,
    private readonly dir: string,
    private readonly settings: () => Required<StandInSettings>,
  ) {}

  find(jobId: string, location: string | null): JobRecord {
    const where = (location ?? "US").toUpperCase();
    const job = this.jobs.find((j) => j.jobId === jobId && j.location.toUpperCase() === where);
    if (!job) throw notFound(`Job ${this.project}:${where}.${jobId}`);
    return job;
  }

  /** A poll of a job: whether it is still running (the first `pollsLeft` polls see it so). */
  poll(job: JobRecord): boolean {
    const running = job.pollsLeft > 0;
    if (running) job.pollsLeft--;
    return running;
  }

  async insert(request: JobRequest, data?: Buffer) {
    const configuration = request.configuration ?? {};
    const ref = request.jobReference ?? {};
    const location = ref.location ?? "US";
    const jobId = ref.jobId ?? `job_${randomUUID()}`;
    if (this.jobs.some((j) => j.jobId === jobId && j.location === location)) {
      throw ApiFailure.of("duplicate", `Already Exists: Job ${this.project}:${location}.${jobId}`);
    }
    checkLabels(configuration.labels ?? {});
    const query = configuration.query as { query?: string; maximumBytesBilled?: string } | undefined;
    if (configuration.dryRun) {
      if (!query?.query) throw invalid("a dry run needs a query");
      const plan = await this.engine.dryRun(query.query, location);
      return {
        kind: "bigquery#job",
        jobReference: { projectId: this.project, location },
        configuration: { ...configuration, jobType: "QUERY" },
        status: { state: "DONE" },
        statistics: {
          creationTime: String(Date.now()),
          totalBytesProcessed: String(plan.bytes),
          query: { totalBytesProcessed: String(plan.bytes), statementType: plan.type },
        },
      };
    }
    const job = this.newJob(jobId, location, configuration, query?.query);
    const fault = this.faults.find((f) => f.remaining > 0);
    if (fault) {
      fault.remaining--;
      job.failure = fault.proto;
      job.ended = Date.now();
      if (fault.stage === "run") job.pollsLeft = Math.max(job.pollsLeft, 1);
      else job.pollsLeft = 0;
    } else if (job.type === "QUERY") {
      const max = query?.maximumBytesBilled === undefined ? undefined : Number(query.maximumBytesBilled);
      await this.engine.runQuery(job, max);
    } else {
      const dir = mkdtempSync(path.join(this.dir, "load-"));
      const file = path.join(dir, "data.csv");
      writeFileSync(file, data ?? Buffer.alloc(0));
      try {
        await this.engine.runLoad(job, configuration.load as Record<string, unknown>, file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return this.resource(job, job.pollsLeft > 0);
  }

  private newJob(jobId: string, location: string, configuration: JobConfiguration, sql?: string): JobRecord {
    const index = this.jobs.length;
    const { pollsBeforeDone, slowEvery } = this.settings();
    const polls = index % slowEvery === slowEvery - 1 ? pollsBeforeDone : 0;
    const job: JobRecord = {
      index,
      jobId,
      location,
      type: configuration.load ? "LOAD" : "QUERY",
      configuration,
      labels: configuration.labels ?? {},
      created: Date.now(),
      bytes: 0,
      pollsLeft: polls,
      ...(sql === undefined ? {} : { sql }),
    };
    if (!configuration.load && !sql)
      throw invalid("Job configuration must contain exactly one job-specific configuration object");
    this.jobs.push(job);
    return job;
  }

  resource(job: JobRecord, running: boolean) {
    const reference = { projectId: this.project, jobId: job.jobId, location: job.location };
    const done = !running;
    const status = !done
      ? { state: "RUNNING" }
      : job.failure
        ? { state: "DONE", errorResult: job.failure, errors: [job.failure] }
        : { state: "DONE" };
    const statistics: Record<string, unknown> = {
      creationTime: String(job.created),
      startTime: String(job.created),
      ...(done ? { endTime: String(job.ended ?? Date.now()) } : {}),
    };
    if (done && !job.failure && job.type === "QUERY") {
      const billed = job.bytes > 0 ? Math.max(job.bytes, 10 * 1024 * 1024) : 0;
      statistics.totalBytesProcessed = String(job.bytes);
      statistics.query = {
        statementType: job.statementType,
        totalBytesProcessed: String(job.bytes),
        totalBytesBilled: String(billed),
        cacheHit: false,
        ...(job.dml
          ? {
              numDmlAffectedRows: String(job.dml.inserted + job.dml.updated + job.dml.deleted),
              dmlStats: {
                insertedRowCount: String(job.dml.inserted),
                updatedRowCount: String(job.dml.updated),
                deletedRowCount: String(job.dml.deleted),
              },
            }
          : {}),
        ...(job.ddl
          ? {
              ddlOperationPerformed: job.ddl.operation,
              ddlTargetTable: {
                projectId: this.project,
                datasetId: job.ddl.target.dataset,
                tableId: job.ddl.target.table,
              },
            }
          : {}),
      };
    }
    if (done && !job.failure && job.type === "LOAD") {
      statistics.load = { inputFiles: "1", outputRows: String(job.loadRows ?? 0), badRecords: "0" };
    }
    return {
      kind: "bigquery#job",
      id: `${this.project}:${job.location}.${job.jobId}`,
      selfLink: `${this.url}/bigquery/v2/projects/${this.project}/jobs/${job.jobId}?location=${job.location}`,
      user_email: "standin@example.test",
      jobReference: reference,
      configuration: { ...job.configuration, jobType: job.type },
      status,
      statistics,
    };
  }

  /** jobs.getQueryResults: "not complete yet", the job's error, or a page of rows. */
  async results(job: JobRecord, qs: URLSearchParams, kind = "bigquery#getQueryResultsResponse") {
    const reference = { projectId: this.project, jobId: job.jobId, location: job.location };
    if (this.poll(job)) return { kind, jobReference: reference, jobComplete: false };
    if (job.failure) throw new ApiFailure(codeFor(job.failure.reason), job.failure);
    if (job.type !== "QUERY")
      throw invalid(`Job ${this.project}:${job.location}.${job.jobId} is not a query job`);
    const response: Record<string, unknown> = {
      kind,
      jobReference: reference,
      totalBytesProcessed: String(job.bytes),
      jobComplete: true,
      cacheHit: false,
    };
    if (job.dml) response.numDmlAffectedRows = String(job.dml.inserted + job.dml.updated + job.dml.deleted);
    if (!job.result) return { ...response, totalRows: "0" };
    const token = qs.get("pageToken");
    const offset = token
      ? Number(Buffer.from(token, "base64url").toString().split(":")[1])
      : (toInt(qs.get("startIndex")) ?? 0);
    const limit = toInt(qs.get("maxResults")) ?? Number.MAX_SAFE_INTEGER;
    const int64 = qs.get("formatOptions.useInt64Timestamp") === "true";
    const page = await this.engine.page(
      job,
      offset,
      Math.min(limit, 100_000),
      int64,
      this.settings().pageBytes,
    );
    return {
      ...response,
      schema: { fields: job.result.fields },
      totalRows: String(job.result.totalRows),
      ...(page.rows.length ? { rows: page.rows } : {}),
      ...(page.next === undefined
        ? {}
        : { pageToken: Buffer.from(`${job.jobId}:${page.next}`).toString("base64url") }),
    };
  }

  /** jobs.query: a query job and its first page in one call. */
  async query(body: Buffer) {
    const request = JSON.parse(body.toString()) as QueryRequest;
    const configuration: JobConfiguration = {
      query: {
        query: request.query,
        useLegacySql: request.useLegacySql ?? false,
        ...(request.maximumBytesBilled ? { maximumBytesBilled: request.maximumBytesBilled } : {}),
      },
      ...(request.labels ? { labels: request.labels } : {}),
    };
    const job = (await this.insert({
      configuration,
      jobReference: { jobId: `job_${randomUUID()}`, location: request.location ?? "US" },
    })) as { jobReference: { jobId: string; location: string } };
    const record = this.find(job.jobReference.jobId, job.jobReference.location);
    const qs = new URLSearchParams();
    if (request.maxResults !== undefined) qs.set("maxResults", String(request.maxResults));
    if (request.formatOptions?.useInt64Timestamp) qs.set("formatOptions.useInt64Timestamp", "true");
    const response = (await this.results(record, qs, "bigquery#queryResponse")) as Record<string, unknown>;
    if (record.dml && response.jobComplete) {
      response.dmlStats = {
        insertedRowCount: String(record.dml.inserted),
        updatedRowCount: String(record.dml.updated),
        deletedRowCount: String(record.dml.deleted),
      };
    }
    return response;
  }
}

export type JobConfiguration = {
  query?: Record<string, unknown>;
  load?: Record<string, unknown>;
  labels?: Record<string, string>;
  dryRun?: boolean;
};

export interface JobRequest {
  configuration?: JobConfiguration;
  jobReference?: { jobId?: string; location?: string; projectId?: string };
}

interface QueryRequest {
  query: string;
  useLegacySql?: boolean;
  location?: string;
  maxResults?: number;
  labels?: Record<string, string>;
  maximumBytesBilled?: string;
  formatOptions?: { useInt64Timestamp?: boolean };
}

/** Label keys and values: at most 63 lowercase letters, digits, underscores or dashes. */
function checkLabels(labels: Record<string, string>): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!/^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u.test(key)) {
      throw invalid(`Label key "${key}" has invalid characters.`);
    }
    if (!/^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u.test(value)) {
      throw invalid(`Label value "${value}" has invalid characters.`);
    }
  }
}
