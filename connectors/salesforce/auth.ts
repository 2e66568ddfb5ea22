import type { Redactor } from "../../src/config/secrets.ts";
import type { HttpClient } from "../../src/http/client.ts";
import { HttpError } from "../../src/http/errors.ts";
import { SalesforceSetupError } from "./errors.ts";

/** An access token and the org's API host it is valid for. */
export interface SalesforceToken {
  accessToken: string;
  instanceUrl: string;
}

export interface SessionOptions {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Overrides the token response's `instance_url`. */
  instanceUrl?: string;
  /** A client for the token endpoint (no rate limit: one call a run, or one per expiry). */
  http: HttpClient;
  redactor: Redactor;
}

/**
 * The OAuth 2.0 refresh-token flow: `POST {loginUrl}/services/oauth2/token` (form-encoded
 * grant_type, client_id, client_secret, refresh_token) → `access_token` + `instance_url`.
 * The token is fetched on first use, shared by concurrent callers, registered with the redactor,
 * and fetched again when a call says the session expired. A refusal (`invalid_grant`,
 * `invalid_client`) is remembered: later calls fail at once with the same message instead of
 * asking the token endpoint again.
 */
export class SalesforceSession {
  private pending?: Promise<SalesforceToken>;
  private latest?: SalesforceToken;
  private refreshedFrom?: SalesforceToken;
  /** Token requests sent (for tests and reports). */
  requests = 0;

  constructor(private readonly options: SessionOptions) {}

  /** The current token, fetching one the first time. */
  token(): Promise<SalesforceToken> {
    this.pending ??= this.fetch();
    return this.pending;
  }

  /** A new token to replace `stale` (once, however many callers saw it expire). */
  refresh(stale: SalesforceToken): Promise<SalesforceToken> {
    if (this.pending && (this.refreshedFrom === stale || (this.latest && this.latest !== stale))) {
      return this.pending;
    }
    this.refreshedFrom = stale;
    this.pending = this.fetch();
    return this.pending;
  }

  private async fetch(): Promise<SalesforceToken> {
    const o = this.options;
    const form = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: o.clientId,
      client_secret: o.clientSecret,
      refresh_token: o.refreshToken,
    });
    this.requests++;
    let body: Record<string, unknown>;
    try {
      const res = await o.http.request({
        method: "POST",
        url: `${o.loginUrl.replace(/\/+$/, "")}/services/oauth2/token`,
        data: form.toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      });
      body = (res.body && typeof res.body === "object" ? res.body : {}) as Record<string, unknown>;
    } catch (error) {
      const failure = tokenFailure(error, o.redactor);
      // A refusal stays cached (asking again cannot help); a transient failure is retried next call.
      if (!(failure instanceof SalesforceSetupError)) this.pending = undefined;
      throw failure;
    }
    const accessToken = body.access_token;
    const instanceUrl = o.instanceUrl ?? body.instance_url;
    if (typeof accessToken !== "string" || !accessToken || typeof instanceUrl !== "string" || !instanceUrl) {
      throw new SalesforceSetupError(
        `Salesforce's token endpoint (${o.loginUrl}) answered without access_token or instance_url: check destination.loginUrl`,
      );
    }
    o.redactor.add(accessToken);
    // With refresh token rotation the answer carries a new refresh token; it is a secret too.
    if (typeof body.refresh_token === "string") o.redactor.add(body.refresh_token);
    const token = { accessToken, instanceUrl: instanceUrl.replace(/\/+$/, "") };
    this.latest = token;
    return token;
  }
}

/** The token endpoint's refusal as one message saying what to do, with no credential in it. */
function tokenFailure(error: unknown, redactor: Redactor): Error {
  if (!(error instanceof HttpError) || error.retryable) return error as Error;
  const body = (error.body && typeof error.body === "object" ? error.body : {}) as Record<string, unknown>;
  const code = typeof body.error === "string" ? body.error : `HTTP ${error.status}`;
  const description = redactor.redact(
    typeof body.error_description === "string" ? body.error_description : error.apiMessage,
  );
  const said = `${code}: ${description}`;
  if (code === "invalid_grant") {
    return new SalesforceSetupError(
      `Salesforce refused the refresh token (${said}): it expired, was revoked, or was replaced because the connected app rotates refresh tokens. Re-authorise the connected app for the integration user and put the new refresh token in the environment variable behind destination.refreshToken`,
    );
  }
  if (code === "invalid_client_id" || code === "invalid_client") {
    return new SalesforceSetupError(
      `Salesforce refused the connected app's credentials (${said}): check destination.clientId (consumer key) and destination.clientSecret (consumer secret), and that destination.loginUrl suits the org (https://test.salesforce.com for sandboxes)`,
    );
  }
  return new SalesforceSetupError(
    `Salesforce refused the token request (${said}): check the connected app's OAuth settings and destination.loginUrl`,
  );
}
