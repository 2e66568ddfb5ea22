import type { ConnectorKit, HttpRequest, HttpResponse } from "../../src/connector-kit/index.ts";
import type { HubspotDestinationConfig } from "./config.ts";
import { dailyLimitError, HubspotError, isDailyLimit, toHubspotError } from "./errors.ts";
import { rateLimitHeaders } from "./usage-headers.ts";

/**
 * HubSpot's HTTP API as the connector's operations use it: the shared client (token bucket,
 * retries with backoff, Retry-After, redaction) with the Bearer token, HubSpot's failures turned
 * into `HubspotError`s, and a stop for the rest of the run after a fatal failure every later
 * request would repeat (refused token, missing scope or property, daily limit): batches the
 * engine already started get the same error without a request being sent.
 */
export interface HubspotApi {
  request(req: HttpRequest, what: string): Promise<HttpResponse>;
  /**
   * The path of a CRM call in the configured API version: `/crm/v3/{api}/{rest}` for the legacy
   * version, `/crm/{api}/{version}/{rest}` for a date version (HubSpot's public API spec
   * collection: `/crm/objects/2026-09/{objectType}/batch/read`, `/crm/lists/2026-09/{listId}`...).
   */
  path(api: "objects" | "lists" | "properties", rest: string): string;
  /** The fatal failure that stopped sending for this run, if any. */
  readonly halted: HubspotError | undefined;
}

export function createHubspotApi(config: HubspotDestinationConfig, kit: ConnectorKit): HubspotApi {
  let halted: HubspotError | undefined;
  const http = kit.http({
    name: "hubspot",
    baseURL: config.baseUrl.replace(/\/+$/, ""),
    headers: {
      Authorization: `Bearer ${config.accessToken}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    },
    timeoutMs: config.timeout * 1000,
    // The daily quota does not come back in seconds: no retry, the run stops (see toHubspotError).
    shouldRetry: (error) => error.retryable && !isDailyLimit(error),
  });
  const version = config.apiVersion;
  return {
    path: (api, rest) => (version === "v3" ? `/crm/v3/${api}/${rest}` : `/crm/${api}/${version}/${rest}`),
    get halted() {
      return halted;
    },
    async request(req, what) {
      if (halted) throw halted;
      let res: HttpResponse;
      try {
        res = await http.request(req);
      } catch (error) {
        const e = toHubspotError(error, what);
        if (e.fatal) halted ??= e;
        throw e;
      }
      // The last request the day allows succeeded; the next ones would all get a 429 DAILY.
      const limits = rateLimitHeaders(res.headers);
      if (limits.dailyRemaining === 0) halted ??= dailyLimitError(limits.daily);
      if (res.malformed) {
        throw new HubspotError(
          `HubSpot answered ${res.status} with a body that is not valid JSON while ${what}; sent again`,
          true,
        );
      }
      return res;
    },
  };
}
