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
import { type JobRequest, JobService } from "./jobs.ts";
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
  | "tables.list"
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
  /** The call does its work, then answers with the error (a response lost on the way back). */
  after: boolean;
}

type Run = (qs: URLSearchParams, body: Buffer, contentType: string) => Promise<unknown>;
type Handler = (params: Record<string, string>, ...rest: Parameters<Run>) => Promise<unknown>;

const JSON_TYPE = { "content-type": "application/json; charset=UTF-8" };

export class StandInServer {
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
  private readonly dir: string;
  private readonly service: JobService;

  private constructor(
    readonly url: string,
    readonly project: string,
    private readonly server: Server,
    private readonly engine: Engine,
    options: StandInOptions,
  ) {
    this.configure(options);
    this.dir = mkdtempSync(path.join(tmpdir(), "bq-standin-"));
    this.service = new JobService(project, url, engine, this.dir, () => this.settings);
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

  /** Every job inserted so far, in order. */
  get jobs(): JobRecord[] {
    return this.service.jobs;
  }

  configure(settings: StandInSettings): void {
    const defined = Object.entries(settings).filter(([k, v]) => v !== undefined && k !== "project");
    this.settings = { ...this.settings, ...Object.fromEntries(defined) };
  }

  /**
   * The next `times` calls (of `api`, or any) fail with this reason; with `after`, once they have
   * done their work (as when the response is lost).
   */
  failNext(
    reason: string,
    options: { api?: ApiName; times?: number; message?: string; after?: boolean } = {},
  ): void {
    this.faults.push({
      api: options.api,
      code: codeFor(reason),
      proto: { reason, message: options.message ?? DEFAULT_MESSAGES[reason] ?? reason },
      remaining: options.times ?? 1,
      after: options.after ?? false,
    });
  }

  /** The next `times` jobs fail with this reason. */
  failNextJob(
    reason: string,
    options: { times?: number; message?: string; stage?: "insert" | "run" } = {},
  ): void {
    this.service.faults.push({
      proto: { reason, message: options.message ?? DEFAULT_MESSAGES[reason] ?? reason },
      remaining: options.times ?? 1,
      stage: options.stage ?? "run",
    });
  }

  /** Disarms every failure still armed. */
  reset(): void {
    this.faults = [];
    this.service.faults.length = 0;
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
      if (fault) fault.remaining--;
      if (fault && !fault.after) throw new ApiFailure(fault.code, fault.proto);
      const result = await route.run(url.searchParams, body, req.headers["content-type"] ?? "");
      if (fault) throw new ApiFailure(fault.code, fault.proto);
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
        `GET ${base}/datasets/:dataset/tables`,
        "tables.list",
        async (p) => {
          // https://cloud.google.com/bigquery/docs/reference/rest/v2/tables/list: one page here.
          const tables = await this.engine.listTables(p.dataset!);
          return {
            kind: "bigquery#tableList",
            totalItems: tables.length,
            tables: tables.map((t) => ({
              kind: "bigquery#table",
              id: `${this.project}:${p.dataset}.${t.name}`,
              tableReference: { projectId: this.project, datasetId: p.dataset, tableId: t.name },
              type: t.kind,
            })),
          };
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
        (_, __, body) => this.service.insert(JSON.parse(body.toString() || "{}")),
      ],
      [
        `POST /upload${base}/jobs`,
        "jobs.insert",
        async (_, qs, body, type) => {
          if (qs.get("uploadType") !== "multipart")
            throw invalid("the stand-in accepts uploadType=multipart only");
          const { metadata, data } = parseMultipart(type, body);
          return this.service.insert(metadata as JobRequest, data);
        },
      ],
      [
        `GET ${base}/jobs/:job`,
        "jobs.get",
        async (p, qs) => {
          const job = this.service.find(p.job!, qs.get("location"));
          return this.service.resource(job, this.service.poll(job));
        },
      ],
      [`POST ${base}/queries`, "jobs.query", (_, __, body) => this.service.query(body)],
      [
        `GET ${base}/queries/:job`,
        "jobs.getQueryResults",
        (p, qs) => this.service.results(this.service.find(p.job!, qs.get("location")), qs),
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
      defaultCollation?: string;
    };
    const id = request.datasetReference?.datasetId ?? "";
    await this.engine.createDataset(id, request.location ?? "US", request.defaultCollation);
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
      ...(dataset.defaultCollation ? { defaultCollation: dataset.defaultCollation } : {}),
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
      // Milliseconds since the epoch, as a string (Table resource, tables.get).
      ...(info.modified === undefined ? {} : { lastModifiedTime: String(info.modified) }),
      ...(info.view ? { view: { query: info.view, useLegacySql: false } } : {}),
    };
  }
}
