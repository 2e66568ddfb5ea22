import { BatchError, HttpError } from "../../src/connector-kit/index.ts";
import { rateLimitHeaders } from "./usage-headers.ts";

/** The parts of HubSpot's error bodies we read (`{status: "error", message, category, ...}`). */
export interface HubspotErrorBody {
  status?: string;
  message?: string;
  category?: string;
  subCategory?: string;
  /** 429s: `RATE_LIMIT`, with `policyName` `TEN_SECONDLY_ROLLING` or `DAILY`. */
  errorType?: string;
  policyName?: string;
  context?: Record<string, unknown>;
  errors?: { message?: string; context?: Record<string, unknown> }[];
}

/**
 * A failed HubSpot call, as the sync sees it: the message says what happened and what to do.
 * `fatal` marks failures that every later request of the run would repeat (a refused token, a
 * missing scope or property, the daily limit): the engine stops the run with this one message,
 * and the rows not sent stay planned for the next run.
 */
export class HubspotError extends BatchError {
  constructor(
    message: string,
    retryable: boolean,
    retryAfterMs?: number,
    readonly status?: number,
    readonly category?: string,
    fatal = false,
  ) {
    super(message, retryable, retryAfterMs, fatal);
    this.name = "HubspotError";
  }
}

export function errorBody(body: unknown): HubspotErrorBody {
  return body && typeof body === "object" && !Array.isArray(body) ? (body as HubspotErrorBody) : {};
}

/**
 * True for HubSpot's 429 saying the portal's daily request limit is used up: `policyName`
 * `DAILY` in the body, or no request left of the day in `X-HubSpot-RateLimit-Daily-Remaining`.
 */
export function isDailyLimit(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    error.status === 429 &&
    (errorBody(error.body).policyName === "DAILY" || rateLimitHeaders(error.headers).dailyRemaining === 0)
  );
}

export const DAILY_LIMIT_MESSAGE =
  "HubSpot's daily API request limit for this portal is used up (429 DAILY): stopped sending for this run; " +
  "the rows not sent stay planned for the next run, once the limit resets at midnight in the portal's time zone " +
  "(if it recurs: sync less often, or raise the portal's limit with HubSpot's API add-on)";

/**
 * The day's requests are used up: no request of this run can succeed, so the run stops (fatal)
 * and the rows not sent stay planned. `daily` is the portal's limit when HubSpot said it.
 */
export function dailyLimitError(daily?: number): HubspotError {
  const message =
    daily === undefined
      ? DAILY_LIMIT_MESSAGE
      : DAILY_LIMIT_MESSAGE.replace(
          "(429 DAILY)",
          `(429 DAILY: ${daily.toLocaleString("en-US")} requests a day)`,
        );
  return new HubspotError(message, true, undefined, 429, "DAILY", true);
}

/** The one message for a refused token: no token in it, and what to do. */
export function credentialMessage(category: string | undefined): string {
  return (
    `HubSpot refused the access token (401${category ? ` ${category}` : ""}): set destination.accessToken ` +
    "to a valid private app access token (HubSpot: Settings > Integrations > Private Apps > your app > " +
    'Auth > Access token, e.g. through secret("HUBSPOT_ACCESS_TOKEN")); nothing more is sent this run'
  );
}

/**
 * HubSpot's message, readable: "Property values were not valid: [{...json...}]" becomes
 * "email: Email address x is invalid (INVALID_EMAIL)".
 */
export function readableMessage(message: string): string {
  const prefix = "Property values were not valid: ";
  if (!message.startsWith(prefix)) return message;
  try {
    const items = JSON.parse(message.slice(prefix.length)) as {
      name?: string;
      message?: string;
      error?: string;
    }[];
    if (!Array.isArray(items) || !items.length) return message;
    return items
      .map(
        (i) =>
          `${i.name ? `${i.name}: ` : ""}${i.message ?? "invalid value"}${i.error ? ` (${i.error})` : ""}`,
      )
      .join("; ");
  } catch {
    return message;
  }
}

