import { setTimeout as sleep } from "node:timers/promises";
import type { BigQuery, Job, JobMetadata } from "@google-cloud/bigquery";
import type { Row } from "../types.ts";
import type { RetryPolicy } from "./connection.ts";
import {
  type ErrorContext,
  isRetryableJobFailure,
  JobCallFailure,
  JobFailure,
  toWarehouseError,
} from "./errors.ts";
import { type FieldSchema, fixRows, integerCast } from "./values.ts";

/**
 * Query jobs, start to finish: insert a job (labelled, located, capped in bytes), wait for it by
 * long-polling its results (`jobComplete: false` means "ask again"), then page through the result.
 * A job that fails with a transient reason (rate limits, backend errors) is run again as a new job
 * after a backoff: a failed job changed nothing, so this is safe even for DML.
 */

export interface JobSettings {
  client: BigQuery;
  location: string;
  labels: Record<string, string>;
  maximumBytesBilled?: number;
  retry: RetryPolicy;
  errors: ErrorContext;
}

export interface Page {
  rows: Row[];
  fields: FieldSchema[];
  pageToken?: string;
  /** Rows changed by a DML statement. */
  dmlAffectedRows?: number;
}

/** The slice of the getQueryResults response read here. */
interface ResultsResponse {
  jobComplete?: boolean | null;
  pageToken?: string | null;
  schema?: { fields?: FieldSchema[] | null } | null;
  numDmlAffectedRows?: string | null;
}

export function jobRef(meta: JobMetadata | undefined): string | undefined {
  const r = meta?.jobReference;
  return r?.jobId ? `${r.projectId}:${r.location}.${r.jobId}` : undefined;
}

export class JobRunner {
  constructor(private readonly s: JobSettings) {}

  private backoff(attempt: number): number {
    const base = Math.min(this.s.retry.initialDelayMs * 2 ** attempt, this.s.retry.maxDelayMs);
    return base / 2 + Math.random() * (base / 2);
  }

  /**
   * Runs `fn` (which starts a job and waits for it) again while it ends in a JobFailure with a
   * retryable reason; any other error, or the last failure, becomes one WarehouseError.
   */
  async withJobRetry<R>(sql: string | undefined, fn: () => Promise<R>): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const retryable =
          error instanceof JobFailure && isRetryableJobFailure(error.proto.reason ?? undefined);
        if (retryable && attempt < this.s.retry.maxRetries) {
          await sleep(this.backoff(attempt));
          continue;
        }
        throw toWarehouseError(error, this.s.errors, { sql });
      }
    }
  }

  /** Inserts a job. A job refused at once (invalid SQL, missing table) comes back as a JobFailure. */
  async insert(configuration: JobMetadata["configuration"], labels: Record<string, string>): Promise<Job> {
    try {
      const [job] = await this.s.client.createJob({
        configuration: { ...configuration, labels: { ...this.s.labels, ...labels } },
        jobPrefix: "cdp_",
        location: this.s.location,
      });
      return job;
    } catch (error) {
      const resource = (error as { response?: JobMetadata }).response;
      const errorResult = resource?.status?.errorResult;
      if (errorResult) throw new JobFailure(jobRef(resource) ?? "", errorResult);
      throw error;
    }
  }

  private queryConfiguration(sql: string): JobMetadata["configuration"] {
    return {
      query: {
        query: sql,
        useLegacySql: false,
        ...(this.s.maximumBytesBilled ? { maximumBytesBilled: String(this.s.maximumBytesBilled) } : {}),
      },
    };
  }

  /** After a failed API call on a job: the job's own error when it failed, else the call's error. */
  private async explain(job: Job, error: unknown): Promise<never> {
    const ref = jobRef(job.metadata) ?? job.id ?? "";
    let meta: JobMetadata | undefined;
    try {
      [meta] = await job.getMetadata();
    } catch {
      throw new JobCallFailure(ref, error);
    }
    if (meta?.status?.errorResult) throw new JobFailure(jobRef(meta) ?? ref, meta.status.errorResult);
    throw new JobCallFailure(ref, error);
  }

  private async results(
    job: Job,
    options: { pageSize: number; pageToken?: string },
  ): Promise<Page | undefined> {
    let rows: Row[];
    let resp: ResultsResponse;
    try {
      [rows, , resp] = (await job.getQueryResults({
        maxResults: options.pageSize,
        ...(options.pageToken ? { pageToken: options.pageToken } : {}),
        // No timeoutMs: BigQuery holds the call up to 10 s by default and then answers
        // jobComplete: false; with one set, the client turns that answer into an error.
        autoPaginate: false,
        wrapIntegers: integerCast,
        parseJSON: true,
      })) as unknown as [Row[], unknown, ResultsResponse];
    } catch (error) {
      return this.explain(job, error);
    }
    if (resp.jobComplete === false) return undefined;
    const fields = resp.schema?.fields ?? [];
    return {
      rows: fixRows(rows, fields),
      fields,
      ...(resp.pageToken ? { pageToken: resp.pageToken } : {}),
      ...(resp.numDmlAffectedRows != null ? { dmlAffectedRows: Number(resp.numDmlAffectedRows) } : {}),
    };
  }

  /**
   * Runs one statement as a query job and returns it with its first page of rows, once done.
   * Failed jobs with a transient reason are re-run (see the file comment).
   */
  run(
    sql: string,
    options: { pageSize: number; labels?: Record<string, string> },
  ): Promise<{ job: Job; first: Page }> {
    return this.withJobRetry(sql, async () => {
      const job = await this.insert(this.queryConfiguration(sql), options.labels ?? {});
      for (;;) {
        const first = await this.results(job, { pageSize: options.pageSize });
        if (first) return { job, first };
      }
    });
  }

  /** The pages after `first`, one request each; only one page is held at a time. */
  async *rest(job: Job, first: Page, pageSize: number, sql: string): AsyncGenerator<Row[]> {
    let token = first.pageToken;
    while (token) {
      let page: Page | undefined;
      try {
        page = await this.results(job, { pageSize, pageToken: token });
      } catch (error) {
        throw toWarehouseError(error, this.s.errors, { sql, job: jobRef(job.metadata) });
      }
      if (!page) continue;
      yield page.rows;
      token = page.pageToken;
    }
  }

  /** The finished job's metadata (statistics, DML counts). */
  async metadata(job: Job, sql?: string): Promise<JobMetadata> {
    try {
      const [meta] = await job.getMetadata();
      return meta;
    } catch (error) {
      throw toWarehouseError(error, this.s.errors, { sql, job: jobRef(job.metadata) });
    }
  }

  /** Waits for a job that has no result to long-poll (a load job) by asking for its status. */
  async waitDone(job: Job): Promise<JobMetadata> {
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      const [meta] = await job.getMetadata();
      if (meta.status?.errorResult)
        throw new JobFailure(jobRef(meta) ?? job.id ?? "", meta.status.errorResult);
      if (meta.status?.state === "DONE") return meta;
      await sleep(wait);
    }
  }

  /** Bytes a query would process, from a dry run (no cost, no job kept). */
  estimateBytes(sql: string): Promise<number> {
    return this.withJobRetry(sql, async () => {
      const job = await this.insert({ ...this.queryConfiguration(sql), dryRun: true }, {});
      const stats = job.metadata?.statistics;
      return Number(stats?.query?.totalBytesProcessed ?? stats?.totalBytesProcessed ?? 0);
    });
  }
}
