/**
 * BigQuery's error shapes. An API error is an HTTP status with
 * `{error: {code, message, errors: [{message, domain, reason}], status}}`; a failed job reports
 * the same ErrorProto (`{reason, message, location?}`) in `status.errorResult` and `status.errors`,
 * and calls on its results answer with the HTTP status of that reason.
 */

export interface ErrorProto {
  reason: string;
  message: string;
  location?: string;
}

/** The HTTP status BigQuery uses for each reason (docs: "Error messages", error table). */
const CODES: Record<string, number> = {
  invalid: 400,
  invalidQuery: 400,
  bytesBilledLimitExceeded: 400,
  resourcesExceeded: 400,
  required: 401,
  authError: 401,
  accessDenied: 403,
  rateLimitExceeded: 403,
  quotaExceeded: 403,
  notFound: 404,
  duplicate: 409,
  internalError: 500,
  backendError: 500,
  notImplemented: 501,
};

const STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
};

/** The messages BigQuery sends with the transient reasons. */
export const DEFAULT_MESSAGES: Record<string, string> = {
  rateLimitExceeded:
    "Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas",
  backendError: "Error encountered during execution. Retrying may solve the problem.",
  internalError: "An internal error occurred and the request could not be completed.",
};

export const codeFor = (reason: string) => CODES[reason] ?? 400;

/** An error the stand-in answers with instead of a result. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly proto: ErrorProto,
    readonly extra: Record<string, string> = {},
  ) {
    super(proto.message);
  }

  static of(reason: string, message = DEFAULT_MESSAGES[reason] ?? reason): ApiFailure {
    return new ApiFailure(codeFor(reason), { reason, message });
  }

  body() {
    const usage = /rateLimitExceeded$/i.test(this.proto.reason) || this.proto.reason === "quotaExceeded";
    const domain = usage ? "usageLimits" : "global";
    return {
      error: {
        code: this.code,
        message: this.proto.message,
        errors: [{ message: this.proto.message, domain, reason: this.proto.reason, ...this.extra }],
        status: STATUS[this.code] ?? "UNKNOWN",
      },
    };
  }
}

export const notFound = (message: string) => ApiFailure.of("notFound", `Not found: ${message}`);
export const invalid = (message: string) => ApiFailure.of("invalid", message);

/** 401s, as Google's front end sends them. */
export const missingCredentials = () =>
  new ApiFailure(
    401,
    {
      reason: "required",
      message:
        "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    },
    { location: "Authorization", locationType: "header" },
  );

export const invalidCredentials = () =>
  new ApiFailure(
    401,
    {
      reason: "authError",
      message:
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    },
    { location: "Authorization", locationType: "header" },
  );
