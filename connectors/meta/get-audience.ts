import { BatchError, type HttpClient } from "../../src/connector-kit/index.ts";
import { toFailure } from "./update-users.ts";

/** What `check()` reads about the audience. */
export interface AudienceInfo {
  id: string;
  name?: string;
  subtype?: string;
  operation_status?: { code?: number; description?: string };
  /** Meta's estimate of the audience's size, as a range (Custom Audience reference). */
  approximate_count_lower_bound?: number;
  approximate_count_upper_bound?: number;
}

/** Meta's operation_status code for an audience flagged for restrictions: updates are refused. */
const FLAGGED = 471;

/** What the answer itself shows to be wrong (not a failed call): thrown as it is. */
class AudienceProblem extends Error {}

/**
 * One cheap call that proves the token works and the audience exists, is visible to it, is a
 * customer-file audience (subtype CUSTOM) and is not restricted:
 * `GET /{audience_id}?fields=id,name,subtype,operation_status`. Throttling is waited out (up to
 * `attempts` tries, unless Meta asks for longer than a run waits); anything else throws one line
 * saying what to fix.
 */
export async function checkAudience(
  http: HttpClient,
  url: string,
  audienceId: string,
  sleep: (ms: number) => Promise<void>,
  attempts = 3,
): Promise<AudienceInfo> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await http.request({ method: "GET", url });
      const info = (res.body ?? {}) as AudienceInfo;
      if (String(info.id ?? "") !== audienceId) {
        throw new AudienceProblem(
          `Meta answered GET audience ${audienceId} without the audience's id; check baseUrl`,
        );
      }
      if (info.subtype && info.subtype !== "CUSTOM") {
        throw new AudienceProblem(
          `Meta audience ${audienceId} ("${info.name ?? ""}") is a ${info.subtype} audience; only customer-file audiences (subtype CUSTOM) take members`,
        );
      }
      if (info.operation_status?.code === FLAGGED) {
        throw new AudienceProblem(
          `Meta audience ${audienceId} ("${info.name ?? ""}") is restricted (${info.operation_status.description ?? "flagged"}); resolve it in Audience Manager before syncing`,
        );
      }
      return info;
    } catch (error) {
      if (error instanceof AudienceProblem) throw error;
      const failure = toFailure(error, `checking Meta audience ${audienceId}`, url);
      if (failure instanceof BatchError && failure.fatal) throw new Error(failure.message);
      if (failure instanceof BatchError && failure.retryable && attempt < attempts) {
        await sleep(failure.retryAfterMs ?? 1000 * attempt);
        continue;
      }
      throw failure instanceof BatchError ? new Error(failure.message) : failure;
    }
  }
}
