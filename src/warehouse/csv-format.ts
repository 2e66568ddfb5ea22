import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { WarehouseError } from "../errors.ts";

/**
 * What every warehouse's seed loader shares: the header of a CSV file (its column names, read
 * here so no loader has to guess them), and the error a malformed file ends in. A seed is parsed
 * strictly everywhere: a row with more or fewer fields than the header, a quote that never
 * closes or a file without a header is an error naming the line, never a table that quietly
 * holds something else.
 */

/** A CSV file that is not the table its header describes. `line` is 1-based, the header is line 1. */
export class CsvFormatError extends WarehouseError {
  constructor(
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(line ? `line ${line}: ${problem}` : problem);
    this.name = "CsvFormatError";
  }
}

/** What a row with the wrong number of fields should have held. */
export function fieldCountProblem(columns: string[], found: number): string {
  return `expected ${columns.length} field${columns.length === 1 ? "" : "s"} (${columns.join(", ")}) as in the header, found ${found}`;
}

export const UNTERMINATED_QUOTE = 'a quoted field is never closed (expected a closing ")';

/**
 * The column names of a seed file: its first record, made unique and non-empty as DuckDB does.
 * An empty file (or one whose first line is blank) is an error: a seed needs a header line.
 */
export async function readCsvHeader(file: string, delimiter: string): Promise<string[]> {
  const handle = await open(file);
  try {
    let text = "";
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      text += buffer.subarray(0, bytesRead).toString("utf8");
      const record = firstRecord(text, delimiter, bytesRead === 0);
      if (record) {
        if (record.every((name) => name.trim() === "")) break;
        return uniqueNames(record);
      }
      if (bytesRead === 0) break;
    }
  } finally {
    await handle.close();
  }
  throw new CsvFormatError(1, "the file has no header: expected a first line naming the columns");
}

/** Parses the first record; undefined when `text` may not hold all of it yet. */
function firstRecord(text: string, delimiter: string, complete: boolean): string[] | undefined {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (text.startsWith(delimiter, i)) {
      fields.push(field);
      field = "";
      i += delimiter.length - 1;
    } else if (c === "\n" || c === "\r") {
      fields.push(field);
      return fields;
    } else field += c;
  }
  if (!complete) return undefined;
  if (quoted) throw new CsvFormatError(1, UNTERMINATED_QUOTE);
  if (fields.length === 0 && field === "") return [];
  fields.push(field);
  return fields;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() || `column${i}`;
    for (let n = 1; seen.has(name); n++) name = `${raw.trim() || `column${i}`}_${n}`;
    seen.add(name);
    return name;
  });
}

/**
 * Reads the whole file with csv-parse in strict mode: every record has the header's field count,
 * every quote closes. For a warehouse whose loader cannot name the offending line (BigQuery's
 * load jobs report byte offsets, after the upload). Returns the number of data rows.
 */
export async function checkCsv(file: string, columns: string[], delimiter: string): Promise<number> {
  // The line the last good record ended on: a bad record starts on the next one (csv-parse
  // reports where it stopped, which for an open quote is the end of the file). Kept as records
  // are parsed: those buffered when the parser fails never reach the loop.
  let lastLine = 0;
  const parser = createReadStream(file).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: false,
      // Blank lines are no records, as in DuckDB's reader.
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lastLine = context.lines;
        return record;
      },
    }),
  );
  let rows = -1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows++;
      if (record.length !== columns.length) {
        throw new CsvFormatError(lastLine, fieldCountProblem(columns, record.length));
      }
    }
  } catch (error) {
    if (error instanceof CsvFormatError) throw error;
    const e = error as { code?: string; message?: string };
    if (e.code === "CSV_QUOTE_NOT_CLOSED") throw new CsvFormatError(lastLine + 1, UNTERMINATED_QUOTE);
    if (e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
      const found = /got (\d+)/.exec(e.message ?? "")?.[1];
      throw new CsvFormatError(lastLine + 1, fieldCountProblem(columns, Number(found)));
    }
    if (e.code?.startsWith("CSV_")) {
      throw new CsvFormatError(lastLine + 1, (e.message ?? e.code).replace(/ on line \d+.*$/s, ""));
    }
    throw error;
  } finally {
    parser.destroy();
  }
  return Math.max(rows, 0);
}
