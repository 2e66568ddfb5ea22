import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { SyncRecord } from "../../src/connector-kit/index.ts";

/**
 * Writes `text` to `file` atomically: a temporary file in the same directory, fsync, rename. The
 * temporary name starts with a dot (`.part-00001.jsonl.<hex>.tmp`), so a reader globbing for
 * `part-*` never sees a file that is not finished.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Temporary files a killed run left (never acknowledged, so their rows are sent again): dotted
 * ones, and those named `part-*.tmp` by earlier versions. Called under the sync's lock, so no run
 * of this sync is writing.
 */
const TEMP = /^\.?part-\d+\.(jsonl|csv)\.[0-9a-f]{8}\.tmp$/;

/** Removes what killed runs left under `syncDir` (`<run id>/<temporary file>`); returns how many. */
export async function removeStaleTemps(syncDir: string): Promise<number> {
  let runs: import("node:fs").Dirent[];
  try {
    runs = await readdir(syncDir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const run of runs) {
    if (!run.isDirectory()) continue;
    const dir = path.join(syncDir, run.name);
    for (const name of await readdir(dir)) {
      if (!TEMP.test(name)) continue;
      await rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * One JSON object per line: `{"op":"upsert","key":"42","idempotency_key":"…","fields":{...}}`.
 * A row written again after a crash (its first file written, not acknowledged) carries the same
 * `idempotency_key`, so a reader can drop the repeat.
 */
export function toJsonl(batch: SyncRecord[]): string {
  return `${batch.map((r) => JSON.stringify({ op: r.op, key: r.key, idempotency_key: r.idempotencyKey, fields: r.fields })).join("\n")}\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A header `op,key,idempotency_key,<fields...>` (fields sorted, union over the batch), then one
 * line per row.
 */
export function toCsv(batch: SyncRecord[]): string {
  const names = [...new Set(batch.flatMap((r) => Object.keys(r.fields)))].sort();
  const lines = [["op", "key", "idempotency_key", ...names].map(csvCell).join(",")];
  for (const r of batch) {
    lines.push([r.op, r.key, r.idempotencyKey, ...names.map((n) => r.fields[n])].map(csvCell).join(","));
  }
  return `${lines.join("\n")}\n`;
}
