import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LogUnavailableError, type LogWriter } from "../log/writer.ts";
import type { EventType } from "../log-format.ts";
import { sourceResolver, type WriteKeys, writeKeyOf } from "./auth.ts";
import { decodeBody } from "./body.ts";
import {
  COLLECTOR_FIELDS_ALLOWANCE,
  MAX_BATCH_BYTES,
  MAX_EVENT_BYTES,
  RETRY_AFTER_SECONDS,
} from "./limits.ts";
import type { CollectMetrics } from "./metrics.ts";
import { normalizeEvent, type RequestFacts } from "./normalize.ts";
import { Rejection, type RejectReason } from "./rejection.ts";

export interface TrackingRouteOptions {
  writer: LogWriter;
  writeKeys: WriteKeys;
  metrics: CollectMetrics;
  diskBudgetBytes: number;
  /** Called once per refused request (throttled by the caller if it logs). */
  onReject?: (reason: RejectReason, message: string, source: string | undefined) => void;
}

/** Segment's endpoints, and the one-letter paths analytics.js posts to (`<apiHost>/t`, ...). */
const SINGLE: Record<string, EventType> = {
  track: "track",
  t: "track",
  identify: "identify",
  i: "identify",
  page: "page",
  p: "page",
  screen: "screen",
  s: "screen",
  group: "group",
  g: "group",
  alias: "alias",
  a: "alias",
};
/** `/v1/b` is analytics.js's batching path; `/v1/import` is the batch path of older server libraries. */
const BATCH = ["batch", "b", "import"];

/** Segment's answer to an accepted request, serialised once. */
const ACCEPTED = '{"success":true}';

const STORED_EVENT_LIMIT = MAX_EVENT_BYTES + COLLECTOR_FIELDS_ALLOWANCE;

function serialize(event: unknown, index: number | undefined): string {
  const line = JSON.stringify(event);
  // A UTF-8 byte is at most 3 per UTF-16 unit: measure bytes only when the text could be too large.
  if (line.length * 3 > STORED_EVENT_LIMIT && Buffer.byteLength(line) > STORED_EVENT_LIMIT) {
    throw new Rejection(
      400,
      "event_too_large",
      `${index === undefined ? "the event" : `event ${index}`} is larger than ${MAX_EVENT_BYTES / 1024} KB, the Segment HTTP Tracking API's limit per event`,
      index,
    );
  }
  return line;
}

/**
 * `POST /v1/<call>` and `/v1/batch`: authenticate, validate every event, write the request's
 * lines in one append, answer once they are fsynced. Any invalid event refuses the whole request
 * with its reason (400), so a client never has to work out which half was kept.
 */
export function trackingRoutes(app: FastifyInstance, options: TrackingRouteOptions): void {
  const { writer, metrics } = options;
  const resolve = sourceResolver(options.writeKeys);

  const handle = async (request: FastifyRequest, reply: FastifyReply, endpoint: EventType | "batch") => {
    metrics.countRequest();
    let source: string | undefined;
    try {
      if (writer.bytes() >= options.diskBudgetBytes) {
        throw new Rejection(503, "disk_budget", "the event log is past its disk budget; retry later");
      }
      const batch = endpoint === "batch";
      const limit = batch ? MAX_BATCH_BYTES : MAX_EVENT_BYTES;
      const encoding = request.headers["content-encoding"];
      const body = decodeBody(request.body as Buffer, encoding, limit, batch ? "the batch" : "the event");
      source = resolve(writeKeyOf(request.headers.authorization, body));
      if (!source) {
        throw new Rejection(
          401,
          "unauthorized",
          "unknown or missing write key (send it as the HTTP Basic user name)",
        );
      }
      const facts: RequestFacts = { source, receivedAt: new Date(), ip: request.ip };
      const lines: string[] = [];
      const types: EventType[] = [];
      if (batch) {
        const events = (body as { batch?: unknown } | null)?.batch;
        if (!Array.isArray(events))
          throw new Rejection(400, "invalid_batch", "the body needs a `batch` array of events");
        const { sentAt, context } = body as { sentAt?: unknown; context?: unknown };
        facts.batchSentAt = sentAt;
        if (context !== undefined && context !== null) {
          if (typeof context !== "object" || Array.isArray(context)) {
            throw new Rejection(400, "invalid_field", "the batch's context must be an object");
          }
          facts.batchContext = context as Record<string, unknown>;
        }
        for (let i = 0; i < events.length; i++) {
          const event = normalizeEvent(events[i], undefined, facts, i);
          lines.push(serialize(event, i));
          types.push(event.type);
        }
      } else {
        const event = normalizeEvent(body, endpoint, facts);
        lines.push(serialize(event, undefined));
        types.push(event.type);
      }
      if (lines.length) await writer.append(Buffer.from(`${lines.join("\n")}\n`), lines.length);
      for (const type of types) metrics.countReceived(source, type);
      return reply.code(200).type("application/json; charset=utf-8").send(ACCEPTED);
    } catch (error) {
      const rejection =
        error instanceof Rejection
          ? error
          : error instanceof LogUnavailableError
            ? new Rejection(503, "unavailable", error.message)
            : undefined;
      if (!rejection) throw error;
      metrics.countRejected(rejection.reason);
      options.onReject?.(rejection.reason, rejection.message, source);
      if (rejection.status === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      return reply.code(rejection.status).send(rejection.body());
    }
  };

  for (const [path, type] of Object.entries(SINGLE)) {
    app.post(`/v1/${path}`, { bodyLimit: MAX_EVENT_BYTES }, (req, reply) => handle(req, reply, type));
  }
  for (const path of BATCH) {
    app.post(`/v1/${path}`, { bodyLimit: MAX_BATCH_BYTES }, (req, reply) => handle(req, reply, "batch"));
  }
}
