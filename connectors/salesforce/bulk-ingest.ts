import type { SalesforceApi } from "./client.ts";
import { bodyText } from "./client.ts";
import { csvCell, parseCsvObjects } from "./csv.ts";
import { describeRecordErrors, RETRYABLE_ROW_CODES } from "./errors.ts";

/** Bulk API 2.0 takes up to 150 MB of base64 per upload: about 100 MB of CSV. */
export const MAX_UPLOAD_BYTES = 100_000_000;

export interface BulkJobSpec {
  object: string;
  operation: "upsert" | "delete";
  /** Required for upsert. */
  externalIdField?: string;
  header: string[];
  /** Cells in header order; `match` identifies the row in the results (the external id, or Id). */
  rows: { match: string; cells: string[] }[];
  /** The column whose value is each row's `match`. */
  matchColumn: string;
}

export interface BulkPolling {
  sleep: (ms: number) => Promise<void>;
  /** Longest wait between polls. */
  maxIntervalMs: number;
  /** Total wait before the job's rows are left for another run. */
  timeoutMs: number;
}

export type BulkOutcome =
  | { status: "delivered" }
  | { status: "rejected"; reason: string }
  | { status: "retryable"; reason: string };

interface JobInfo {
  id?: string;
  state?: string;
  errorMessage?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
}

const FINAL = new Set(["JobComplete", "Failed", "Aborted"]);

/** `REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --` → code, message, fields. */
export function parseBulkError(text: string): { statusCode: string; message: string; fields: string[] } {
  const m = /^([A-Z_]+):([\s\S]*)$/.exec(text.trim());
  if (!m) return { statusCode: "ERROR", message: text.trim(), fields: [] };
  let rest = m[2]!;
  let fields: string[] = [];
  const tail = /^([\s\S]*?):([A-Za-z0-9_., ]*)\s*--$/.exec(rest);
  if (tail) {
    rest = tail[1]!;
    fields = tail[2]!
      .split(",")
      .map((f) => f.trim())
      .filter(Boolean);
  } else rest = rest.replace(/\s*--$/, "");
  return { statusCode: m[1]!, message: rest.trim(), fields };
}

/** The job's CSV: the header, then each row's cells, LF line endings. */
export function bulkCsv(header: string[], rows: { cells: string[] }[]): string {
  let out = `${header.map(csvCell).join(",")}\n`;
  for (const r of rows) out += `${r.cells.map(csvCell).join(",")}\n`;
  return out;
}

/** Rows in groups whose CSV stays under the upload limit. */
function bySize(spec: BulkJobSpec, maxBytes: number): BulkJobSpec["rows"][] {
  const groups: BulkJobSpec["rows"][] = [];
  let current: BulkJobSpec["rows"] = [];
  let bytes = Buffer.byteLength(bulkCsv(spec.header, []));
  for (const row of spec.rows) {
    const size = Buffer.byteLength(`${row.cells.map(csvCell).join(",")}\n`);
    if (current.length && bytes + size > maxBytes) {
      groups.push(current);
      current = [];
      bytes = Buffer.byteLength(bulkCsv(spec.header, []));
    }
    current.push(row);
    bytes += size;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Runs Bulk API 2.0 ingest jobs for the rows (one job unless the CSV passes 100 MB) and returns
 * each row's outcome by its `match` value: create the job, upload the CSV, mark it
 * `UploadComplete`, poll until `JobComplete`/`Failed`/`Aborted`, then read `failedResults` and
 * `successfulResults`. Rows in neither were not processed and stay retryable.
 */
export async function runBulk(
  api: SalesforceApi,
  spec: BulkJobSpec,
  polling: BulkPolling,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<Map<string, BulkOutcome>> {
  const out = new Map<string, BulkOutcome>();
  for (const rows of bySize(spec, maxBytes)) {
    for (const [k, v] of await runJob(api, { ...spec, rows }, polling)) out.set(k, v);
  }
  return out;
}

async function runJob(api: SalesforceApi, spec: BulkJobSpec, polling: BulkPolling) {
  const created = await api.request({
    method: "POST",
    path: "/jobs/ingest",
    json: {
      object: spec.object,
      operation: spec.operation,
      ...(spec.operation === "upsert" ? { externalIdFieldName: spec.externalIdField } : {}),
      contentType: "CSV",
      columnDelimiter: "COMMA",
      lineEnding: "LF",
    },
  });
  const id = (created.body as JobInfo)?.id;
  if (typeof id !== "string" || !id) throw new Error("Salesforce created a bulk job without an id");
  api.stats.bulkJobs++;
  const jobPath = `/jobs/ingest/${encodeURIComponent(id)}`;
  const abort = () =>
    api.request({ method: "PATCH", path: jobPath, json: { state: "Aborted" } }).catch(() => undefined);
  try {
    await api.request({
      method: "PUT",
      path: `${jobPath}/batches`,
      text: bulkCsv(spec.header, spec.rows),
      contentType: "text/csv",
    });
    await api.request({ method: "PATCH", path: jobPath, json: { state: "UploadComplete" } });
  } catch (error) {
    // A job left open would sit in the org until it times out; nothing was processed yet.
    await abort();
    throw error;
  }

  let job: JobInfo = {};
  let delay = 1_000;
  let waited = 0;
  for (;;) {
    await polling.sleep(delay);
    waited += delay;
    job = ((await api.request({ method: "GET", path: jobPath })).body ?? {}) as JobInfo;
    if (job.state && FINAL.has(job.state)) break;
    if (waited >= polling.timeoutMs) {
      await abort();
      const reason = `Salesforce bulk job ${id} was still ${job.state ?? "running"} after ${Math.round(waited / 1000)} s; it was aborted and its rows are sent again (upserts and deletes are idempotent)`;
      return new Map(spec.rows.map((r): [string, BulkOutcome] => [r.match, { status: "retryable", reason }]));
    }
    delay = Math.min(delay * 2, polling.maxIntervalMs);
  }

  const outcomes = new Map<string, BulkOutcome>();
  if (job.state !== "Aborted") {
    const read = async (kind: string) => {
      const res = await api.request({ method: "GET", path: `${jobPath}/${kind}`, accept: "text/csv" });
      return parseCsvObjects(bodyText(res)).rows;
    };
    // A failed job may have no results to give; its rows are then settled by its error below.
    const failed = await read("failedResults").catch((e) =>
      job.state === "Failed" ? [] : Promise.reject(e),
    );
    const succeeded = await read("successfulResults").catch((e) =>
      job.state === "Failed" ? [] : Promise.reject(e),
    );
    for (const row of succeeded) outcomes.set(row[spec.matchColumn] ?? "", { status: "delivered" });
    for (const row of failed) {
      const error = parseBulkError(row.sf__Error ?? "");
      const reason = describeRecordErrors([error]);
      outcomes.set(
        row[spec.matchColumn] ?? "",
        RETRYABLE_ROW_CODES.has(error.statusCode)
          ? { status: "retryable", reason }
          : { status: "rejected", reason },
      );
    }
  }
  const missing: BulkOutcome =
    job.state === "Failed"
      ? {
          status: "rejected",
          reason: `Salesforce bulk job ${id} failed: ${job.errorMessage ?? "no reason given"}`,
        }
      : job.state === "Aborted"
        ? {
            status: "retryable",
            reason: `Salesforce bulk job ${id} was aborted before it processed this row`,
          }
        : { status: "retryable", reason: `Salesforce bulk job ${id} did not process this row` };
  const result = new Map<string, BulkOutcome>();
  for (const r of spec.rows) result.set(r.match, outcomes.get(r.match) ?? missing);
  return result;
}
