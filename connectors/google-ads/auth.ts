import type { Redactor } from "../../src/config/secrets.ts";
import type { HttpClient } from "../../src/http/client.ts";
import { HttpError } from "../../src/http/errors.ts";

/** A failure of the Google Ads API or of its OAuth server, classified once. */
export class GoogleAdsApiError extends Error {
  constructor(
    message: string,
    /** True when the same request may succeed later (quota, 5xx, concurrent modification). */
    readonly retryable: boolean,
    /** The wait Google asked for, when it did. */
    readonly retryAfterMs?: number,
    /**
     * True when nothing will get through until the user fixes something: refused credentials,
     * permissions, the account's eligibility, the list, a quota exhausted for long.
     */
    readonly fatal = false,
    /** Google's error codes, e.g. `JOB_ALREADY_STARTED`. */
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = "GoogleAdsApiError";
  }
}

export interface OAuthSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  customerId: string;
}

/** OAuth answers meaning the refresh token or the client will never be accepted as they are. */
const REFUSED = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope"]);

/** Access tokens are renewed this long before Google says they expire. */
const EARLY_MS = 60_000;

/**
 * Access tokens from the OAuth refresh-token grant (`POST tokenUrl`, form encoded), cached until
 * shortly before they expire, fetched once for concurrent callers, and registered with the
 * redactor so they can appear in no message.
 *
 * @example
 * const tokens = new AccessTokens(http, settings, redactor);
 * const token = await tokens.get();          // "ya29...."
 * tokens.invalidate(token);                  // after a 401: the next get() fetches a new one
 */
export class AccessTokens {
  private current?: { token: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: OAuthSettings,
    private readonly redactor: Redactor,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.now() < this.current.expiresAt - EARLY_MS) return this.current.token;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `token` (refused by the API), so that the next `get()` asks for a new one. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async fetch(): Promise<string> {
    const s = this.settings;
    const form = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: s.clientId,
      client_secret: s.clientSecret,
      refresh_token: s.refreshToken,
    });
    let body: unknown;
    try {
      const res = await this.http.request({
        method: "POST",
        url: s.tokenUrl,
        data: form.toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      });
      body = res.body;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const b = (error.body ?? {}) as { error?: unknown; error_description?: unknown };
      const code = typeof b.error === "string" ? b.error : undefined;
      const detail =
        typeof b.error_description === "string" ? `: ${this.redactor.redact(b.error_description)}` : "";
      if (code && REFUSED.has(code)) {
        throw new GoogleAdsApiError(
          `google-ads: Google refused the OAuth credentials (${code}${detail}). Authorise again: run the OAuth consent flow (scope https://www.googleapis.com/auth/adwords) with a Google account that can reach customer ${s.customerId}, and put the new refresh token in the secret the sync's refreshToken reads (check clientId and clientSecret belong to the same OAuth client)`,
          false,
          undefined,
          true,
          [code],
        );
      }
      throw new GoogleAdsApiError(
        `google-ads: could not get an access token from ${error.url} (${error.status ?? "no response"}${code ? ` ${code}` : ""}${detail})`,
        error.retryable,
        error.retryAfterMs,
        !error.retryable,
      );
    }
    const b = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
    if (typeof b.access_token !== "string" || !b.access_token) {
      throw new GoogleAdsApiError("google-ads: the OAuth token answer has no access_token", true);
    }
    this.redactor.add(b.access_token);
    const seconds = typeof b.expires_in === "number" && b.expires_in > 0 ? b.expires_in : 3600;
    this.current = { token: b.access_token, expiresAt: this.now() + seconds * 1000 };
    return b.access_token;
  }
}
