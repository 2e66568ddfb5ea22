import type { LoaderStats } from "./index.ts";

/**
 * The messages between `cdp collect` (the HTTP server, which owns the log's writer) and its
 * loader thread (which moves the log into the warehouse), posted on the worker's port.
 */

/** Server → loader. */
export type ToLoader =
  /** The writer made `events` more events durable: load now if `maxEvents` wait. */
  | { type: "notify"; events: number }
  /** Load what the log holds, close the sink, exit. */
  | { type: "stop" };

/** Loader → server. */
export type FromLoader =
  /** Listening for notifications. */
  | { type: "ready"; stats: LoaderStats }
  /** After every load (committed or failed): what `/metrics` exports. */
  | { type: "stats"; stats: LoaderStats }
  /** A structured log line, printed by the server so that one process writes stdout. */
  | { type: "log"; level: "info" | "warn" | "error"; event: string; fields: Record<string, unknown> };
