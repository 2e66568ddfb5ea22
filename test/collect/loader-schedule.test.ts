import { afterEach, describe, expect, it } from "vitest";
import { type Loader, startLoader } from "../../src/collect/loader/index.ts";
import type { StagedBatch } from "../../src/collect/loader/shape.ts";
import type { EventSink } from "../../src/collect/loader/sink.ts";
import { readCheckpoint } from "../../src/collect/log/reader.ts";
import { collected, TestLog } from "./log-helper.ts";

/** A sink that records batches and can be made to fail, to watch the loader's schedule. */
class RecordingSink implements EventSink {
  readonly kind = "warehouse" as const;
  readonly batches: StagedBatch[] = [];
  failNext = false;
  closed = false;
  private waiters: (() => void)[] = [];

  async write(batch: StagedBatch): Promise<number> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("warehouse unavailable");
    }
    this.batches.push(batch);
    for (const w of this.waiters.splice(0)) w();
    return batch.rows.length;
  }

  /** Resolves at the next batch written. */
  nextBatch(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe("the loader's micro-batches", () => {
  let loader: Loader | undefined;
  afterEach(async () => {
    await loader?.stop();
    loader = undefined;
  });

  it("loads as soon as maxEvents wait, without waiting for the interval", async () => {
    const log = new TestLog();
    const sink = new RecordingSink();
    // An interval no test waits for: only notify can start this load.
    loader = startLoader({ logDir: log.dir, sink, intervalMs: 3_600_000, maxEvents: 4 });
    log.append(collected(), collected());
    loader.notify(2);
    expect(sink.batches).toHaveLength(0);
    const next = sink.nextBatch();
    log.append(collected(), collected(), collected());
    loader.notify(3);
    await next;
    await loader.flush();
    // Drained in batches of at most maxEvents: 4, then 1.
    expect(sink.batches.map((b) => b.rows.filter((r) => r._table === "tracks").length)).toEqual([4, 1]);
    expect(loader.stats()).toMatchObject({
      loadedEvents: 5,
      pendingBytes: 0,
      failures: 0,
      sink: "warehouse",
    });
  });

  it("keeps its checkpoint when a load fails and loads the same events at the next one", async () => {
    const log = new TestLog();
    const sink = new RecordingSink();
    const errors: unknown[] = [];
    loader = startLoader({
      logDir: log.dir,
      sink,
      intervalMs: 3_600_000,
      maxEvents: 100,
      onError: (e) => errors.push(e),
    });
    const event = collected();
    log.append(event);
    sink.failNext = true;
    await expect(loader.flush()).rejects.toThrow(/warehouse unavailable/);
    expect(await readCheckpoint(log.dir)).toEqual({ segment: 0, offset: 0 });
    await loader.flush();
    expect(sink.batches).toHaveLength(1);
    expect(sink.batches[0]!.rows[0]!.s__id).toBe(event.messageId);
    expect(loader.stats().loadedEvents).toBe(1);
  });

  it("queues at most one load behind the one running, however often it is asked", async () => {
    const log = new TestLog();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const writing = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const writes: number[] = [];
    const sink: EventSink = {
      kind: "warehouse",
      async write(batch) {
        writes.push(batch.rows.length);
        entered();
        await gate;
        return batch.rows.length;
      },
      close: async () => {},
    };
    let loads = 0;
    loader = startLoader({
      logDir: log.dir,
      sink,
      intervalMs: 3_600_000,
      maxEvents: 100,
      onLoad: () => loads++,
    });
    log.append(collected());
    const first = loader.flush();
    await writing;
    log.append(collected());
    const asked = [loader.flush(), loader.flush(), loader.flush()];
    release();
    await first;
    await Promise.all(asked);
    // One load with the first event, one (shared by the three callers) with the second.
    expect(writes).toEqual([2, 2]);
    expect(loads).toBe(2);
    expect(loader.stats().loadedEvents).toBe(2);
  });

  it("reports the load lag from the oldest event's receipt, and loads what is left when stopped", async () => {
    const log = new TestLog();
    const sink = new RecordingSink();
    const received = Date.parse("2026-11-02T10:00:00.000Z");
    let now = received + 2500;
    const stopping = startLoader({
      logDir: log.dir,
      sink,
      intervalMs: 3_600_000,
      maxEvents: 100,
      now: () => new Date(now),
    });
    log.append(collected({ at: 0 }), collected({ at: 1 }));
    await stopping.flush();
    expect(stopping.stats().lagSeconds).toBe(2.5);
    now += 10_000;
    log.append(collected({ at: 3 }));
    await stopping.stop();
    expect(sink.batches).toHaveLength(2);
    expect(sink.closed).toBe(true);
    expect(stopping.stats().loadedEvents).toBe(3);
  });
});
