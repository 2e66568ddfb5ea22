/**
 * The Warehouse contract: one small interface that every dialect implements in its own folder
 * (`duckdb/`, `postgres/`, `bigquery/`). Materializations, tests and syncs talk only to this.
 */

/** A table or view, addressed by schema and name (and a database/project where the dialect has one). */
export interface Relation {
  database?: string;
  schema: string;
  name: string;
}

export type Row = Record<string, unknown>;

export interface Column {
  name: string;
  /** The warehouse's own type name, e.g. `VARCHAR`, `DECIMAL(12,2)`. */
  type: string;
}

export interface RelationInfo {
  kind: "table" | "view";
  columns: Column[];
}

/** Portable type names; each dialect maps them to its own (`string` is VARCHAR, TEXT or STRING). */
export type PortableType =
  | "string"
  | "int64"
  | "float64"
  | "numeric"
  | "bool"
  | "date"
  | "timestamp"
  | "json";
export const PORTABLE_TYPES: readonly PortableType[] = [
  "string",
  "int64",
  "float64",
  "numeric",
  "bool",
  "date",
  "timestamp",
  "json",
];

export type DatePart = "day" | "hour" | "minute" | "second" | "month" | "year";
export const DATE_PARTS: readonly DatePart[] = ["day", "hour", "minute", "second", "month", "year"];

/**
 * Pure SQL knowledge of a dialect: quoting, literals, type names and the snippets template
 * helpers need so one model runs on every warehouse. It never touches a connection, so compile
 * can use it without a warehouse. Arguments named `expression` are SQL expressions, pasted as
 * they are; everything else is quoted or escaped here.
 *
 * @example
 * dialect.quoteRelation({ schema: "main", name: "stg orders" }) // "main"."stg orders"
 * dialect.cast("amount", "string")                             // CAST(amount AS VARCHAR)
 */
export interface Dialect {
  readonly name: string;
  /** Quotes an identifier so any name (quotes, spaces, unicode, reserved words) is safe. */
  quoteIdentifier(name: string): string;
  quoteRelation(relation: Relation): string;
  /** A SQL literal for a JS value (strings escaped, NULL for null/undefined). */
  literal(value: unknown): string;
  /** The dialect's name for a portable type. */
  typeName(type: PortableType): string;
  /** `CAST(expression AS <type>)`. */
  cast(expression: string, type: PortableType): string;
  /** SQL that evaluates to the lowercase hex SHA-256 of a string expression. */
  sha256(expression: string): string;
  /** Replaces every match of a regular expression (POSIX/RE2 subset common to all dialects). */
  regexpReplace(expression: string, pattern: string, replacement: string): string;
  /**
   * A well-mixed 64-bit integer hash of an integer expression (signed or unsigned, any order is
   * fine): used where a deterministic pseudo-random order is needed.
   */
  hashInt(expression: string): string;
  /**
   * A 64-bit integer hash of string expressions taken together, for joining on an integer key
   * instead of the strings (equal strings, equal hashes; callers check that distinct strings got
   * distinct keys). Each warehouse has its own: never stored or compared across warehouses.
   */
  hashText(expressions: string[]): string;
  /**
   * A non-negative integer below 2^60 from a string expression, the same on every warehouse: the
   * first 15 hex digits of its MD5. Slower than `hashInt`; for results that must not depend on the
   * warehouse (the random pairs a match trains u on).
   */
  portableHash(expression: string): string;
  /**
   * Where the warehouse has one, a fast 64-bit hash of several values of any type together (NULLs
   * and positions included), for telling a row changed from a saved hash within one warehouse.
   * Optional: read it through `valuesHashSql` (values-hash.ts), which falls back on `portableHash`.
   */
  rowHash?(expressions: string[]): string;
  /** True when a string expression matches a regular expression (RE2/POSIX subset). */
  regexpContains(expression: string, pattern: string): string;
  /**
   * Levenshtein edit distance of two string expressions, in characters (Unicode code points) on
   * every warehouse. `ascii`, where the dialect has `asciiFlag`: a condition true when both values
   * are ASCII (or any part of values whose flags are true), made of the flags of the records they
   * come from, so the dialect need not find that out again for every pair; the literal `TRUE`
   * where the caller has tested the flags already (the function over ASCII alone).
   */
  levenshtein(a: string, b: string, ascii?: string): string;
  /**
   * Where the warehouse has one, the Hamming distance (positions that differ) of two strings of the
   * same length in characters (`LENGTH`). Between values of equal length, one edit is one
   * substitution, so a Levenshtein distance of at most 1 is a Hamming distance of at most 1.
   */
  hamming?: { distance(a: string, b: string, ascii?: string): string };
  /**
   * Where the string distances read ASCII text faster than other text (DuckDB's read bytes, and
   * other text is rewritten first): a condition on one string, true when it is ASCII, that a match
   * computes once per record for `levenshtein`, `hamming` and `jaroWinkler`'s `ascii`.
   */
  asciiFlag?(value: string): string;
  /**
   * Jaro-Winkler similarity (0..1) of two string expressions, over characters (Unicode code
   * points) on every warehouse. Where the warehouse has no native function, it calls one that
   * `jaroWinklerFunction` creates in `functionSchema`. With `fast` (the thresholds the value is
   * held against, and each record's `jaroWinklerKey` of the two values), the expression's value is
   * only good for holding against those thresholds: it falls on the same side of each as the
   * similarity (Postgres uses a faster function this way). `ascii`: as for `levenshtein`.
   */
  jaroWinkler(
    a: string,
    b: string,
    functionSchema: string,
    fast?: { thresholds: readonly number[]; keys: readonly [string, string] },
    ascii?: string,
  ): string;
  /**
   * What `jaroWinkler`'s `fast` form reads off each value, made once per record (Postgres: by a
   * function `jaroWinklerFunction` creates in `functionSchema`).
   */
  jaroWinklerKey?(value: string, functionSchema: string): string;
  /** The statement creating the function `jaroWinkler` calls, or undefined when it is built in. */
  jaroWinklerFunction(functionSchema: string): string | undefined;
  /** `expression` plus `amount` units (amount may be negative). */
  dateAdd(expression: string, amount: number, part: DatePart): string;
  /** Whole `part`s from `start` to `end` (positive when end is later). */
  dateDiff(part: DatePart, start: string, end: string): string;
  /** SQL for the current timestamp. */
  currentTimestamp(): string;
  /**
   * A text expression to order or compare by code point, whatever the database's collation:
   * where the order of text decides a result (the stitch numbers identifiers in that order, and
   * profile ids and tie-breaks follow from it; a match numbers its records by id), so that every
   * warehouse, and every database of one, gives the same answer. Text only.
   */
  textOrder(expression: string): string;
  /**
   * Aggregate: the non-null `value` of the row with the largest (`desc`) or smallest (`asc`)
   * `order` in the group. The survivorship helpers (most recent, source priority) build on it.
   */
  pickBy(value: string, order: string, direction: "asc" | "desc"): string;
  /** Aggregate: the most frequent non-null value of the group (ties: the smallest). */
  mostFrequent(value: string): string;
  /**
   * Where the dialect binds many text values faster another way than as a VALUES list of
   * literals: a SELECT of `columns` row by row, each column a list of text values (or one SQL
   * expression for every row), the lists read in step. Without it, callers write literal rows.
   */
  textColumnsSql?(columns: TextColumn[]): string;
  /**
   * Where the dialect has one, a pseudo-column numbering a table's rows from 0 in the order they
   * were inserted (DuckDB's `rowid`), so a table can be read a page at a time by range.
   */
  rowNumber?: string;
  /**
   * Where the state tables may predate a layout without keys: a query of one row whose `n` is the
   * number of PRIMARY KEY constraints on `relation`.
   */
  primaryKeyCountSql?(relation: Relation): string;
}

