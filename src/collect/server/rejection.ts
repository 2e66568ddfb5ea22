/** Why a request was refused: the `reason` of the JSON error and the label of the rejected-events metric. */
export type RejectReason =
  | "unauthorized"
  | "invalid_json"
  | "invalid_encoding"
  | "request_too_large"
  | "event_too_large"
  | "invalid_batch"
  | "invalid_type"
  | "missing_identity"
  | "missing_event"
  | "missing_field"
  | "invalid_field"
  | "message_id_too_long"
  | "disk_budget"
  | "unavailable";

/**
 * A request the collector refuses as a whole: nothing of it is written. `index` names the event
 * of a batch that caused it, so a client can find the culprit.
 */
export class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly reason: RejectReason,
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = "Rejection";
  }

  body(): { success: false; reason: RejectReason; message: string; index?: number } {
    return { success: false, reason: this.reason, message: this.message, index: this.index };
  }
}
