import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LogUnavailableError, LogWriter } from "../../src/collect/log/writer.ts";
import { CHECKPOINT_FILE, segmentFileName } from "../../src/collect/log-format.ts";
import { basic, post, testCollector, WEB_KEY } from "./collector.ts";

const line = (i: number) => `${JSON.stringify({ messageId: `m${i}`, type: "track" })}\n`;

async function fileHandlePrototype(): Promise<FileHandle> {
  const handle = await open(path.join(tmpdir(), `cdp-proto-${process.pid}`), "w");
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}

function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), "cdp-log-"));
}

afterEach(() => vi.restoreAllMocks());

describe("log writer: torn tail repair", () => {
  it("cuts an incomplete last line of the newest segment and starts a new segment after it", async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, segmentFileName(1)), line(1) + line(2));
    writeFileSync(path.join(dir, segmentFileName(2)), `${line(3)}${line(4)}{"messageId":"m5","ty`);
    const writer = await LogWriter.open({ dir });
    expect(writer.stats().repairedBytes).toBe('{"messageId":"m5","ty'.length);
    expect(readFileSync(path.join(dir, segmentFileName(2)), "utf8")).toBe(line(3) + line(4));
    expect(readFileSync(path.join(dir, segmentFileName(1)), "utf8")).toBe(line(1) + line(2));
    await writer.append(Buffer.from(line(6)), 1);
    await writer.close();
    expect(readFileSync(path.join(dir, segmentFileName(3)), "utf8")).toBe(line(6));
  });

  it("empties a newest segment that holds no whole line, and leaves a clean one as it is", async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, segmentFileName(7)), '{"messageId":"torn"');
    const w1 = await LogWriter.open({ dir });
    await w1.close();
    expect(readFileSync(path.join(dir, segmentFileName(7)), "utf8")).toBe("");
    writeFileSync(path.join(dir, segmentFileName(9)), line(1));
    const w2 = await LogWriter.open({ dir });
    expect(w2.stats().repairedBytes).toBe(0);
    expect(w2.stats().segment).toBe(10);
    await w2.close();
    expect(readFileSync(path.join(dir, segmentFileName(9)), "utf8")).toBe(line(1));
  });
});

describe("log writer: grouped fsync", () => {
  it("resolves an append only after an fsync that covers its bytes, sharing fsyncs between appends", async () => {
    const proto = await fileHandlePrototype();
    let written = 0;
    let synced = 0;
    const write = proto.write;
    const datasync = proto.datasync;
    vi.spyOn(proto, "write").mockImplementation(async function (this: FileHandle, ...args: unknown[]) {
      const r = await (write as (...a: unknown[]) => Promise<{ bytesWritten: number }>).apply(this, args);
      written += r.bytesWritten;
      return r;
    } as typeof proto.write);
    vi.spyOn(proto, "datasync").mockImplementation(async function (this: FileHandle) {
      const covered = written;
      await datasync.apply(this);
      synced = covered;
    });
    const dir = freshDir();
    const writer = await LogWriter.open({ dir });
    let expectedEnd = 0;
    const violations: number[] = [];
    const appends = Array.from({ length: 300 }, (_, i) => {
      const chunk = Buffer.from(line(i).repeat(1 + (i % 5)));
      expectedEnd += chunk.length;
      const end = expectedEnd;
      return writer.append(chunk, 1 + (i % 5)).then(() => {
        if (synced < end) violations.push(i);
      });
    });
    await Promise.all(appends);
    expect(violations).toEqual([]);
    const { fsyncs, eventsWritten } = writer.stats();
    await writer.close();
    expect(fsyncs).toBeGreaterThan(0);
    expect(fsyncs).toBeLessThan(300);
    expect(eventsWritten).toBe(Array.from({ length: 300 }, (_, i) => 1 + (i % 5)).reduce((a, b) => a + b));
    // Each append's lines are together and in order.
    const text = readFileSync(path.join(dir, segmentFileName(1)), "utf8");
    expect(text).toBe(Array.from({ length: 300 }, (_, i) => line(i).repeat(1 + (i % 5))).join(""));
  });

  it("sends the 2xx only once the fsync covering the request's events returned", async () => {
    const proto = await fileHandlePrototype();
    const datasync = proto.datasync;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inFsync = new Promise<void>((r) => {
      entered = r;
    });
    vi.spyOn(proto, "datasync").mockImplementation(async function (this: FileHandle) {
      entered();
      await gate;
      await datasync.apply(this);
    });
    const c = await testCollector();
    try {
      let answered = false;
      const response = post(
        `${c.url}/v1/track`,
        { userId: "u", event: "Held" },
        { authorization: basic(WEB_KEY) },
      ).then((r) => {
        answered = true;
        return r;
      });
      await inFsync;
      // The event is written, its fsync has not returned: no answer yet.
      expect(c.events().map((e) => e.event)).toEqual(["Held"]);
      expect(answered).toBe(false);
      release();
      expect((await response).status).toBe(200);
    } finally {
      release();
      await c.close();
    }
  });
});

