import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Engine, type JobRecord } from "./engine.ts";
import {
  ApiFailure,
  codeFor,
  DEFAULT_MESSAGES,
  type ErrorProto,
  invalid,
  invalidCredentials,
  missingCredentials,
  notFound,
} from "./errors.ts";
import { parseMultipart } from "./multipart.ts";

/**
 * A local stand-in of the BigQuery REST API (v2) for the official Node client: the calls the
 * client makes for datasets, tables, query and load jobs and their results, backed by DuckDB.
 * Requests need a bearer token from its own OAuth token endpoint (see `keyFile`). Tests arm
 * BigQuery's real failures: API errors (`failNext`), failed jobs (`failNextJob`), jobs that are
 * still running when first polled (`pollsBeforeDone`), expired credentials (`expireTokens`).
 */

export type ApiName =
  | "datasets.get"
  | "datasets.insert"
  | "datasets.delete"
  | "tables.get"
  | "tables.delete"
  | "jobs.insert"
  | "jobs.get"
  | "jobs.query"
  | "jobs.getQueryResults";

export interface StandInSettings {
  /** Polls of a job answered with "still running" before it is reported done... */
  pollsBeforeDone?: number;
  /** ...for every n-th job only (1: every job, 3: the 3rd, 6th, ...). */
  slowEvery?: number;
  /** Result pages stop at about this many bytes of JSON (BigQuery: 10 MB). */
  pageBytes?: number;
}

export interface StandInOptions extends StandInSettings {
  project?: string;
}

export interface CallRecord {
  api: ApiName | "token";
  status: number;
  /** A poll answered "still running" (jobComplete: false, or state RUNNING). */
  running?: boolean;
}

interface Fault {
  api?: ApiName;
  proto: ErrorProto;
  code: number;
  remaining: number;
}

interface JobFault {
  proto: ErrorProto;
  remaining: number;
  /** "insert": the job is refused at once; "run": it fails after it was reported running. */
  stage: "insert" | "run";
}

type Run = (qs: URLSearchParams, body: Buffer, contentType: string) => Promise<unknown>;
type Handler = (params: Record<string, string>, ...rest: Parameters<Run>) => Promise<unknown>;

const JSON_TYPE = { "content-type": "application/json; charset=UTF-8" };
const toInt = (value: string | null | undefined) => (value == null ? undefined : Number(value));

export class StandInServer {
  readonly jobs: JobRecord[] = [];
  readonly calls: CallRecord[] = [];
  /** A key file the client accepts: external-account credentials exchanged at this stand-in. */
  readonly keyFile: string;
  private settings: Required<StandInSettings> = {
    pollsBeforeDone: 0,
    slowEvery: 1,
    pageBytes: 10 * 1024 * 1024,
  };
  private readonly tokens = new Set<string>();
  private rejectSubjectTokens = false;
  private faults: Fault[] = [];
  private jobFaults: JobFault[] = [];
  private readonly dir: string;

  private constructor(
    readonly url: string,
    readonly project: string,
    private readonly server: Server,
    private readonly engine: Engine,
    options: StandInOptions,
  ) {
    this.configure(options);
    this.dir = mkdtempSync(path.join(tmpdir(), "bq-standin-"));
    writeFileSync(path.join(this.dir, "subject-token"), "standin-subject-token");
    this.keyFile = path.join(this.dir, "key.json");
    writeFileSync(
      this.keyFile,
      JSON.stringify({
        type: "external_account",
        audience:
          "//iam.googleapis.com/projects/0/locations/global/workloadIdentityPools/standin/providers/local",
        subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
        token_url: `${url}/token`,
        credential_source: { file: path.join(this.dir, "subject-token") },
      }),
    );
  }

