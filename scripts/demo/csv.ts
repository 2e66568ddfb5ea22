import { stringify } from "csv-stringify/sync";

/**
 * RFC 4180 CSV writing, with csv-stringify. Fields are quoted when they contain a comma, a quote
 * or a line break, and when they have leading or trailing whitespace (so loaders keep it verbatim).
 */
const OPTIONS = { record_delimiter: "\n", quoted_match: /^\s|\s$|\r/ } as const;

export function csvField(value: string): string {
  return csvLine([value]);
}

export function csvLine(values: readonly string[]): string {
  return stringify([values as string[]], OPTIONS).replace(/\n$/, "");
}

/** A whole file: header row, then one line per row, each ending in "\n". */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([columns as string[], ...(rows as string[][])], OPTIONS);
}
