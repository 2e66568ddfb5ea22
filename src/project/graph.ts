/**
 * The project's DAG: topological order and cycle detection, iterative so 10,000-node projects
 * and long chains cannot overflow the stack.
 */
export interface Graph {
  /** node id -> ids it depends on */
  parents: Map<string, string[]>;
}

export function childrenOf(parents: Map<string, string[]>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const id of parents.keys()) children.set(id, []);
  for (const [id, ps] of parents) for (const p of ps) children.get(p)?.push(id);
  return children;
}

/**
 * Kahn's algorithm with a FIFO queue. The order depends only on the insertion order of
 * `parents` (compile inserts nodes sorted by id), so it is the same on every run.
 * Returns the order and, if the graph has cycles, the nodes that could not be ordered.
 */
export function topologicalOrder(parents: Map<string, string[]>): { order: string[]; blocked: string[] } {
  const remaining = new Map<string, number>();
  const children = childrenOf(parents);
  for (const [id, ps] of parents) remaining.set(id, new Set(ps.filter((p) => parents.has(p))).size);
  const order = [...remaining].filter(([, n]) => n === 0).map(([id]) => id);
  for (let i = 0; i < order.length; i++) {
    for (const child of new Set(children.get(order[i]!) ?? [])) {
      const n = remaining.get(child)! - 1;
      remaining.set(child, n);
      if (n === 0) order.push(child);
    }
  }
  const blocked =
    order.length === parents.size ? [] : [...parents.keys()].filter((id) => remaining.get(id)! > 0);
  return { order, blocked };
}

/**
 * Finds the distinct cycles among `blocked` nodes, each as a closed path [a, b, ..., a] in which
 * every node reads from (has as a parent) the next one.
 */
export function findCycles(parents: Map<string, string[]>, blocked: string[]): string[][] {
  const inBlocked = new Set(blocked);
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of blocked) {
    if (done.has(start)) continue;
    // Walk parents inside the blocked set until a node repeats: that closes a cycle.
    const path: string[] = [];
    const position = new Map<string, number>();
    let node: string | undefined = start;
    while (node !== undefined && !position.has(node) && !done.has(node)) {
      position.set(node, path.length);
      path.push(node);
      node = (parents.get(node) ?? []).find((p) => inBlocked.has(p));
    }
    if (node !== undefined && position.has(node)) {
      const cycle = path.slice(position.get(node)!);
      cycles.push([...cycle, cycle[0]!]);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

/** All ancestors (or descendants) of the given nodes, up to `depth` steps (Infinity: all). */
export function reachable(
  edges: Map<string, string[]>,
  from: Iterable<string>,
  depth = Number.POSITIVE_INFINITY,
): Set<string> {
  const seen = new Set<string>();
  let frontier = [...from];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of edges.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
