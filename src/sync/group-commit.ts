import type { Warehouse } from "../warehouse/types.ts";
import { commitDelivered, journalDelivered, journals, recordErrors, type StateTables } from "./state.ts";

/** What one batch leaves in the state: its acknowledged rows, and those that were not delivered. */
export interface BatchOutcome {
  upserted: { key: string; hash: string; fields?: string }[];
  removed: string[];
  /** Acknowledged keys that had errors recorded (see `commitDelivered`). */
  clearErrors: string[];
  failed: { key: string; operation: string; error: string }[];
}

/**
 * Writes batch outcomes to the state tables one statement at a time, merging the batches that
 * finish while a write runs into the next one (group commit). Each batch still waits until its
 * own rows are written, so a batch's slot is free only once its snapshot moved; but the
 * warehouse runs one upsert for several batches instead of one each, side by side. A commit
 * costs about as much for 100 rows as for 1,000, and concurrent commits to one table mostly
 * wait for each other: small batches at a high request rate were held up by their commits.
 * Where the warehouse journals (`journals`), the acknowledged rows are appended to the journal.
 */
export class GroupCommit {
  private waiting: { outcome: BatchOutcome; done: (error?: Error) => void }[] = [];
  private writing = false;

  constructor(
    private readonly wh: Warehouse,
    private readonly t: StateTables,
  ) {}

  /** Resolves once the batch's outcome is in the state tables; rejects if that write failed. */
  write(outcome: BatchOutcome): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ outcome, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const group = this.waiting.splice(0);
      const outcomes = group.map((g) => g.outcome);
      try {
        await (journals(this.wh) ? journalDelivered : commitDelivered)(
          this.wh,
          this.t,
          outcomes.flatMap((o) => o.upserted),
          outcomes.flatMap((o) => o.removed),
          outcomes.flatMap((o) => o.clearErrors),
        );
        await recordErrors(
          this.wh,
          this.t,
          outcomes.flatMap((o) => o.failed),
        );
        for (const g of group) g.done();
      } catch (error) {
        for (const g of group) g.done(error as Error);
      }
    }
    this.writing = false;
  }
}