/** Property names HubSpot says do not exist, from a validation message. */
export function missingProperties(message: string): string[] {
  const prefix = "Property values were not valid: ";
  if (!message.startsWith(prefix)) return [];
  try {
    const items = JSON.parse(message.slice(prefix.length)) as { name?: string; error?: string }[];
    if (!Array.isArray(items) || !items.length) return [];
    if (!items.every((i) => i.error === "PROPERTY_DOESNT_EXIST")) return [];
    return items.map((i) => i.name ?? "?");
  } catch {
    return [];
  }
}

function requiredScopes(body: HubspotErrorBody): string[] {
  const out = new Set<string>();
  for (const e of body.errors ?? []) {
    for (const v of Object.values(e.context ?? {})) {
      if (Array.isArray(v)) for (const s of v) if (typeof s === "string") out.add(s);
    }
  }
  return [...out];
}

/**
 * Turns a failed call into the error the sync reports. `what` says what was being done, e.g.
 * "upserting contacts".
 *
 * - 401: the credential message, fatal (stops the run);
 * - 403 (missing scopes): fatal, names the scopes HubSpot asked for;
 * - 429 DAILY: fatal; other 429s: retryable, after the window HubSpot names
 *   (`X-HubSpot-RateLimit-Interval-Milliseconds`) when it sent no Retry-After: by then the HTTP
 *   client's quick retries were refused too, so a whole window is the wait that helps;
 * - 5xx, timeouts, network: retryable;
 * - 400 naming properties that do not exist: fatal (every row has them);
 * - other 4xx: not retryable, with HubSpot's message (the engine isolates the bad rows).
 */
export function toHubspotError(error: unknown, what: string): HubspotError {
  if (error instanceof HubspotError) return error;
  if (!(error instanceof HttpError)) {
    return new HubspotError(`HubSpot: ${what} failed: ${(error as Error)?.message ?? String(error)}`, true);
  }
  const body = errorBody(error.body);
  const status = error.status;
  const category = body.category ?? body.errorType;
  const message = readableMessage(error.apiMessage);
  if (status === undefined) {
    return new HubspotError(`HubSpot did not answer while ${what} (${error.apiMessage}); retried`, true);
  }
  if (status === 401)
    return new HubspotError(credentialMessage(category), false, undefined, 401, category, true);
  const limits = rateLimitHeaders(error.headers);
  if (isDailyLimit(error)) return dailyLimitError(limits.daily);
  if (status === 429) {
    return new HubspotError(
      `HubSpot rate limit while ${what} (429 ${body.policyName ?? "RATE_LIMIT"}: ${message}); retried`,
      true,
      error.retryAfterMs ?? limits.intervalMs,
      429,
      category,
    );
  }
  if (status >= 500 || error.retryable) {
    return new HubspotError(
      `HubSpot ${status} while ${what}: ${message}; retried`,
      true,
      error.retryAfterMs,
      status,
      category,
    );
  }
  if (status === 403) {
    const scopes = requiredScopes(body);
    return new HubspotError(
      `HubSpot refused ${what} (403${category ? ` ${category}` : ""}: ${message})${
        scopes.length ? `; give the private app the scope ${scopes.join(" or ")}` : ""
      }`,
      false,
      undefined,
      403,
      category,
      true,
    );
  }
  const missing = missingProperties(error.apiMessage);
  if (missing.length) {
    return new HubspotError(
      `HubSpot has no property ${missing.map((m) => `"${m}"`).join(", ")} (while ${what}): create it in HubSpot or remove it from the sync's fields`,
      false,
      undefined,
      status,
      category,
      true,
    );
  }
  return new HubspotError(
    `HubSpot ${status}${category ? ` ${category}` : ""}: ${message}`,
    false,
    undefined,
    status,
    category,
  );
}
