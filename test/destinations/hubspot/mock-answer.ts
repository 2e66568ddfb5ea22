import { randomUUID } from "node:crypto";

/** What the mock answers: a status and a JSON body (none for 204). */
export interface MockAnswer {
  status: number;
  body?: unknown;
}

/** HubSpot's error body: `{status: "error", message, correlationId, category}`. */
export function error(status: number, message: string, category = "VALIDATION_ERROR"): MockAnswer {
  return { status, body: { status: "error", message, correlationId: randomUUID(), category } };
}
