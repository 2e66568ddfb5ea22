/** An independent union-find, the reference the stitch is checked against. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }

  find(x: string): string {
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    // biome-ignore lint/complexity/useMathMinMax: ids are strings
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }

  /** The partition as a set of sorted, joined member lists, comparable across implementations. */
  partition(): Set<string> {
    const groups = new Map<string, string[]>();
    for (const x of this.parent.keys()) {
      const r = this.find(x);
      groups.set(r, [...(groups.get(r) ?? []), x]);
    }
    return new Set([...groups.values()].map((g) => g.sort().join("|")));
  }
}

export function partitionOf(rows: { key: string; group: string }[]): Set<string> {
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r.key]);
  return new Set([...groups.values()].map((g) => g.sort().join("|")));
}
