import { BatchError, type RowResult } from "../../src/connector-kit/index.ts";
import type { DataManagerApi } from "./client.ts";
import { DataManagerError, RETRYABLE_PROCESSING } from "./errors.ts";
import type { AudienceMember } from "./members.ts";
import type { RunStats } from "./report.ts";
import { awaitProcessed, type PollOptions, type RequestOutcome } from "./retrieve-status.ts";

/** A member to send, with the row it stands for. */
export interface Pending {
  key: string;
  member: AudienceMember;
  /** Whether the member's ad_user_data consent, with the request's, is DENIED. */
  deniedConsent: boolean;
}

export interface DeliverOptions {
  api: DataManagerApi;
  /** The call: ingest or remove; answers the request id. */
  send(members: AudienceMember[]): Promise<string | undefined>;
  what: "ingest" | "remove";
  poll: PollOptions;
  stats: RunStats;
}

const DENIED = "PROCESSING_ERROR_REASON_DENIED_CONSENT";

/**
 * Sends members in one request and returns one result per row once Google has processed it.
 *
 * The API fails fast ("Understand API errors"): an invalid member fails the whole request and
 * nothing is taken, and its `BadRequest` names the member (`audienceMembers[3]…`). Those rows are
 * refused with Google's reason and the others are sent again, until a request is accepted. An
 * accepted request is then read with `requestStatus:retrieve` until processed: SUCCESS delivers
 * every row; FAILED refuses every row with the reasons counted (or leaves them retryable when the
 * only reason is Google's internal error); PARTIAL_SUCCESS delivers the rows, except those whose
 * failure can be told (DENIED_CONSENT counts that match the rows sent with denied consent),
 * since Google counts failures per reason without naming the records; the rest is reported.
 * A request still PROCESSING when the wait runs out leaves its rows retryable.
 */
export async function deliver(rows: Pending[], o: DeliverOptions): Promise<RowResult[]> {
  const results: RowResult[] = [];
  let pending = rows;
  while (pending.length) {
    let requestId: string | undefined;
    try {
      requestId = await o.send(pending.map((p) => p.member));
      o.stats.requests++;
    } catch (error) {
      if (!(error instanceof DataManagerError)) throw error;
      if (!error.fatal && !error.retryable && error.members.size) {
        const refused = pending.filter((_, i) => error.members.has(i));
        for (const [i, reason] of error.members) {
          const row = pending[i];
          if (row) results.push({ key: row.key, status: "rejected", reason: `Google: ${reason}` });
        }
        pending = pending.filter((_, i) => !error.members.has(i));
        if (refused.length) continue;
      }
      // Rows already refused keep their results; the rest fail as the request did.
      if (!results.length || error.fatal) {
        throw new BatchError(error.message, error.retryable, error.retryAfterMs, error.fatal);
      }
      return [...results, ...pending.map((p) => retryable(p.key, error.message, error.retryAfterMs))];
    }
    if (!requestId) {
      return [...results, ...pending.map((p) => retryable(p.key, "Google answered no requestId"))];
    }
    const outcome = await awaitProcessed(o.api, requestId, o.poll);
    o.stats.record(o.what, outcome);
    return [...results, ...rowsOf(pending, outcome, requestId)];
  }
  return results;
}

function retryable(key: string, reason: string, retryAfterMs?: number): RowResult {
  return retryAfterMs === undefined
    ? { key, status: "retryable", reason }
    : { key, status: "retryable", reason, retryAfterMs };
}

const summary = (o: RequestOutcome) =>
  o.errors.length ? o.errors.map((e) => `${e.reason} (${e.count})`).join(", ") : "no reason given";

function rowsOf(rows: Pending[], o: RequestOutcome, requestId: string): RowResult[] {
  if (o.status === "SUCCESS") return rows.map((r) => ({ key: r.key, status: "delivered" }));
  if (o.status === "FAILED") {
    const reason = `Google failed request ${requestId}: ${summary(o)}`;
    const transient = o.errors.length > 0 && o.errors.every((e) => RETRYABLE_PROCESSING.has(e.reason));
    return rows.map((r) =>
      transient ? retryable(r.key, reason) : { key: r.key, status: "rejected", reason },
    );
  }
  if (o.status === "PARTIAL_SUCCESS") {
    const denied = o.errors.find((e) => e.reason === DENIED)?.count ?? 0;
    const withDenied = rows.filter((r) => r.deniedConsent);
    const attribute = denied > 0 && denied === withDenied.length;
    return rows.map((r) =>
      attribute && r.deniedConsent
        ? { key: r.key, status: "rejected", reason: `Google: ${DENIED} (ad_user_data consent is DENIED)` }
        : { key: r.key, status: "delivered" },
    );
  }
  return rows.map((r) =>
    retryable(r.key, `Google was still processing request ${requestId} (${o.status}) when the wait ran out`),
  );
}
