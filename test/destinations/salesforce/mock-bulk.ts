import { type CsvError, csvCell, parseCsv } from "../../../connectors/salesforce/csv.ts";
import { type MockObjectDef, type MockOrg, type RecordError, typeProblem } from "./mock-org.ts";
import { ApiFault } from "./mock-query.ts";

type State = "Open" | "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted";

interface Job {
  id: string;
  def: MockObjectDef;
  operation: "upsert" | "delete" | "insert" | "update";
  externalIdFieldName?: string;
  lineEnding: "LF" | "CRLF";
  state: State;
  createdDate: string;
  csv?: string;
  polls: number;
  errorMessage?: string;
  processed: number;
  failed: number;
  header: string[];
  successful: string[][];
  failures: string[][];
  unprocessed: string[][];
}

export interface BulkOptions {
  apiVersion: string;
  /** Polls answered `InProgress` before a job completes. */
  pollsUntilDone: () => number;
  /** A per-record fault (e.g. UNABLE_TO_LOCK_ROW) by External ID value or record id. */
  rowFault: (match: string) => RecordError | undefined;
}

const quoted = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(",");

/**
 * Bulk API 2.0 ingest jobs with the real state machine: `Open` takes one CSV upload (the
 * connector sends one per job), `UploadComplete` closes it, polls see `InProgress` then
 * `JobComplete` (or `Failed` when the CSV or its header is unusable), and results come as CSV.
 * Uploads or state changes in the wrong state are refused.
 */
export class MockBulk {
  readonly jobs = new Map<string, Job>();
  private seq = 0;

  constructor(
    private readonly org: MockOrg,
    private readonly options: BulkOptions,
  ) {}

  create(raw: unknown) {
    const body = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const def = typeof body.object === "string" ? this.org.object(body.object) : undefined;
    if (!def) throw new ApiFault(400, "INVALIDJOB", `Unable to find object: ${String(body.object)}`);
    const operation = body.operation;
    if (
      operation !== "upsert" &&
      operation !== "delete" &&
      operation !== "insert" &&
      operation !== "update"
    ) {
      throw new ApiFault(400, "INVALIDJOB", `Invalid operation: ${String(operation)}`);
    }
    if ((body.contentType ?? "CSV") !== "CSV")
      throw new ApiFault(400, "INVALIDJOB", "contentType must be CSV");
    if ((body.columnDelimiter ?? "COMMA") !== "COMMA") {
      throw new ApiFault(400, "INVALIDJOB", "this mock supports columnDelimiter COMMA only");
    }
    const lineEnding = body.lineEnding ?? "LF";
    if (lineEnding !== "LF" && lineEnding !== "CRLF")
      throw new ApiFault(400, "INVALIDJOB", "Invalid lineEnding");
    let ext: string | undefined;
    if (operation === "upsert") {
      const f =
        typeof body.externalIdFieldName === "string"
          ? this.org.field(def, body.externalIdFieldName)
          : undefined;
      if (!body.externalIdFieldName) {
        throw new ApiFault(
          400,
          "INVALIDJOB",
          `External ID was blank for ${def.name}. An External ID must be specified for upsert.`,
        );
      }
      if (!f?.externalId) {
        throw new ApiFault(
          400,
          "INVALIDJOB",
          `The field ${String(body.externalIdFieldName)} is not an External ID on ${def.name}`,
        );
      }
      ext = f.name;
    }
    const id = `750${String(++this.seq).padStart(12, "0")}AAA`;
    const job: Job = {
      id,
      def,
      operation,
      externalIdFieldName: ext,
      lineEnding,
      state: "Open",
      createdDate: new Date().toISOString(),
      polls: 0,
      processed: 0,
      failed: 0,
      header: [],
      successful: [],
      failures: [],
      unprocessed: [],
    };
    this.jobs.set(id, job);
    return {
      ...this.info(job),
      contentUrl: `services/data/v${this.options.apiVersion}/jobs/ingest/${id}/batches`,
    };
  }

  upload(id: string, contentType: string | undefined, text: string): void {
    const job = this.job(id);
    if (!/^text\/csv\b/.test(contentType ?? "")) {
      throw new ApiFault(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `MediaType of '${contentType}' is not supported by this resource`,
      );
    }
    if (job.state !== "Open")
      throw new ApiFault(409, "INVALIDJOBSTATE", `Job ${id} is not Open (state: ${job.state})`);
    if (job.csv !== undefined)
      throw new ApiFault(409, "INVALIDJOBSTATE", `Job ${id} already has its data (one upload per job here)`);
    if (Buffer.byteLength(text) > 100_000_000)
      throw new ApiFault(400, "CLIENTINPUTERROR", "Upload exceeds 100 MB");
    job.csv = text;
  }

  patch(id: string, raw: unknown) {
    const job = this.job(id);
    const state = (raw as { state?: unknown })?.state;
    if (state === "UploadComplete") {
      if (job.state !== "Open")
        throw new ApiFault(409, "INVALIDJOBSTATE", `Job ${id} is not Open (state: ${job.state})`);
      if (job.csv === undefined) throw new ApiFault(409, "INVALIDJOBSTATE", `Job ${id} has no data uploaded`);
      job.state = "UploadComplete";
    } else if (state === "Aborted") {
      if (!["Open", "UploadComplete", "InProgress"].includes(job.state)) {
        throw new ApiFault(409, "INVALIDJOBSTATE", `Job ${id} cannot be aborted in state ${job.state}`);
      }
      job.state = "Aborted";
    } else {
      throw new ApiFault(400, "INVALIDJOBSTATE", `Invalid state change: ${JSON.stringify(state)}`);
    }
    return this.info(job);
  }

