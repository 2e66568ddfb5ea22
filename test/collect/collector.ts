import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type CollectConfig, collectConfigSchema } from "../../src/collect/config.ts";
import type { CollectedEvent } from "../../src/collect/log-format.ts";
import { type RunningCollector, startCollector } from "../../src/collect/server/index.ts";

export const WEB_KEY = "web-write-key-0123456789";
export const APP_KEY = "app-write-key-9876543210";

export interface TestCollector extends RunningCollector {
  dir: string;
  /** Every event in the log, oldest first. */
  events(): CollectedEvent[];
}

/** Every complete line of every segment of a log directory, parsed. */
export function readLog(logDir: string): CollectedEvent[] {
  const events: CollectedEvent[] = [];
  for (const name of readdirSync(logDir)
    .filter((n) => n.startsWith("segment-"))
    .sort()) {
    for (const line of readFileSync(path.join(logDir, name), "utf8").split("\n")) {
      if (line) events.push(JSON.parse(line) as CollectedEvent);
    }
  }
  return events;
}

/** A collector on 127.0.0.1 (free port) over a fresh log directory, sources `web` and `app`. */
export async function testCollector(
  overrides: Partial<Record<keyof CollectConfig, unknown>> = {},
  extra: { segmentBytes?: number; dir?: string } = {},
  extend?: (app: FastifyInstance) => Promise<void>,
): Promise<TestCollector> {
  const dir = extra.dir ?? mkdtempSync(path.join(tmpdir(), "cdp-collect-"));
  const config = collectConfigSchema.parse({
    sources: { web: { writeKey: WEB_KEY }, app: { writeKey: APP_KEY } },
    ...overrides,
  });
  const collector = await startCollector({
    projectDir: dir,
    config,
    writeKeys: { web: WEB_KEY, app: APP_KEY },
    host: "127.0.0.1",
    port: 0,
    segmentBytes: extra.segmentBytes,
    extend,
  });
  return Object.assign(collector, { dir, events: () => readLog(collector.logDir) });
}

export function basic(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
}

/** POSTs JSON (or given bytes) the way a Segment client does. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}
