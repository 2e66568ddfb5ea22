/**
 * What the browser-snippet tests run against: a collector that records every `POST /v1/batch`
 * and answers as Segment's HTTP Tracking API documents it
 * (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/: 200 with
 * `{"success":true}`, 400 for a malformed request, 401 for an unknown write key, at most 32 KB per
 * event and 500 KB per batch), or as told to fail; and a site on another origin whose pages load
 * `/cdp.js` from the collector.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { registerSnippetRoutes } from "../../src/collect/snippet/index.ts";

export const WRITE_KEY = "wk_test_snippet_0001";

// Segment's HTTP API limits (source above).
const MAX_BATCH_BYTES = 500 * 1024;
const MAX_EVENT_BYTES = 32 * 1024;

export interface RecordedBatch {
  body: { batch: Record<string, unknown>[]; sentAt?: string; writeKey?: string };
  /** `no-cors` for a beacon, `cors` for fetch: how the request left the page. */
  fetchMode: string | undefined;
  contentType: string | undefined;
  status: number;
}

interface Failure {
  /** 0: the connection is cut without an answer (a network error in the browser). */
  status: number;
  headers?: Record<string, string>;
}

export interface RecordingCollector {
  url: string;
  batches: RecordedBatch[];
  /** The next requests fail with these answers, in order. */
  failNext(...failures: Failure[]): void;
  close(): Promise<void>;
}

function invalid(event: Record<string, unknown>): string | undefined {
  if (typeof event.type !== "string") return "type is required";
  if (!event.userId && !event.anonymousId) return "userId or anonymousId is required";
  if (event.type === "track" && !event.event) return "event is required on track";
  if (typeof event.messageId === "string" && event.messageId.length > 100) return "messageId too long";
  if (Buffer.byteLength(JSON.stringify(event)) > MAX_EVENT_BYTES) return "event larger than 32 KB";
  return undefined;
}

export async function startRecordingCollector(): Promise<RecordingCollector> {
  const app: FastifyInstance = Fastify({ bodyLimit: 10 * MAX_BATCH_BYTES });
  const batches: RecordedBatch[] = [];
  const failures: Failure[] = [];
  registerSnippetRoutes(app, {});
  // analytics.js and cdp.js send text/plain (no CORS preflight); the body is JSON all the same.
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.addHook("onRequest", async (request, reply) => {
    reply.header("Access-Control-Allow-Origin", request.headers.origin ?? "*");
    reply.header("Access-Control-Expose-Headers", "Retry-After");
    reply.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
  });
  app.options("/v1/batch", async (_request, reply) => reply.code(204).send());
  app.post("/v1/batch", async (request, reply) => {
    const raw = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    const record = (status: number, body: RecordedBatch["body"]) =>
      batches.push({
        body,
        status,
        fetchMode: request.headers["sec-fetch-mode"] as string | undefined,
        contentType: request.headers["content-type"],
      });
    let body: RecordedBatch["body"];
    try {
      body = JSON.parse(raw) as RecordedBatch["body"];
    } catch {
      record(400, { batch: [] });
      return reply.code(400).send({ success: false, message: "body is not JSON" });
    }
    const failure = failures.shift();
    if (failure) {
      record(failure.status, body);
      if (failure.status === 0) {
        // Not HTTP: the browser reports a network error (a reset alone it may retry by itself,
        // taking the connection for a stale keep-alive one).
        request.raw.socket.end("garbage\r\n\r\n");
        return reply;
      }
      return reply
        .code(failure.status)
        .headers(failure.headers ?? {})
        .send({ success: false });
    }
    // The write key as the Basic user name (server libraries) or in the body (browsers).
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const writeKey = basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] : body.writeKey;
    if (writeKey !== WRITE_KEY) {
      record(401, body);
      return reply.code(401).send({ success: false, message: "unknown write key" });
    }
    const reason =
      Buffer.byteLength(raw) > MAX_BATCH_BYTES
        ? "batch larger than 500 KB"
        : Array.isArray(body.batch)
          ? body.batch.map(invalid).find((r) => r)
          : "batch must be an array";
    if (reason) {
      record(400, body);
      return reply.code(400).send({ success: false, message: reason });
    }
    record(200, body);
    return reply.send({ success: true });
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    url,
    batches,
    failNext: (...f) => failures.push(...f),
    close: () => app.close(),
  };
}

/**
 * A site on its own origin: `/page/<name>?load=<json>` loads cdp.js from the collector, either with
 * `cdp.load(<json>)` through the stub queue, or without `load` from the script tag's
 * `data-write-key`.
 */
export async function startSite(collectorUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  app.get<{ Params: { name: string }; Querystring: { load?: string; calls?: string } }>(
    "/page/:name",
    async (request, reply) => {
      const { load, calls } = request.query;
      const stub = [
        ...(load ? [["load", JSON.parse(load)]] : []),
        ...(calls ? (JSON.parse(calls) as unknown[]) : []),
      ];
      const attrs = load ? "" : ` data-write-key="${WRITE_KEY}"`;
      const html = `<!doctype html><html><head><title>Page ${request.params.name}</title>
<script>window.cdp = ${JSON.stringify(stub)};</script>
<script src="${collectorUrl}/cdp.js"${attrs}></script></head>
<body><a id="next" href="/page/next">next</a></body></html>`;
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );
  app.get("/favicon.ico", async (_request, reply) => reply.code(204).send());
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url, close: () => app.close() };
}
