import { redactor } from "../config/secrets.ts";
import type { SyncEvent, SyncResult, SyncSummary } from "../sync/index.ts";
import { plural } from "./plural.ts";
import type { LogFormat } from "./reporter.ts";
import { textTable } from "./table.ts";

const n = (x: number) => x.toLocaleString("en-US");

/**
 * Output of `cdp sync` and of the sync stage of `cdp build`: in a terminal a progress bar per
 * sync redrawn in place, in CI plain lines (one every 10%), with `--log-format json` one JSON
 * object per event. Every line goes through the secret redactor.
 */
export class SyncReporter {
  private lastDecile = new Map<string, number>();
  private barShown = false;

  constructor(
    private readonly format: LogFormat,
    private readonly live: boolean,
    private readonly stream: NodeJS.WriteStream = process.stdout,
  ) {}

  private write(text: string): void {
    if (this.barShown) {
      this.stream.write("\r\x1b[2K");
      this.barShown = false;
    }
    this.stream.write(`${redactor.redact(text)}\n`);
  }

  onEvent = (event: SyncEvent): void => {
    if (this.format === "json") {
      const { type, ...rest } = event;
      this.write(JSON.stringify({ event: type, ...rest, ts: new Date().toISOString() }));
      return;
    }
    if (event.type === "sync_start") {
      const c = event.counts;
      this.write(
        `sync ${event.sync}${event.dryRun ? " (dry run)" : ""}: ${n(c.planned)} to send: ${n(c.added)} added, ${n(c.changed)} changed, ${n(c.removed)} removed${c.retired ? `, ${n(c.retired)} merged into other profiles` : ""} (${n(c.retried)} retried from earlier runs, ${n(c.skipped)} skipped by the mode)`,
      );
    } else if (event.type === "sync_progress") {
      const share = event.planned ? event.done / event.planned : 1;
      if (this.live) {
        const width = 30;
        const full = Math.round(share * width);
        this.stream.write(
          `\r\x1b[2K  ${event.sync} [${"#".repeat(full)}${".".repeat(width - full)}] ${n(event.done)}/${n(event.planned)} · ${n(event.failed)} not delivered`,
        );
        this.barShown = true;
      } else {
        const decile = Math.floor(share * 10);
        if (decile > (this.lastDecile.get(event.sync) ?? 0)) {
          this.lastDecile.set(event.sync, decile);
          this.write(
            `  ${event.sync}: ${n(event.done)}/${n(event.planned)} sent, ${n(event.delivered)} delivered, ${n(event.failed)} not delivered`,
          );
        }
      }
    } else {
      this.finishLine(event.result);
    }
  };

  private finishLine(r: SyncResult): void {
    const label = {
      success: "OK",
      failed: "FAIL",
      error: "ERROR",
      dry_run: "PLAN",
      disabled: "OFF",
      skipped: "SKIP",
      blocked: "STOP",
    }[r.status];
    if (r.status === "skipped" || r.status === "disabled") {
      this.write(`${label.padEnd(5)} sync ${r.sync}: ${r.status}: ${r.message ?? ""}`);
      return;
    }
    const ops = Object.entries(r.operations ?? {})
      .map(([op, o]) => `${n(o.delivered)}${o.delivered < o.sent ? ` of ${n(o.sent)}` : ""} ${op}`)
      .join(", ");
    this.write(
      `${label.padEnd(5)} sync ${r.sync}: ${n(r.delivered)} delivered${ops ? ` (${ops})` : ""}, ${n(r.rejected)} rejected, ${n(r.failed)} retryable, ${r.elapsed.toFixed(2)}s${r.message ? `\n      ${r.message}` : ""}${r.notification ? `\n      notification ${r.notification}` : ""}`,
    );
    for (const e of r.errors ?? []) this.write(`      key ${e.key}: ${e.status}: ${e.reason}`);
    for (const [op, rows] of Object.entries(r.samples ?? {})) {
      this.write(`      ${op}, first ${rows.length}:`);
      for (const row of rows) this.write(`        ${JSON.stringify(row)}`);
    }
  }

  /** A table of the syncs and a closing line. */
  finish(summary: SyncSummary, options: { closing?: boolean } = {}): void {
    if (this.format === "json") {
      this.write(
        JSON.stringify({
          event: "sync_summary",
          ...summary,
          results: summary.results.map(({ samples, ...r }) => r),
        }),
      );
      return;
    }
    const rows = summary.results.map((r) => [
      r.sync,
      r.status,
      n(r.counts.added),
      n(r.counts.changed),
      // Every removal sent: keys that left the model and keys merged into another profile.
      n(r.counts.removed + r.counts.retired),
      n(r.delivered),
      n(r.rejected),
      n(r.failed),
      `${r.elapsed.toFixed(2)}s`,
    ]);
    const head = [
      "sync",
      "status",
      "added",
      "changed",
      "removed",
      "delivered",
      "rejected",
      "retryable",
      "time",
    ];
    this.write("");
    for (const line of textTable(head, rows, 2)) this.write(line);
    const bad = summary.results.filter((r) => ["failed", "error", "blocked"].includes(r.status)).length;
    const skipped = summary.results.filter((r) => r.status === "skipped").length;
    this.write(
      `\n${bad ? `${bad} of ${plural(summary.results.length, "sync")} failed or were stopped` : `${options.closing === false ? "" : "Done. "}${plural(summary.results.length, "sync")}`}${skipped ? ` (${skipped} skipped)` : ""} in ${summary.elapsed.toFixed(2)}s${summary.dryRun ? " (dry run: nothing sent)" : ""} → target/sync_results.json`,
    );
  }
}
