import pLimit from "p-limit";

export interface DagTask {
  id: string;
  /** Ids that must succeed before this task starts (ids outside the task set are ignored). */
  dependsOn: string[];
}

export type TaskOutcome = "ok" | "failed";

export interface ExecutorHooks<T extends DagTask> {
  /** Runs one task; resolves "failed" (or throws) to skip its dependents. */
  run(task: T): Promise<TaskOutcome>;
  /** Called for each dependent that will not run because `cause` failed. */
  skip(task: T, cause: T): void;
  /** Called for tasks never started because the run was cancelled. */
  cancel?(task: T): void;
}

/**
 * Runs a DAG with at most `threads` tasks at once. A task starts as soon as all its dependencies
 * succeeded; a failure marks every descendant skipped while independent branches carry on.
 * `signal` stops scheduling new tasks (running ones finish) and cancels the rest.
 */
export async function executeDag<T extends DagTask>(
  tasks: T[],
  threads: number,
  hooks: ExecutorHooks<T>,
  signal?: AbortSignal,
): Promise<void> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, T[]>();
  for (const t of tasks) {
    const deps = [...new Set(t.dependsOn)].filter((d) => byId.has(d));
    waitingOn.set(t.id, deps.length);
    for (const d of deps) {
      const list = dependents.get(d) ?? [];
      list.push(t);
      dependents.set(d, list);
    }
  }
  const limit = pLimit(Math.max(1, threads));
  const settled = new Set<string>();
  const running: Promise<void>[] = [];

  const skipDescendants = (failed: T) => {
    const stack = [...(dependents.get(failed.id) ?? [])];
    while (stack.length) {
      const t = stack.pop()!;
      if (settled.has(t.id)) continue;
      settled.add(t.id);
      hooks.skip(t, failed);
      stack.push(...(dependents.get(t.id) ?? []));
    }
  };

  const start = (task: T) => {
    settled.add(task.id);
    const p = limit(async () => {
      if (signal?.aborted) {
        hooks.cancel?.(task);
        return;
      }
      let outcome: TaskOutcome;
      try {
        outcome = await hooks.run(task);
      } catch {
        outcome = "failed";
      }
      if (outcome === "failed") {
        skipDescendants(task);
        return;
      }
      for (const child of dependents.get(task.id) ?? []) {
        const n = waitingOn.get(child.id)! - 1;
        waitingOn.set(child.id, n);
        if (n === 0 && !settled.has(child.id)) start(child);
      }
    });
    running.push(p);
  };

  for (const t of tasks) if (waitingOn.get(t.id) === 0) start(t);
  // Tasks started while we wait are pushed onto `running`, so drain until it stops growing.
  for (let i = 0; i < running.length; i++) await running[i];
  for (const t of tasks) if (!settled.has(t.id)) hooks.cancel?.(t);
}
