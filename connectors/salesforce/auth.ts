import {
  type HttpClient,
  HttpError,
  oauthError,
  type Redactor,
  RefreshTokenSession,
} from "../../src/connector-kit/index.ts";
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
 * The OAuth 2.0 refresh-token flow: `POST {loginUrl}/services/oauth2/token` → `access_token` +
 * `instance_url` (the kit's `RefreshTokenSession`). The token is fetched on first use, shared by
 * concurrent callers, registered with the redactor, and fetched again when a call says the session
 * expired (`renew`). A refusal (`invalid_grant`, `invalid_client`) is remembered: later calls fail
 * at once with the same message instead of asking the token endpoint again.
 */
export type SalesforceSession = RefreshTokenSession<SalesforceToken>;

export function salesforceSession(o: SessionOptions): SalesforceSession {
  return new RefreshTokenSession<SalesforceToken>({
    http: o.http,
    tokenUrl: `${o.loginUrl.replace(/\/+$/, "")}/services/oauth2/token`,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    refreshToken: o.refreshToken,
    redactor: o.redactor,
    read(body) {
      const accessToken = body.access_token;
      const instanceUrl = o.instanceUrl ?? body.instance_url;
      if (
        typeof accessToken !== "string" ||
        !accessToken ||
        typeof instanceUrl !== "string" ||
        !instanceUrl
      ) {
        throw new SalesforceSetupError(
          `Salesforce's token endpoint (${o.loginUrl}) answered without access_token or instance_url: check destination.loginUrl`,
        );
      }
      return { accessToken, instanceUrl: instanceUrl.replace(/\/+$/, "") };
    },
    fail(cause) {
      const error = cause instanceof SalesforceSetupError ? cause : tokenFailure(cause, o.redactor);
      // A refusal stays (asking again cannot help); a transient failure is retried next call.
      return { error, final: error instanceof SalesforceSetupError };
    },
  });
}

/** The token endpoint's refusal as one message saying what to do, with no credential in it. */
function tokenFailure(error: unknown, redactor: Redactor): Error {
  if (!(error instanceof HttpError) || error.retryable) return error as Error;
  const answer = oauthError(error.body);
  const code = answer.code ?? `HTTP ${error.status}`;
  const description = redactor.redact(answer.description ?? error.apiMessage);
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
