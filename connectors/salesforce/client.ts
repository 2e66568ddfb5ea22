import {
  type HttpClient,
  HttpError,
  type HttpRequest,
  type HttpResponse,
} from "../../src/connector-kit/index.ts";
import type { SalesforceSession } from "./auth.ts";
import { apiErrors, SalesforceSetupError } from "./errors.ts";
import type { ApiUsage } from "./usage-headers.ts";

export interface ApiRequest {
  method: HttpRequest["method"];
  /** Under `/services/data/vXX.X` (e.g. `/sobjects/Contact/describe`), or a full `/services/...` path. */
  path: string;
  /** A JSON value (sent as JSON) or a string body with its `contentType`. */
  json?: unknown;
  text?: string;
  contentType?: string;
  accept?: string;
}

/**
 * The org's REST API: the shared HTTP client (retries, backoff, rate limit, redaction) plus what
 * is Salesforce's own: the Bearer token and instance URL from the session, the pinned API version
 * in every path, one token refresh when a call answers 401 `INVALID_SESSION_ID`, and the
 * `Sforce-Limit-Info` header of each response handed to the usage tracker.
 *
 * @example
 * const res = await api.request({ method: "GET", path: "/sobjects/Contact/describe" });
 */
export class SalesforceApi {
  /** What this connector sent, for the sync's report. */
  readonly stats = { requests: 0, bulkJobs: 0 };

  constructor(
    private readonly http: HttpClient,
    private readonly session: SalesforceSession,
    readonly apiVersion: string,
    readonly usage: ApiUsage,
  ) {}

  async request(req: ApiRequest): Promise<HttpResponse> {
    let token = await this.session.token();
    for (let attempt = 1; ; attempt++) {
      try {
        this.stats.requests++;
        const res = await this.http.request(this.toHttp(req, token.instanceUrl, token.accessToken));
        this.usage.observe(res.headers["sforce-limit-info"]);
        return res;
      } catch (error) {
        if (!isExpiredSession(error)) throw error;
        if (attempt > 1) {
          throw new SalesforceSetupError(
            "Salesforce refused a freshly issued access token (INVALID_SESSION_ID): check that the integration user is active and allowed to use the API, and that destination.instanceUrl (if set) is the org's",
          );
        }
        token = await this.session.renew(token);
      }
    }
  }

  private toHttp(req: ApiRequest, instanceUrl: string, accessToken: string): HttpRequest {
    const prefix = req.path.startsWith("/services/") ? "" : `/services/data/v${this.apiVersion}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${accessToken}`,
      Accept: req.accept ?? "application/json",
    };
    let data: string | undefined;
    if (req.json !== undefined) {
      data = JSON.stringify(req.json);
      headers["Content-Type"] = "application/json";
    } else if (req.text !== undefined) {
      data = req.text;
      headers["Content-Type"] = req.contentType ?? "text/plain";
    }
    return { method: req.method, url: `${instanceUrl}${prefix}${req.path}`, data, headers };
  }
}

function isExpiredSession(error: unknown): boolean {
  if (!(error instanceof HttpError) || error.status !== 401) return false;
  const codes = apiErrors(error.body).map((e) => e.errorCode);
  // Some 401s carry no body; any 401 from the data API means the session is not valid.
  return codes.length === 0 || codes.includes("INVALID_SESSION_ID");
}

/** A CSV response body as text (the client parses bodies that happen to be valid JSON). */
export function bodyText(res: HttpResponse): string {
  return typeof res.body === "string" ? res.body : JSON.stringify(res.body);
}
