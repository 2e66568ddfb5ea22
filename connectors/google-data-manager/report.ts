import type { RequestOutcome } from "./retrieve-status.ts";

/** What a run of the connector reports in the sync's results. */
export interface DataManagerRunReport {
  /** Requests Google accepted (each then read until processed). */
  requests: number;
  /** API calls made, status reads included, and the HTTP client's retries. */
  calls: number;
  retries: number;
  /** Final statuses of the requests, by `RequestStatus`. */
  statuses: Record<string, number>;
  /** Records Google counted as failed, per `ProcessingErrorReason` (it does not say which ones). */
  failedRecords: Record<string, number>;
  /** Records with a warning, per `ProcessingWarningReason`. */
  warnings: Record<string, number>;
  /** `upload_match_rate_range` of each processed ingestion. */
  matchRateRanges: string[];
}

const add = (into: Record<string, number>, key: string, n: number) => {
  into[key] = (into[key] ?? 0) + n;
};

/** The run's tallies, filled as requests are processed. */
export class RunStats {
  requests = 0;
  private readonly statuses: Record<string, number> = {};
  private readonly failed: Record<string, number> = {};
  private readonly warned: Record<string, number> = {};
  private readonly matchRates: string[] = [];

  record(what: "ingest" | "remove", o: RequestOutcome): void {
    add(this.statuses, `${what} ${o.status}`, 1);
    for (const e of o.errors) add(this.failed, e.reason, e.count);
    for (const w of o.warnings) add(this.warned, w.reason, w.count);
    if (o.matchRateRange) this.matchRates.push(o.matchRateRange);
  }

  report(calls: number, retries: number): DataManagerRunReport {
    return {
      requests: this.requests,
      calls,
      retries,
      statuses: { ...this.statuses },
      failedRecords: { ...this.failed },
      warnings: { ...this.warned },
      matchRateRanges: [...this.matchRates],
    };
  }
}
