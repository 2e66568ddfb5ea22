import pc from "picocolors";
import { redactor } from "../config/secrets.ts";
import type { RunEvent } from "../run/events.ts";
import { countByStatus, type NodeResult, type RunSummary, roundSeconds } from "../run/results.ts";
import { plural } from "./plural.ts";

export type LogFormat = "text" | "json";

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const STATUS: Record<NodeResult["status"], (s: string) => string> = {
  success: pc.green,
  pass: pc.green,
  warn: pc.yellow,
  error: pc.red,
  fail: pc.red,
  skipped: pc.yellow,
  cancelled: pc.yellow,
};

const LABEL: Record<NodeResult["status"], string> = {
  success: "OK",
  pass: "PASS",
  warn: "WARN",
  error: "ERROR",
  fail: "FAIL",
  skipped: "SKIP",
  cancelled: "CANCEL",
};

/**
 * Turns run events into output: in a terminal, lines plus a live progress bar redrawn in place;
 * in CI or a pipe, plain lines; with `--log-format json`, one JSON object per line.
 * Every line goes through the secret redactor.
 */
export class Reporter {
  private readonly running = new Set<string>();
  private done = 0;
  private total = 0;
  private barShown = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly format: LogFormat,
    private readonly live: boolean,
    private readonly stream: NodeJS.WriteStream = process.stdout,
  ) {}

  line(text: string): void {
    this.clearBar();
    this.stream.write(`${redactor.redact(text)}\n`);
    this.drawBar();
  }

  json(value: unknown): void {
    this.stream.write(`${redactor.redact(JSON.stringify(value))}\n`);
  }

  onEvent = (event: RunEvent): void => {
    if (this.format === "json") {
      if (event.type === "node_start") {
        this.json({
          event: "node_start",
          id: event.node.id,
          index: event.index,
          total: event.total,
          ts: new Date().toISOString(),
        });
      } else if (event.type === "node_finish") {
        this.json({
          event: "node_finish",
          ...event.result,
          executionTime: roundSeconds(event.result.executionTime),
          index: event.index,
          total: event.total,
        });
      } else if (event.type === "orphans") {
        this.json({ event: "orphans", removed: event.removed, error: event.error });
      } else {
        const { type: _type, ...plan } = event;
        this.json({ event: "plan", ...plan, ts: new Date().toISOString() });
      }
      return;
    }
    switch (event.type) {
      case "plan":
        this.total = event.total;
        this.line(
          pc.bold(
            `cdp ${event.command} · target ${event.target} · ${plural(event.total, "node")} · ${plural(event.threads, "thread")}`,
          ),
        );
        if (this.live && event.total > 0) this.timer = setInterval(() => this.redraw(), 250).unref();
        break;
      case "orphans":
        if (event.removed.length) {
          this.line(
            pc.dim(
              `Removed ${event.removed.length} work table${event.removed.length === 1 ? "" : "s"} left by killed runs: ${event.removed.join(", ")}`,
            ),
          );
        }
        if (event.error)
          this.line(pc.yellow(`Could not remove work tables left by killed runs: ${event.error}`));
        break;
      case "node_start":
        this.running.add(event.node.name);
        this.redraw();
        break;
      case "node_finish": {
        this.running.delete(event.result.name);
        this.done = event.index;
        this.line(this.resultLine(event.result, event.index, event.total));
        break;
      }
    }
  };

  private resultLine(r: NodeResult, index: number, total: number): string {
    const width = String(total).length;
    const label = STATUS[r.status](LABEL[r.status].padEnd(6));
    const kind = pc.dim(r.kind.padEnd(11));
    const detail =
      r.status === "success" || r.status === "pass"
        ? pc.dim(
            r.kind === "stitch" ||
              r.kind === "incremental" ||
              r.kind === "snapshot" ||
              r.rowsAffected === undefined
              ? (r.message ?? "")
              : `${r.rowsAffected.toLocaleString("en-US")} rows`,
          )
        : (r.message ?? "").split("\n")[0];
    const time =
      r.status === "skipped" || r.status === "cancelled" ? "" : pc.dim(` ${r.executionTime.toFixed(2)}s`);
    return `${String(index).padStart(width)}/${total} ${label} ${kind} ${r.name}  ${detail}${time}`;
  }

  private redraw(): void {
    if (!this.live) return;
    this.clearBar();
    this.drawBar();
  }

  private drawBar(): void {
    if (!this.live || this.total === 0 || this.done >= this.total) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const names = [...this.running].slice(0, 3).join(", ") + (this.running.size > 3 ? ", …" : "");
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    const cols = this.stream.columns ?? 100;
    const text = `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${this.done}/${this.total} ${secs}s ${names ? `running: ${names}` : ""}`;
    this.stream.write(pc.cyan(text.slice(0, cols - 1)));
    this.barShown = true;
  }

  private clearBar(): void {
    if (this.barShown) {
      this.stream.write("\r\u001b[2K");
      this.barShown = false;
    }
  }

  finish(summary: RunSummary): void {
    if (this.timer) clearInterval(this.timer);
    this.clearBar();
    if (this.format === "json") {
      this.json({
        event: "summary",
        command: summary.command,
        success: summary.success,
        elapsed: roundSeconds(summary.elapsed),
        counts: countByStatus(summary.results),
      });
      return;
    }
    const c = countByStatus(summary.results);
    const parts = [
      c.success && pc.green(`${c.success} succeeded`),
      c.error && pc.red(`${c.error} errored`),
      c.skipped && pc.yellow(`${c.skipped} skipped`),
      c.cancelled && pc.yellow(`${c.cancelled} cancelled`),
      c.pass && pc.green(`${plural(c.pass, "test")} passed`),
      c.fail && pc.red(`${plural(c.fail, "test")} failed`),
      c.warn && pc.yellow(`${plural(c.warn, "test")} warned`),
    ].filter(Boolean);
    this.line("");
    this.line(
      `${summary.success ? pc.green("Done.") : pc.red("Finished with problems.")} ${parts.join(", ") || "nothing to do"} in ${summary.elapsed.toFixed(2)}s`,
    );
    for (const r of summary.results) {
      if (!r.stitch) continue;
      const st = r.stitch;
      this.line("");
      this.line(
        `${pc.bold("Identity")} ${r.name}: ${st.profiles.toLocaleString("en-US")} profiles from ${st.identifiers.toLocaleString("en-US")} identifiers in ${st.rounds} round${st.rounds === 1 ? "" : "s"}`,
      );
      this.line(
        `    set aside: ${st.blocked} blocked values, ${st.hubs} hubs, ${st.cutEdges} edges cut by limits; this run: ${st.merges} merges, ${st.splits} splits`,
      );
      this.line(pc.dim(`    details: cdp identity report --model ${r.name}`));
    }
    const problems = summary.results.filter(
      (r) => r.status === "error" || r.status === "fail" || r.status === "warn",
    );
    for (const r of problems) {
      this.line("");
      this.line(`${STATUS[r.status](LABEL[r.status])} ${r.resourceType} ${pc.bold(r.name)} (${r.file})`);
      for (const l of (r.message ?? "").split("\n")) this.line(`    ${l}`);
      if (r.sample?.length) {
        this.line(pc.dim("    sample of failing rows:"));
        for (const row of r.sample) this.line(pc.dim(`      ${JSON.stringify(row)}`));
      }
    }
  }
}
