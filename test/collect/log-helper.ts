import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type CollectedEvent, segmentFileName } from "../../src/collect/log-format.ts";

/**
 * Writes the collector's log as src/collect/log-format.ts documents it (one CollectedEvent JSON
 * per line in `segment-<20 digits>.ndjson`), so the loader's tests do not depend on the writer.
 */
export class TestLog {
  readonly dir: string;
  private sequence = 1;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(path.join(tmpdir(), "cdp-log-"));
    mkdirSync(this.dir, { recursive: true });
  }

  get file(): string {
    return path.join(this.dir, segmentFileName(this.sequence));
  }

  /** Appends whole lines to the open (newest) segment. */
  append(...events: CollectedEvent[]): this {
    appendFileSync(this.file, events.map((e) => `${JSON.stringify(e)}\n`).join(""));
    return this;
  }

  /** Appends raw text (a torn line, a corrupted one) to the open segment. */
  appendRaw(text: string): this {
    appendFileSync(this.file, text);
    return this;
  }

  /** Seals the open segment: a newer one exists from now on. */
  seal(): this {
    this.sequence++;
    appendFileSync(this.file, "");
    return this;
  }
}

const BASE_TIME = Date.parse("2026-11-02T10:00:00.000Z");
let counter = 0;

/** A collected event with the collector's fields filled in; `at` seconds after a fixed time. */
export function collected(partial: Partial<CollectedEvent> & { at?: number } = {}): CollectedEvent {
  const { at = counter++, ...rest } = partial;
  const time = new Date(BASE_TIME + at * 1000).toISOString();
  return {
    messageId: randomUUID(),
    type: "track",
    source: "web",
    userId: null,
    anonymousId: "anon-1",
    event: "Order Completed",
    properties: {},
    context: { library: { name: "analytics.js", version: "5.0.0" }, ip: "203.0.113.7" },
    timestamp: time,
    originalTimestamp: time,
    sentAt: time,
    receivedAt: time,
    ...rest,
  };
}
