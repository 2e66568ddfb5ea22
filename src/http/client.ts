import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import type { Redactor } from "../redactor.ts";
import { backoffMs, retryAfterMs } from "./backoff.ts";
import { apiMessage, HttpError, isRetryableStatus } from "./errors.ts";
import { defaultSleep, TokenBucket } from "./rate-limit.ts";
import { headerSecrets, redactUrl } from "./redact.ts";

export interface HttpClientOptions {
  /** Names the destination in errors, e.g. "webhook". */
  name: string;
  baseURL?: string;
  headers?: Record<string, string>;
  /** Milliseconds before a request is abandoned (then retried). */
  timeoutMs?: number;
  /** Requests per second at most, shared by every caller of this client. */
  rateLimit?: number;
  /** Attempts per request for retryable failures (default 5). */
  maxAttempts?: number;
  /** First backoff delay in milliseconds (doubles each attempt, with jitter). */
  backoffBaseMs?: number;
  /** Longest wait between attempts, including one asked for by Retry-After. */
  maxBackoffMs?: number;
  redactor?: Redactor;
  /** Injected in tests to skip real waiting. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The clock the rate limit measures with (milliseconds); tests whose `sleep` does not really
   * wait pass one that their `sleep` advances, so a 429 pause is not also waited on the wall clock.
   */
  now?: () => number;
  /**
   * Overrides whether a failed request is retried by the client (default: `error.retryable`),
   * e.g. a 429 for a daily quota, which no retry within the run can fix.
   */
  shouldRetry?: (error: HttpError) => boolean;
  /** Called before each retry (for progress output). */
  onRetry?: (info: { attempt: number; delayMs: number; error: HttpError }) => void;
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  data?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, unknown>;
  /** Parsed JSON, or the raw text when it is not JSON (empty string for no body). */
  body: unknown;
  /** True when the body was not valid JSON although it was not empty. */
  malformed: boolean;
}

/**
 * The one HTTP client every connector uses (axios underneath). Each request waits for the
 * destination's token bucket, is retried on 5xx, 429, timeouts and connection errors with
 * exponential backoff and jitter (a Retry-After header or a body hint wins), and a final
 * failure is an `HttpError` carrying method, URL, status and the API's message: never
 * credentials, which are also redacted from URLs.
 *
 * @example
 * const http = createHttpClient({ name: "hubspot", baseURL: "https://api.hubapi.com",
 *   headers: { Authorization: `Bearer ${token}` }, rateLimit: 10 });
 * const res = await http.request({ method: "POST", url: "/crm/v3/objects/contacts/batch/upsert", data });
 */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  readonly bucket: TokenBucket | undefined;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = options.maxAttempts ?? 5;
  const bucket = options.rateLimit
    ? new TokenBucket(options.rateLimit, undefined, sleep, options.now)
    : undefined;
  // An API may echo a token back without its scheme ("invalid token abc..."): the redactor must
  // know the bare token, not only the header value the config declared.
  for (const value of headerSecrets(options.headers)) options.redactor?.add(value);
  const instance: AxiosInstance = axios.create({
    baseURL: options.baseURL,
    headers: options.headers,
    timeout: options.timeoutMs ?? 30_000,
    // Every status is an answer to classify here, not an exception from axios.
    validateStatus: () => true,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
  });

  const fullUrl = (url: string) => (options.baseURL && !/^https?:/i.test(url) ? options.baseURL + url : url);

  function toError(req: HttpRequest, res: HttpResponse | undefined, cause?: unknown): HttpError {
    const url = redactUrl(fullUrl(req.url), options.redactor);
    const redact = (t: string) => options.redactor?.redact(t) ?? t;
    if (!res) {
      const code = (cause as { code?: string })?.code;
      const message =
        code === "ECONNABORTED" || code === "ETIMEDOUT" ? "timed out" : (code ?? "network error");
      return new HttpError(req.method, url, undefined, redact(message), true);
    }
    const status = res.status;
    return new HttpError(
      req.method,
      url,
      status,
      redact(apiMessage(res.body, `HTTP ${status}`)),
      isRetryableStatus(status),
      retryAfterMs(res.headers["retry-after"], res.body),
      res.body,
      res.headers,
    );
  }

  async function once(req: HttpRequest): Promise<HttpResponse> {
    await bucket?.take();
    let raw: AxiosResponse<string>;
    try {
      raw = await instance.request<string>({
        method: req.method,
        url: req.url,
        data: req.data,
        headers: req.headers,
      });
    } catch (error) {
      throw toError(req, undefined, error);
    }
    const text = typeof raw.data === "string" ? raw.data : "";
    let body: unknown = text;
    let malformed = false;
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        malformed = /json/i.test(String(raw.headers["content-type"] ?? ""));
      }
    }
    const res: HttpResponse = {
      status: raw.status,
      headers: raw.headers as Record<string, unknown>,
      body,
      malformed,
    };
    if (raw.status >= 200 && raw.status < 300) {
      bucket?.succeeded();
      return res;
    }
    const error = toError(req, res);
    if (raw.status === 429) bucket?.throttled(error.retryAfterMs);
    throw error;
  }

  return {
    bucket,
    async request(req) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(req);
        } catch (error) {
          if (!(error instanceof HttpError) || attempt >= maxAttempts) throw error;
          if (!(options.shouldRetry ? options.shouldRetry(error) : error.retryable)) throw error;
          const delayMs = Math.min(
            options.maxBackoffMs ?? 30_000,
            error.retryAfterMs ??
              backoffMs(attempt, options.backoffBaseMs ?? 250, options.maxBackoffMs ?? 30_000),
          );
          options.onRetry?.({ attempt, delayMs, error });
          await sleep(delayMs);
        }
      }
    },
  };
}
