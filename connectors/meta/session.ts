import { createHash } from "node:crypto";

/** The `session` object of a `/{audience_id}/users` request. */
export interface UploadSession {
  /** Advertiser-chosen 64-bit integer naming the upload; we keep it within 2^53 so JSON keeps it exact. */
  session_id: number;
  /** 1, 2, 3… within the session. */
  batch_seq: number;
  /** Always false: see `SessionCounter`. */
  last_batch_flag: boolean;
}

/**
 * A stable session id for one run and operation: the same run always names the same session,
 * and adds and removes are two sessions (Meta tracks each upload's progress per session).
 */
export function sessionId(runId: string, operation: string): number {
  const digest = createHash("sha256").update(`${runId}\u0000${operation}`).digest();
  // 53 bits, never 0.
  return ((digest.readUIntBE(0, 6) * 32 + (digest[6]! >> 3)) % (2 ** 53 - 1)) + 1;
}

/**
 * Numbers the requests of each session: a request gets the next `batch_seq`, whatever the order
 * batches finish in. `last_batch_flag` is always false: the connector learns that a batch was the
 * last only after it was sent (the engine calls `close()` after the last `write`), and an extra
 * request carrying only the flag would have to send an empty `data`, which the API does not
 * document. The `/users` reference gives the session one purpose, to "track if the session has
 * finished or not": each request's rows are applied on their own, so only that report is
 * affected (it shows the session as not finished).
 */
export class SessionCounter {
  private readonly seqs = new Map<number, number>();

  next(runId: string, operation: string): UploadSession {
    const id = sessionId(runId, operation);
    const seq = (this.seqs.get(id) ?? 0) + 1;
    this.seqs.set(id, seq);
    return { session_id: id, batch_seq: seq, last_batch_flag: false };
  }

  /** Sessions opened so far and how many requests each carried. */
  get sessions(): { sessionId: number; batches: number }[] {
    return [...this.seqs].map(([sessionId, batches]) => ({ sessionId, batches }));
  }
}
