/**
 * The collector's append-only log: the contract between the HTTP side, which writes it and
 * acknowledges an event only once it is on disk, and the loader, which moves it into the warehouse.
 *
 * Layout of `collect.logDir`:
 * - `segment-<20-digit sequence>.ndjson`: one {@link CollectedEvent} per line, each line ending
 *   in `\n`. Only the newest segment is ever appended to; a segment is sealed once a newer one
 *   exists. A writer that starts (after a crash or not) cuts an incomplete last line of the
 *   newest segment (it was never acknowledged) and opens a new segment.
 * - `loader-checkpoint.json`: {@link LoaderCheckpoint}, replaced atomically (temporary file and
 *   rename) after the warehouse committed everything before it. Sealed segments wholly before the
 *   checkpoint may be deleted by the loader; the log's size on disk is what the disk budget counts.
 *
 * A crash between the warehouse commit and the checkpoint replays some events: the loader
 * deduplicates by `messageId`, so nothing is loaded twice.
 */

export const SEGMENT_PREFIX = "segment-";
export const SEGMENT_SUFFIX = ".ndjson";
export const CHECKPOINT_FILE = "loader-checkpoint.json";

/** `segment-00000000000000000042.ndjson` for sequence 42. */
export function segmentFileName(sequence: number): string {
  return `${SEGMENT_PREFIX}${String(sequence).padStart(20, "0")}${SEGMENT_SUFFIX}`;
}

/** The sequence of a segment file name, or undefined for any other file. */
export function segmentSequence(fileName: string): number | undefined {
  const m = /^segment-(\d{20})\.ndjson$/.exec(fileName);
  return m ? Number(m[1]) : undefined;
}

export type EventType = "track" | "identify" | "page" | "screen" | "group" | "alias";

/** One event as accepted: validated, with the collector's own fields set. */
export interface CollectedEvent {
  /** The client's id (≤ 100 characters), or one the collector assigned. The dedupe key. */
  messageId: string;
  type: EventType;
  /** The name of the source whose write key sent it (`collect.sources`). */
  source: string;
  userId: string | null;
  anonymousId: string | null;
  /** track: the event's name. */
  event?: string;
  /** page/screen: the page's name and category. */
  name?: string | null;
  category?: string | null;
  /** group: the group's id. alias: the previous id. */
  groupId?: string;
  previousId?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  /** When it happened, corrected for the client's clock: `receivedAt − (sentAt − originalTimestamp)`. */
  timestamp: string;
  /** The client's own times, as sent (ISO 8601), when it sent them. */
  originalTimestamp: string | null;
  sentAt: string | null;
  /** When the collector received it (ISO 8601, the collector's clock). */
  receivedAt: string;
}

/** How far the loader has committed: every line before `offset` bytes of `segment` is in the warehouse. */
export interface LoaderCheckpoint {
  segment: number;
  offset: number;
}
