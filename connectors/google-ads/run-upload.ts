import type { RowResult, SyncRecord } from "../../src/connector-kit/index.ts";

/** Uploads rows in one pair of jobs (removals, then additions) and answers for each row. */
export type UploadRows = (records: SyncRecord[]) => Promise<RowResult[]>;

/**
 * The run's rows on their way to the user list, as Google advises ("Customer Match: best
 * practices": create a single large job and add all operations to it rather than several small
 * jobs; never run several jobs on one list at once, which fails with CONCURRENT_MODIFICATION).
 *
 * `write()` only collects rows here and answers them `pending`; the jobs run when the engine
 * settles at the end of the run, so a run of up to `rowsPerJob` rows is one job per operation. A
 * longer run uploads every `rowsPerJob` rows (bounding the rows held in memory), one upload after
 * the other: two jobs never run on the list at once. Each row's outcome is kept until the engine
 * asks for it (`settle`), and only then recorded.
 */
export class RunUpload {
  private buffer: SyncRecord[] = [];
  private settled: RowResult[] = [];
  /** The upload in progress (or the last one), which the next one waits for. */
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly upload: UploadRows,
    private readonly rowsPerJob: number,
  ) {}

  /** Collects a batch; once `rowsPerJob` rows wait, uploads them before answering. */
  async add(batch: SyncRecord[]): Promise<void> {
    this.buffer.push(...batch);
    if (this.buffer.length >= this.rowsPerJob) await this.flush();
  }

  /** Final outcomes known so far; with `final`, uploads what waits first. */
  async settle(final: boolean): Promise<RowResult[]> {
    if (final) await this.flush();
    const out = this.settled;
    this.settled = [];
    return out;
  }

  /** Uploads the rows collected so far, after the upload in progress. */
  private flush(): Promise<void> {
    const records = this.buffer;
    this.buffer = [];
    const next = this.running.then(async () => {
      if (!records.length) return;
      // Not `this.settled.push(...await ...)`: that reads the array before the wait, and `settle`
      // may have handed it out and replaced it by then.
      const results = await this.upload(records);
      this.settled.push(...results);
    });
    // A failed upload (a fatal refusal) rejects the call that started it; the next one still runs.
    this.running = next.catch(() => undefined);
    return next;
  }
}
