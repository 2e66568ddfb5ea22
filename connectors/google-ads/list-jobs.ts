import type { RowResult } from "../../src/connector-kit/index.ts";
import type { JobKind } from "./user-data.ts";

/** One job's work: its members in, one result per member out (or a whole-job failure thrown). */
export type RunJob<M> = (kind: JobKind, members: M[]) => Promise<Map<M, RowResult>>;

interface Waiting<M> {
  kind: JobKind;
  members: M[];
  resolve: (results: Map<M, RowResult>) => void;
  reject: (error: unknown) => void;
}

/**
 * The run's offline user data jobs on its one user list, as Google advises ("Customer Match:
 * best practices": create a single large job rather than several small ones; never run several
 * jobs on one list at once, which fails with CONCURRENT_MODIFICATION). Batches the engine sends
 * at the same time do not get a job each: their members wait here and go together into one job
 * per operation, filled with as many `addOperations` requests as they need; a job starts only
 * when the list's previous one has finished, removals before additions. With the engine's
 * batches in flight together, a run of up to `concurrency × batchSize` rows per operation is one
 * job each; a longer run has as few jobs as the engine's window allows, one after the other.
 */
export class ListJobs<M> {
  private waiting: Waiting<M>[] = [];
  private busy = false;

  constructor(private readonly run: RunJob<M>) {}

  /** The results of `members`, once the job they joined has finished. */
  submit(kind: JobKind, members: M[]): Promise<Map<M, RowResult>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ kind, members, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      // Batches the engine started together reach here a few ticks apart: let them join.
      await new Promise((r) => setImmediate(r));
      while (this.waiting.length) {
        const kind: JobKind = this.waiting.some((w) => w.kind === "remove") ? "remove" : "create";
        const joined = this.waiting.filter((w) => w.kind === kind);
        this.waiting = this.waiting.filter((w) => w.kind !== kind);
        try {
          const results = await this.run(
            kind,
            joined.flatMap((w) => w.members),
          );
          for (const w of joined) w.resolve(results);
        } catch (error) {
          for (const w of joined) w.reject(error);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