  static async start(options: StandInOptions = {}): Promise<StandInServer> {
    const project = options.project ?? "standin-project";
    const engine = await Engine.create(project);
    let standIn: StandInServer | undefined;
    const server = createServer((req, res) => void standIn!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new StandInServer(`http://127.0.0.1:${port}`, project, server, engine, options);
    return standIn;
  }

  configure(settings: StandInSettings): void {
    const defined = Object.entries(settings).filter(([k, v]) => v !== undefined && k !== "project");
    this.settings = { ...this.settings, ...Object.fromEntries(defined) };
  }

  /** The next `times` calls (of `api`, or any) fail with this reason. */
  failNext(reason: string, options: { api?: ApiName; times?: number; message?: string } = {}): void {
    this.faults.push({
      api: options.api,
      code: codeFor(reason),
      proto: { reason, message: options.message ?? DEFAULT_MESSAGES[reason] ?? reason },
      remaining: options.times ?? 1,
    });
  }

  /** The next `times` jobs fail with this reason. */
  failNextJob(
    reason: string,
    options: { times?: number; message?: string; stage?: "insert" | "run" } = {},
  ): void {
    this.jobFaults.push({
      proto: { reason, message: options.message ?? DEFAULT_MESSAGES[reason] ?? reason },
      remaining: options.times ?? 1,
      stage: options.stage ?? "run",
    });
  }

  /** Disarms every failure still armed. */
  reset(): void {
    this.faults = [];
    this.jobFaults = [];
  }

  /** Access tokens already issued stop working, as when they expire or are revoked. */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The token endpoint refuses the key file's credential from now on. */
  rejectCredentials(): void {
    this.rejectSubjectTokens = true;
    this.tokens.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.engine.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  // HTTP.

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", this.url);
    if (url.pathname === "/token") return this.token(res, body);
    let api: ApiName | undefined;
    try {
      const route = this.route(req.method ?? "GET", url.pathname);
      api = route.api;
      this.authorize(req);
      const fault = this.faults.find((f) => f.remaining > 0 && (!f.api || f.api === api));
      if (fault) {
        fault.remaining--;
        throw new ApiFailure(fault.code, fault.proto);
      }
      const result = await route.run(url.searchParams, body, req.headers["content-type"] ?? "");
      const answer = result as { jobComplete?: boolean; status?: { state?: string } } | undefined;
      const running =
        answer?.jobComplete === false || (api === "jobs.get" && answer?.status?.state === "RUNNING");
      this.calls.push({ api, status: result === undefined ? 204 : 200, ...(running ? { running } : {}) });
      if (result === undefined) {
        res.writeHead(204).end();
      } else {
        res.writeHead(200, JSON_TYPE).end(JSON.stringify(result));
      }
    } catch (error) {
      const failure =
        error instanceof ApiFailure ? error : invalid(String((error as Error).message ?? error));
      if (api) this.calls.push({ api, status: failure.code });
      res.writeHead(failure.code, JSON_TYPE).end(JSON.stringify(failure.body()));
    }
  }

  /** The STS token exchange the external-account credentials perform. */
  private token(res: ServerResponse, body: Buffer): void {
    const form = new URLSearchParams(body.toString());
    if (this.rejectSubjectTokens || form.get("subject_token") !== "standin-subject-token") {
      this.calls.push({ api: "token", status: 400 });
      res.writeHead(400, JSON_TYPE).end(
        JSON.stringify({
          error: "invalid_grant",
          error_description: "The provided subject token is invalid or expired.",
        }),
      );
      return;
    }
    const token = `standin-token-${randomUUID()}`;
    this.tokens.add(token);
    this.calls.push({ api: "token", status: 200 });
    res.writeHead(200, JSON_TYPE).end(
      JSON.stringify({
        access_token: token,
        issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
        token_type: "Bearer",
        expires_in: 3600,
      }),
    );
  }

  private authorize(req: IncomingMessage): void {
    const header = req.headers.authorization;
    if (!header) throw missingCredentials();
    if (!this.tokens.has(header.replace(/^Bearer /, ""))) throw invalidCredentials();
  }

  /** The REST resources the client uses, as `METHOD path` with `:name` parameters. */
  private routes(): [string, ApiName, Handler][] {
    const base = "/bigquery/v2/projects/:project";
    return [
      [`POST ${base}/datasets`, "datasets.insert", (_, __, body) => this.createDataset(body)],
      [`GET ${base}/datasets/:dataset`, "datasets.get", async (p) => this.datasetResource(p.dataset!)],
      [
        `DELETE ${base}/datasets/:dataset`,
        "datasets.delete",
        async (p, qs) => {
          await this.engine.deleteDataset(p.dataset!, qs.get("deleteContents") === "true");
          return undefined;
        },
      ],
      [
        `GET ${base}/datasets/:dataset/tables/:table`,
        "tables.get",
        (p) => this.tableResource({ dataset: p.dataset!, table: p.table! }),
      ],
      [
        `DELETE ${base}/datasets/:dataset/tables/:table`,
        "tables.delete",
        async (p) => {
          await this.engine.deleteTable({ dataset: p.dataset!, table: p.table! });
          return undefined;
        },
      ],
      [
        `POST ${base}/jobs`,
        "jobs.insert",
        (_, __, body) => this.insertJob(JSON.parse(body.toString() || "{}")),
      ],
      [
        `POST /upload${base}/jobs`,
        "jobs.insert",
        async (_, qs, body, type) => {
          if (qs.get("uploadType") !== "multipart")
            throw invalid("the stand-in accepts uploadType=multipart only");
          const { metadata, data } = parseMultipart(type, body);
          return this.insertJob(metadata as JobRequest, data);
        },
      ],
      [
        `GET ${base}/jobs/:job`,
        "jobs.get",
        async (p, qs) => {
          const job = this.find(p.job!, qs.get("location"));
          return this.jobResource(job, this.poll(job));
        },
      ],
      [`POST ${base}/queries`, "jobs.query", (_, __, body) => this.query(body)],
      [
        `GET ${base}/queries/:job`,
        "jobs.getQueryResults",
        (p, qs) => this.results(this.find(p.job!, qs.get("location")), qs),
      ],
    ];
  }

  private route(method: string, pathname: string): { api: ApiName; run: Run } {
    for (const [pattern, api, handler] of this.routes()) {
      const [verb, path] = pattern.split(" ") as [string, string];
      if (verb !== method) continue;
      const groups = new RegExp(`^${path.replace(/:(\w+)/g, "(?<$1>[^/]+)")}$`).exec(pathname)?.groups;
      if (!groups) continue;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(groups)) params[k] = decodeURIComponent(v);
      if (params.project !== this.project) throw notFound(`Project ${params.project}`);
      return { api, run: (qs, body, type) => handler(params, qs, body, type) };
    }
    throw notFound(`URL ${method} ${pathname}`);
  }

