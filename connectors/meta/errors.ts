import { META_VERSIONS } from "./versions.ts";

/**
 * Graph API errors. Meta puts the cause in the body, not the status:
 * `{"error": {"message", "type", "code", "error_subcode", "error_user_title", "error_user_msg",
 * "is_transient", "fbtrace_id"}}`, usually with HTTP 400 even for throttling ("Handling Errors"
 * and the Marketing API "Error Codes" reference).
 */
export interface GraphError {
  message: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** The Graph error in a response body, if it has one. */
export function graphError(body: unknown): GraphError | undefined {
  if (!body || typeof body !== "object") return undefined;
  const e = (body as { error?: unknown }).error;
  if (!e || typeof e !== "object") return undefined;
  const g = e as Record<string, unknown>;
  const num = (v: unknown) =>
    typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return {
    message: str(g.message) ?? "no message",
    type: str(g.type),
    code: num(g.code),
    error_subcode: num(g.error_subcode),
    error_user_title: str(g.error_user_title),
    error_user_msg: str(g.error_user_msg),
    is_transient: g.is_transient === true,
    fbtrace_id: str(g.fbtrace_id),
  };
}

/**
 * Throttling codes: 4 (application limit), 17 (user/account limit), 32 (page limit), 613 (call
 * rate), 80000-80014 (business use case limits; 80003 is Custom Audience, 80004 Ads Management).
 */
export function isThrottling(code: number | undefined): boolean {
  return (
    code === 4 ||
    code === 17 ||
    code === 32 ||
    code === 613 ||
    (code !== undefined && code >= 80000 && code <= 80014)
  );
}

/**
 * What an error means for a sync:
 * - `credentials`: the token is expired, revoked or invalid (190, 102; subcodes 458-467);
 * - `permission`: the token may not manage this audience (10, 200-299);
 * - `audience`: the audience is missing, not a customer-file audience, or restricted;
 * - `throttled`: wait and send again;
 * - `transient`: a temporary Meta-side failure (1, 2, `is_transient`), send again;
 * - `version`: the API version in the URL has expired (2635, "You are calling a deprecated
 *   version of the Ads API": Meta's blog, "Upcoming change in Marketing API version deprecation",
 *   2024-04-16); every request of the run would get it;
 * - `refused`: the request itself was refused (100 invalid parameter, 105, 368, ...): the
 *   engine splits the batch to find the rows responsible.
 */
export type GraphErrorKind =
  | "credentials"
  | "permission"
  | "audience"
  | "throttled"
  | "transient"
  | "version"
  | "refused";

export function classifyGraphError(error: GraphError, status: number | undefined): GraphErrorKind {
  const { code, error_subcode: sub } = error;
  if (code === 190 || code === 102) return "credentials";
  if (code === 2635) return "version";
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return "permission";
  if (isThrottling(code)) return "throttled";
  // 100/33: the object does not exist or this token cannot see it; 1713230: restricted audience.
  if (code === 100 && (sub === 33 || sub === 1713230)) return "audience";
  if (code === 1 || code === 2 || error.is_transient) return "transient";
  if (code === undefined && status !== undefined && status >= 500) return "transient";
  return "refused";
}

/** The error in one line: Meta's message, its user message when there is one, code and trace id. */
export function describeGraphError(error: GraphError): string {
  const parts = [error.message];
  if (error.error_user_msg && error.error_user_msg !== error.message) parts.push(error.error_user_msg);
  const code = [
    error.code !== undefined ? `code ${error.code}` : "",
    error.error_subcode !== undefined ? `subcode ${error.error_subcode}` : "",
    error.fbtrace_id ? `fbtrace_id ${error.fbtrace_id}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return code ? `${parts.join(": ")} (${code})` : parts.join(": ");
}

/** What to do about each kind, for the user, in one sentence. */
export const ADVICE: Record<GraphErrorKind, string> = {
  credentials:
    "the Meta access token is expired, revoked or invalid: create a new system-user token with ads_management in Business Settings and set it in the variable that accessToken reads",
  permission:
    "the token may not manage this audience: give its system user access to the ad account that owns the audience (with ads_management), then run again",
  audience:
    "the audience cannot be updated: check that audienceId names a customer-file Custom Audience this token can see, and resolve any restriction in Audience Manager",
  throttled: "Meta is throttling this app or ad account: the rows are sent again after a wait",
  transient: "a temporary error at Meta: the rows are sent again",
  version: `the Marketing API version has expired: set destination.apiVersion to a current one (default ${META_VERSIONS.default}; connectors/meta/versions.ts lists each version's expiration)`,
  refused: "Meta refused the request",
};
