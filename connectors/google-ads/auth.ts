import {
  type HttpClient,
  HttpError,
  oauthError,
  type Redactor,
  RefreshTokenSession,
} from "../../src/connector-kit/index.ts";

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

/** A Google access token. */
export interface GoogleToken {
  accessToken: string;
}

/**
 * Access tokens from Google's OAuth refresh-token grant (`POST tokenUrl`, form encoded: the
 * kit's `RefreshTokenSession`), cached until shortly before they expire, fetched once for
 * concurrent callers, registered with the redactor so they can appear in no message.
 *
 * @example
 * const tokens = googleAccessTokens(http, settings, redactor);
 * const token = await tokens.token();        // { accessToken: "ya29...." }
 * await tokens.renew(token);                 // after a 401: a new one
 */
export type AccessTokens = RefreshTokenSession<GoogleToken>;

export function googleAccessTokens(
  http: HttpClient,
  s: OAuthSettings,
  redactor: Redactor,
  now: () => number = Date.now,
): AccessTokens {
  return new RefreshTokenSession<GoogleToken>({
    http,
    tokenUrl: s.tokenUrl,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    refreshToken: s.refreshToken,
    redactor,
    now,
    // Google's answer says how long a token lives; an hour when it does not.
    defaultLifetimeSeconds: 3600,
    read(body) {
      if (typeof body.access_token !== "string" || !body.access_token) {
        throw new GoogleAdsApiError("google-ads: the OAuth token answer has no access_token", true);
      }
      return { accessToken: body.access_token };
    },
    fail(cause) {
      const error = tokenFailure(cause, s, redactor);
      return { error, final: error instanceof GoogleAdsApiError && error.fatal };
    },
  });
}

/** A failure of the token request as a GoogleAdsApiError saying what to do. */
function tokenFailure(error: unknown, s: OAuthSettings, redactor: Redactor): Error {
  if (!(error instanceof HttpError)) return error as Error;
  const { code, description } = oauthError(error.body);
  const detail = description !== undefined ? `: ${redactor.redact(description)}` : "";
  if (code && REFUSED.has(code)) {
    return new GoogleAdsApiError(
      `google-ads: Google refused the OAuth credentials (${code}${detail}). Authorise again: run the OAuth consent flow (scope https://www.googleapis.com/auth/adwords) with a Google account that can reach customer ${s.customerId}, and put the new refresh token in the secret the sync's refreshToken reads (check clientId and clientSecret belong to the same OAuth client)`,
      false,
      undefined,
      true,
      [code],
    );
  }
  return new GoogleAdsApiError(
    `google-ads: could not get an access token from ${error.url} (${error.status ?? "no response"}${code ? ` ${code}` : ""}${detail})`,
    error.retryable,
    error.retryAfterMs,
    !error.retryable,
  );
}
