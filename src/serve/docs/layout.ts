import type { DocNode } from "./types.ts";

/** Horizontal and vertical distance between nodes, in graph units. */
const COLUMN = 260;
const ROW = 56;

/**
 * A layered layout of the DAG, left to right: a node's column is its longest path from a root,
 * rows in a column ordered by the mean row of the parents (one barycentre pass cuts most
 * crossings). Linear in nodes and edges, so 10,000 models lay out in milliseconds, where the
 * general-purpose layouts of graph libraries (force-directed, Sugiyama with crossing
 * minimisation) take seconds to minutes at that size.
 */
export function layOut(nodes: Omit<DocNode, "x" | "y">[]): DocNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const parents = byId.get(id)?.dependsOn.filter((p) => byId.has(p)) ?? [];
    const d = parents.length ? Math.max(...parents.map(depthOf)) + 1 : 0;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  // Iterative warm-up in input order (a build order) keeps the recursion shallow on deep graphs.
  for (const n of nodes) depthOf(n.id);
  const columns: string[][] = [];
  for (const n of nodes) {
    const d = depth.get(n.id)!;
    const column = columns[d] ?? [];
    column.push(n.id);
    columns[d] = column;
  }
  const row = new Map<string, number>();
  for (const column of columns) {
    if (!column) continue;
    const key = (id: string) => {
      const ps = byId.get(id)!.dependsOn.filter((p) => row.has(p));
      return ps.length ? ps.reduce((s, p) => s + row.get(p)!, 0) / ps.length : Number.POSITIVE_INFINITY;
    };
    const keys = new Map(column.map((id) => [id, key(id)]));
    column.sort((a, b) => keys.get(a)! - keys.get(b)! || a.localeCompare(b));
    column.forEach((id, i) => {
      row.set(id, i);
    });
  }
  const tallest = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  return nodes.map((n) => {
    const column = columns[depth.get(n.id)!]!;
    // Centre short columns against the tallest one.
    const offset = ((tallest - column.length) * ROW) / 2;
    return { ...n, x: depth.get(n.id)! * COLUMN, y: offset + row.get(n.id)! * ROW };
  });
}
