/**
 * What a stream keeps alive while it is read. Garbage is collected before each sample (the test
 * pool runs node with --expose-gc, see vitest.config.ts), so the figures are what the reader
 * holds, not what the collector has not reached yet: a process-wide RSS read without it grows
 * with the collector's timing and made these tests flaky.
 */
export interface StreamMemory {
  rows: number;
  /** Peak growth of the live JS heap over the start, in MB. */
  heapGrowthMb: number;
  /** Peak growth of the process's resident set over the start, in MB. */
  rssGrowthMb: number;
}

function collect(): void {
  if (!global.gc) throw new Error("memory tests need node's --expose-gc (vitest.config.ts execArgv)");
  global.gc();
}

/** Reads every batch, handing each to `onBatch`, sampling memory every `every` batches. */
export async function measureStream<T>(
  batches: AsyncIterable<T[]>,
  onBatch: (batch: T[]) => void = () => {},
  every = 4,
): Promise<StreamMemory> {
  collect();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let rows = 0;
  let seen = 0;
  for await (const batch of batches) {
    rows += batch.length;
    onBatch(batch);
    if (++seen % every === 0) {
      collect();
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }
  }
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return { rows, heapGrowthMb: mb(peakHeap - before.heapUsed), rssGrowthMb: mb(peakRss - before.rss) };
}
