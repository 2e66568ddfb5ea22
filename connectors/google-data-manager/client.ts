import { type HttpClient, HttpError, type Redactor } from "../../src/connector-kit/index.ts";
import type { AccessTokens, GoogleToken } from "./auth.ts";
import { classify, DataManagerError } from "./errors.ts";

/**
 * Calls of the Data Manager REST API through the shared HTTP client (pace, retries with backoff
 * and Google's `retryDelay`, redaction). What remains here: each call carries a fresh access
 * token, a 401 asks for a new one once before the same call goes again, and a failure no later
 * call can get past (credentials, the destination) stops every later call at once, without
 * asking Google again.
 */
export class DataManagerApi {
  private refused?: DataManagerError;
  /** Calls started, and retried by the HTTP client, for the run's report. */
  calls = 0;
  retries = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly tokens: AccessTokens,
    private readonly apiVersion: string,
    private readonly redactor: Redactor,
  ) {}

  /** POST `/{version}/{path}` with a JSON body. */
  post(path: string, body: unknown, what: string): Promise<Record<string, unknown>> {
    return this.call("POST", `/${this.apiVersion}/${path}`, what, JSON.stringify(body));
  }

  /** GET `/{version}/{path}?{query}`. */
  get(path: string, query: Record<string, string>, what: string): Promise<Record<string, unknown>> {
    return this.call("GET", `/${this.apiVersion}/${path}?${new URLSearchParams(query)}`, what);
  }

  private async call(
    method: "GET" | "POST",
    url: string,
    what: string,
    data?: string,
  ): Promise<Record<string, unknown>> {
    let stale: GoogleToken | undefined;
    for (;;) {
      if (this.refused) throw this.refused;
      let token: GoogleToken;
      try {
        token = stale ? await this.tokens.renew(stale) : await this.tokens.token();
      } catch (error) {
        if (error instanceof DataManagerError && error.fatal) this.refused = error;
        throw error;
      }
      this.calls++;
      let res: Awaited<ReturnType<HttpClient["request"]>>;
      try {
        res = await this.http.request({
          method,
          url,
          data,
          headers: {
            Authorization: `Bearer ${token.accessToken}`,
            Accept: "application/json",
            ...(data !== undefined ? { "Content-Type": "application/json" } : {}),
          },
        });
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        if (error.status === 401 && !stale) {
          // An expired or revoked access token: one new token, then the same call again.
          stale = token;
          continue;
        }
        const failure = classify(error, what, (t) => this.redactor.redact(t));
        if (failure.fatal) this.refused = failure;
        throw failure;
      }
      if (res.malformed || typeof res.body !== "object" || res.body === null) {
        throw new DataManagerError(
          `google-data-manager: ${what}: the answer is not JSON (HTTP ${res.status})`,
          true,
        );
      }
      return res.body as Record<string, unknown>;
    }
  }
}
