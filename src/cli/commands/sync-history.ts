import { syncHistory } from "../../api.ts";
import { redactor } from "../../config/secrets.ts";
import type { HistoryRow } from "../../sync/history.ts";
import type { LogFormat } from "../reporter.ts";
import { textTable } from "../table.ts";

const n = (x: number) => x.toLocaleString("en-US");

/** Prints `cdp sync history`: one line per run, newest first, then each run's message and first errors. */
export async function printSyncHistory(
  options: {
    projectDir?: string;
    target?: string;
    vars?: Record<string, unknown>;
    name?: string;
    limit?: number;
  },
  format: LogFormat,
): Promise<void> {
  const { target, runs } = await syncHistory(options);
  if (format === "json") {
    process.stdout.write(`${redactor.redact(JSON.stringify({ event: "sync_history", target, runs }))}\n`);
    return;
  }
  if (!runs.length) {
    process.stdout.write(
      `No sync runs recorded on target ${target}${options.name ? ` for ${options.name}` : ""} yet.\n`,
    );
    return;
  }
  const head = [
    "started (UTC)",
    "sync",
    "status",
    "run",
    "added",
    "changed",
    "removed",
    "delivered",
    "rejected",
    "retryable",
    "time",
  ];
  const rows = runs.map((r: HistoryRow) => [
    (r.started_at ?? "").replace("T", " ").slice(0, 19),
    r.sync,
    r.status,
    r.run_id,
    n(r.added),
    n(r.changed),
    n(r.removed),
    n(r.delivered),
    n(r.rejected),
    n(r.failed),
    r.duration === null ? "-" : `${r.duration.toFixed(1)}s`,
  ]);
  const lines = [`Sync runs on target ${target}, newest first:`, ...textTable(head, rows, 4)];
  const notes = runs.filter((r) => r.message || r.first_errors.length);
  if (notes.length) lines.push("");
  for (const r of notes) {
    lines.push(`${r.run_id} ${r.sync} (${r.status}):${r.message ? ` ${r.message}` : ""}`);
    for (const e of r.first_errors) lines.push(`    key ${e.key}: ${e.status}: ${e.reason}`);
  }
  process.stdout.write(`${redactor.redact(lines.join("\n"))}\n`);
}
