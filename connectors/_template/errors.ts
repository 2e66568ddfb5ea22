import { BatchError, HttpError } from "../../src/connector-kit/index.ts";

/**
 * The API's failures, classified once (README.md, "Errors"): refused credentials stop the run
 * (`fatal`: no later batch can succeed), 429 and 5xx are worth a retry, anything else refuses the
 * batch. Keep the API's own message; never a credential (the HTTP client redacts them).
 */
export function toBatchError(error: unknown, what: string): unknown {
  if (!(error instanceof HttpError)) return error;
  const fatal = error.status === 401 || error.status === 403;
  const advice = fatal ? ": check destination.apiKey" : "";
  return new BatchError(
    `example: ${what} → ${error.message}${advice}`,
    error.retryable,
    error.retryAfterMs,
    fatal,
  );
}
