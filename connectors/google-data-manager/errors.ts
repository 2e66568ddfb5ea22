import type { HttpError } from "../../src/connector-kit/index.ts";

/**
 * A failure of the Data Manager API or of Google's OAuth server, classified once. The API follows
 * Google's error model ("Understand API errors",
 * https://developers.google.com/data-manager/api/devguides/concepts/understand-errors): a
 * `google.rpc.Status` (`{"error": {"code", "message", "status", "details"}}`) whose details may
 * hold an `ErrorInfo` (the `ErrorReason` of error.proto) and a `BadRequest` naming the fields at
 * fault. It fails fast: one invalid member fails the whole request, and nothing of it is taken.
 */
export class DataManagerError extends Error {
  constructor(
    message: string,
    /** True when the same request may succeed later (quota, 5xx, UNAVAILABLE). */
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    /** True when nothing will get through until the user fixes something. */
    readonly fatal = false,
    /** `ErrorReason` values from the answer (error.proto). */
    readonly reasons: string[] = [],
    /** Members the API refused, by their index in the request, with why. */
    readonly members: ReadonlyMap<number, string> = new Map(),
  ) {
    super(message);
    this.name = "DataManagerError";
  }
}

interface RpcStatus {
  code?: number;
  status?: string;
  message?: string;
  reasons: string[];
  violations: { field: string; description: string; reason?: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The `google.rpc.Status` of an error body, with its ErrorInfo reasons and BadRequest violations. */
export function readStatus(body: unknown): RpcStatus {
  const error = isObject(body) && isObject(body.error) ? body.error : {};
  const out: RpcStatus = {
    code: typeof error.code === "number" ? error.code : undefined,
    status: typeof error.status === "string" ? error.status : undefined,
    message: typeof error.message === "string" ? error.message : undefined,
    reasons: [],
    violations: [],
  };
  for (const d of Array.isArray(error.details) ? error.details : []) {
    if (!isObject(d)) continue;
    const type = String(d["@type"] ?? "");
    if (type.endsWith("google.rpc.ErrorInfo") && typeof d.reason === "string") out.reasons.push(d.reason);
    if (type.endsWith("google.rpc.BadRequest") && Array.isArray(d.fieldViolations)) {
      for (const v of d.fieldViolations) {
        if (!isObject(v)) continue;
        out.violations.push({
          field: String(v.field ?? ""),
          description: String(v.description ?? ""),
          reason: typeof v.reason === "string" ? v.reason : undefined,
        });
        if (typeof v.reason === "string") out.reasons.push(v.reason);
      }
    }
  }
  return out;
}

/**
 * A field path's member index: `audienceMembers[3].userData…` (JSON) or `audience_members[3]…`
 * (proto), as `google.rpc.BadRequest.FieldViolation.field` allows both (error_details.proto).
 */
export function memberIndex(field: string): number | undefined {
  const m = /(?:^|\.)(?:audienceMembers|audience_members)\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) : undefined;
}

/**
 * `ErrorReason`s (error.proto) of the destination, the account or the credentials: no request of
 * the run can get past them, so the run stops with what to fix.
 */
const FATAL_REASONS: Record<string, string> = {
  PERMISSION_DENIED:
    "the Google account behind the refresh token cannot write to the operating account: grant it access, or set loginAccount to the (manager) account it reaches it through",
  NOT_FOUND:
    "the operating account or the list was not found: check operatingAccount and productDestinationId",
  INVALID_DESTINATION:
    "the destination is not valid: check operatingAccount, loginAccount and productDestinationId",
  INVALID_USER_LIST_ID: "the user list does not exist or cannot take members: check productDestinationId",
  INVALID_USER_LIST_TYPE: "the user list is not a Customer Match (customer list) audience",
  TERMS_AND_CONDITIONS_NOT_SIGNED:
    "the Customer Match terms are not accepted for this account: accept them in Google Ads (https://support.google.com/adspolicy/answer/6299717)",
  NOT_ALLOWLISTED: "the account is not on the allowlist for this feature",
  DATA_PARTNER_USER_LIST_MUTATE_NOT_ALLOWED: "the data partner has no access to the operating account's list",
  OPERATING_ACCOUNT_LOGIN_ACCOUNT_MISMATCH: "the login account must be the operating account for this use",
  DESTINATION_ACCOUNT_TYPE_MISMATCH: "operatingAccount.type does not match the account id",
  UNSUPPORTED_OPERATING_ACCOUNT_FOR_DATA_PARTNER:
    "this operating account cannot be reached through a data partner",
  MULTIPLE_DATA_TYPES_NOT_ALLOWED: "a request mixed data types",
};

/** gRPC codes a later attempt may get past (Google's own clients retry UNAVAILABLE and DEADLINE_EXCEEDED: datamanager_grpc_service_config.json). */
const TRANSIENT_CODES = new Set([
  "UNAVAILABLE",
  "DEADLINE_EXCEEDED",
  "INTERNAL",
  "RESOURCE_EXHAUSTED",
  "ABORTED",
]);

/** What to do about refused credentials (401 UNAUTHENTICATED, 403 on the scope). */
export const AUTH_ADVICE =
  "authorise again: run the OAuth consent flow with the scope https://www.googleapis.com/auth/datamanager for a Google account with access to the operating account, and put the new refresh token in the secret the sync's refreshToken reads";

/**
 * An HTTP failure of `what` as a DataManagerError: retryable (no answer, 429, 5xx, transient gRPC
 * codes), fatal (401, 403, a refusal of the destination), or a refusal of the request, with the
 * members named by the answer's field violations.
 */
export function classify(error: HttpError, what: string, redact: (t: string) => string): DataManagerError {
  const s = readStatus(error.body);
  const reasons = [...new Set(s.reasons)];
  const code = s.status ? ` ${s.status}` : "";
  const why = [s.message ?? error.apiMessage, reasons.length ? `(${reasons.join(", ")})` : ""]
    .filter(Boolean)
    .join(" ");
  const head = redact(`google-data-manager: ${what} → ${error.status ?? "no response"}${code}: ${why}`);
  const wait = error.retryAfterMs;
  if (
    error.status === undefined ||
    error.status === 429 ||
    error.status >= 500 ||
    TRANSIENT_CODES.has(s.status ?? "")
  ) {
    return new DataManagerError(head, true, wait, false, reasons);
  }
  if (error.status === 401 || s.status === "UNAUTHENTICATED") {
    return new DataManagerError(`${head}. ${AUTH_ADVICE}`, false, undefined, true, reasons);
  }
  const fatal = reasons.find((r) => FATAL_REASONS[r]);
  if (fatal) return new DataManagerError(`${head}. ${FATAL_REASONS[fatal]}`, false, undefined, true, reasons);
  if (error.status === 403 || s.status === "PERMISSION_DENIED") {
    const scope = /scope/i.test(why) ? AUTH_ADVICE : FATAL_REASONS.PERMISSION_DENIED;
    return new DataManagerError(`${head}. ${scope}`, false, undefined, true, reasons);
  }
  if (error.status === 404) {
    return new DataManagerError(`${head}. ${FATAL_REASONS.NOT_FOUND}`, false, undefined, true, reasons);
  }
  const members = new Map<number, string>();
  for (const v of s.violations) {
    const i = memberIndex(v.field);
    if (i === undefined) continue;
    const reason = redact(`${v.reason ? `${v.reason}: ` : ""}${v.description || "refused by Google"}`);
    members.set(i, members.has(i) ? `${members.get(i)}; ${reason}` : reason);
  }
  return new DataManagerError(head, false, undefined, false, reasons, members);
}

/** `ProcessingErrorReason`s (processing_errors.proto) worth sending the same members again for. */
export const RETRYABLE_PROCESSING = new Set(["PROCESSING_ERROR_REASON_INTERNAL_ERROR"]);
