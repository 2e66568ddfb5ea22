import { BatchError, HttpError } from "../../src/connector-kit/index.ts";

/** Credentials or setup Salesforce refused: the user must fix the config or re-authorise; no retry helps. */
export class SalesforceSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SalesforceSetupError";
  }
}

/** One error of a REST response body: `[{"errorCode": "...", "message": "..."}]`. */
export interface ApiError {
  errorCode: string;
  message: string;
}

/** A per-record error inside a save result: `{"statusCode", "message", "fields"}`. */
export interface RecordError {
  statusCode?: string;
  message?: string;
  fields?: string[];
}

/** The errors of a REST error body (an array, or a single object in some endpoints). */
export function apiErrors(body: unknown): ApiError[] {
  const items = Array.isArray(body) ? body : body && typeof body === "object" ? [body] : [];
  const out: ApiError[] = [];
  for (const item of items) {
    if (!item || typeof item !== "object") continue;
    const e = item as Record<string, unknown>;
    const code = e.errorCode ?? e.statusCode;
    const message = e.message;
    if (typeof code === "string" || typeof message === "string") {
      out.push({ errorCode: String(code ?? "UNKNOWN"), message: String(message ?? "") });
    }
  }
  return out;
}

/** Per-record errors that a later attempt can get past (a lock held by another transaction). */
export const RETRYABLE_ROW_CODES = new Set([
  "UNABLE_TO_LOCK_ROW",
  "REQUEST_LIMIT_EXCEEDED",
  "SERVER_UNAVAILABLE",
]);

/** `INVALID_EMAIL_ADDRESS: Email: invalid email address: x (fields: Email)`. */
export function describeRecordErrors(errors: RecordError[] | undefined): string {
  if (!errors?.length) return "Salesforce gave no reason";
  return errors
    .map((e) => {
      const fields = e.fields?.length ? ` (fields: ${e.fields.join(", ")})` : "";
      return `${e.statusCode ?? "ERROR"}: ${e.message ?? ""}${fields}`;
    })
    .join("; ");
}

/**
 * Error codes that refuse a whole request because of the setup (object, fields, permissions,
 * credentials): every row would fail the same way, so rows are rejected without splitting.
 */
const CONFIG_CODES = new Set([
  "INVALID_SESSION_ID",
  "INVALID_AUTH_HEADER",
  "NOT_FOUND",
  "INVALID_TYPE",
  "INVALID_FIELD",
  "INVALID_FIELD_FOR_INSERT_UPDATE",
  "INSUFFICIENT_ACCESS",
  "INSUFFICIENT_ACCESS_OR_READONLY",
  "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
  "API_DISABLED_FOR_ORG",
  "API_CURRENTLY_DISABLED",
  "FUNCTIONALITY_NOT_ENABLED",
  "FEATURENOTENABLED",
  "METHOD_NOT_ALLOWED",
]);

/**
 * What a failed request means for its rows:
 * - `retry`: the API cannot take them now (limits, 5xx, timeouts); send again later;
 * - `config`: the setup is wrong; every row is rejected with the message;
 * - `request`: the request was refused for its content (e.g. a value that does not parse); the
 *   rows are split to find the bad ones.
 */
export interface Failure {
  kind: "retry" | "config" | "request";
  message: string;
  retryAfterMs?: number;
}

/** Waits after REQUEST_LIMIT_EXCEEDED: the daily cap frees up slowly, concurrency caps quickly. */
export const LIMIT_RETRY_MS = 60_000;
export const CONCURRENCY_RETRY_MS = 10_000;

/** `PATCH https://host/services/data/v62.0/composite/...` → `PATCH /composite/...`. */
function where(error: HttpError): string {
  const path = error.url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/services\/data\/v[\d.]+/, "");
  return `${error.method} ${path} → ${error.status ?? "no response"}`;
}

export function classify(error: unknown): Failure {
  if (error instanceof SalesforceSetupError) return { kind: "config", message: error.message };
  if (error instanceof BatchError) {
    return {
      kind: error.retryable ? "retry" : "request",
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    };
  }
  if (!(error instanceof HttpError)) {
    return {
      kind: "retry",
      message: `Salesforce request failed: ${(error as Error)?.message ?? String(error)}`,
    };
  }
  const errors = apiErrors(error.body);
  const first = errors[0];
  const detail = first ? `${first.errorCode}: ${first.message}` : error.apiMessage;
  const message = `Salesforce ${detail} (${where(error)})`;
  if (first?.errorCode === "REQUEST_LIMIT_EXCEEDED") {
    const concurrent = /concurrent/i.test(first.message);
    return {
      kind: "retry",
      message: concurrent
        ? `${message}: too many long-running requests at once in this org; retried shortly`
        : `${message}: the org's daily API request limit is reached; retried later, and rows still not delivered are sent next run`,
      retryAfterMs: concurrent ? CONCURRENCY_RETRY_MS : LIMIT_RETRY_MS,
    };
  }
  if (error.retryable) return { kind: "retry", message, retryAfterMs: error.retryAfterMs };
  if (error.status === 401 || error.status === 403 || error.status === 404)
    return { kind: "config", message };
  if (first && CONFIG_CODES.has(first.errorCode)) return { kind: "config", message };
  return { kind: "request", message };
}

/** A failure as the engine's whole-batch error. */
export function toBatchError(failure: Failure): BatchError {
  return new BatchError(failure.message, failure.kind === "retry", failure.retryAfterMs);
}
