import { roundSeconds } from "../run/results.ts";
import type { SyncSummary } from "./index.ts";

/** A destination's report with its keys in snake_case, at every depth (values untouched). */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase(),
      snakeKeys(v),
    ]),
  );
}

/**
 * The JSON written to `target/sync_results.json`: the shape and snake_case names of
 * `run_results.json` (`metadata`, `elapsed_time`, `unique_id`, `execution_time` in seconds to the
 * millisecond), so one reader handles both.
 */
export function syncResultsJson(
  summary: SyncSummary,
  meta: { project: string; target: string; invocationId: string },
) {
  return {
    metadata: {
      generated_at: summary.completedAt,
      invocation_id: meta.invocationId,
      project_name: meta.project,
      target_name: meta.target,
    },
    started_at: summary.startedAt,
    completed_at: summary.completedAt,
    elapsed_time: roundSeconds(summary.elapsed),
    dry_run: summary.dryRun,
    success: summary.success,
    results: summary.results.map((r) => ({
      unique_id: `sync.${r.sync}`,
      sync: r.sync,
      run_id: r.runId,
      status: r.status,
      target: r.target ?? null,
      counts: r.counts,
      delivered: r.delivered,
      rejected: r.rejected,
      failed: r.failed,
      execution_time: roundSeconds(r.elapsed),
      message: r.message ?? null,
      errors: r.errors,
      operations: r.operations,
      destination: r.destination && snakeKeys(r.destination),
      notification: r.notification,
      samples: r.samples,
    })),
  };
}
