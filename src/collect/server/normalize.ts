import { randomUUID } from "node:crypto";
import type { CollectedEvent, EventType } from "../log-format.ts";
import { MAX_MESSAGE_ID_CHARS } from "./limits.ts";
import { Rejection } from "./rejection.ts";

export const EVENT_TYPES: readonly EventType[] = ["track", "identify", "page", "screen", "group", "alias"];

/** What every event of one request shares. */
export interface RequestFacts {
  source: string;
  receivedAt: Date;
  /** The batch's own `sentAt` (analytics.js and the server libraries send one per batch). */
  batchSentAt?: unknown;
  /** The batch's own `context`, which its events' contexts extend (HTTP API, "Batch"). */
  batchContext?: Record<string, unknown>;
  /** The client's address, for `context.ip` when the client did not set it (as Segment does). */
  ip?: string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function bad(reason: ConstructorParameters<typeof Rejection>[1], message: string, index?: number): Rejection {
  return new Rejection(400, reason, index === undefined ? message : `event ${index}: ${message}`, index);
}

/** A user or anonymous id: strings as sent, numbers as their text; empty means absent. */
function id(raw: Json, key: string, index?: number): string | null {
  const v = raw[key];
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  throw bad("invalid_field", `${key} must be a string`, index);
}

function object(raw: Json, key: string, index?: number): Json | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw bad("invalid_field", `${key} must be an object`, index);
  return v;
}

/** An ISO 8601 time as sent, or null; `ms` is its instant. */
function time(value: unknown, key: string, index?: number): { text: string; ms: number } | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw bad("invalid_field", `${key} must be an ISO 8601 string`, index);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw bad("invalid_field", `${key} is not a valid ISO 8601 time: ${value}`, index);
  return { text: value, ms };
}

/**
 * Checks one event as sent and returns it as the log stores it. `type` is the endpoint's type
 * (`/v1/track`); inside a batch each event names its own. Throws a {@link Rejection}.
 *
 * Timestamps follow Segment's Spec (Common Fields, "Timestamps",
 * https://segment.com/docs/connections/spec/common/#timestamps): `receivedAt` is the collector's
 * clock; `originalTimestamp` is the client's `timestamp` as sent; `timestamp` is corrected for the
 * client's clock skew as `receivedAt − (sentAt − originalTimestamp)`.
 */
export function normalizeEvent(
  raw: unknown,
  endpointType: EventType | undefined,
  facts: RequestFacts,
  index?: number,
): CollectedEvent {
  if (!isObject(raw)) throw bad("invalid_batch", "an event must be a JSON object", index);
  const type = endpointType ?? raw.type;
  if (typeof type !== "string" || !EVENT_TYPES.includes(type as EventType)) {
    throw bad(
      "invalid_type",
      `type must be one of ${EVENT_TYPES.join(", ")}; got ${JSON.stringify(type)}`,
      index,
    );
  }
  const userId = id(raw, "userId", index);
  const anonymousId = id(raw, "anonymousId", index);
  if (userId === null && anonymousId === null)
    throw bad("missing_identity", "userId or anonymousId is required", index);

  let messageId = raw.messageId;
  if (messageId === undefined || messageId === null || messageId === "") messageId = `cdp-${randomUUID()}`;
  if (typeof messageId !== "string") throw bad("invalid_field", "messageId must be a string", index);
  if (messageId.length > MAX_MESSAGE_ID_CHARS) {
    throw bad(
      "message_id_too_long",
      `messageId is ${messageId.length} characters; at most ${MAX_MESSAGE_ID_CHARS}`,
      index,
    );
  }

  const receivedMs = facts.receivedAt.getTime();
  const original = time(raw.originalTimestamp ?? raw.timestamp, "timestamp", index);
  const sent = time(raw.sentAt ?? facts.batchSentAt, "sentAt", index);
  const timestampMs = original ? (sent ? receivedMs - (sent.ms - original.ms) : original.ms) : receivedMs;

  let context = object(raw, "context", index);
  if (facts.batchContext) context = { ...facts.batchContext, ...context };
  if (facts.ip && context?.ip === undefined) context = { ...context, ip: facts.ip };
  const event: CollectedEvent = {
    messageId,
    type: type as EventType,
    source: facts.source,
    userId,
    anonymousId,
    timestamp: new Date(timestampMs).toISOString(),
    originalTimestamp: original?.text ?? null,
    sentAt: sent?.text ?? null,
    receivedAt: facts.receivedAt.toISOString(),
  };
  if (context) event.context = context;
  typeFields(event, raw, index);
  return event;
}

function requiredString(raw: Json, key: string, type: string, index?: number): string {
  const v = raw[key];
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string" || v === "") {
    throw bad(
      type === "track" && key === "event" ? "missing_event" : "missing_field",
      `${key} is required on ${type}`,
      index,
    );
  }
  return v;
}

function optionalString(raw: Json, key: string, index?: number): string | null {
  const v = raw[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw bad("invalid_field", `${key} must be a string`, index);
  return v;
}

/** The fields each call type adds (Segment Spec: Track, Identify, Page, Screen, Group, Alias). */
function typeFields(event: CollectedEvent, raw: Json, index?: number): void {
  const properties = object(raw, "properties", index);
  const traits = object(raw, "traits", index);
  switch (event.type) {
    case "track":
      event.event = requiredString(raw, "event", "track", index);
      if (properties) event.properties = properties;
      break;
    case "identify":
      if (traits) event.traits = traits;
      break;
    case "page":
    case "screen":
      event.name = optionalString(raw, "name", index);
      event.category = optionalString(raw, "category", index);
      if (properties) event.properties = properties;
      break;
    case "group":
      event.groupId = requiredString(raw, "groupId", "group", index);
      if (traits) event.traits = traits;
      break;
    case "alias":
      event.previousId = requiredString(raw, "previousId", "alias", index);
      break;
  }
}
