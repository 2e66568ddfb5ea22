import { type FileHandle, mkdir, open } from "node:fs/promises";
import path from "node:path";
import { CdpError } from "../../errors.ts";
import { segmentFileName } from "../log-format.ts";
import { directoryBytes, listSegments, repairTornTail, syncDirectory } from "./segments.ts";

export interface LogWriterOptions {
  /** The log directory (`collect.logDir`, resolved). Created when missing. */
  dir: string;
  /** A segment is sealed and a new one opened once it holds this many bytes. Default 16 MiB. */
  segmentBytes?: number;
  /** How often the directory is measured again (the loader deletes loaded segments). Default 1 s. */
  usageRefreshMs?: number;
}

export interface LogWriterStats {
  /** Bytes of the whole log directory: what the disk budget counts. */
  bytes: number;
  /** Sequence of the segment being appended to. */
  segment: number;
  eventsWritten: number;
  bytesWritten: number;
  /** fsyncs done; each covers every request whose lines it wrote (grouped commit). */
  fsyncs: number;
  fsyncSeconds: number;
  /** Bytes of a torn last line cut at start (a write a crash interrupted). */
  repairedBytes: number;
}

/** The log cannot take more events: closed, or a write failed and the disk needs attention. */
export class LogUnavailableError extends CdpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LogUnavailableError";
  }
}

interface Pending {
  chunk: Buffer;
  events: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The append-only log's writer (layout: ../log-format.ts). `append` resolves only once the fsync
 * covering its lines returned, so a 2xx sent after it means the events are on disk. Requests that
 * arrive while an fsync runs are written and synced together by the next one (grouped commit):
 * the cost of an fsync is shared by every request waiting for it, not paid per event.
 */
export class LogWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;
  private failure: Error | undefined;
  private otherBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly counters = { eventsWritten: 0, bytesWritten: 0, fsyncs: 0, fsyncSeconds: 0 };
  private readonly writtenListeners: ((events: number) => void)[] = [];

  private constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    private handle: FileHandle,
    private sequence: number,
    private size: number,
    private readonly repairedBytes: number,
  ) {}

  /** Opens the log: repairs a torn tail of the newest segment and starts a new segment after it. */
  static async open(options: LogWriterOptions): Promise<LogWriter> {
    const dir = path.resolve(options.dir);
    await mkdir(dir, { recursive: true });
    const segments = await listSegments(dir);
    const newest = segments.at(-1);
    const repaired = newest === undefined ? 0 : await repairTornTail(path.join(dir, segmentFileName(newest)));
    const sequence = (newest ?? 0) + 1;
    const handle = await open(path.join(dir, segmentFileName(sequence)), "ax");
    await syncDirectory(dir);
    const writer = new LogWriter(
      dir,
      options.segmentBytes ?? 16 * 1024 * 1024,
      handle,
      sequence,
      0,
      repaired,
    );
    await writer.refreshUsage();
    writer.timer = setInterval(
      () => void writer.refreshUsage().catch(() => {}),
      options.usageRefreshMs ?? 1000,
    );
    writer.timer.unref();
    return writer;
  }

  /**
   * Appends whole lines (each ending in `\n`) of one request; resolves once they are fsynced.
   * The lines of one call are written by one write, in order, never interleaved with another's.
   */
  append(chunk: Buffer, events: number): Promise<void> {
    if (this.closed) return Promise.reject(new LogUnavailableError("the collector is shutting down"));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ chunk, events, resolve, reject });
      this.kick();
    });
  }

  /** Starts the flush loop unless it runs; an append that arrives as it ends starts it again. */
  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined;
      if (this.queue.length) this.kick();
    });
  }

  /**
   * Calls `listener` after each fsynced group with the number of events it made durable: what
   * wakes the loader when enough events wait, without anyone polling the writer's counters.
   */
  onWritten(listener: (events: number) => void): void {
    this.writtenListeners.push(listener);
  }

  /** Why the log takes no more events until a restart, or undefined while it works. */
  failed(): string | undefined {
    return this.failure?.message;
  }

  /** Bytes of the log directory (all segments and the loader's checkpoint). */
  bytes(): number {
    return this.otherBytes + this.size;
  }

  stats(): LogWriterStats {
    return {
      bytes: this.bytes(),
      segment: this.sequence,
      repairedBytes: this.repairedBytes,
      ...this.counters,
    };
  }

  /** Measures the directory again: the loader deletes segments it has loaded. */
  async refreshUsage(): Promise<void> {
    this.otherBytes = await directoryBytes(this.dir, segmentFileName(this.sequence));
  }

  /** Writes and fsyncs everything appended so far, then closes the segment. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    await this.handle.close().catch(() => {});
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length) {
      const group = this.queue;
      this.queue = [];
      try {
        await this.writeGroup(group);
      } catch (error) {
        const failure = new LogUnavailableError(
          `writing the event log in ${this.dir} failed: ${(error as Error).message}`,
          { cause: error },
        );
        // Those requests are refused (503: their clients retry); later ones may find room again,
        // unless the log could not be put back to its last whole line.
        for (const p of group) p.reject(failure);
        if (this.failure) {
          for (const p of this.queue) p.reject(this.failure);
          this.queue = [];
          return;
        }
        continue;
      }
      for (const p of group) p.resolve();
      if (this.writtenListeners.length) {
        let events = 0;
        for (const p of group) events += p.events;
        for (const listener of this.writtenListeners) listener(events);
      }
      if (this.size >= this.segmentBytes) {
        try {
          await this.rotate();
        } catch (error) {
          this.failure = new LogUnavailableError(
            `opening a new segment of the event log in ${this.dir} failed: ${(error as Error).message}`,
            { cause: error },
          );
          for (const p of this.queue) p.reject(this.failure);
          this.queue = [];
          return;
        }
      }
    }
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    const data = group.length === 1 ? group[0]!.chunk : Buffer.concat(group.map((p) => p.chunk));
    const before = this.size;
    try {
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await this.handle.write(data, written, data.length - written);
        written += bytesWritten;
      }
      const t0 = performance.now();
      await this.handle.datasync();
      this.counters.fsyncSeconds += (performance.now() - t0) / 1000;
      this.counters.fsyncs++;
    } catch (error) {
      // Cut what this group wrote, so a later line never follows half of one of its lines.
      try {
        await this.handle.truncate(before);
      } catch (cause) {
        this.failure = new LogUnavailableError(
          `the event log in ${this.dir} could not be repaired after a failed write (${(cause as Error).message}); restart the collector`,
          { cause },
        );
      }
      throw error;
    }
    this.size += data.length;
    this.counters.bytesWritten += data.length;
    for (const p of group) this.counters.eventsWritten += p.events;
  }

  /** Seals the current segment (already fsynced) and opens the next one. */
  private async rotate(): Promise<void> {
    const next = this.sequence + 1;
    const handle = await open(path.join(this.dir, segmentFileName(next)), "ax");
    await syncDirectory(this.dir);
    const old = this.handle;
    this.otherBytes += this.size;
    this.handle = handle;
    this.sequence = next;
    this.size = 0;
    await old.close();
  }
}