describe("log writer: segments, failures, shutdown, disk accounting", () => {
  it("rotates segments by size; every segment holds whole lines, in order", async () => {
    const dir = freshDir();
    const writer = await LogWriter.open({ dir, segmentBytes: 1000 });
    for (let i = 0; i < 200; i++) await writer.append(Buffer.from(line(i)), 1);
    await writer.close();
    const segments = readdirSync(dir)
      .filter((n) => n.startsWith("segment-"))
      .sort();
    expect(segments.length).toBeGreaterThan(3);
    const all = segments.map((s) => readFileSync(path.join(dir, s), "utf8"));
    for (const text of all) expect(text === "" || text.endsWith("\n")).toBe(true);
    expect(all.join("")).toBe(Array.from({ length: 200 }, (_, i) => line(i)).join(""));
  });

  it("refuses a group whose write failed, cuts what it wrote, and keeps accepting", async () => {
    const proto = await fileHandlePrototype();
    const write = proto.write;
    let fail = true;
    vi.spyOn(proto, "write").mockImplementation(async function (this: FileHandle, ...args: unknown[]) {
      if (fail) {
        fail = false;
        // Half of the chunk reaches the file, then the disk is full.
        const [buffer, offset, length] = args as [Buffer, number, number];
        await (write as (...a: unknown[]) => Promise<unknown>).call(
          this,
          buffer,
          offset,
          Math.floor(length / 2),
        );
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      }
      return (write as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    } as typeof proto.write);
    const dir = freshDir();
    const writer = await LogWriter.open({ dir });
    await expect(writer.append(Buffer.from(line(1) + line(2)), 2)).rejects.toBeInstanceOf(
      LogUnavailableError,
    );
    await writer.append(Buffer.from(line(3)), 1);
    await writer.close();
    expect(readFileSync(path.join(dir, segmentFileName(1)), "utf8")).toBe(line(3));
  });

  it("answers 503 and reports failing health when the log cannot be put back after a failed write", async () => {
    const c = await testCollector();
    try {
      const proto = await fileHandlePrototype();
      vi.spyOn(proto, "write").mockRejectedValue(Object.assign(new Error("EIO: i/o error"), { code: "EIO" }));
      vi.spyOn(proto, "truncate").mockRejectedValue(
        Object.assign(new Error("EIO: i/o error"), { code: "EIO" }),
      );
      const auth = { authorization: basic(WEB_KEY) };
      const first = await post(`${c.url}/v1/track`, { userId: "u", event: "E" }, auth);
      expect(first).toMatchObject({ status: 503, json: { reason: "unavailable" } });
      expect(first.headers.get("retry-after")).toBe("5");
      vi.restoreAllMocks();
      // Even with the disk back, the log stays closed until a restart repairs it.
      expect((await post(`${c.url}/v1/track`, { userId: "u", event: "E" }, auth)).status).toBe(503);
      const health = await fetch(`${c.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "failing", accepting: false });
      expect(c.events()).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it("finishes appends in flight on close, then refuses more", async () => {
    const dir = freshDir();
    const writer = await LogWriter.open({ dir });
    const pending = Array.from({ length: 50 }, (_, i) => writer.append(Buffer.from(line(i)), 1));
    await writer.close();
    await Promise.all(pending);
    await expect(writer.append(Buffer.from(line(99)), 1)).rejects.toBeInstanceOf(LogUnavailableError);
    expect(readFileSync(path.join(dir, segmentFileName(1)), "utf8").split("\n")).toHaveLength(51);
  });

  it("counts every file of the directory, and sees segments the loader deleted", async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, segmentFileName(1)), line(1).repeat(100));
    writeFileSync(path.join(dir, CHECKPOINT_FILE), JSON.stringify({ segment: 1, offset: 10 }));
    const writer = await LogWriter.open({ dir, usageRefreshMs: 60_000 });
    const old = line(1).length * 100 + JSON.stringify({ segment: 1, offset: 10 }).length;
    expect(writer.bytes()).toBe(old);
    await writer.append(Buffer.from(line(2)), 1);
    expect(writer.bytes()).toBe(old + line(2).length);
    rmSync(path.join(dir, segmentFileName(1)));
    await writer.refreshUsage();
    expect(writer.bytes()).toBe(old - line(1).length * 100 + line(2).length);
    await writer.close();
    expect(existsSync(path.join(dir, segmentFileName(2)))).toBe(true);
  });
});
