/**
 * RFC 4180 CSV as Bulk API 2.0 reads and writes it: comma-separated, LF line endings, a cell in
 * double quotes when it holds a comma, a quote or a line break, quotes doubled inside.
 */

/** One cell, quoted only when it must be (a quoted `#N/A` would no longer mean NULL). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows (the first being the header) as CSV text, each line ending in LF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvCell).join(",")}\n`;
  return out;
}

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Parses CSV text into rows of cells. Accepts LF or CRLF line endings and quoted cells spanning
 * lines; a final line break is optional; an empty text has no rows. Throws `CsvError` for a quote
 * that is never closed or text right after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    if (text[i] === '"') {
      // A quoted cell: runs to the next quote not followed by another quote.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvError(`unclosed quote in row ${rows.length + 1}`);
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        throw new CsvError(`unexpected text after a closing quote in row ${rows.length + 1}`);
      }
    } else {
      let j = i;
      while (j < n && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
      cell += text.slice(i, j);
      i = j;
    }
    if (i >= n) {
      row.push(cell);
      rows.push(row);
      return rows;
    }
    const c = text[i];
    row.push(cell);
    cell = "";
    if (c === ",") {
      i++;
      continue;
    }
    // A line ending: LF or CRLF (a lone CR also ends the line).
    i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
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
