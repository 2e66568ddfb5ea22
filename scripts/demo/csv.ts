/**
 * RFC 4180 CSV writing. Fields are quoted when they contain a comma, a quote,
 * a line break, or leading/trailing whitespace (so loaders keep it verbatim).
 */

export function csvField(value: string): string {
  if (/[",\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(",");
}

/** A whole file: header row, then one line per row, each ending in "\n". */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [csvLine(columns), ...rows.map(csvLine)];
  return `${lines.join("\n")}\n`;
}
