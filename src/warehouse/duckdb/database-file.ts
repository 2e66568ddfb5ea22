import { closeSync, mkdirSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../../errors.ts";

/** File systems whose files are not storage: DuckDB spun forever on a path under /proc. */
const VIRTUAL_ROOTS = ["/proc", "/sys", "/dev"];

/** Bytes 8 to 11 of every DuckDB database file. */
const MAGIC = "DUCK";

/**
 * Checks a DuckDB database path before DuckDB opens it, and creates its folder. Each problem is a
 * configuration mistake (exit 2) that DuckDB itself reports badly or not at all: a path under a
 * virtual file system, a parent that is a file, a file that is not a DuckDB database (DuckDB
 * opened a CSV as an empty database, and the run "succeeded" with nothing saved).
 */
export function prepareDatabaseFile(file: string): void {
  const problem = (why: string) =>
    new ConfigError(`DuckDB database ${file} (warehouse.path in cdp.config.ts): ${why}`);
  // The nearest part of the path that exists tells where the file would really live.
  let existing = path.dirname(file);
  while (!statSync(existing, { throwIfNoEntry: false })) existing = path.dirname(existing);
  const real = realpathSync(existing);
  const root = VIRTUAL_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
  if (root) throw problem(`${root} is not a place for a database file; name a file on disk`);
  if (!statSync(existing).isDirectory()) throw problem(`${existing} is a file, not a directory`);
  mkdirSync(path.dirname(file), { recursive: true });
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) throw problem("it is a directory; name a file in it, e.g. .cdp/project.duckdb");
  if (!stat.isFile()) throw problem("it is not a regular file");
  if (stat.size === 0) return;
  const head = Buffer.alloc(12);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(8, 12).toString("latin1") !== MAGIC) {
    throw problem(
      "it is not a DuckDB database (it does not start with DuckDB's header); name a new file, e.g. .cdp/project.duckdb",
    );
  }
}
