import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/**
 * Read-only copies of a DuckDB database file for readers in other processes (`cdp serve`).
 *
 * DuckDB lets one process write a file, and a reader holding it open (even read-only) makes every
 * writer fail to open it. So a server never keeps the file open: it registers itself in
 * `<file>.serve/readers/<pid>`, and the writer (`cdp build`, `sync`, `seed`...) publishes a
 * consistent copy as it closes, after a checkpoint, while it still holds the file's lock, so no
 * other writer can be half-way through. Writers pay for the copy only while a server is registered.
 *
 * Layout: `<file>.serve/current` names the newest generation, `<file>.serve/<generation>/db.duckdb`
 * (plus `db.duckdb.wal` when the copy was taken from a file with a journal).
 */
export function snapshotRoot(file: string): string {
  return `${file}.serve`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a live server waits for snapshots of `file`; forgets readers that died. */
export function hasReaders(file: string): boolean {
  const dir = path.join(snapshotRoot(file), "readers");
  if (!existsSync(dir)) return false;
  let any = false;
  for (const name of readdirSync(dir)) {
    const pid = Number(name);
    if (Number.isInteger(pid) && alive(pid)) any = true;
    else rmSync(path.join(dir, name), { force: true });
  }
  return any;
}

/** Registers this process as a reader of `file`; returns the function that unregisters it. */
export function registerReader(file: string): () => void {
  const dir = path.join(snapshotRoot(file), "readers");
  mkdirSync(dir, { recursive: true });
  const me = path.join(dir, String(process.pid));
  writeFileSync(me, "");
  return () => rmSync(me, { force: true });
}

/** The newest published snapshot's database file, or undefined. */
export function currentSnapshot(file: string): { generation: string; file: string } | undefined {
  const root = snapshotRoot(file);
  let generation: string;
  try {
    generation = readFileSync(path.join(root, "current"), "utf8").trim();
  } catch {
    return undefined;
  }
  const db = path.join(root, generation, "db.duckdb");
  return existsSync(db) ? { generation, file: db } : undefined;
}

/**
 * Copies `file` (and its journal) into a new generation and makes it current. The caller must
 * hold DuckDB's lock on `file` (an open instance, read-write after a CHECKPOINT, or read-only), so
 * that the bytes copied are one consistent state. Older generations are removed: a server still
 * reading one keeps its open handle (POSIX unlink semantics) until it moves to the new one.
 */
export function publishSnapshot(file: string): string {
  const root = snapshotRoot(file);
  const generation = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const dir = path.join(root, generation);
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, path.join(dir, "db.duckdb"));
  if (existsSync(`${file}.wal`)) copyFileSync(`${file}.wal`, path.join(dir, "db.duckdb.wal"));
  const pointer = path.join(root, `current.${process.pid}.tmp`);
  writeFileSync(pointer, generation);
  renameSync(pointer, path.join(root, "current"));
  for (const name of readdirSync(root)) {
    if (name !== generation && name !== "readers" && name !== "current" && !name.endsWith(".tmp")) {
      rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
  return generation;
}
