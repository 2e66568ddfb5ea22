import { GoogleAdsApiError } from "./auth.ts";
import type { GoogleAdsApi } from "./client.ts";

export type JobStatus = "PENDING" | "RUNNING" | "SUCCESS" | "FAILED" | "UNKNOWN";

export interface JobOutcome {
  status: JobStatus;
  /** Google's `failure_reason`, for a FAILED job. */
  failureReason?: string;
  /** How many members matched Google users, as a range (e.g. `MATCH_RANGE_51_TO_60`), when given. */
  matchRateRange?: string;
  /** Milliseconds spent waiting between looks. */
  waitedMs: number;
}

/**
 * `POST /vNN/{job}:run`: Google starts processing the job (a long-running operation; its
 * status is read with `waitForJob`). A job already started (the same run sent twice after a
 * lost answer) is fine.
 */
export async function runJob(api: GoogleAdsApi, job: string): Promise<void> {
  try {
    await api.post(`${job}:run`, {}, `run ${job}`);
  } catch (error) {
    if (error instanceof GoogleAdsApiError && error.codes.includes("JOB_ALREADY_STARTED")) return;
    throw error;
  }
}

/** The GAQL query reading a job's status (and, once it succeeded, its match rate range). */
export function jobStatusQuery(job: string): string {
  return `SELECT offline_user_data_job.resource_name, offline_user_data_job.status, offline_user_data_job.failure_reason, offline_user_data_job.operation_metadata.match_rate_range FROM offline_user_data_job WHERE offline_user_data_job.resource_name = '${job}'`;
}

/** `googleAds:search` for the job's status (the only way to read a job: there is no GET). */
export async function readJobStatus(api: GoogleAdsApi, job: string): Promise<Omit<JobOutcome, "waitedMs">> {
  const body = await api.post(
    `customers/${api.customerId}/googleAds:search`,
    { query: jobStatusQuery(job) },
    `read the status of ${job}`,
  );
  const rows = Array.isArray(body.results) ? body.results : [];
  const row = rows[0] as
    | {
        offlineUserDataJob?: {
          status?: string;
          failureReason?: string;
          operationMetadata?: { matchRateRange?: string };
        };
      }
    | undefined;
  const status = row?.offlineUserDataJob?.status;
  if (!status) throw new GoogleAdsApiError(`google-ads: ${job} was not found when reading its status`, true);
  const known = ["PENDING", "RUNNING", "SUCCESS", "FAILED"].includes(status);
  const range = row?.offlineUserDataJob?.operationMetadata?.matchRateRange;
  return {
    status: (known ? status : "UNKNOWN") as JobStatus,
    failureReason: row?.offlineUserDataJob?.failureReason,
    ...(range && range !== "UNSPECIFIED" && range !== "UNKNOWN" ? { matchRateRange: range } : {}),
  };
}

export interface WaitOptions {
  /** First wait before looking, in milliseconds; each next wait is half as long again, up to 5 minutes. */
  firstDelayMs: number;
  /** Total wait after which the job is left running. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
}

const MAX_POLL_DELAY_MS = 5 * 60_000;

/**
 * Looks at the job until it is SUCCESS or FAILED, or `timeoutMs` of waiting has passed (then the
 * last status seen, PENDING or RUNNING, is returned). Waits go through `sleep`.
 */
export async function waitForJob(api: GoogleAdsApi, job: string, o: WaitOptions): Promise<JobOutcome> {
  let waitedMs = 0;
  let delay = o.firstDelayMs;
  for (;;) {
    const step = Math.min(delay, Math.max(0, o.timeoutMs - waitedMs));
    await o.sleep(step);
    waitedMs += step;
    const seen = await readJobStatus(api, job);
    if (seen.status === "SUCCESS" || seen.status === "FAILED" || waitedMs >= o.timeoutMs) {
      return { ...seen, waitedMs };
    }
    delay = Math.min(MAX_POLL_DELAY_MS, Math.ceil(delay * 1.5));
  }
}
