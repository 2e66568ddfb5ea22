import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined | null;

/** V8's full collection, exposed once on first use; `null` where it cannot be. */
function fullCollection(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  collect = exposed ?? null;
  if (exposed) return collect;
  try {
    // The flag is read when a context is created: a fresh context gets the `gc` global.
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Keeps the JS heap of a sync near what it holds. A sync reads the plan page after page and
 * drops each one once it is sent: little stays alive, but V8 lets garbage pile up to several
 * times the live heap before it collects (200-270 MB on a 1M-row sync with ~40 MB alive). Called
 * between pages, this runs a full collection whenever the heap holds more than `budgetMB`, so a
 * sync's memory stays flat however many rows it sends. A collection of a heap this small takes
 * a few milliseconds, once per page at most.
 */
export function heapBudget(budgetMB: number): () => void {
  const limit = budgetMB * 2 ** 20;
  return () => {
    if (process.memoryUsage().heapUsed <= limit) return;
    fullCollection()?.();
  };
}
