/**
 * One hostile input: a project (or a change to one) that once made `cdp` do something wrong, and
 * what it must do instead. Every bug found by feeding the CLI bad templates, configs, CSVs,
 * names or secrets becomes a case in `cases/`; `corpus.test.ts` runs them all through the real
 * executable.
 */
export interface HostileCase {
  /** What is hostile about the input, as a test title. */
  name: string;
  /** Where it was found, e.g. `issue 17.1`. */
  found: string;
  /** The project's files by relative path (`cdp.config.ts` defaults to a DuckDB project). */
  files: Record<string, string | Buffer>;
  /** Symbolic links to create (path → target, relative to the link's folder). */
  links?: Record<string, string>;
  /** Commands that must succeed first, leaving state behind (a table, artifacts). */
  before?: string[][];
  /** Files written (over the project's) after `before`, before the command under test. */
  change?: Record<string, string | Buffer>;
  /** Environment for every command. */
  env?: Record<string, string>;
  /** The command under test, e.g. `["seed"]`. */
  args: string[];
  /** Its exit code. */
  code: number;
  /** What its output (stdout and stderr) must say. */
  says?: (string | RegExp)[];
  /** What its output, the artifacts under `target/` and the project must never contain. */
  never?: string[];
  /** Queries on the project's DuckDB file (`.cdp/t.duckdb`) afterwards, with the rows expected. */
  rows?: { sql: string; equals: Record<string, unknown>[] }[];
  /** Project files that must still hold what `files` wrote. */
  intact?: string[];
  /** Paths (relative to the project; may climb out of it) that must not exist afterwards. */
  absent?: string[];
}

export const DUCKDB_CONFIG = `export default { name: "t", warehouse: { type: "duckdb", path: ".cdp/t.duckdb" }, threads: 1 };\n`;
