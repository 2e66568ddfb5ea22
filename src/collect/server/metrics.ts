import type { LogWriterStats } from "../log/writer.ts";
import type { RejectReason } from "./rejection.ts";

/**
 * What the loader reports (stream of src/collect/loader): any numeric fields, exported as
 * `cdp_collect_loader_<field>` gauges (its load lag among them); undefined or null are left out.
 */
export type LoaderStatsSource = () => object;

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_");
}

function label(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** The collector's counters, rendered in the Prometheus text exposition format (version 0.0.4). */
export class CollectMetrics {
  private readonly received = new Map<string, number>();
  private readonly rejected = new Map<RejectReason, number>();
  private requests = 0;

  countReceived(source: string, type: string, n = 1): void {
    const key = `${source}\u0000${type}`;
    this.received.set(key, (this.received.get(key) ?? 0) + n);
  }

  countRequest(): void {
    this.requests++;
  }

  /** One per refused request (the whole request is refused, whatever its number of events). */
  countRejected(reason: RejectReason): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  receivedTotal(): number {
    let n = 0;
    for (const v of this.received.values()) n += v;
    return n;
  }

  render(log: LogWriterStats, budgetBytes: number, loader?: LoaderStatsSource): string {
    const out: string[] = [];
    const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) out.push(`${name}${labels} ${value}`);
    };
    metric(
      "cdp_collect_events_received_total",
      "counter",
      "Events accepted (on disk, acknowledged), by source and type.",
      [...this.received].map(([k, v]) => {
        const [source, type] = k.split("\u0000");
        return [`{source="${label(source!)}",type="${label(type!)}"}`, v];
      }),
    );
    metric(
      "cdp_collect_requests_rejected_total",
      "counter",
      "Requests refused as a whole, by reason.",
      [...this.rejected].map(([reason, v]) => [`{reason="${reason}"}`, v]),
    );
    metric("cdp_collect_requests_total", "counter", "Tracking API requests received.", [["", this.requests]]);
    metric("cdp_collect_log_bytes", "gauge", "Bytes of the event log on disk.", [["", log.bytes]]);
    metric("cdp_collect_log_budget_bytes", "gauge", "The log's disk budget (503 beyond).", [
      ["", budgetBytes],
    ]);
    metric("cdp_collect_log_segment", "gauge", "Sequence of the segment being appended to.", [
      ["", log.segment],
    ]);
    metric("cdp_collect_log_fsyncs_total", "counter", "Grouped fsyncs of the log.", [["", log.fsyncs]]);
    metric("cdp_collect_log_fsync_seconds_total", "counter", "Time spent in fsync.", [
      ["", log.fsyncSeconds],
    ]);
    metric("cdp_collect_log_written_bytes_total", "counter", "Bytes appended to the log.", [
      ["", log.bytesWritten],
    ]);
    if (loader) {
      for (const [key, value] of Object.entries(loader() as Record<string, unknown>)) {
        if (typeof value !== "number" || !Number.isFinite(value)) continue;
        metric(`cdp_collect_loader_${snake(key)}`, "gauge", `The loader's ${key}.`, [["", value]]);
      }
    }
    return `${out.join("\n")}\n`;
  }
}
