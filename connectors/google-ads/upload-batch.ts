import { BatchError, type RowResult, type SyncRecord } from "../../src/sync/connector.ts";
import { addOperations, chunkMembers } from "./add-operations.ts";
import type { GoogleAdsApi } from "./api-client.ts";
import { GoogleAdsApiError } from "./auth.ts";
import type { GoogleAdsDestinationConfig } from "./config.ts";
import { createJob } from "./create-job.ts";
import { buildUserData } from "./identifiers.ts";
import { runJob, waitForJob } from "./run-job.ts";
import type { JobKind, UserData } from "./user-data.ts";

export interface UploadOptions {
  config: GoogleAdsDestinationConfig;
  /** The list's upload key type, from `check()`. */
  uploadKeyType: string;
  sleep: (ms: number) => Promise<void>;
}

interface Member {
  key: string;
  userData: UserData;
}

/**
 * One job of one kind for `members`, carried to its end: create → addOperations (requests of
 * at most 10,000 operations and 100,000 identifiers) → run → wait for SUCCESS or FAILED.
 *
 * A row is delivered only when Google accepted its operation AND the job it is in succeeded;
 * an operation Google refused is rejected with Google's reasons; the rows of a job that failed
 * or is still running after `jobTimeout` are retryable (adding or removing a member again is
 * harmless: a list is a set).
 */
async function uploadJob(api: GoogleAdsApi, kind: JobKind, members: Member[], o: UploadOptions) {
  const results: RowResult[] = [];
  const job = await createJob(api, o.config);
  const accepted: Member[] = [];
  for (const chunk of chunkMembers(members)) {
    const refused = await addOperations(
      api,
      job,
      kind,
      chunk.map((m) => m.userData),
    );
    chunk.forEach((m, i) => {
      const reason = refused.get(i);
      if (reason)
        results.push({ key: m.key, status: "rejected", reason: `Google Ads refused it: ${reason}` });
      else accepted.push(m);
    });
  }
  if (!accepted.length) return results;
  await runJob(api, job);
  const outcome = await waitForJob(api, job, {
    firstDelayMs: o.config.pollInterval * 1000,
    timeoutMs: o.config.jobTimeout * 60_000,
    sleep: o.sleep,
  });
  for (const m of accepted) {
    if (outcome.status === "SUCCESS") results.push({ key: m.key, status: "delivered" });
    else if (outcome.status === "FAILED")
      results.push({
        key: m.key,
        status: "retryable",
        reason: `Google Ads job ${job} FAILED (${outcome.failureReason ?? "no reason given"}); the row is sent again`,
      });
    else
      results.push({
        key: m.key,
        status: "retryable",
        reason: `Google Ads job ${job} was still ${outcome.status} after ${Math.round(outcome.waitedMs / 60_000)} minutes (jobTimeout); the row is sent again`,
      });
  }
  return results;
}

/**
 * Sends one batch: rows to add and rows to remove go to separate jobs (Google refuses a job
 * mixing them: CONFLICTING_OPERATION), removals first, since Google may process two jobs of a
 * list in any order and a person removed under an old key and added under a new one must stay.
 *
 * A whole-request refusal Google will repeat (INVALID_ARGUMENT) throws a non-retryable
 * BatchError; anything a later attempt may get past (quota, 5xx, concurrent modification,
 * refused credentials until fixed) leaves the job's rows retryable, with Google's delay.
 */
export async function uploadBatch(
  api: GoogleAdsApi,
  batch: SyncRecord[],
  o: UploadOptions,
): Promise<RowResult[]> {
  const results = new Map<string, RowResult>();
  const byKind: Record<JobKind, Member[]> = { remove: [], create: [] };
  for (const record of batch) {
    const built = buildUserData(record.fields, {
      defaultPhoneCountry: o.config.defaultPhoneCountry,
      uploadKeyType: o.uploadKeyType,
    });
    if (!built.ok) {
      const removal = record.op === "remove" || record.op === "delete";
      const reason =
        removal && Object.keys(record.fields).length === 0
          ? "a removal needs the fields last delivered (email, phone...), and none came with it"
          : built.reason;
      results.set(record.key, { key: record.key, status: "rejected", reason });
      continue;
    }
    const kind: JobKind = record.op === "remove" || record.op === "delete" ? "remove" : "create";
    byKind[kind].push({ key: record.key, userData: built.userData });
  }
  for (const kind of ["remove", "create"] as const) {
    const members = byKind[kind];
    if (!members.length) continue;
    try {
      for (const r of await uploadJob(api, kind, members, o)) results.set(r.key, r);
    } catch (error) {
      if (!(error instanceof GoogleAdsApiError)) throw error;
      if (!error.retryable && !error.credentials) throw new BatchError(error.message, false);
      for (const m of members) {
        results.set(m.key, {
          key: m.key,
          status: "retryable",
          reason: error.message,
          ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
        });
      }
    }
  }
  return batch.map(
    (r) => results.get(r.key) ?? { key: r.key, status: "retryable", reason: "not sent (internal error)" },
  );
}
