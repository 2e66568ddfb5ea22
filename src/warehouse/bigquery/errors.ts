import { WarehouseError } from "../../errors.ts";

/**
 * BigQuery's errors, read once: what failed, its `reason` (BigQuery's error code: `notFound`,
 * `rateLimitExceeded`, ...), and whether trying again can help. Everything the user sees becomes
 * one line naming the target, the cause and the job.
 */

/** Reasons worth retrying, for an API call and for a failed job (then with a new job id). */
const RETRYABLE_REASONS = new Set([
  "rateLimitExceeded",
  "userRateLimitExceeded",
  "backendError",
  "internalError",
  "jobBackendError",
  "jobInternalError",
  "jobRateLimitExceeded",
]);
const RETRYABLE_CODES = new Set([408, 429, 500, 502, 503, 504]);

interface ErrorProto {
  reason?: string | null;
  message?: string | null;
  location?: string | null;
}

/** The slice of the client's ApiError (and of auth and network errors) that is read here. */
interface ClientError {
  message?: string;
  code?: number | string;
  errors?: ErrorProto[];
  response?: { data?: { error?: string; error_description?: string } };
}

export interface ErrorFacts {
  message: string;
  reason?: string;
  code?: number;
}

export function errorFacts(error: unknown): ErrorFacts {
  const e = (error ?? {}) as ClientError;
  const first = e.errors?.find((x) => x.reason) ?? e.errors?.[0];
  const code = typeof e.code === "number" ? e.code : undefined;
  const message = first?.message || e.message || String(error);
  return { message, reason: first?.reason ?? undefined, code };
}

/** Whether an API call failing with this error may succeed if sent again. */
export function isRetryableCall(error: unknown): boolean {
  const facts = errorFacts(error);
  if (facts.code !== undefined && RETRYABLE_CODES.has(facts.code)) return true;
  return ((error as ClientError)?.errors ?? []).some((e) => !!e.reason && RETRYABLE_REASONS.has(e.reason));
}

/** Whether a job that failed with this reason may succeed as a new job. */
export function isRetryableJobFailure(reason: string | undefined): boolean {
  return !!reason && RETRYABLE_REASONS.has(reason);
}

/** A failed job, as reported in its status: the job ran and BigQuery refused or aborted it. */
export class JobFailure extends Error {
  constructor(
    readonly jobRef: string,
    readonly proto: ErrorProto,
  ) {
    super(proto.message ?? "the job failed");
    this.name = "JobFailure";
  }
}

/** An API call about a job failed (after the client's retries) while the job itself did not. */
export class JobCallFailure extends Error {
  constructor(
    readonly jobRef: string,
    override readonly cause: unknown,
  ) {
    super(errorFacts(cause).message);
    this.name = "JobCallFailure";
  }
}

export interface ErrorContext {
  /** e.g. `BigQuery target "prod"`. */
  prefix: string;
  /** The environment variable that may name a key file. */
  keyFileEnv: string;
  apiEndpoint?: string;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, "; ").trim();

/** What went wrong with the credentials or the connection, or undefined when it is neither. */
function accessProblem(error: unknown, ctx: ErrorContext): string | undefined {
  const e = (error ?? {}) as ClientError;
  const message = e.message ?? String(error);
  if (/Could not load the default credentials/i.test(message)) {
    return `no credentials found: set ${ctx.keyFileEnv} to a service-account key file, or run \`gcloud auth application-default login\``;
  }
  const oauth = e.response?.data?.error;
  if (typeof oauth === "string") {
    const detail = e.response?.data?.error_description;
    return `cannot get an access token (${oauth}${detail ? `: ${detail}` : ""}); the credentials may be expired or revoked: refresh them or check the key file named by ${ctx.keyFileEnv}`;
  }
  if (e.code === 401) {
    // Google's 401 text goes on about OAuth and sign-in pages; its first sentence says it all.
    const said = oneLine(errorFacts(error).message).replace(/(\.) .*$/, "$1");
    return `the credentials were rejected (${said}); they may be expired or revoked: refresh them (\`gcloud auth application-default login\`) or check the key file named by ${ctx.keyFileEnv}`;
  }
  const code = typeof e.code === "string" ? e.code : "";
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET/.test(`${code} ${message}`)) {
    return `cannot reach the BigQuery API${ctx.apiEndpoint ? ` at ${ctx.apiEndpoint}` : ""}: ${oneLine(message)}`;
  }
  return undefined;
}

/** Hints for the failures a user can fix in the target's configuration. */
function hint(facts: ErrorFacts): string {
  if (facts.reason === "notFound" && /Dataset .* not found in location/i.test(facts.message)) {
    return "; check the target's `schema` and `location` (datasets are created by `cdp run` and `cdp seed`)";
  }
  if (facts.reason === "notFound" && /Not found: Project/i.test(facts.message))
    return "; check the target's `project`";
  if (facts.reason === "bytesBilledLimitExceeded") return "; raise `maximumBytesBilled` in the target";
  if (facts.reason === "accessDenied") return "; the credentials lack a BigQuery permission";
  return "";
}

/**
 * One WarehouseError for anything the client or BigQuery threw: the target, the cause, BigQuery's
 * reason and the job, on one line. The client's error is kept as `cause` for `--debug`.
 */
export function toWarehouseError(
  error: unknown,
  ctx: ErrorContext,
  details: { sql?: string; job?: string } = {},
): WarehouseError {
  if (error instanceof WarehouseError) return error;
  if (error instanceof JobCallFailure) {
    return toWarehouseError(error.cause, ctx, { ...details, job: details.job ?? error.jobRef });
  }
  const access = accessProblem(error, ctx);
  if (access) return new WarehouseError(`${ctx.prefix}: ${access}`, details.sql, { cause: error });
  const facts =
    error instanceof JobFailure
      ? { message: error.proto.message ?? "the job failed", reason: error.proto.reason ?? undefined }
      : errorFacts(error);
  const job = error instanceof JobFailure ? error.jobRef : details.job;
  const tags = [facts.reason ? `reason ${facts.reason}` : undefined, job ? `job ${job}` : undefined].filter(
    Boolean,
  );
  const suffix = tags.length ? ` (${tags.join(", ")})` : "";
  return new WarehouseError(`${ctx.prefix}: ${oneLine(facts.message)}${hint(facts)}${suffix}`, details.sql, {
    cause: error,
  });
}
