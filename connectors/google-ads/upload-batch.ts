import { BatchError, type RowResult, type SyncRecord } from "../../src/connector-kit/index.ts";
import { addOperations, chunkMembers } from "./add-operations.ts";
import { GoogleAdsApiError } from "./auth.ts";
import type { GoogleAdsApi } from "./client.ts";
import type { GoogleAdsDestinationConfig } from "./config.ts";
import { createJob } from "./create-job.ts";
import { buildUserData, type IdentifierOptions, staleIdentifiers } from "./identifiers.ts";
import type { RunStats } from "./report.ts";
import { runJob, waitForJob } from "./run-job.ts";
import type { JobKind, UserData } from "./user-data.ts";

export interface UploadOptions {
  config: GoogleAdsDestinationConfig;
  /** The list's upload key type, from `check()`. */
  uploadKeyType: string;
  sleep: (ms: number) => Promise<void>;
  stats: RunStats;
}

export interface Member {
  key: string;
  userData: UserData;
  /** The earlier identifiers of a changed member (sent for removal), not a row of its own. */
  stale?: boolean;
}

/**
 * One job of one kind for `members`, carried to its end: create → addOperations (requests of
 * at most 10,000 operations and 100,000 identifiers) → run → wait for SUCCESS or FAILED.
 *
 * A member is delivered only when Google accepted its operation AND the job it is in succeeded;
 * an operation Google refused is rejected with Google's reasons; the members of a job that failed
 * or is still running after `jobTimeout` are retryable (adding or removing a member again is
 * harmless: a list is a set).
 */
async function uploadJob(
  api: GoogleAdsApi,
  kind: JobKind,
  members: Member[],
  o: UploadOptions,
): Promise<Map<Member, RowResult>> {
  const results = new Map<Member, RowResult>();
  const job = await createJob(api, o.config);
  o.stats.jobs[kind].created++;
  const accepted: Member[] = [];
  for (const chunk of chunkMembers(members)) {
    const refused = await addOperations(
      api,
      job,
      kind,
      chunk.map((m) => m.userData),
    );
    o.stats.operationsAnswered(kind, chunk.length, refused.values());
    chunk.forEach((m, i) => {
      const reason = refused.get(i);
      if (reason)
        results.set(m, { key: m.key, status: "rejected", reason: `Google Ads refused it: ${reason}` });
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
  o.stats.jobFinished(kind, outcome);
  for (const m of accepted) {
    if (outcome.status === "SUCCESS") results.set(m, { key: m.key, status: "delivered" });
    else if (outcome.status === "FAILED")
      results.set(m, {
        key: m.key,
        status: "retryable",
        reason: `Google Ads job ${job} FAILED (${outcome.failureReason ?? "no reason given"}); the row is sent again`,
      });
    else
      results.set(m, {
        key: m.key,
        status: "retryable",
        reason: `Google Ads job ${job} was still ${outcome.status} after ${Math.round(outcome.waitedMs / 60_000)} minutes (jobTimeout); the row is sent again`,
      });
  }
  return results;
}

/**
 * `uploadJob`, with a failure of the whole job turned into what the engine acts on: anything a
 * later attempt may get past (quota, 5xx, concurrent modification, a malformed answer) leaves the
 * members retryable with Google's delay; a whole-request refusal Google will repeat
 * (INVALID_ARGUMENT) is a non-retryable BatchError (the engine splits the batch to isolate the
 * rows causing it); a refusal no batch can get past (credentials, account, list, a long quota)
 * is a fatal BatchError: the run stops with that one message and its rows stay planned.
 */
async function settleJob(
  api: GoogleAdsApi,
  kind: JobKind,
  members: Member[],
  o: UploadOptions,
): Promise<Map<Member, RowResult>> {
  try {
    return await uploadJob(api, kind, members, o);
  } catch (error) {
    if (!(error instanceof GoogleAdsApiError)) throw error;
    if (error.fatal) throw new BatchError(error.message, error.retryable, error.retryAfterMs, true);
    if (!error.retryable) throw new BatchError(error.message, false);
    const wait = error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {};
    return new Map(
      members.map((m) => [m, { key: m.key, status: "retryable", reason: error.message, ...wait }]),
    );
  }
}

/**
 * Uploads rows (the run's, or `rowsPerJob` of them: `run-upload.ts`): rows to add and rows to
 * remove go to separate jobs (Google refuses a job
 * mixing them: CONFLICTING_OPERATION), removals first and to their end before the additions
 * start, since Google may process two jobs of a list in any order and a person removed under an
 * old key and added under a new one must stay.
 *
 * A changed member (an add carrying `previous`, the fields last delivered) whose identifiers
 * changed has the identifiers it no longer has (an old email) removed in the removal job: a list
 * is a set of identifiers, and the old ones would otherwise stay until the key leaves the model.
 * Its add goes only once they are gone; until then it stays retryable, so the snapshot keeps
 * the old fields and the removal is sent again with it.
 */
export async function uploadBatch(
  api: GoogleAdsApi,
  batch: SyncRecord[],
  o: UploadOptions,
): Promise<RowResult[]> {
  const ids: IdentifierOptions = {
    defaultPhoneCountry: o.config.defaultPhoneCountry,
    uploadKeyType: o.uploadKeyType,
  };
  const results = new Map<string, RowResult>();
  const removals: Member[] = [];
  const adds: Member[] = [];
  for (const record of batch) {
    const removal = record.op === "remove" || record.op === "delete";
    const built = buildUserData(record.fields, ids);
    if (!built.ok) {
      const reason =
        removal && Object.keys(record.fields).length === 0
          ? "a removal needs the fields last delivered (email, phone...), and none came with it"
          : built.reason;
      results.set(record.key, { key: record.key, status: "rejected", reason });
      o.stats.refusedBeforeSending(record.key);
      continue;
    }
    if (!removal) for (const field of built.dropped) o.stats.dropped.add(field, record.key);
    if (removal) {
      removals.push({ key: record.key, userData: built.userData });
      continue;
    }
    adds.push({ key: record.key, userData: built.userData });
    const stale = record.previous ? staleIdentifiers(record.previous, built.userData, ids) : [];
    if (stale.length) removals.push({ key: record.key, userData: { userIdentifiers: stale }, stale: true });
  }

  const staleOutcome = new Map<string, RowResult>();
  if (removals.length) {
    const outcome = await settleJob(api, "remove", removals, o);
    for (const m of removals) {
      const r = outcome.get(m)!;
      if (!m.stale) results.set(m.key, r);
      else {
        staleOutcome.set(m.key, r);
        if (r.status === "delivered") o.stats.staleRemoved++;
        // Refused by Google: retrying will not help, and holding the member back would hold its
        // new data too. It is updated; the refusal is in the report.
        else if (r.status === "rejected") o.stats.staleRefused++;
      }
    }
  }

  const ready = adds.filter((m) => {
    const stale = staleOutcome.get(m.key);
    if (stale?.status !== "retryable") return true;
    results.set(m.key, {
      key: m.key,
      status: "retryable",
      reason: `its earlier identifiers were not removed yet (${stale.reason}); sent again with them`,
      ...(stale.retryAfterMs !== undefined ? { retryAfterMs: stale.retryAfterMs } : {}),
    });
    return false;
  });
  if (ready.length) {
    const outcome = await settleJob(api, "create", ready, o);
    for (const m of ready) results.set(m.key, outcome.get(m)!);
  }
  return batch.map(
    (r) => results.get(r.key) ?? { key: r.key, status: "retryable", reason: "not sent (internal error)" },
  );
}
