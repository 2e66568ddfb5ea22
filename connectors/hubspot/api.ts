import { createHttpClient, type HttpRequest, type HttpResponse } from "../../src/http/client.ts";
import type { ConnectorContext } from "../../src/sync/connector.ts";
import type { HubspotDestinationConfig } from "./config.ts";
import { dailyLimitError, HubspotError, isDailyLimit, toHubspotError } from "./errors.ts";

/**
 * HubSpot's HTTP API as the connector's operations use it: the shared client (token bucket,
 * retries with backoff, Retry-After, redaction) with the Bearer token, HubSpot's failures turned
 * into `HubspotError`s, and a stop for the rest of the run after a failure every later request
 * would repeat (refused token, missing scope or property, daily limit): those requests are not
 * sent, so the engine isolating rows costs no calls.
 */
export interface HubspotApi {
  request(req: HttpRequest, what: string): Promise<HttpResponse>;
  /** The failure that stopped sending for this run, if any. */
  readonly halted: HubspotError | undefined;
}

export interface HubspotApiOptions {
  rateLimit: number;
  maxAttempts: number;
}

/** `X-HubSpot-RateLimit-Daily-Remaining`, when HubSpot sent it (private apps get it). */
export function dailyRemaining(headers: Record<string, unknown>): number | undefined {
  const raw = headers["x-hubspot-ratelimit-daily-remaining"];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

export function createHubspotApi(
  config: HubspotDestinationConfig,
  ctx: ConnectorContext,
  options: HubspotApiOptions,
): HubspotApi {
  ctx.redactor.add(config.accessToken);
  let halted: HubspotError | undefined;
  const http = createHttpClient({
    name: "hubspot",
    baseURL: config.baseUrl.replace(/\/+$/, ""),
    headers: {
      Authorization: `Bearer ${config.accessToken}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    },
    timeoutMs: config.timeout * 1000,
    rateLimit: options.rateLimit,
    maxAttempts: options.maxAttempts,
    redactor: ctx.redactor,
    sleep: ctx.sleep,
    onRetry: ({ error }) => {
      // The daily quota does not come back in seconds: no retry, the failure goes up as it is.
      if (isDailyLimit(error)) throw error;
    },
  });
  return {
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
        if (e.haltsRun) halted ??= e;
        throw e;
      }
      // The last request the day allows succeeded; the next ones would all get a 429 DAILY.
      if (dailyRemaining(res.headers) === 0) halted ??= dailyLimitError();
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