/** One column of rows given column-wise: text values (NULL allowed), or one SQL expression for all rows. */
export type TextColumn = { name: string; values: (string | null)[] } | { name: string; sql: string };

/**
 * What a dialect can do, as flags; callers pick a strategy instead of catching "not implemented".
 *
 * The rule for options: a flag says how an operation every warehouse has behaves (`merge`,
 * `transactionalDdl`, `pagedReads`), so callers choose a strategy; an operation only some
 * warehouses have is an optional member (`Warehouse.appendRows?`, `Dialect.textColumnsSql?`),
 * so its absence is checked by the type system rather than by a flag that could disagree with it.
 */
export interface Capabilities {
  /** DDL (create, drop, rename) can be rolled back inside a transaction. */
  readonly transactionalDdl: boolean;
  /** A native `MERGE` statement exists. */
  readonly merge: boolean;
  /** `CREATE SCHEMA IF NOT EXISTS` is supported. */
  readonly schemas: boolean;
  /**
   * PRIMARY KEY / UNIQUE constraints are enforced, so `INSERT ... ON CONFLICT` works (BigQuery
   * only knows unenforced keys: upserts go through MERGE there).
   */
  readonly enforcedKeys: boolean;
  /**
   * A query kept open pins what it reads (DuckDB: no checkpoint, and the old versions of rows
   * updated meanwhile stay in memory, while it runs), so a long read of a table goes a page at a
   * time, each page its own short query, by the dialect's `rowNumber`.
   */
  readonly pagedReads: boolean;
}

/** A value for `appendRows`: text, a 64-bit integer, a timestamp, or NULL. */
export type AppendValue = string | bigint | Date | null;

export interface ExecuteResult {
  /** Rows inserted, updated or deleted, when the statement reports it. */
  rowsAffected?: number;
}

export interface StreamOptions {
  /** Rows per yielded batch. */
  batchSize?: number;
}

/** What a table's rows look like, for a warehouse that can store them better knowing it. */
export interface ReplaceOptions {
  /**
   * String columns whose values seldom repeat (identifiers, profile ids, hashes). DuckDB chooses
   * each column's compression by trying every method as it writes; a dictionary, the costliest to
   * try on millions of distinct strings, cannot win on these: they are written with FSST alone.
   * The table is then defined from the query's column types, which do not carry a collation:
   * name plain text columns only.
   */
  distinctText?: string[];
}

