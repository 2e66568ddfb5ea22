import os from "node:os";
import { benchSyncDelivery } from "./sync-delivery.ts";
import { benchSyncMemory, benchSyncMemoryAtScale } from "./sync-memory.ts";
import { benchSyncPlan } from "./sync-plan.ts";

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
}

/**
 * Syncs (reverse ETL) on DuckDB, against the goals: planning a `rows`-row model with 1%
 * changed in ≤ 1.5 s, delivering at ≥ 95% of a destination's allowed request rate with no row
 * lost, and syncing `rows` changed rows in ≤ 300 MB of peak memory (the goals are stated for
 * 1M rows; `--rows` scales the model down for a quick run). Figures are medians of `runs` runs
 * (at most 5 for the plan, 3 for delivery and for the memory goal case), each next to a
 * reference measured in the same run. The load average is printed: on a shared machine, read
 * the figures against their references.
 */
export async function benchSync(runs: number, rows: number, scaleRows = 0): Promise<string> {
  const started = performance.now();
  const loadBefore = load();
  const parts = [
    await benchSyncPlan(Math.min(runs, 5), rows),
    await benchSyncDelivery(Math.min(runs, 3), [20, 50], 6),
    await benchSyncMemory(rows, Math.min(runs, 3)),
  ];
  // Peak memory must not grow with the rows: a first sync and 1% reruns at 10M rows (minutes).
  if (scaleRows > 0) parts.push(await benchSyncMemoryAtScale(scaleRows, Math.min(runs, 3)));
  const minutes = (performance.now() - started) / 60_000;
  return `## Syncs on DuckDB (load average ${loadBefore} before, ${load()} after; ${minutes.toFixed(1)} min)\n\n${parts.join("\n")}`;
}
