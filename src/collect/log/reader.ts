import { closeSync, fsyncSync, openSync } from "node:fs";
import { open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { CollectLogError } from "../../errors.ts";
import {
  CHECKPOINT_FILE,
  type CollectedEvent,
  type LoaderCheckpoint,
  segmentFileName,
  segmentSequence,
} from "../log-format.ts";

/**
 * The loader's side of the append-only log (log-format.ts): events from the checkpoint on, whole
 * lines only (the open segment's last line may still be being written), the checkpoint replaced
 * atomically, and sealed segments wholly loaded deleted.
 */

/** Events read from the log, and where the next read starts once they are in the warehouse. */
export interface LogBatch {
  /** The events read, unless a visitor took them one by one (then empty). */
  events: CollectedEvent[];
  /** How many events were read. */
  count: number;
  /** The checkpoint to write once `events` are committed. */
  next: LoaderCheckpoint;
  /** Lines that were not events (corrupted on disk): skipped, and named here. */
  invalid: { segment: string; offset: number; reason: string }[];
}

const START: LoaderCheckpoint = { segment: 0, offset: 0 };
const CHUNK = 1 << 20;

/** Segment sequences in the log directory, oldest first (none when it does not exist yet). */
export async function listSegments(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .map(segmentSequence)
    .filter((s): s is number => s !== undefined)
    .sort((a, b) => a - b);
}

/** The checkpoint, or the log's start when none was written yet. */
export async function readCheckpoint(dir: string): Promise<LoaderCheckpoint> {
  const file = path.join(dir, CHECKPOINT_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return START;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<LoaderCheckpoint>;
  if (!Number.isSafeInteger(parsed.segment) || !Number.isSafeInteger(parsed.offset)) {
    throw new CollectLogError(
      `${file}: not a loader checkpoint ({"segment": n, "offset": n}): ${text.slice(0, 200)}`,
    );
  }
  return { segment: parsed.segment!, offset: parsed.offset! };
}

/** Replaces the checkpoint atomically and durably: a temporary file, fsync, rename, fsync of the directory. */
export async function writeCheckpoint(dir: string, checkpoint: LoaderCheckpoint): Promise<void> {
  const file = path.join(dir, CHECKPOINT_FILE);
  // One fixed temporary name: a crash leaves at most one, overwritten by the next checkpoint.
  const temp = `${file}.tmp`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(JSON.stringify(checkpoint));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  syncDirectory(dir);
}

/** A rename is durable once its directory is: fsync it (a no-op where directories cannot be opened). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some platforms refuse fsync on directories; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function parseEvent(line: string): CollectedEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const e = value as Partial<CollectedEvent> | null;
  if (!e || typeof e !== "object" || typeof e.messageId !== "string" || typeof e.type !== "string") {
    return "not an event (messageId and type are required)";
  }
  if (typeof e.receivedAt !== "string" || typeof e.timestamp !== "string") {
    return "not an event (receivedAt and timestamp are required)";
  }
  return e as CollectedEvent;
}

/**
 * Up to `maxEvents` events from `from` on. A segment is sealed once a newer one exists; the open
 * one (the newest) is read up to its last complete line. A sealed segment's torn tail (never
 * acknowledged: the writer cuts it at start) is passed over. With `visit`, each event is handed
 * over as it is read and none is kept: a micro-batch never has to fit in memory at once.
 */
export async function readLog(
  dir: string,
  from: LoaderCheckpoint,
  maxEvents: number,
  visit?: (event: CollectedEvent) => void,
): Promise<LogBatch> {
  const segments = (await listSegments(dir)).filter((s) => s >= from.segment);
  const batch: LogBatch = { events: [], count: 0, next: from, invalid: [] };
  for (const [index, segment] of segments.entries()) {
    const sealed = index < segments.length - 1;
    let offset = segment === from.segment ? from.offset : 0;
    batch.next = { segment, offset };
    const file = path.join(dir, segmentFileName(segment));
    const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
      // Deleted by an earlier loader once loaded: nothing of it is left to read.
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (!handle) continue;
    try {
      const buffer = Buffer.alloc(CHUNK);
      let pending = Buffer.alloc(0);
      let position = offset;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        pending = pending.length
          ? Buffer.concat([pending, buffer.subarray(0, bytesRead)])
          : Buffer.from(buffer.subarray(0, bytesRead));
        let start = 0;
        for (let nl = pending.indexOf(10, start); nl >= 0; nl = pending.indexOf(10, start)) {
          const line = pending.toString("utf8", start, nl);
          const lineOffset = offset;
          offset += nl + 1 - start;
          start = nl + 1;
          if (line.trim()) {
            const event = parseEvent(line);
            if (typeof event === "string")
              batch.invalid.push({ segment: file, offset: lineOffset, reason: event });
            else {
              if (visit) visit(event);
              else batch.events.push(event);
              batch.count++;
            }
          }
          batch.next = { segment, offset };
          if (batch.count >= maxEvents) return batch;
        }
        pending = pending.subarray(start);
      }
      if (sealed && pending.length) batch.next = { segment, offset: offset + pending.length };
    } finally {
      await handle.close();
    }
  }
  return batch;
}

/**
 * Deletes the sealed segments wholly before `checkpoint`; returns how many. The open segment is
 * never deleted: the writer still appends to it.
 */
export async function deleteLoadedSegments(dir: string, checkpoint: LoaderCheckpoint): Promise<number> {
  const segments = await listSegments(dir);
  const newest = segments[segments.length - 1];
  let deleted = 0;
  for (const segment of segments) {
    if (segment === newest || segment > checkpoint.segment) break;
    const file = path.join(dir, segmentFileName(segment));
    if (segment === checkpoint.segment && (await stat(file)).size > checkpoint.offset) break;
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    deleted++;
  }
  return deleted;
}

/** Bytes of the log not yet loaded: what is after the checkpoint. */
export async function pendingBytes(dir: string, checkpoint: LoaderCheckpoint): Promise<number> {
  let total = 0;
  for (const segment of await listSegments(dir)) {
    if (segment < checkpoint.segment) continue;
    const size = await stat(path.join(dir, segmentFileName(segment)))
      .then((s) => s.size)
      .catch(() => 0);
    total += segment === checkpoint.segment ? Math.max(0, size - checkpoint.offset) : size;
  }
  return total;
}
