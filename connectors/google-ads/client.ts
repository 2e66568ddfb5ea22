import {
  type HttpClient,
  HttpError,
  type Redactor,
  type TokenBucket,
} from "../../src/connector-kit/index.ts";
import { type AccessTokens, GoogleAdsApiError, type GoogleToken } from "./auth.ts";
import {
  ACCOUNT_REFUSALS,
  describe,
  isTransient,
  LIST_REFUSALS,
  QUOTA_STOP_MS,
  readErrorBody,
  refusalAdvice,
} from "./errors.ts";

export interface GoogleAdsApiOptions {
  /**
   * The shared HTTP client, retrying by itself what a later attempt may get past
   * (`retryInPlace`), with Google's delay.
   */
  http: HttpClient;
  /**
   * The pace of calls (see index.ts for why it is not the client's own). Taken before each call;
   * the client's retries take it after their wait.
   */
  bucket: TokenBucket;
  tokens: AccessTokens;
  developerToken: string;
  loginCustomerId?: string;
  customerId: string;
  apiVersion: string;
  /** Google's messages may quote what was sent (a refused developer token): redacted. */
  redactor: Redactor;
}

/**
 * Calls of the Google Ads REST API through the shared HTTP client (timeouts, retries with
 * Google's `retryDelay`, error wrapping, redaction). What remains here is what the client cannot
 * do: a 401 calls for a new access token (once) before the same call goes again, and Google's
 * error bodies say whether a failure is worth retrying later, or stops the run.
 *
 * Refusals that no later call can get past (refresh token revoked, developer token invalid, no
 * access to the customer, Customer Match closed to the account, the list gone) stop every later
 * call at once with the same message, without asking Google again.
 *
 * @example
 * const api = new GoogleAdsApi({ http, bucket, tokens, developerToken, customerId, apiVersion: "v26", redactor });
 * const body = await api.post(`customers/${cid}/googleAds:search`, { query }, "search the user list");
 */
export class GoogleAdsApi {
  private refused?: GoogleAdsApiError;
  /** Calls started here; the client's retries of a call are counted apart (index.ts). */
  calls = 0;

  constructor(private readonly o: GoogleAdsApiOptions) {}

  get customerId(): string {
    return this.o.customerId;
  }

  /** POSTs JSON to `/{version}/{path}` and returns the parsed answer. */
  async post(path: string, data: unknown, what: string): Promise<Record<string, unknown>> {
    const url = `/${this.o.apiVersion}/${path}`;
    let refused: GoogleToken | undefined;
    for (;;) {
      if (this.refused) throw this.refused;
      let token: GoogleToken;
      try {
        token = refused ? await this.o.tokens.renew(refused) : await this.o.tokens.token();
      } catch (error) {
        if (error instanceof GoogleAdsApiError && error.fatal) this.refused = error;
        throw error;
      }
      await this.o.bucket.take();
      this.calls++;
      let res: Awaited<ReturnType<HttpClient["request"]>>;
      try {
        res = await this.o.http.request({
          method: "POST",
          url,
          data: JSON.stringify(data),
          headers: this.headers(token.accessToken),
        });
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        const codes = readErrorBody(error.body).errors.map((e) => e.code);
        if (error.status === 401 && !refused && !codes.includes("DEVELOPER_TOKEN_INVALID")) {
          // Expired or revoked access token: one new token, then the same request again.
          refused = token;
          continue;
        }
        // Slower from now on. The bucket is not paused for Google's delay: the wait is the
        // engine's (rows retryable with it), or the client's already spent.
        if (error.status === 429) this.o.bucket.throttled();
        const failure = this.classify(error, what);
        if (failure.fatal) this.refused = failure;
        throw failure;
      }
      const body = res.body;
      if (res.malformed || typeof body !== "object" || body === null) {
        // The call may have been carried out: sending the batch again is harmless (membership
        // is a set; a job run twice answers JOB_ALREADY_STARTED).
        throw new GoogleAdsApiError(`google-ads: ${what}: the answer is not JSON (HTTP ${res.status})`, true);
      }
      return body as Record<string, unknown>;
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
    const wait = error.retryAfterMs;
    if (error.status === 429 && wait !== undefined && wait > QUOTA_STOP_MS) {
      return new GoogleAdsApiError(
        `${head}. Google asks to wait ${Math.round(wait / 60_000)} minutes (a daily quota, or the developer token's access level): the sync stops here and sends the rest next run`,
        true,
        wait,
        true,
        codes,
      );
    }
    if (error.status === undefined || error.status === 429 || error.status >= 500 || isTransient(status)) {
      return new GoogleAdsApiError(head, true, wait, false, codes);
    }
    if (
      error.status === 401 ||
      error.status === 403 ||
      codes.some((c) => ACCOUNT_REFUSALS.has(c) || LIST_REFUSALS.has(c))
    ) {
      return new GoogleAdsApiError(
        `${head}. ${refusalAdvice(codes, this.o.customerId)}`,
        false,
        undefined,
        true,
        codes,
      );
    }
    return new GoogleAdsApiError(head, false, undefined, false, codes);
  }
}
