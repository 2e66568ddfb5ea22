import type { HttpClient } from "../http/client.ts";
import type { Redactor } from "../redactor.ts";

/** A token is renewed this long before the answer said it expires. */
const EARLY_MS = 60_000;

export interface RefreshTokenOptions<T extends { accessToken: string }> {
  /** A client for the token endpoint (usually unpaced: one call a run, or one per expiry). */
  http: HttpClient;
  /** The token endpoint, e.g. `https://oauth2.googleapis.com/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  redactor: Redactor;
  /** The token answer as the connector uses it; throws for an answer it cannot use. */
  read(body: Record<string, unknown>): T;
  /**
   * Turns a failure (the endpoint's `HttpError`, or what `read` threw) into the error callers see.
   * A `final` one (a refused grant) is remembered: asking again cannot help, so later calls fail
   * at once with it; any other is retried by the next call.
   */
  fail(cause: unknown): { error: Error; final: boolean };
  /** Seconds a token lives when the answer has no `expires_in`; absent: until the API refuses it. */
  defaultLifetimeSeconds?: number;
  now?: () => number;
}

/** The error fields of an OAuth 2.0 error answer (RFC 6749 §5.2), when present. */
export function oauthError(body: unknown): { code?: string; description?: string } {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  return {
    code: typeof b.error === "string" ? b.error : undefined,
    description: typeof b.error_description === "string" ? b.error_description : undefined,
  };
}

/**
 * Access tokens from the OAuth 2.0 refresh-token grant (RFC 6749 §6): `POST tokenUrl` with
 * grant_type, client_id, client_secret and refresh_token, form encoded, through the shared HTTP
 * client. A token is fetched on first use, shared by concurrent callers, renewed shortly before it
 * expires (when the answer says when), and renewed once however many callers saw it refused. Every
 * access token, and a rotated refresh token, goes to the redactor before anyone sees it.
 *
 * Google's `google-auth-library` does the same for Google only, through its own HTTP stack: the
 * shared client's retries, injected waits and redaction would not apply, so Salesforce and Google
 * Ads share this one instead.
 *
 * @example
 * const tokens = new RefreshTokenSession({ http, tokenUrl, clientId, clientSecret, refreshToken, redactor,
 *   read: (body) => ({ accessToken: String(body.access_token) }), fail: (cause) => ({ error: cause as Error, final: false }) });
 * const token = await tokens.token();
 * const fresh = await tokens.renew(token); // after the API answered 401
 */
export class RefreshTokenSession<T extends { accessToken: string }> {
  private pending?: Promise<T>;
  private fetching = false;
  private latest?: T;
  private renewedFrom?: T;
  private expiresAt = Number.POSITIVE_INFINITY;
  private readonly now: () => number;

  constructor(private readonly options: RefreshTokenOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** The current token, fetching one the first time and once it is about to expire. */
  token(): Promise<T> {
    if (this.pending && (this.fetching || this.now() < this.expiresAt - EARLY_MS)) return this.pending;
    return this.start();
  }

  /** A new token to replace `stale`, which the API refused (once, however many callers saw it). */
  renew(stale: T): Promise<T> {
    if (
      this.pending &&
      (this.renewedFrom === stale || (this.latest !== undefined && this.latest !== stale))
    ) {
      return this.pending;
    }
    this.renewedFrom = stale;
    return this.start();
  }

  private start(): Promise<T> {
    this.fetching = true;
    const attempt: Promise<T> = this.fetch().then(
      (token) => {
        if (this.pending === attempt) this.fetching = false;
        return token;
      },
      (cause: unknown) => {
        const { error, final } = this.options.fail(cause);
        if (this.pending === attempt) {
          this.fetching = false;
          if (final) this.expiresAt = Number.POSITIVE_INFINITY;
          else this.pending = undefined;
        }
        throw error;
      },
    );
    this.pending = attempt;
    return attempt;
  }

  private async fetch(): Promise<T> {
    const o = this.options;
    const form = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: o.clientId,
      client_secret: o.clientSecret,
      refresh_token: o.refreshToken,
    });
    const res = await o.http.request({
      method: "POST",
      url: o.tokenUrl,
      data: form.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    });
    const body = (res.body && typeof res.body === "object" ? res.body : {}) as Record<string, unknown>;
    // Registered before `read` can put them in a message.
    if (typeof body.access_token === "string") o.redactor.add(body.access_token);
    // With refresh token rotation the answer carries a new refresh token; it is a secret too.
    if (typeof body.refresh_token === "string") o.redactor.add(body.refresh_token);
    const token = o.read(body);
    const seconds =
      typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : o.defaultLifetimeSeconds;
    this.expiresAt = seconds === undefined ? Number.POSITIVE_INFINITY : this.now() + seconds * 1000;
    this.latest = token;
    return token;
  }
}
