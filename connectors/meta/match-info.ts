import type { UploadSession } from "./session.ts";
import { SessionCounter } from "./session.ts";
import type { UsersResponse } from "./update-users.ts";

/** Counts Meta reported for one operation. */
export interface MetaOperationCounts {
  requests: number;
  /** Rows Meta received (`num_received`). */
  received: number;
  /** Rows Meta could not use (`num_invalid_entries`). */
  invalid: number;
}

/**
 * What Meta reported about the uploads of this connector (one per run in the engine): the match
 * information of the audience as far as the API gives it. Meta does not say how many people
 * matched per request; the audience's size appears later (approximate_count_*), after matching.
 */
export interface MetaMatchInfo {
  add: MetaOperationCounts;
  /** Every DELETE: rows that left the audience, and the earlier identifiers of changed rows. */
  remove: MetaOperationCounts;
  /** Changed rows whose earlier identifiers were removed (counted in `remove` too). */
  staleRemoved: number;
  /** Rows refused before sending (no usable identifier). */
  refusedBeforeSending: number;
  /** How many entries Meta gave as samples of invalid entries (`invalid_entry_samples`). */
  invalidSamples: number;
  /** Up to 10 of Meta's invalid entry reasons (never the entries themselves). */
  invalidReasons: string[];
  sessions: { operation: "add" | "remove"; sessionId: number; batches: number }[];
}

/**
 * Collects what Meta reports about one connector's uploads (its match information), request by
 * request, whatever order batches finish in.
 */
export class MatchInfoCollector {
  private readonly sessions = new SessionCounter();
  private readonly sessionOps = new Map<number, "add" | "remove">();
  private readonly counts = {
    add: { requests: 0, received: 0, invalid: 0 },
    remove: { requests: 0, received: 0, invalid: 0 },
  };
  // Keys, not a count: the engine may offer a row again (a batch split or resent).
  private readonly refusedBeforeSending = new Set<string>();
  private staleRemoved = 0;
  private invalidSamples = 0;
  private readonly invalidReasons = new Set<string>();

  /** Rows refused before sending (no usable identifier). */
  refused(keys: string[]): void {
    for (const key of keys) this.refusedBeforeSending.add(key);
  }

  /** The session object of the next request of `op` in run `runId`, counted as a request. */
  /** The session of the next request of `op`, carrying the rows of `keys` of a session expected to hold `total`. */
  nextRequest(
    runId: string,
    op: "add" | "remove",
    keys: readonly string[] = [],
    total?: number,
  ): UploadSession {
    const session = this.sessions.next(runId, op, keys, total);
    this.sessionOps.set(session.session_id, op);
    this.counts[op].requests++;
    return session;
  }

  /** Meta's answer to a request of `op`, which carried `staleRemoved` earlier identifiers. */
  answered(op: "add" | "remove", response: UsersResponse, staleRemoved: number): void {
    this.counts[op].received += response.num_received;
    this.counts[op].invalid += response.num_invalid_entries;
    const samples = Object.values(response.invalid_entry_samples);
    this.invalidSamples += samples.length;
    for (const reason of samples) {
      if (this.invalidReasons.size < 10) this.invalidReasons.add(reason);
    }
    this.staleRemoved += staleRemoved;
  }

  info(): MetaMatchInfo {
    return {
      add: { ...this.counts.add },
      remove: { ...this.counts.remove },
      staleRemoved: this.staleRemoved,
      refusedBeforeSending: this.refusedBeforeSending.size,
      invalidSamples: this.invalidSamples,
      invalidReasons: [...this.invalidReasons],
      sessions: this.sessions.sessions.map((s) => ({
        ...s,
        operation: this.sessionOps.get(s.sessionId) ?? "add",
      })),
    };
  }
}
