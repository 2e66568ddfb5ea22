/**
 * Replays the demo's web events to a running collector as real Segment HTTP requests
 * (`POST /v1/batch`, the write key as the Basic user name), a few batches at a time, retried on
 * 429, 5xx and network errors (honouring Retry-After) by the project's HTTP client.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import pLimit from "p-limit";
import { createHttpClient } from "../../src/http/client.ts";
import { type SegmentMessage, type WebEventRow, webEventMessage } from "./web-messages.ts";

export interface ReplayOptions {
  /** The collector's base URL, e.g. http://127.0.0.1:8088. */
  url: string;
  writeKey: string;
  /** The seed file, e.g. seeds/raw_web_events.csv. */
  file: string;
  /** Events per request (Segment allows 500 KB per batch; a demo event is ~0.5 KB). */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  onProgress?: (sent: number) => void;
}

export interface ReplayResult {
  events: number;
  requests: number;
  byType: Record<string, number>;
}

export async function replayWebEvents(options: ReplayOptions): Promise<ReplayResult> {
  const batchSize = options.batchSize ?? 200;
  const http = createHttpClient({
    name: "collector",
    baseURL: options.url.replace(/\/+$/, ""),
    headers: {
      Authorization: `Basic ${Buffer.from(`${options.writeKey}:`).toString("base64")}`,
      "Content-Type": "application/json",
    },
    maxAttempts: 10,
    maxBackoffMs: 30_000,
  });
  const concurrency = options.concurrency ?? 4;
  const limit = pLimit(concurrency);
  const pending = new Set<Promise<void>>();
  const byType: Record<string, number> = {};
  let failure: Error | undefined;
  let events = 0;
  let requests = 0;
  let sent = 0;
  const send = (batch: SegmentMessage[]) => {
    requests++;
    const request = limit(async () => {
      if (failure) return;
      try {
        await http.request({
          method: "POST",
          url: "/v1/batch",
          data: { batch, sentAt: new Date().toISOString() },
        });
      } catch (error) {
        const ids = `${batch[0]!.messageId}..${batch.at(-1)!.messageId}`;
        throw new Error(`the collector did not take the events ${ids}: ${(error as Error).message}`);
      }
      sent += batch.length;
      options.onProgress?.(sent);
    })
      .catch((error: Error) => {
        failure ??= error;
      })
      .finally(() => pending.delete(request));
    pending.add(request);
  };
  let batch: SegmentMessage[] = [];
  const parser = createReadStream(options.file).pipe(parse({ columns: true, skip_empty_lines: true }));
  for await (const row of parser as AsyncIterable<WebEventRow>) {
    const message = webEventMessage(row);
    byType[message.type] = (byType[message.type] ?? 0) + 1;
    batch.push(message);
    events++;
    if (batch.length === batchSize) {
      send(batch);
      batch = [];
      // Back-pressure: read no further ahead than a few requests.
      while (pending.size >= concurrency * 2) await Promise.race(pending);
      if (failure) break;
    }
  }
  if (batch.length > 0 && !failure) send(batch);
  await Promise.all(pending);
  if (failure) throw failure;
  return { events, requests, byType };
}
