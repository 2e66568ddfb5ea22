import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { superviseLoader } from "../../src/collect/loader/supervisor.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * A stand-in for the loader's thread speaking the same messages (ipc.ts): its first start fails
 * (an uncaught error, as a crashed loader would), later ones report each notification as a log line.
 */
const FAKE_LOADER = `import { existsSync, writeFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
const marker = process.argv[2];
if (!existsSync(marker)) {
  writeFileSync(marker, "");
  throw new Error("the first loader thread fails");
}
const stats = { loadedEvents: 0, batches: 0, failures: 0, lagSeconds: 0, pendingBytes: 0, invalidLines: 0, sink: "landing" };
parentPort.on("message", (m) => {
  if (m.type === "notify") parentPort.postMessage({ type: "log", level: "info", event: "notified", fields: { events: m.events } });
  if (m.type === "stop") {
    parentPort.postMessage({ type: "stats", stats: { ...stats, loadedEvents: 42 } });
    parentPort.close();
  }
});
parentPort.postMessage({ type: "ready", stats });
`;

type Line = { event: string; fields: Record<string, unknown> };

describe("the loader's supervisor", () => {
  it("restarts a loader thread that failed, tells it once per maxEvents written, and stops it", async () => {
    const dir = tempDir("cdp-supervisor-");
    const module = path.join(dir, "fake-loader.mjs");
    writeFileSync(module, FAKE_LOADER);
    const lines: Line[] = [];
    const checks = new Set<() => void>();
    /** Resolves once `count` lines of `event` were logged. */
    const next = (event: string, count = 1) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (lines.filter((l) => l.event === event).length < count) return;
          checks.delete(check);
          resolve();
        };
        checks.add(check);
        check();
      });
    const loader = superviseLoader({
      module,
      args: [path.join(dir, "started-once")],
      maxEvents: 3,
      restartDelayMs: 10,
      log: (_level, event, fields) => {
        lines.push({ event, fields });
        for (const check of [...checks]) check();
      },
    });
    await next("loader_started");
    expect(lines.map((l) => l.event)).toEqual(["loader_error", "loader_exited", "loader_started"]);
    expect(loader.stats()).toMatchObject({ restarts: 1, sink: "landing" });

    loader.notify(1);
    loader.notify(1);
    loader.notify(2); // 4 written since the last notification: one message, with all 4
    loader.notify(3);
    await next("notified", 2);
    expect(lines.filter((l) => l.event === "notified").map((l) => l.fields.events)).toEqual([4, 3]);

    await loader.stop();
    expect(loader.stats()).toMatchObject({ loadedEvents: 42, restarts: 1 });
    expect(lines.filter((l) => l.event === "loader_exited")).toHaveLength(1);
  });
});
