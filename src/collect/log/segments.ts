import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { segmentSequence } from "../log-format.ts";

/** The log's segments, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  const sequences: number[] = [];
  for (const name of names) {
    const seq = segmentSequence(name);
    if (seq !== undefined) sequences.push(seq);
  }
  return sequences.sort((a, b) => a - b);
}

/**
 * Cuts an incomplete last line of a segment (a write a crash interrupted: never acknowledged,
 * because a 2xx waits for the fsync of whole lines). Returns how many bytes were cut.
 */
export async function repairTornTail(file: string): Promise<number> {
  const handle = await open(file, "r+");
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let end = size;
    // Read backwards until a newline: everything after the last one is the torn tail.
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const last = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (last >= 0) {
        const keep = start + last + 1;
        if (keep === size) return 0;
        await handle.truncate(keep);
        await handle.sync();
        return size - keep;
      }
      end = start;
    }
    await handle.truncate(0);
    await handle.sync();
    return size;
  } finally {
    await handle.close();
  }
}

/** Bytes of every file in the log directory except `exclude` (the segment being appended to). */
export async function directoryBytes(dir: string, exclude?: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) {
    if (name === exclude) continue;
    try {
      const s = await stat(path.join(dir, name));
      if (s.isFile()) total += s.size;
    } catch {
      // Deleted between readdir and stat (the loader removing a loaded segment): counts as gone.
    }
  }
  return total;
}

/** Makes a new directory entry durable (a created segment survives a power loss with its name). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
