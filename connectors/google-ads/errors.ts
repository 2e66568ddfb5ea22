/**
 * Reading the Google Ads API's errors. A failed call answers a `google.rpc.Status`
 * (`{"error": {"code", "message", "status", "details": [...]}}`) whose details hold a
 * `GoogleAdsFailure` (`errors[]`, each with an `errorCode` like `{"quotaError": "RESOURCE_EXHAUSTED"}`,
 * a `message` and a `location.fieldPathElements` path), and sometimes a `google.rpc.RetryInfo`.
 * Partial failures come back the same way, inside an HTTP 200, as `partialFailureError`.
 *
 * The wait Google asks for (`retryDelay`) is read by the shared HTTP client
 * (`src/http/backoff.ts` `retryAfterMs`) into `HttpError.retryAfterMs`.
 */
import type { HttpError } from "../../src/connector-kit/index.ts";

export interface GoogleAdsErrorItem {
  /** The enum value, e.g. `INVALID_SHA256_FORMAT`. */
  code: string;
  /** The error family, e.g. `offlineUserDataJobError`. */
  family: string;
  message: string;
  /** The request's `operations[i]` this error is about, when it is about one. */
  operationIndex?: number;
  /** The field path below the operation, e.g. `create.user_identifiers[0].hashed_email`. */
  field?: string;
}