/**
 * A connection to a warehouse. Methods may be called concurrently (`--threads`): each
 * implementation keeps its own pool and runs multi-statement operations on one connection.
 *
 * @example
 * const wh = await connect(target, { projectDir, projectName: "demo", threads: 4 });
 * await wh.replaceTable({ schema: "main", name: "orders" }, "select 1 as id");
 * for await (const batch of wh.stream("select * from main.orders", { batchSize: 1000 })) send(batch);
 * await wh.close();
 */
export interface Warehouse {
  readonly dialect: Dialect;
  readonly capabilities: Capabilities;
  /** Default schema of the target. */
  readonly defaultSchema: string;

  execute(sql: string): Promise<ExecuteResult>;
  /**
   * Rows as plain objects, with the same JS types on every dialect: int64 as number when it fits
   * in 2^53 (bigint otherwise), numeric/decimal as its exact text, float64 as number, bool as
   * boolean, date as "YYYY-MM-DD", timestamps as Date, JSON parsed, string as string, NULL as null.
   */
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Rows in batches; only one batch is held in memory at a time. */
  stream<T extends Row = Row>(sql: string, options?: StreamOptions): AsyncIterable<T[]>;

  /** Columns and kind of a relation, or undefined when it does not exist. */
  describe(relation: Relation): Promise<RelationInfo | undefined>;
  ensureSchema(schema: string): Promise<void>;
  /** Names of the tables and views in a schema (none when it does not exist). Optional. */
  listRelations?(schema: string): Promise<string[]>;
  dropRelation(relation: Relation): Promise<void>;
  /**
   * Where a run's work tables (dropped when it ends) are cheapest to keep, when that is not next
   * to its output: tables only (views stay next to the output), each under a name only one run
   * uses, so the warehouse may build and drop them without the lookups and swaps a published table
   * needs. Optional: without it they are made next to the output.
   */
  workSpace?(): Promise<{ database: string; schema: string }>;
  createView(relation: Relation, selectSql: string): Promise<void>;
  /**
   * Builds the table from `selectSql` under a temporary name, then swaps it in atomically.
   * If the query fails the existing table is untouched. `options` describe the rows, for a
   * warehouse that stores by it; the others ignore them.
   */
  replaceTable(relation: Relation, selectSql: string, options?: ReplaceOptions): Promise<{ rows: number }>;
  /** Inserts the rows of `source` into `target`, matching columns by name, in one transaction. */
  insertInto(target: Relation, source: Relation, columns: string[]): Promise<{ rows: number }>;
  /**
   * Upserts `source` into `target` on `uniqueKey` in one transaction: matching rows are replaced,
   * new rows inserted. The caller guarantees keys in `source` are non-null and unique.
   */
  mergeInto(
    target: Relation,
    source: Relation,
    uniqueKey: string[],
    columns: string[],
  ): Promise<{ inserted: number; updated: number }>;
  /** Adds columns to an existing table. */
  addColumns(relation: Relation, columns: Column[]): Promise<void>;
  /** Loads a CSV file with the warehouse's own reader into a table, atomically replacing it. */
  loadCsv(relation: Relation, file: string, options: CsvLoadOptions): Promise<{ rows: number }>;
  /**
   * The same warehouse, tagging the work it sends with these labels (e.g. `cdp_command`,
   * `cdp_model`), where the warehouse has such a notion (BigQuery job labels). Optional: callers
   * use `wh.withLabels?.(labels) ?? wh`.
   */
  withLabels?(labels: Record<string, string>): Warehouse;
  /** Bytes a query would scan, without running it (BigQuery's dry run). Optional. */
  estimateBytes?(sql: string): Promise<number>;
  /**
   * Appends rows to a table through the warehouse's bulk path, with no SQL text to build or parse
   * (DuckDB's appender): each row gives every column, in the table's order. Optional; callers
   * without it write `INSERT` statements.
   */
  appendRows?(relation: Relation, rows: AppendValue[][]): Promise<void>;
  /** Runs the statements in one transaction on one connection: all of them or none. Optional. */
  executeInTransaction?(statements: string[]): Promise<void>;
  /**
   * Lowers the warehouse's working memory for work that needs little of it (a sync's plan and
   * state writes) until the returned function is called: an in-process warehouse shares the
   * job's memory. `share` takes a part of that limit (a sync's delivery, which only reads pages
   * and appends, runs on half). Optional; calls nest, the latest hold applies, and the last
   * release restores the setting.
   */
  constrainMemory?(share?: number): Promise<() => Promise<void>>;
  /**
   * A value that changes whenever one of `relations` is rebuilt or written to, read from the
   * catalog without scanning data: `cdp serve` polls it to see builds other processes finish.
   * Optional (an embedded warehouse is followed otherwise).
   */
  changeStamp?(relations: Relation[]): Promise<string>;
  close(): Promise<void>;
}

export interface CsvLoadOptions {
  /** Column types overriding detection, e.g. `{ amount: "DECIMAL(12,2)" }`. */
  columnTypes?: Record<string, string>;
  delimiter?: string;
}
