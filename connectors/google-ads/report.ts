import { DroppedValues, type DroppedValuesReport } from "../../src/connector-kit/index.ts";
import type { JobOutcome } from "./run-job.ts";
import type { JobKind } from "./user-data.ts";

/** The jobs of one kind a run created, and how they ended. */
export interface JobCounts {
  created: number;
  succeeded: number;
  failed: number;
  /** Still PENDING or RUNNING at `jobTimeout` (their rows were sent again). */
  timedOut: number;
}

/** Operations of one kind sent in `addOperations`, and Google's answer to each. */
export interface OperationCounts {
  sent: number;
  /** Taken into their job (delivered once the job succeeds). */
  accepted: number;
  /** Refused in `partialFailureError` (their rows rejected). */
  refused: number;
}

/** What Google reported about the run's uploads, for the sync's results (`Connector.report`). */
export interface GoogleAdsRunReport {
  userList?: { id: string; name: string; uploadKeyType: string };
  /** API calls, the HTTP client's retries included (not the OAuth token endpoint). */
  requests: number;
  jobs: Record<JobKind, JobCounts>;
  operations: Record<JobKind, OperationCounts>;
  /**
   * Changed members whose earlier identifiers (an old email) left the list in a job that
   * succeeded; `staleRefused`: those Google refused to remove (the member was still updated).
   */
  staleRemoved: number;
  staleRefused: number;
  /** Rows refused before sending: no identifier Google can match. */
  refusedBeforeSending: number;
  /** Up to 10 distinct reasons Google gave for refused operations (codes and messages, no data). */
  refusalReasons: string[];
  /**
   * Jobs that succeeded, by the match rate range Google gives them
   * (`operation_metadata.match_rate_range`, e.g. `MATCH_RANGE_51_TO_60`).
   */
  matchRateRanges: Record<string, number>;
  /** Values not sent because they are not valid (the row went with its other identifiers). */
  invalidValuesNotSent?: DroppedValuesReport;
}

const jobCounts = (): JobCounts => ({ created: 0, succeeded: 0, failed: 0, timedOut: 0 });
const operationCounts = (): OperationCounts => ({ sent: 0, accepted: 0, refused: 0 });

/**
 * Counters of one connector (one run in the engine), fed by the upload as it goes. Rows the
 * engine offers again (a batch resent or split) count again as operations, since they are sent
 * again; rows refused before sending count once per key.
 */
export class RunStats {
  /** The HTTP client's retries (the calls themselves are counted by GoogleAdsApi). */
  retries = 0;
  readonly dropped = new DroppedValues();
  readonly jobs: Record<JobKind, JobCounts> = { create: jobCounts(), remove: jobCounts() };
  readonly operations: Record<JobKind, OperationCounts> = {
    create: operationCounts(),
    remove: operationCounts(),
  };
  staleRemoved = 0;
  staleRefused = 0;
  private readonly refusedKeys = new Set<string>();
  private readonly reasons = new Set<string>();
  private readonly matchRates: Record<string, number> = {};

  refusedBeforeSending(key: string): void {
    this.refusedKeys.add(key);
  }

  /** One `addOperations` answer: `refused` are Google's reasons for the refused operations. */
  operationsAnswered(kind: JobKind, sent: number, refused: Iterable<string>): void {
    let n = 0;
    for (const reason of refused) {
      n++;
      if (this.reasons.size < 10) this.reasons.add(reason);
    }
    this.operations[kind].sent += sent;
    this.operations[kind].refused += n;
    this.operations[kind].accepted += sent - n;
  }

  jobFinished(kind: JobKind, outcome: JobOutcome): void {
    const c = this.jobs[kind];
    if (outcome.status === "SUCCESS") {
      c.succeeded++;
      if (outcome.matchRateRange)
        this.matchRates[outcome.matchRateRange] = (this.matchRates[outcome.matchRateRange] ?? 0) + 1;
    } else if (outcome.status === "FAILED") c.failed++;
    else c.timedOut++;
  }

  /** The report, with `calls` made through GoogleAdsApi (retries are added here). */
  report(calls: number, userList?: GoogleAdsRunReport["userList"]): GoogleAdsRunReport {
    return {
      ...(userList ? { userList } : {}),
      requests: calls + this.retries,
      jobs: { create: { ...this.jobs.create }, remove: { ...this.jobs.remove } },
      operations: { create: { ...this.operations.create }, remove: { ...this.operations.remove } },
      staleRemoved: this.staleRemoved,
      staleRefused: this.staleRefused,
      refusedBeforeSending: this.refusedKeys.size,
      refusalReasons: [...this.reasons],
      matchRateRanges: { ...this.matchRates },
      ...(this.dropped.size ? { invalidValuesNotSent: this.dropped.report() } : {}),
    };
  }
}
