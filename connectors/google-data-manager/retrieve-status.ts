import type { DataManagerApi } from "./client.ts";

/** `RequestStatusPerDestination.RequestStatus` (request_status_per_destination.proto). */
export type RequestStatus =
  | "REQUEST_STATUS_UNKNOWN"
  | "SUCCESS"
  | "PROCESSING"
  | "FAILED"
  | "PARTIAL_SUCCESS";

/** What Google reported about one request, for its one destination. */
export interface RequestOutcome {
  status: RequestStatus;
  /** `ErrorInfo.error_counts`: records that failed, per `ProcessingErrorReason`. */
  errors: { reason: string; count: number }[];
  /** `WarningInfo.warning_counts`, per `ProcessingWarningReason`. */
  warnings: { reason: string; count: number }[];
  /** `record_count` of the user data ingestion or removal status. */
  recordCount?: number;
  /** `upload_match_rate_range` (match_rate.proto), for ingestions. */
  matchRateRange?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const counts = (info: unknown, key: "errorCounts" | "warningCounts") =>
  (isObject(info) && Array.isArray(info[key]) ? info[key] : []).filter(isObject).map((c) => ({
    reason: String(c.reason ?? "UNSPECIFIED"),
    count: Number(c.recordCount ?? 0),
  }));

/**
 * `GET /v1/requestStatus:retrieve?requestId=…` (RetrieveRequestStatusRequest): one
 * `RequestStatusPerDestination` per destination of the request, in its order; this connector
 * sends one. int64 counts come as JSON strings (proto3 JSON mapping), read as numbers.
 */
export async function retrieveStatus(api: DataManagerApi, requestId: string): Promise<RequestOutcome> {
  const body = await api.get(
    "requestStatus:retrieve",
    { requestId },
    `reading the status of request ${requestId}`,
  );
  const list = Array.isArray(body.requestStatusPerDestination) ? body.requestStatusPerDestination : [];
  const d = isObject(list[0]) ? list[0] : {};
  const status = (
    typeof d.requestStatus === "string" ? d.requestStatus : "REQUEST_STATUS_UNKNOWN"
  ) as RequestStatus;
  const ingest = isObject(d.audienceMembersIngestionStatus) ? d.audienceMembersIngestionStatus : {};
  const removal = isObject(d.audienceMembersRemovalStatus) ? d.audienceMembersRemovalStatus : {};
  const user = isObject(ingest.userDataIngestionStatus)
    ? ingest.userDataIngestionStatus
    : isObject(removal.userDataRemovalStatus)
      ? removal.userDataRemovalStatus
      : {};
  return {
    status,
    errors: counts(d.errorInfo, "errorCounts"),
    warnings: counts(d.warningInfo, "warningCounts"),
    recordCount: user.recordCount !== undefined ? Number(user.recordCount) : undefined,
    matchRateRange: typeof user.uploadMatchRateRange === "string" ? user.uploadMatchRateRange : undefined,
  };
}

export interface PollOptions {
  sleep: (ms: number) => Promise<void>;
  /** First wait, in milliseconds; each next one 1.5 times longer, up to a minute. */
  intervalMs: number;
  /** The most waited in all before giving up on the request. */
  timeoutMs: number;
}

const MAX_WAIT_MS = 60_000;

/**
 * Reads a request's status until Google has processed it (SUCCESS, FAILED or PARTIAL_SUCCESS),
 * waiting between reads with a growing interval. Bounded: past `timeoutMs` of waiting it answers
 * the last status seen (PROCESSING or UNKNOWN), and the caller sends the rows again later.
 */
export async function awaitProcessed(
  api: DataManagerApi,
  requestId: string,
  o: PollOptions,
): Promise<RequestOutcome> {
  let waited = 0;
  let wait = o.intervalMs;
  for (;;) {
    await o.sleep(wait);
    waited += wait;
    const outcome = await retrieveStatus(api, requestId);
    if (outcome.status === "SUCCESS" || outcome.status === "FAILED" || outcome.status === "PARTIAL_SUCCESS") {
      return outcome;
    }
    if (waited >= o.timeoutMs) return outcome;
    wait = Math.min(MAX_WAIT_MS, Math.round(wait * 1.5), o.timeoutMs - waited);
  }
}
