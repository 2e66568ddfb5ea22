import {
  deleteLoadedSegments,
  type LogBatch,
  readCheckpoint,
  readLog,
  writeCheckpoint,
} from "../log/reader.ts";
import { StagedBatch, shapeEvent } from "./shape.ts";
import type { EventSink } from "./sink.ts";

/** What one micro-batch did. */
export interface LoadStats {
  /** Events read from the log and committed (duplicates included: the warehouse skips them by id). */
  events: number;
  /** Rows the sink added (landing: rows landed, before deduplication). */
  rows: number;
  /** Lines of the log that were not events, skipped (file and byte offset). */
  invalid: LogBatch["invalid"];
  /** Milliseconds from the oldest event's receipt to the commit; undefined when there was none. */
  lagMs: number | undefined;
  /** Sealed segments deleted after the checkpoint moved past them. */
  segmentsDeleted: number;
}

export interface LoadOnceOptions {
  /** The log directory (absolute). */
  logDir: string;
  sink: EventSink;
  /** Events per micro-batch at most. */
  maxEvents: number;
  now?: () => Date;
}

/**
 * One micro-batch: events from the checkpoint on, shaped into the tables' rows, committed by the
 * sink, and only then the checkpoint moved (atomically) and the segments wholly loaded deleted.
 * A crash anywhere before the checkpoint replays the batch; the warehouse skips ids it holds.
 */
export async function loadOnce(options: LoadOnceOptions): Promise<LoadStats> {
  const now = options.now ?? (() => new Date());
  const from = await readCheckpoint(options.logDir);
  const sink = options.sink;
  // Each event is shaped as it is read; the sink's batch may write its rows out as they come.
  const batch = sink.newBatch ? await sink.newBatch() : new StagedBatch();
  const loadedAt = now().toISOString();
  let oldest = Number.POSITIVE_INFINITY;
  let read: LogBatch;
  try {
    read = await readLog(options.logDir, from, options.maxEvents, (event) => {
      shapeEvent(event, loadedAt, batch);
      const received = Date.parse(event.receivedAt);
      if (received < oldest) oldest = received;
    });
  } catch (error) {
    await sink.discard?.(batch);
    throw error;
  }
  const stats: LoadStats = {
    events: read.count,
    rows: 0,
    invalid: read.invalid,
    lagMs: undefined,
    segmentsDeleted: 0,
  };
  if (read.count) {
    stats.rows = await sink.write(batch);
    if (Number.isFinite(oldest)) stats.lagMs = Math.max(0, now().getTime() - oldest);
  } else await sink.discard?.(batch);
  if (read.next.segment !== from.segment || read.next.offset !== from.offset) {
    await writeCheckpoint(options.logDir, read.next);
  }
  stats.segmentsDeleted = await deleteLoadedSegments(options.logDir, read.next);
  return stats;
}

/** Micro-batches until the log holds no complete event after the checkpoint. */
export async function drain(options: LoadOnceOptions): Promise<LoadStats> {
  const total: LoadStats = { events: 0, rows: 0, invalid: [], lagMs: undefined, segmentsDeleted: 0 };
  for (;;) {
    const stats = await loadOnce(options);
    total.events += stats.events;
    total.rows += stats.rows;
    total.invalid.push(...stats.invalid);
    total.segmentsDeleted += stats.segmentsDeleted;
    if (stats.lagMs !== undefined) total.lagMs = Math.max(total.lagMs ?? 0, stats.lagMs);
    if (stats.events < options.maxEvents) return total;
  }
}
