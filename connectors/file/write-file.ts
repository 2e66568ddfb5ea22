import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { SyncRecord } from "../../src/connector-kit/index.ts";

/** Writes `text` to `file` atomically: a temporary file in the same directory, fsync, rename. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
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

/** One JSON object per line: `{"op":"upsert","key":"42","fields":{...}}`. */
export function toJsonl(batch: SyncRecord[]): string {
  return `${batch.map((r) => JSON.stringify({ op: r.op, key: r.key, fields: r.fields })).join("\n")}\n`;
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

/** A header `op,key,<fields...>` (fields sorted, union over the batch), then one line per row. */
export function toCsv(batch: SyncRecord[]): string {
  const names = [...new Set(batch.flatMap((r) => Object.keys(r.fields)))].sort();
  const lines = [["op", "key", ...names].map(csvCell).join(",")];
  for (const r of batch) lines.push([r.op, r.key, ...names.map((n) => r.fields[n])].map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}
