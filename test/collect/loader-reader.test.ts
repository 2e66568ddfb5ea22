import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  deleteLoadedSegments,
  pendingBytes,
  readCheckpoint,
  readLog,
  writeCheckpoint,
} from "../../src/collect/log/reader.ts";
import { CHECKPOINT_FILE, segmentFileName } from "../../src/collect/log-format.ts";
import { collected, TestLog } from "./log-helper.ts";

describe("the log reader", () => {
  it("reads whole lines from the checkpoint on, across sealed segments", async () => {
    const log = new TestLog();
    const [a, b, c] = [collected(), collected(), collected()];
    log.append(a, b).seal().append(c);
    const first = await readLog(log.dir, await readCheckpoint(log.dir), 10);
    expect(first.events.map((e) => e.messageId)).toEqual([a.messageId, b.messageId, c.messageId]);
    expect(first.next).toEqual({ segment: 2, offset: readFileSync(log.file).length });
    await writeCheckpoint(log.dir, first.next);
    expect((await readLog(log.dir, await readCheckpoint(log.dir), 10)).events).toEqual([]);
  });

  it("stops at maxEvents and resumes after the last event it returned", async () => {
    const log = new TestLog();
    const events = Array.from({ length: 5 }, () => collected());
    log.append(...events);
    const first = await readLog(log.dir, { segment: 0, offset: 0 }, 2);
    expect(first.events).toHaveLength(2);
    const rest = await readLog(log.dir, first.next, 10);
    expect(rest.events.map((e) => e.messageId)).toEqual(events.slice(2).map((e) => e.messageId));
  });

  it("leaves an incomplete last line of the open segment for later, and reads it once complete", async () => {
    const log = new TestLog();
    const done = collected();
    const torn = collected();
    const text = JSON.stringify(torn);
    log.append(done).appendRaw(text.slice(0, 20));
    const first = await readLog(log.dir, { segment: 0, offset: 0 }, 10);
    expect(first.events.map((e) => e.messageId)).toEqual([done.messageId]);
    log.appendRaw(`${text.slice(20)}\n`);
    const second = await readLog(log.dir, first.next, 10);
    expect(second.events.map((e) => e.messageId)).toEqual([torn.messageId]);
  });

  it("passes over the torn tail of a sealed segment (never acknowledged) and names corrupted lines", async () => {
    const log = new TestLog();
    const a = collected();
    const b = collected();
    log.append(a).appendRaw("{not json}\n").appendRaw('{"messageId":"x"').seal().append(b);
    const batch = await readLog(log.dir, { segment: 0, offset: 0 }, 10);
    expect(batch.events.map((e) => e.messageId)).toEqual([a.messageId, b.messageId]);
    expect(batch.invalid).toEqual([
      expect.objectContaining({
        segment: path.join(log.dir, segmentFileName(1)),
        offset: JSON.stringify(a).length + 1,
      }),
    ]);
    expect(batch.invalid[0]!.reason).toMatch(/not JSON/);
  });

  it("writes the checkpoint atomically and deletes only sealed segments wholly before it", async () => {
    const log = new TestLog();
    log.append(collected()).seal().append(collected()).seal().append(collected());
    const all = await readLog(log.dir, { segment: 0, offset: 0 }, 2);
    await writeCheckpoint(log.dir, all.next);
    expect(JSON.parse(readFileSync(path.join(log.dir, CHECKPOINT_FILE), "utf8"))).toEqual(all.next);
    expect(readdirSync(log.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    // Segment 2 is read to its end and sealed; segment 3 is the open one.
    expect(await deleteLoadedSegments(log.dir, all.next)).toBe(2);
    expect(existsSync(path.join(log.dir, segmentFileName(3)))).toBe(true);
    expect(await pendingBytes(log.dir, all.next)).toBe(readFileSync(log.file).length);
    const rest = await readLog(log.dir, all.next, 10);
    expect(rest.events).toHaveLength(1);
    await writeCheckpoint(log.dir, rest.next);
    // The open segment stays, even when wholly loaded: the writer still appends to it.
    expect(await deleteLoadedSegments(log.dir, rest.next)).toBe(0);
    expect(await pendingBytes(log.dir, rest.next)).toBe(0);
  });

  it("refuses a checkpoint file that is not one, naming it", async () => {
    const log = new TestLog();
    writeFileSync(path.join(log.dir, CHECKPOINT_FILE), '{"segment":"x"}');
    await expect(readCheckpoint(log.dir)).rejects.toThrow(/loader-checkpoint\.json: not a loader checkpoint/);
  });
});
