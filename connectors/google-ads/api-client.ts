import type { Redactor } from "../../src/config/secrets.ts";
import { backoffMs } from "../../src/http/backoff.ts";
import type { HttpClient } from "../../src/http/client.ts";
import { HttpError } from "../../src/http/errors.ts";
import { type AccessTokens, GoogleAdsApiError } from "./auth.ts";
import { credentialAdvice, describe, isTransient, readErrorBody } from "./errors.ts";

export interface GoogleAdsApiOptions {
  http: HttpClient;
  tokens: AccessTokens;
  developerToken: string;
  loginCustomerId?: string;
  customerId: string;
  apiVersion: string;
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  /** Google's messages may quote what was sent (a refused developer token): redacted. */
  redactor: Redactor;
}

/** Refusals of the account itself, whatever the HTTP status: no row can get through. */
const ACCOUNT_REFUSALS = new Set([
  "CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE",
  "OPERATIONS_FOR_CUSTOMER_MATCH_NOT_ALLOWED",
  "CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS",
]);

/**
 * Waits longer than this are not spent inside a request: the error goes up with its delay, and
 * the sync engine waits before sending the batch again.
 */
const INLINE_WAIT_MAX_MS = 60_000;

/**
 * Calls of the Google Ads REST API through the shared HTTP client (rate limit, timeouts, error
 * wrapping, redaction). The client is built with one attempt per call: retries happen here,
 * because Google's answers need reading first. Its delay (`RetryInfo`, a quota error's
 * `retryDelay`) is in the body, `CONCURRENT_MODIFICATION` comes as a 400, and a 401 calls for a
 * new access token once.
 *
 * Credentials refused for good (refresh token revoked, developer token invalid, no access to the
 * customer) stop every later call at once with the same message, without asking Google again.
 *
 * @example
 * const api = new GoogleAdsApi({ http, tokens, developerToken, customerId, apiVersion: "v26", maxAttempts: 5, sleep });
 * const body = await api.post(`customers/${cid}/googleAds:search`, { query }, "search the user list");
 */
export class GoogleAdsApi {
  private refused?: GoogleAdsApiError;

  constructor(private readonly o: GoogleAdsApiOptions) {}

  get customerId(): string {
    return this.o.customerId;
  }

  /** POSTs JSON to `/{version}/{path}` and returns the parsed answer. */
  async post(path: string, data: unknown, what: string): Promise<Record<string, unknown>> {
    const url = `/${this.o.apiVersion}/${path}`;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      if (this.refused) throw this.refused;
      let token: string;
      try {
        token = await this.o.tokens.get();
      } catch (error) {
        if (error instanceof GoogleAdsApiError && error.credentials) this.refused = error;
        throw error;
      }
      try {
        const res = await this.o.http.request({
          method: "POST",
          url,
          data: JSON.stringify(data),
          headers: this.headers(token),
        });
        const body = res.body;
        if (res.malformed || typeof body !== "object" || body === null) {
          // The call may have been carried out: a retry of the same request is harmless here
          // (membership is a set; a job run twice answers JOB_ALREADY_STARTED).
          throw new GoogleAdsApiError(
            `google-ads: ${what}: the answer is not JSON (HTTP ${res.status})`,
            true,
          );
        }
        return body as Record<string, unknown>;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        const status = readErrorBody(error.body);
        const codes = status.errors.map((e) => e.code);
        if (error.status === 401 && !refreshed && !codes.includes("DEVELOPER_TOKEN_INVALID")) {
          // Expired or revoked access token: one new token, then the same request again.
          this.o.tokens.invalidate(token);
          refreshed = true;
          attempt--;
          continue;
        }
        const failure = this.classify(error, what);
        if (failure.credentials) this.refused = failure;
        if (!failure.retryable || attempt >= this.o.maxAttempts) throw failure;
        const delay = failure.retryAfterMs ?? backoffMs(attempt, 1000, INLINE_WAIT_MAX_MS);
        if (delay > INLINE_WAIT_MAX_MS) throw failure;
        // Slower from now on; the pause itself is this wait (the bucket's own pause runs on the
        // wall clock, which an injected sleep does not advance).
        if (error.status === 429) this.o.http.bucket?.throttled();
        await this.o.sleep(delay);
      }
    }
  }

  private headers(token: string): Record<string, string> {
    const h: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      "developer-token": this.o.developerToken,
      "Content-Type": "application/json",
      Accept: "application/json",
    };
    if (this.o.loginCustomerId) h["login-customer-id"] = this.o.loginCustomerId;
    return h;
  }

  /** An HTTP failure as a GoogleAdsApiError saying what failed, why, and whether to retry. */
  private classify(error: HttpError, what: string): GoogleAdsApiError {
    const status = readErrorBody(error.body);
    const codes = status.errors.map((e) => e.code);
    const reason = status.errors.length || status.status ? describe(status) : error.apiMessage;
    const head = this.o.redactor.redact(
      `google-ads: ${what} → ${error.status ?? "no response"}${status.status ? ` ${status.status}` : ""}: ${reason}`,
    );
    if (error.status === undefined || error.status === 429 || error.status >= 500 || isTransient(status)) {
      return new GoogleAdsApiError(head, true, status.retryDelayMs ?? error.retryAfterMs, false, codes);
    }
    if (error.status === 401 || error.status === 403 || codes.some((c) => ACCOUNT_REFUSALS.has(c))) {
      return new GoogleAdsApiError(
        `${head}. ${credentialAdvice(codes, this.o.customerId)}`,
        false,
        undefined,
        true,
        codes,
      );
    }
    return new GoogleAdsApiError(head, false, undefined, false, codes);
  }
}
