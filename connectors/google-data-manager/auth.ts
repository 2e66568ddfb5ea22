import {
  type HttpClient,
  HttpError,
  oauthError,
  type Redactor,
  RefreshTokenSession,
} from "../../src/connector-kit/index.ts";
import { AUTH_ADVICE, DataManagerError } from "./errors.ts";

/**
 * The OAuth scope of the ingestion service (`google.api.oauth_scopes` of IngestionService,
 * ingestion_service.proto; `authentication.rules` of datamanager_v1.yaml). The refresh token must
 * have been granted it; the refresh grant itself sends no scope (RFC 6749 §6: it keeps the
 * scope of the original grant).
 */
export const DATA_MANAGER_SCOPE = "https://www.googleapis.com/auth/datamanager";

/** OAuth answers meaning the refresh token or the client will never be accepted as they are. */
const REFUSED = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope"]);

export interface GoogleToken {
  accessToken: string;
}

export type AccessTokens = RefreshTokenSession<GoogleToken>;

export interface OAuthSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Access tokens from Google's refresh-token grant, through the kit's `RefreshTokenSession`. */
export function googleAccessTokens(http: HttpClient, s: OAuthSettings, redactor: Redactor): AccessTokens {
  return new RefreshTokenSession<GoogleToken>({
    http,
    ...s,
    redactor,
    // Google's answer says how long a token lives; an hour when it does not.
    defaultLifetimeSeconds: 3600,
    read(body) {
      if (typeof body.access_token !== "string" || !body.access_token) {
        throw new DataManagerError("google-data-manager: the OAuth token answer has no access_token", true);
      }
      return { accessToken: body.access_token };
    },
    fail(cause) {
      const error = tokenFailure(cause, redactor);
      return { error, final: error instanceof DataManagerError && error.fatal };
    },
  });
}

function tokenFailure(error: unknown, redactor: Redactor): Error {
  if (!(error instanceof HttpError)) return error as Error;
  const { code, description } = oauthError(error.body);
  const detail = description !== undefined ? `: ${redactor.redact(description)}` : "";
  if (code && REFUSED.has(code)) {
    return new DataManagerError(
      `google-data-manager: Google refused the OAuth credentials (${code}${detail}). ${AUTH_ADVICE} (check clientId and clientSecret belong to the same OAuth client)`,
      false,
      undefined,
      true,
      [code],
    );
  }
  return new DataManagerError(
    `google-data-manager: could not get an access token from ${error.url} (${error.status ?? "no response"}${code ? ` ${code}` : ""}${detail})`,
    error.retryable,
    error.retryAfterMs,
    !error.retryable,
  );
}
