import { redactor } from "../../config/secrets.ts";
import { type ShowOptions, show } from "../../show.ts";
import type { LogFormat } from "../reporter.ts";
import { textTable } from "../table.ts";

const MAX_CELL = 60;

function cell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? "NULL"
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  const line = text.replace(/\s*\n\s*/g, " ");
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
}

/** `cdp show`: the rows as a text table, or one JSON object with `--log-format json`. */
export async function printShow(options: ShowOptions, format: LogFormat): Promise<void> {
  const result = await show(options);
  const write = (text: string) => process.stdout.write(`${redactor.redact(text)}\n`);
  if (format === "json") {
    write(
      JSON.stringify({
        event: "show",
        source: result.source,
        limit: result.limit,
        columns: result.columns,
        rows: result.rows,
      }),
    );
    return;
  }
  const n = result.rows.length;
  write(`Previewing ${result.source} (${n} row${n === 1 ? "" : "s"}, limit ${result.limit}):`);
  if (!n) {
    write("(no rows)");
    return;
  }
  const head = result.columns;
  const rows = result.rows.map((r) => head.map((c) => cell(r[c])));
  for (const line of textTable(head, rows, head.length)) write(line.trimEnd());
}
