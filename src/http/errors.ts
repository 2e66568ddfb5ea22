/**
 * An HTTP call that failed for good, wrapped once: the method, the URL without credentials, the
 * status and the API's own message; never headers, bodies sent or the client library's internals.
 */
export class HttpError extends Error {
  constructor(
    readonly method: string,
    /** The URL with query values and user info removed, and secrets redacted. */
    readonly url: string,
    readonly status: number | undefined,
    /** The API's message, or the network error's code. */
    readonly apiMessage: string,
    /** True when a later retry may succeed (5xx, 429, timeouts, connection errors). */
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    /** The parsed response body, for connectors that read per-row errors from it. */
    readonly body?: unknown,
    /** The response headers (lower-case names), e.g. an API's rate-limit usage headers. */
    readonly headers?: Record<string, unknown>,
  ) {
    super(`${method} ${url} → ${status ?? "no response"}: ${apiMessage}`);
    this.name = "HttpError";
  }
}

/** 408, 425, 429 and 5xx may succeed later; other statuses will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** The message an API put in its error body, in the shapes APIs commonly use. */
export function apiMessage(body: unknown, fallback: string): string {
  if (typeof body === "string") return body.trim().slice(0, 300) || fallback;
  // Some APIs answer with a list of errors (Salesforce: [{"message", "errorCode"}]).
  if (Array.isArray(body)) {
    const messages = body.map((item) => apiMessage(item, "")).filter(Boolean);
    return messages.length ? messages.join("; ").slice(0, 300) : fallback;
  }
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    for (const key of ["message", "error_description", "error", "detail", "title"]) {
      const v = b[key];
      if (typeof v === "string" && v) return v.slice(0, 300);
      if (v && typeof v === "object" && typeof (v as { message?: unknown }).message === "string") {
        return String((v as { message: string }).message).slice(0, 300);
      }
    }
  }
  return fallback;
}