export interface GoogleAdsStatus {
  /** The RPC status name, e.g. `INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`. */
  status?: string;
  message: string;
  errors: GoogleAdsErrorItem[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function item(raw: unknown): GoogleAdsErrorItem | undefined {
  if (!isObject(raw)) return undefined;
  const codeObj = isObject(raw.errorCode) ? raw.errorCode : {};
  const [family, code] = Object.entries(codeObj)[0] ?? ["unknown", "UNKNOWN"];
  const out: GoogleAdsErrorItem = {
    family,
    code: String(code),
    message: typeof raw.message === "string" ? raw.message : "",
  };
  const location = isObject(raw.location) ? raw.location : {};
  const path = Array.isArray(location.fieldPathElements) ? location.fieldPathElements.filter(isObject) : [];
  const parts: string[] = [];
  for (const [i, el] of path.entries()) {
    const name = String(el.fieldName ?? "");
    const index = typeof el.index === "number" ? el.index : undefined;
    if (i === 0 && name === "operations" && index !== undefined) {
      out.operationIndex = index;
      continue;
    }
    parts.push(index === undefined ? name : `${name}[${index}]`);
  }
  if (parts.length) out.field = parts.join(".");
  return out;
}

/** Reads a `google.rpc.Status` (the `error` of a failed call, or a `partialFailureError`). */
export function readStatus(raw: unknown): GoogleAdsStatus {
  const s = isObject(raw) ? raw : {};
  const out: GoogleAdsStatus = {
    status: typeof s.status === "string" ? s.status : undefined,
    message: typeof s.message === "string" ? s.message : "",
    errors: [],
  };
  for (const detail of Array.isArray(s.details) ? s.details : []) {
    if (!isObject(detail)) continue;
    for (const e of Array.isArray(detail.errors) ? detail.errors : []) {
      const parsed = item(e);
      if (parsed) out.errors.push(parsed);
    }
  }
  return out;
}

/** The `error` of a failed call's body, read; an empty status when the body is not Google's. */
export function readErrorBody(body: unknown): GoogleAdsStatus {
  return readStatus(isObject(body) ? body.error : undefined);
}

/** One line per error: `CODE: message (field)`, or the status message when there are none. */
export function describe(status: GoogleAdsStatus): string {
  if (!status.errors.length)
    return [status.status, status.message].filter(Boolean).join(": ") || "no details";
  const lines = status.errors.map((e) => `${e.code}: ${e.message}${e.field ? ` (${e.field})` : ""}`);
  return [...new Set(lines)].join("; ");
}

/**
 * The per-operation errors of an `addOperations` answer: request operation index → the API's
 * reasons for refusing it. Errors not tied to an operation are returned apart.
 */
export function operationErrors(partialFailureError: unknown): {
  byIndex: Map<number, string>;
  unplaced: GoogleAdsErrorItem[];
} {
  const status = readStatus(partialFailureError);
  const grouped = new Map<number, GoogleAdsErrorItem[]>();
  const unplaced: GoogleAdsErrorItem[] = [];
  for (const e of status.errors) {
    if (e.operationIndex === undefined) unplaced.push(e);
    else grouped.set(e.operationIndex, [...(grouped.get(e.operationIndex) ?? []), e]);
  }
  const byIndex = new Map<number, string>();
  for (const [index, errors] of grouped) byIndex.set(index, describe({ message: "", errors }));
  return { byIndex, unplaced };
}

/** Error codes a later attempt of the same request may get past. */
const TRANSIENT_CODES = new Set(["CONCURRENT_MODIFICATION", "TRANSIENT_ERROR", "INTERNAL_ERROR"]);

export function isTransient(status: GoogleAdsStatus): boolean {
  return status.errors.some((e) => TRANSIENT_CODES.has(e.code)) || status.status === "ABORTED";
}

/**
 * Waits longer than this are not spent inside a request: the error goes up with its delay, and
 * the sync engine waits before sending the batch again.
 */
export const INLINE_WAIT_MAX_MS = 60_000;

/**
 * Quota delays longer than this stop the run (a daily quota asks for hours): the engine would
 * hold the sync's lock waiting, and every later batch would meet the same quota.
 */
export const QUOTA_STOP_MS = 15 * 60_000;

/**
 * Whether the shared HTTP client retries a failed call itself (`HttpClientOptions.shouldRetry`):
 * what HTTP says is retryable (5xx, 429, timeouts, connection errors) and Google's transient
 * codes (`CONCURRENT_MODIFICATION` comes as a 400), as long as Google's delay is short enough to
 * wait inside the request. Not a 401: the connector fetches a new access token first.
 */
export function retryInPlace(error: HttpError): boolean {
  if (error.status === 401) return false;
  if (!error.retryable && !isTransient(readErrorBody(error.body))) return false;
  return (error.retryAfterMs ?? 0) <= INLINE_WAIT_MAX_MS;
}

/** Refusals of the account itself, whatever the HTTP status: no row can get through. */
export const ACCOUNT_REFUSALS = new Set([
  "CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE",
  "OPERATIONS_FOR_CUSTOMER_MATCH_NOT_ALLOWED",
  "CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS",
]);

/**
 * Refusals of the user list when a job is created for it (removed, or no longer a customer
 * list, since `check()` read it): no job of the run can take members.
 */
export const LIST_REFUSALS = new Set([
  "INVALID_USER_LIST_ID",
  "INVALID_USER_LIST_TYPE",
  "USER_LIST_NOT_APPLICABLE",
]);

/** What the user should do about a refusal of the credentials, the account or the list, by error code. */
export function refusalAdvice(codes: string[], customerId: string): string {
  const has = (c: string) => codes.includes(c);
  if (has("DEVELOPER_TOKEN_INVALID") || has("DEVELOPER_TOKEN_PROHIBITED"))
    return "the developer token is not valid for this Google Cloud project: copy it again from the Google Ads API Center into the sync's developerToken secret";
  if (has("DEVELOPER_TOKEN_NOT_APPROVED"))
    return "the developer token only has test access: apply for Basic or Standard access in the API Center, or sync to a test account";
  if (has("CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE"))
    return 'since April 2026 the Google Ads API takes Customer Match uploads only from developer tokens that used it before; new integrations go through Google\'s Data Manager API: use the destination type "google-data-manager" (connectors/google-data-manager/README.md) with the same user list as its productDestinationId';
  if (has("USER_PERMISSION_DENIED"))
    return `the Google account behind the refresh token cannot reach customer ${customerId}: set loginCustomerId to the manager account it reaches it through, or authorise with an account that has access`;
  if (has("CUSTOMER_NOT_ENABLED"))
    return `customer ${customerId} is not enabled (cancelled or not set up yet)`;
  if (has("OPERATIONS_FOR_CUSTOMER_MATCH_NOT_ALLOWED") || has("CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS"))
    return `customer ${customerId} may not use Customer Match: accept the Customer Match terms in Google Ads and check the account's eligibility (Google also answers this when the job's consent is DENIED)`;
  if (has("INVALID_USER_LIST_ID") || has("INVALID_USER_LIST_TYPE") || has("USER_LIST_NOT_APPLICABLE"))
    return "the user list cannot take members any more (removed, or not a customer list): check it in Google Ads (Audience manager) and the sync's userListId";
  return "authorise again (a new refresh token for a Google account with access to the customer) and check the developer token";
}
