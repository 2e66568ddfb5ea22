export type NodeStatus = "success" | "error" | "skipped" | "cancelled" | "pass" | "fail" | "warn";

export interface NodeResult {
  id: string;
  name: string;
  resourceType: "model" | "seed" | "test";
  status: NodeStatus;
  /** What was built: `table`, `view`, `incremental`, `seed`, `test`. */
  kind: string;
  startedAt?: string;
  completedAt?: string;
  /** Seconds. */
  executionTime: number;
  rowsAffected?: number;
  message?: string;
  /** Tests: failing rows, and a few of them. */
  failures?: number;
  sample?: Record<string, unknown>[];
  relation?: string;
  file: string;
  /** Stitch models: what identity resolution did. */
  stitch?: import("../identity/stitch/index.ts").StitchResult;
}

export interface RunSummary {
  command: string;
  startedAt: string;
  completedAt: string;
  elapsed: number;
  results: NodeResult[];
  /** True when nothing failed or errored (warnings allowed). */
  success: boolean;
}

export function countByStatus(results: NodeResult[]): Record<NodeStatus, number> {
  const counts: Record<NodeStatus, number> = {
    success: 0,
    error: 0,
    skipped: 0,
    cancelled: 0,
    pass: 0,
    fail: 0,
    warn: 0,
  };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** Seconds to the millisecond: what artifacts and JSON logs carry (no float noise). */
export const roundSeconds = (seconds: number) => Math.round(seconds * 1000) / 1000;

export const isFailure = (r: NodeResult) => r.status === "error" || r.status === "fail";

/** The JSON written to `target/run_results.json`. */
export function runResultsJson(
  summary: RunSummary,
  meta: { project: string; target: string; invocationId: string; args: Record<string, unknown> },
) {
  return {
    metadata: {
      generated_at: summary.completedAt,
      invocation_id: meta.invocationId,
      project_name: meta.project,
      target_name: meta.target,
    },
    command: summary.command,
    success: summary.success,
    elapsed_time: roundSeconds(summary.elapsed),
    args: meta.args,
    results: summary.results.map((r) => ({
      unique_id: r.id,
      name: r.name,
      resource_type: r.resourceType,
      status: r.status,
      materialization: r.kind,
      relation: r.relation,
      timing: { started_at: r.startedAt, completed_at: r.completedAt },
      execution_time: roundSeconds(r.executionTime),
      rows_affected: r.rowsAffected ?? null,
      failures: r.failures ?? null,
      message: r.message ?? null,
      sample: r.sample,
      stitch: r.stitch,
    })),
  };
}