  /** Job info; each poll moves an uploaded job along until it is processed. */
  poll(id: string) {
    const job = this.job(id);
    if (job.state === "UploadComplete" || job.state === "InProgress") {
      job.state = "InProgress";
      if (++job.polls > this.options.pollsUntilDone()) this.process(job);
    }
    return this.info(job);
  }

  results(id: string, kind: string): string {
    const job = this.job(id);
    if (!["JobComplete", "Failed", "Aborted"].includes(job.state)) {
      throw new ApiFault(409, "INVALIDJOBSTATE", `Job ${id} is not finished (state: ${job.state})`);
    }
    const header = job.header.join(",");
    if (kind === "successfulResults") {
      return `"sf__Id","sf__Created"${header ? `,${header}` : ""}\n${job.successful.map((r) => `${quoted(r)}\n`).join("")}`;
    }
    if (kind === "failedResults") {
      return `"sf__Id","sf__Error"${header ? `,${header}` : ""}\n${job.failures.map((r) => `${quoted(r)}\n`).join("")}`;
    }
    if (kind === "unprocessedrecords") {
      return `${header}\n${job.unprocessed.map((r) => `${r.map(csvCell).join(",")}\n`).join("")}`;
    }
    throw new ApiFault(404, "NOT_FOUND", "The requested resource does not exist");
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new ApiFault(404, "NOT_FOUND", "The requested resource does not exist");
    return job;
  }

  private fail(job: Job, message: string): void {
    job.state = "Failed";
    job.errorMessage = message;
  }

  private process(job: Job) {
    const text = job.csv ?? "";
    if (job.lineEnding === "LF" && text.includes("\r\n")) {
      return this.fail(
        job,
        "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF",
      );
    }
    let rows: string[][];
    try {
      rows = parseCsv(text);
    } catch (e) {
      return this.fail(job, `ClientInputError : ${(e as CsvError).message}`);
    }
    const [header = [], ...data] = rows;
    job.header = header;
    job.unprocessed = data;
    const unknown = header.find((h) => !this.org.field(job.def, h));
    if (unknown !== undefined) return this.fail(job, `InvalidBatch : Field name not found : ${unknown}`);
    if (job.operation === "delete" && (header.length !== 1 || header[0]!.toLowerCase() !== "id")) {
      return this.fail(job, "InvalidBatch : A delete job takes the Id column only");
    }
    const ext = job.externalIdFieldName;
    if (ext && !header.some((h) => h.toLowerCase() === ext.toLowerCase())) {
      return this.fail(job, `InvalidBatch : The External ID field ${ext} is missing from the header`);
    }
    job.unprocessed = [];
    for (const cells of data) {
      const result =
        job.operation === "delete" ? this.deleteRow(cells[0] ?? "") : this.upsertRow(job, header, cells);
      job.processed++;
      if ("errors" in result) {
        job.failed++;
        const e = result.errors[0]!;
        job.failures.push(["", `${e.statusCode}:${e.message}:${e.fields.join(",")} --`, ...cells]);
      } else job.successful.push([result.id, String(result.created), ...cells]);
    }
    job.state = "JobComplete";
  }

  private deleteRow(id: string) {
    const fault = this.options.rowFault(id);
    if (fault) return { errors: [fault] };
    const r = this.org.delete(id);
    return "ok" in r ? { id, created: false } : r;
  }

  private upsertRow(job: Job, header: string[], cells: string[]) {
    const values: Record<string, unknown> = {};
    const errors: RecordError[] = [];
    header.forEach((h, i) => {
      const cell = cells[i] ?? "";
      if (cell === "") return; // an empty cell leaves the field unchanged
      const f = this.org.field(job.def, h)!;
      const value = cell === "#N/A" ? null : cell;
      const problem = typeProblem(f, value);
      if (problem)
        errors.push({
          statusCode: "INVALID_TYPE_ON_FIELD_IN_RECORD",
          message: `${f.name}: ${problem}`,
          fields: [f.name],
        });
      values[f.name] = value;
    });
    if (errors.length) return { errors };
    const match = String(values[job.externalIdFieldName!] ?? "");
    const fault = this.options.rowFault(match);
    if (fault) return { errors: [fault] };
    return this.org.upsert(job.def, job.externalIdFieldName!, values);
  }

  info(job: Job) {
    return {
      id: job.id,
      operation: job.operation,
      object: job.def.name,
      createdById: "005000000000001AAA",
      createdDate: job.createdDate,
      systemModstamp: new Date().toISOString(),
      state: job.state,
      ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
      concurrencyMode: "Parallel",
      contentType: "CSV",
      apiVersion: Number(this.options.apiVersion),
      jobType: "V2Ingest",
      lineEnding: job.lineEnding,
      columnDelimiter: "COMMA",
      numberRecordsProcessed: job.processed,
      numberRecordsFailed: job.failed,
      retries: 0,
      totalProcessingTime: 0,
      ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    };
  }
}
