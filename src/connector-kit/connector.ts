import type { Redactor } from "../redactor.ts";
import type { ApiVersionTable } from "./api-versions.ts";

/** What a row asks the destination to do. */
export type Operation = "upsert" | "update" | "insert" | "delete" | "add" | "remove";

/** One row of a batch: its key, the operation and (except for delete/remove) the mapped fields. */
export interface SyncRecord {
  key: string;
  op: Operation;
  /**
   * Destination field → value. For delete and remove: empty, or the fields as last delivered
   * when the connector declares `removalNeedsFields`.
   */
  fields: Record<string, unknown>;
  /**
   * For connectors that declare `removalNeedsFields`: on add/upsert/update of a key delivered
   * before, the fields as last delivered, so a destination that identifies members by their data
   * can remove the old identifiers (an old email) along with adding the new ones.
   */
  previous?: Record<string, unknown>;
  /**
   * The same whenever this change is sent again, whatever batch carries it (a retry, a split, the
   * next run after a crash or an unknown outcome): a hash of the sync, the key, the operation, the
   * row's content hash and the hash last acknowledged for the key. A receiver that has applied it
   * can answer `ok` without applying it again. A later change back to an earlier content starts
   * from another acknowledged state, so it gets a new key and is not taken for a duplicate.
   */
  idempotencyKey?: string;
}

/**
 * The outcome of one row. `retryable` means the destination could not take it now (a retry may
 * help); `rejected` means it refused the row (a retry of the same data will not help).
 */
export type RowResult =
  | { key: string; status: "delivered" }
  | { key: string; status: "rejected"; reason: string }
  | { key: string; status: "retryable"; reason: string; retryAfterMs?: number };

/**
 * What `write` may answer for a row the destination took but confirms only later, once work that
 * spans batches has run (Google Ads runs one offline user data job per operation for the whole
 * run). The engine records nothing for it until `settle` gives its final result; a row never
 * settled (the run stopped first) is not in the sync's state and goes again next run.
 */
export type PendingResult = { key: string; status: "pending" };

/** One row's answer to `write`: final, or pending until `settle`. */
export type WriteResult = RowResult | PendingResult;

/**
 * Thrown by `write` for a failure of the whole batch. `fatal` stops the run: no later batch can
 * succeed either (expired credentials, a deleted audience); the batch's rows and every row not
 * yet sent stay planned for the next run, and the sync ends with this one message.
 */
export class BatchError extends Error {
  constructor(
    message: string,
    /** True when retrying the same batch later may succeed (5xx, 429, timeouts, network). */
    readonly retryable: boolean,
    /** How long the destination asked to wait, when it said so. */
    readonly retryAfterMs?: number,
    readonly fatal = false,
  ) {
    super(message);
    this.name = "BatchError";
  }
}

export interface WriteContext {
  /** The sync's name, e.g. for idempotency keys and file names. */
  sync: string;
  /** Identifies this run (files, logs). */
  runId: string;
  /**
   * Rows the run plans to send, per operation (e.g. `{ add: 1200, remove: 30 }`), when the engine
   * knows: for APIs that want an upload's size up front (Meta's `estimated_num_total`).
   */
  planned?: Partial<Record<Operation, number>>;
}

/**
 * A destination. One folder in `connectors/` per destination, with the same shape: `config.ts`
 * (zod schema, secrets marked), `index.ts` (`defineConnector`, which builds this interface), one
 * file per API call, `errors.ts`, README; `connectors/_template/` shows it.
 *
 * @example
 * const connector: Connector = {
 *   name: "webhook", modes: ["upsert", "mirror", "audience"], batchSize: 500,
 *   async check() {},
 *   async write(batch) { return batch.map((r) => ({ key: r.key, status: "delivered" })); },
 * };
 */
export interface Connector {
  readonly name: string;
  /** Sync modes the destination supports. */
  readonly modes: readonly string[];
  /** Rows per request, from the API's documented limits. */
  readonly batchSize: number;
  /**
   * Requests per second the connector's HTTP client keeps to (set by `defineConnector` from the
   * sync's `rateLimit`, the destination's, or the API's documented limit). For reports: the
   * engine paces nothing itself; the client does.
   */
  readonly rateLimit?: number;
  /**
   * True for destinations that identify a member by its data (hashed email, phone...) rather than
   * by our key, such as ad audiences: the sync then keeps the fields it delivered in its snapshot,
   * and `delete`/`remove` records carry them as they were last delivered. Otherwise their
   * `fields` are empty.
   */
  readonly removalNeedsFields?: boolean;
  /**
   * The vendor API version this connector calls, with the table of its release and sunset dates
   * and the config key that changes it (set by `defineConnector` for destinations that declare
   * `versions`): `cdp debug` warns before a sunset.
   */
  readonly apiVersion?: { version: string; table: ApiVersionTable; configKey: string };
  /** Verifies credentials and that the target exists; throws with a message saying what to fix. */
  check(): Promise<void>;
  /**
   * Sends one batch; returns one result per row, in any order, or throws a `BatchError` when the
   * whole batch failed. A row missing from the results counts as retryable.
   */
  write(batch: SyncRecord[], ctx: WriteContext): Promise<WriteResult[]>;
  /**
   * Final results of rows `write` answered `pending`. The engine asks after every batch with
   * `final` false (answer what is already known; do not wait for work still collecting rows) and
   * once after the run's last batch with `final` true (run what waits and answer every pending
   * row). Throws a fatal `BatchError` when nothing can be delivered any more: the pending rows then
   * stay planned. Connectors that never answer `pending` leave it out.
   */
  settle?(final: boolean): Promise<RowResult[]>;
  /** Called once after the run's last batch (and after the final `settle`). */
  close?(): Promise<void>;
  /**
   * Problems with the sync's destination field names (e.g. a key the API does not know), checked
   * before anything is sent and by `cdp debug`. Empty when all is well.
   */
  validateFields?(names: string[]): string[];
  /**
   * What the destination reported about the run, for the sync's results (e.g. an ad platform's
   * received and invalid counts: its match information). Called after `close`.
   */
  report?(): Record<string, unknown>;
  /**
   * What the destination holds from an earlier run of this sync, in words ("3 earlier exports in
   * .cdp/exports/x"; "the audience holds about 1,200 members"), or undefined when it holds nothing
   * or cannot tell. Asked only when the sync's state is empty: a destination that holds what an
   * earlier run sent means the state was lost, and the run stops unless `--full-resync`.
   */
  priorDelivery?(sync: string): Promise<string | undefined>;
}

export interface ConnectorContext {
  projectDir: string;
  redactor: Redactor;
  /** Override for tests: milliseconds to wait (the HTTP client's backoff). */
  sleep?: (ms: number) => Promise<void>;
}
