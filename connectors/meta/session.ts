import { createHash } from "node:crypto";

/** The `session` object of a `/{audience_id}/users` request. */
export interface UploadSession {
  /** Advertiser-chosen 64-bit integer naming the upload; we keep it within 2^53 so JSON keeps it exact. */
  session_id: number;
  /** 1, 2, 3… within the session. */
  batch_seq: number;
  /** True on the request that brings the session's rows to its expected total: see `SessionCounter`. */
  last_batch_flag: boolean;
  /** The rows the session is expected to carry, when the run knows (the plan's count). */
  estimated_num_total?: number;
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
 * batches finish in. The `/users` reference (Custom Audience Users, `session`) asks for
 * `last_batch_flag: true` on the last request of a session, and takes `estimated_num_total`, the
 * rows the session will carry, to "track if the session has finished or not". The run's plan
 * gives that total per operation (`WriteContext.planned`); the request whose distinct rows bring
 * the session to it carries the flag (a row resent after it, a retry, carries it again). With no
 * total known, the flag stays false: an extra request for the flag alone would send an empty
 * `data`, which the API refuses.
 */
export class SessionCounter {
  private readonly seqs = new Map<number, number>();
  private readonly seen = new Map<number, Set<string>>();

  next(runId: string, operation: string, keys: readonly string[] = [], total?: number): UploadSession {
    const id = sessionId(runId, operation);
    const seq = (this.seqs.get(id) ?? 0) + 1;
    this.seqs.set(id, seq);
    const seen = this.seen.get(id) ?? new Set<string>();
    this.seen.set(id, seen);
    for (const k of keys) seen.add(k);
    const last = total !== undefined && total > 0 && seen.size >= total;
    return {
      session_id: id,
      batch_seq: seq,
      last_batch_flag: last,
      ...(total !== undefined ? { estimated_num_total: total } : {}),
    };
  }

  /** Sessions opened so far and how many requests each carried. */
  get sessions(): { sessionId: number; batches: number }[] {
    return [...this.seqs].map(([sessionId, batches]) => ({ sessionId, batches }));
  }
}
