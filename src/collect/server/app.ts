import cors from "@fastify/cors";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { LogWriter } from "../log/writer.ts";
import { registerSnippetRoutes } from "../snippet/index.ts";
import { sourceResolver, type WriteKeys } from "./auth.ts";
import { tooLarge } from "./body.ts";
import { MAX_BATCH_BYTES } from "./limits.ts";
import { CollectMetrics, type LoaderStatsSource } from "./metrics.ts";
import type { RejectReason } from "./rejection.ts";
import { settingsDocument } from "./settings.ts";
import { trackingRoutes } from "./tracking-routes.ts";

export interface CollectAppOptions {
  writer: LogWriter;
  /** Write keys by source name (`collect.sources`, secrets resolved). */
  writeKeys: WriteKeys;
  /** Origins browsers may post from; `*` allows any. Empty: no CORS (server-side clients only). */
  allowedOrigins: string[];
  diskBudgetBytes: number;
  /** The loader's stats for /metrics (its load lag among them), once a loader runs. */
  loaderStats?: LoaderStatsSource;
  /** Told of each refused request; the caller decides whether and how often to log. */
  onReject?: (reason: RejectReason, message: string, source: string | undefined) => void;
  /** Registers more routes on the same server (e.g. the browser snippet's `/cdp.js`). */
  extend?: (app: FastifyInstance) => Promise<void>;
}

/**
 * The collector's Fastify app: the Segment HTTP Tracking API (`/v1/track` ... `/v1/batch` and the
 * short paths analytics.js uses), the settings document analytics.js loads from its CDN,
 * `/cdp.js`, `/health` and `/metrics`. Bodies are read raw and parsed once by the route, which needs the
 * bytes anyway for gzip and Segment's size limits.
 */
export async function createCollectApp(
  options: CollectAppOptions,
): Promise<{ app: FastifyInstance; metrics: CollectMetrics }> {
  const metrics = new CollectMetrics();
  const app = Fastify({ logger: false, return503OnClosing: true, bodyLimit: MAX_BATCH_BYTES });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      // Segment answers 400 past its size limits (not 413): clients treat 400 as "do not retry".
      const limit = request.routeOptions.bodyLimit ?? MAX_BATCH_BYTES;
      const r = tooLarge(limit, limit >= MAX_BATCH_BYTES ? "the batch" : "the event");
      metrics.countRejected(r.reason);
      options.onReject?.(r.reason, r.message, undefined);
      return reply.code(400).send(r.body());
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply
      .code(status)
      .send({ success: false, reason: status < 500 ? "bad_request" : "internal", message: error.message });
  });

  const origins = options.allowedOrigins;
  await app.register(cors, {
    origin: origins.includes("*") ? true : origins.length ? origins : false,
    methods: ["GET", "POST", "OPTIONS"],
    // analytics.js sends its write key as Basic auth and counts retries in X-Retry-Count.
    allowedHeaders: ["Content-Type", "Authorization", "Content-Encoding", "X-Retry-Count"],
    exposedHeaders: ["Retry-After"],
    maxAge: 86_400,
  });

  trackingRoutes(app, {
    writer: options.writer,
    writeKeys: options.writeKeys,
    metrics,
    diskBudgetBytes: options.diskBudgetBytes,
    onReject: options.onReject,
  });

  const resolve = sourceResolver(options.writeKeys);
  app.get<{ Params: { writeKey: string } }>("/v1/projects/:writeKey/settings", (request, reply) => {
    if (!resolve(request.params.writeKey)) {
      return reply.code(404).send({ success: false, reason: "unauthorized", message: "unknown write key" });
    }
    // analytics.js posts to `<protocol>://<apiHost>/<t|p|i|...>`: this server, as the browser reached it.
    return reply
      .header("cache-control", "no-store")
      .send(settingsDocument(request.params.writeKey, `${request.host}/v1`, request.protocol));
  });

  app.get("/health", (_request, reply) => {
    const log = options.writer.stats();
    const failed = options.writer.failed();
    const accepting = !failed && log.bytes < options.diskBudgetBytes;
    // A log that cannot be written is a failure to report (503); a full budget is back-pressure (200).
    return reply.code(failed ? 503 : 200).send({
      status: failed ? "failing" : "ok",
      accepting,
      error: failed,
      log: { bytes: log.bytes, budgetBytes: options.diskBudgetBytes },
    });
  });
  app.get("/metrics", (_request, reply) =>
    reply
      .type("text/plain; version=0.0.4; charset=utf-8")
      .send(metrics.render(options.writer.stats(), options.diskBudgetBytes, options.loaderStats)),
  );

  // The browser snippet (`/cdp.js`), which sends to this collector's /v1/batch.
  registerSnippetRoutes(app);
  if (options.extend) await options.extend(app);
  return { app, metrics };
}