  // Datasets and tables.

  private async createDataset(body: Buffer) {
    const request = JSON.parse(body.toString()) as {
      datasetReference?: { datasetId?: string };
      location?: string;
    };
    const id = request.datasetReference?.datasetId ?? "";
    await this.engine.createDataset(id, request.location ?? "US");
    return this.datasetResource(id);
  }

  private datasetResource(id: string) {
    const dataset = this.engine.dataset(id);
    return {
      kind: "bigquery#dataset",
      id: `${this.project}:${id}`,
      datasetReference: { projectId: this.project, datasetId: id },
      location: dataset.location,
      creationTime: String(dataset.created),
    };
  }

  private async tableResource(ref: { dataset: string; table: string }) {
    const info = await this.engine.table(ref);
    return {
      kind: "bigquery#table",
      id: `${this.project}:${ref.dataset}.${ref.table}`,
      tableReference: { projectId: this.project, datasetId: ref.dataset, tableId: ref.table },
      type: info.kind,
      schema: { fields: info.fields },
      location: info.location,
      ...(info.rows === undefined ? {} : { numRows: String(info.rows), numBytes: String(info.rows * 8) }),
      ...(info.view ? { view: { query: info.view, useLegacySql: false } } : {}),
    };
  }

  // Jobs.

  private find(jobId: string, location: string | null): JobRecord {
    const where = (location ?? "US").toUpperCase();
    const job = this.jobs.find((j) => j.jobId === jobId && j.location.toUpperCase() === where);
    if (!job) throw notFound(`Job ${this.project}:${where}.${jobId}`);
    return job;
  }

  /** A poll of a job: whether it is still running (the first `pollsLeft` polls see it so). */
  private poll(job: JobRecord): boolean {
    const running = job.pollsLeft > 0;
    if (running) job.pollsLeft--;
    return running;
  }

  private async insertJob(request: JobRequest, data?: Buffer) {
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
    const fault = this.jobFaults.find((f) => f.remaining > 0);
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
    return this.jobResource(job, job.pollsLeft > 0);
  }

  private newJob(jobId: string, location: string, configuration: JobConfiguration, sql?: string): JobRecord {
    const index = this.jobs.length;
    const { pollsBeforeDone, slowEvery } = this.settings;
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

  private jobResource(job: JobRecord, running: boolean) {
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
  private async results(job: JobRecord, qs: URLSearchParams, kind = "bigquery#getQueryResultsResponse") {
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
      this.settings.pageBytes,
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
  private async query(body: Buffer) {
    const request = JSON.parse(body.toString()) as QueryRequest;
    const configuration: JobConfiguration = {
      query: {
        query: request.query,
        useLegacySql: request.useLegacySql ?? false,
        ...(request.maximumBytesBilled ? { maximumBytesBilled: request.maximumBytesBilled } : {}),
      },
      ...(request.labels ? { labels: request.labels } : {}),
    };
    const job = (await this.insertJob({
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

type JobConfiguration = {
  query?: Record<string, unknown>;
  load?: Record<string, unknown>;
  labels?: Record<string, string>;
  dryRun?: boolean;
};

interface JobRequest {
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
