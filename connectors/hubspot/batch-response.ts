import type { RowResult } from "../../src/connector-kit/index.ts";
import { readableMessage } from "./errors.ts";

/** One record in a batch answer: HubSpot's record id and the properties it returned. */
export interface BatchRecord {
  id: string;
  properties: Record<string, unknown>;
}

/** One error of a 207 answer, with the input ids (`context.ids`) it is about. */
export interface BatchItemError {
  category: string | undefined;
  message: string;
  ids: string[];
}

export interface BatchResponse {
  results: BatchRecord[];
  errors: BatchItemError[];
}

function idsOf(context: unknown): string[] {
  if (!context || typeof context !== "object") return [];
  const out: string[] = [];
  for (const key of ["ids", "id"]) {
    const v = (context as Record<string, unknown>)[key];
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v))
      for (const x of v) if (typeof x === "string" || typeof x === "number") out.push(String(x));
  }
  return out;
}

/**
 * Reads a batch answer: 200 (all done) or 207 multi-status, `{results: [...], errors: [{status,
 * category, message, context: {ids: [...]}}], numErrors}`.
 */
export function parseBatchResponse(body: unknown): BatchResponse {
  const b = (body && typeof body === "object" ? body : {}) as { results?: unknown; errors?: unknown };
  const results: BatchRecord[] = [];
  for (const r of Array.isArray(b.results) ? b.results : []) {
    const rec = r as { id?: unknown; properties?: unknown };
    if (rec.id === undefined || rec.id === null) continue;
    results.push({
      id: String(rec.id),
      properties: (rec.properties && typeof rec.properties === "object" ? rec.properties : {}) as Record<
        string,
        unknown
      >,
    });
  }
  const errors: BatchItemError[] = [];
  for (const e of Array.isArray(b.errors) ? b.errors : []) {
    const err = e as { category?: unknown; message?: unknown; context?: unknown };
    errors.push({
      category: typeof err.category === "string" ? err.category : undefined,
      message: typeof err.message === "string" && err.message ? err.message : "no message",
      ids: idsOf(err.context),
    });
  }
  return { results, errors };
}

/** Categories meaning HubSpot refused the row's data: sending it again unchanged will not help. */
const REFUSALS = new Set([
  "VALIDATION_ERROR",
  "CONFLICT",
  "OBJECT_NOT_FOUND",
  "INVALID_EMAIL",
  "BAD_REQUEST",
]);

/** A row's result from a per-input error: rejected with HubSpot's reason, or retryable. */
export function rowErrorResult(key: string, error: BatchItemError): RowResult {
  const reason = `HubSpot ${error.category ?? "error"}: ${readableMessage(error.message)}`;
  if (error.category && REFUSALS.has(error.category)) return { key, status: "rejected", reason };
  return { key, status: "retryable", reason };
}
