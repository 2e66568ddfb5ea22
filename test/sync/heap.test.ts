import { describe, expect, it } from "vitest";
import { heapBudget } from "../../src/sync/heap.ts";

describe("heapBudget", () => {
  it("collects the garbage once the heap holds more than the budget", () => {
    const keep = heapBudget(16);
    // ~100 MB of short strings and objects, unreachable once the loop ends, like sent pages.
    let pages = 0;
    for (let p = 0; p < 20; p++) {
      const page = Array.from({ length: 50_000 }, (_, i) => ({
        key: `k${p}-${i}`,
        email: `user${i}@example.com`,
      }));
      pages += page.length;
    }
    expect(pages).toBe(1_000_000);
    const before = process.memoryUsage().heapUsed;
    keep();
    const after = process.memoryUsage().heapUsed;
    expect(before).toBeGreaterThan(16 * 2 ** 20);
    expect(after).toBeLessThan(before / 2);
  });
});
