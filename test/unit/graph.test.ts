import { describe, expect, it } from "vitest";
import { findCycles, reachable, topologicalOrder } from "../../src/project/graph.ts";

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe("topologicalOrder", () => {
  it("puts every node after its parents", () => {
    const parents = graph({ d: ["b", "c"], b: ["a"], c: ["a"], a: [] });
    const { order, blocked } = topologicalOrder(parents);
    expect(blocked).toEqual([]);
    const pos = (id: string) => order.indexOf(id);
    expect(pos("a")).toBeLessThan(pos("b"));
    expect(pos("b")).toBeLessThan(pos("d"));
    expect(pos("c")).toBeLessThan(pos("d"));
    expect(order).toHaveLength(4);
  });

  it("handles a 100,000-node chain without recursion", () => {
    const parents = new Map<string, string[]>();
    for (let i = 0; i < 100_000; i++) parents.set(`n${i}`, i ? [`n${i - 1}`] : []);
    const { order } = topologicalOrder(parents);
    expect(order[0]).toBe("n0");
    expect(order.at(-1)).toBe("n99999");
  });

  it("reports the nodes on and behind a cycle, and the cycle itself", () => {
    const parents = graph({ a: ["c"], b: ["a"], c: ["b"], d: ["c"], e: [] });
    const { order, blocked } = topologicalOrder(parents);
    expect(order).toEqual(["e"]);
    expect(blocked.sort()).toEqual(["a", "b", "c", "d"]);
    const cycles = findCycles(parents, blocked);
    expect(cycles).toHaveLength(1);
    const cycle = cycles[0]!;
    expect(cycle[0]).toBe(cycle.at(-1));
    expect(new Set(cycle)).toEqual(new Set(["a", "b", "c"]));
    // Each node reads from the next one: the path follows the refs.
    for (let i = 0; i + 1 < cycle.length; i++) expect(parents.get(cycle[i]!)).toContain(cycle[i + 1]);
  });

  it("finds a self-reference", () => {
    const parents = graph({ a: ["a"] });
    const { blocked } = topologicalOrder(parents);
    expect(findCycles(parents, blocked)).toEqual([["a", "a"]]);
  });
});

describe("reachable", () => {
  it("limits the depth", () => {
    const parents = graph({ c: ["b"], b: ["a"], a: [] });
    expect(reachable(parents, ["c"], 1)).toEqual(new Set(["b"]));
    expect(reachable(parents, ["c"])).toEqual(new Set(["b", "a"]));
  });
});
