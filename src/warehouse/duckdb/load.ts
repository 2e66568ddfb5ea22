import { CsvFormatError, fieldCountProblem, UNTERMINATED_QUOTE } from "../csv-format.ts";
import type { CsvLoadOptions } from "../types.ts";
import { duckdbDialect } from "./dialect.ts";

/**
 * Seeds on DuckDB. Its sniffer, left to guess, takes a file with one ragged row for a one-column
 * file (or a ragged last row for the header) and loads it without a word. So the dialect is fixed
 * (delimiter, `"` quotes, the header read by us) and the file is read twice: first in strict mode
 * with every column as text, where DuckDB names the line of a ragged row or an open quote, then
 * with type detection for the table itself.
 */

const l = duckdbDialect.literal;

function dialectArgs(file: string, options: CsvLoadOptions): string[] {
  return [
    l(file),
    "header = true",
    `delim = ${l(options.delimiter ?? ",")}`,
    `quote = '"'`,
    `escape = '"'`,
    "strict_mode = true",
    "null_padding = false",
    "ignore_errors = false",
  ];
}

/** Reads every record as text, checking each has the header's fields; fails naming the line. */
export function strictCheckSql(file: string, columns: string[], options: CsvLoadOptions): string {
  const text = columns.map((c) => `${l(c)}: 'VARCHAR'`).join(", ");
  const args = [...dialectArgs(file, options), "auto_detect = false", `columns = {${text}}`];
  return `SELECT COUNT(*) AS n FROM read_csv(${args.join(", ")})`;
}

/** The typed read, once the file is known to be well formed: types detected over every row. */
export function typedReadSql(file: string, columns: string[], options: CsvLoadOptions): string {
  const args = [...dialectArgs(file, options), "sample_size = -1", `names = [${columns.map(l).join(", ")}]`];
  if (options.columnTypes && Object.keys(options.columnTypes).length) {
    const types = Object.entries(options.columnTypes).map(([k, v]) => `${l(k)}: ${l(v)}`);
    args.push(`types = {${types.join(", ")}}`);
  }
  return `SELECT * FROM read_csv(${args.join(", ")})`;
}

/** DuckDB's strict reader's error, in the words every warehouse uses. */
export function duckdbCsvError(error: unknown, columns: string[]): CsvFormatError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (!line) return undefined;
  const count = /Expected Number of Columns: \d+ Found: (\d+)/.exec(message);
  if (count) return new CsvFormatError(Number(line[1]), fieldCountProblem(columns, Number(count[1])));
  if (/unterminated quote/i.test(message)) return new CsvFormatError(Number(line[1]), UNTERMINATED_QUOTE);
  // Another problem (an invalid UTF-8 byte, ...): DuckDB's own description, without its advice.
  const what = message.split("\n").find((m, i) => i > 0 && m.trim() && !/^Original Line/.test(m));
  return new CsvFormatError(Number(line[1]), (what ?? message).trim());
}
