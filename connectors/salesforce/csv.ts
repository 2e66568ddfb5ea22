import { CsvError as ParseError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * RFC 4180 CSV as Bulk API 2.0 reads and writes it: comma-separated, LF line endings, a cell in
 * double quotes when it holds a comma, a quote or a line break, quotes doubled inside. Written
 * and read with csv-stringify and csv-parse.
 */

/** Quoted only when it must be (a quoted `#N/A` would no longer mean NULL); a lone CR too. */
const STRINGIFY = { record_delimiter: "\n", quoted_match: /\r/ } as const;

/** One cell, quoted only when it must be. */
export function csvCell(value: string): string {
  return stringify([[value]], STRINGIFY).replace(/\n$/, "");
}

/** Rows (the first being the header) as CSV text, each line ending in LF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], STRINGIFY);
}

/** Rows may differ in length; any of the three line endings ends a row. */
const PARSE = { relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] };

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Parses CSV text into rows of cells. Accepts LF, CRLF or CR line endings and quoted cells
 * spanning lines; a final line break is optional; an empty text has no rows. Throws `CsvError` for
 * a quote that is never closed, text right after a closing quote, or a quote inside an unquoted
 * cell.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, PARSE) as string[][];
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const row = ((error as ParseError & { records?: number }).records ?? 0) + 1;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") throw new CsvError(`unclosed quote in row ${row}`);
    if (error.code === "CSV_INVALID_CLOSING_QUOTE") {
      throw new CsvError(`unexpected text after a closing quote in row ${row}`);
    }
    // RFC 4180 2.5: a cell holding a quote is quoted (Salesforce writes them so).
    if (error.code === "INVALID_OPENING_QUOTE")
      throw new CsvError(`a quote inside an unquoted cell in row ${row}`);
    throw new CsvError(`${error.message} (row ${row})`);
  }
}

/** CSV with a header row as objects keyed by column name. */
export function parseCsvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...data] = parseCsv(text);
  const rows = data.map((cells) => {
    const o: Record<string, string> = {};
    header.forEach((h, k) => {
      o[h] = cells[k] ?? "";
    });
    return o;
  });
  return { header, rows };
}
