import { redactor } from "../config/secrets.ts";
import type { Connector, Operation, RowResult, SyncRecord, WriteResult } from "../connector-kit/connector.ts";
import { deliverBatch } from "../connector-kit/deliver.ts";
import type { Row, Warehouse } from "../warehouse/types.ts";
import { GroupCommit } from "./group-commit.ts";
import { rowIdempotencyKey } from "./idempotency.ts";
import { BASE, HASH, KEY, type MappedField, OP, PREVIOUS, RETRY } from "./mapping-sql.ts";
import { syncParts } from "./part-rows.ts";
import { foldJournal, foldNewKeys, journals, type StateTables } from "./state.ts";

/** One row on its way: what is sent, and what the state records once it is acknowledged. */
interface Sent {
  record: SyncRecord;
  /** The row's content hash (NULL for removals). */
  hash: string | null;
  /** The key failed in an earlier run (its error is cleared once delivered). */
  retried: boolean;
  /** The plan marked the key added: the snapshot does not hold it. */
  added: boolean;
}

export interface DeliveryOptions {
  wh: Warehouse;
  tables: StateTables;
  connector: Connector;
  sync: string;
  runId: string;
  fields: MappedField[];
  /** Plan row kind (added, changed...) → the operation sent for it. */
  operations: Record<string, Operation>;
  /** Rows planned per operation, for destinations that announce an upload's size. */
  planned: Partial<Record<Operation, number>>;
  /** Keep the fields delivered in the snapshot (`Connector.removalNeedsFields`). */
  keepFields: boolean;
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  /** After each batch's outcome is in the state. */
  onProgress?: (d: Delivery) => void;
}

export interface DeliveryError {
  key: string;
  status: string;
  reason: string;
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint")
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}

/** A plan row as the record the connector receives. */
export function toRecord(row: Row, fields: MappedField[], op: string, sync: string): SyncRecord {
  const previous =
    typeof row[PREVIOUS] === "string" ? (JSON.parse(row[PREVIOUS]) as Record<string, unknown>) : undefined;
  const key = String(row[KEY]);
  const idempotencyKey = rowIdempotencyKey(sync, key, op, row[HASH], row[BASE]);
  if (op === "delete" || op === "remove") return { key, op, fields: previous ?? {}, idempotencyKey };
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.name] = jsonSafe(row[f.name]);
  const record: SyncRecord = { key, op: op as SyncRecord["op"], fields: out, idempotencyKey };
  if (previous) record.previous = previous;
  return record;
}

/**
 * The delivery of one run's planned rows: batches go to the connector (with retries and splits,
 * `deliverBatch`), and each row's final outcome goes into the state right after the destination
 * gave it: acknowledged rows into the journal, the others into the errors table. Rows the
 * destination answers `pending` wait here until its `settle` gives their outcome; a row never
 * settled is recorded nowhere and goes again next run.
 */
export class Delivery {
  delivered = 0;
  rejected = 0;
  failed = 0;
  /** Rows with a final outcome. */
  done = 0;
  /** The first rows not delivered, with the destination's reason. */
  readonly errors: DeliveryError[] = [];
  /** Per operation: rows sent and rows delivered. */
  readonly perOperation: Record<string, { sent: number; delivered: number }> = {};
  private readonly pending = new Map<string, Sent>();
  /** Rows journaled since the last fold, and whether all of them are keys the snapshot lacks. */
  private journaled = 0;
  private onlyNewKeys = true;
  /**
   * Outcomes settled before their batch's `write` answered (a concurrent batch asked first): they
   * wait here for their row.
   */
  private readonly early = new Map<string, RowResult>();
  private readonly state: GroupCommit;

  constructor(private readonly o: DeliveryOptions) {
    this.state = new GroupCommit(o.wh, o.tables);
  }

  /** Plan rows turned into what is sent as soon as they are read: the plan's row objects go. */
  prepare(rows: Row[]): Sent[] {
    return rows.map((r) => ({
      record: toRecord(r, this.o.fields, this.o.operations[r[OP] as string]!, this.o.sync),
      hash: r[HASH] as string | null,
      retried: r[RETRY] === true,
      added: r[OP] === "added",
    }));
  }

  /** Sends one batch and records what is final; then whatever pending rows the destination settled. */
  async send(batch: Sent[]): Promise<void> {
    const results = await deliverBatch(
      this.o.connector,
      batch.map((s) => s.record),
      { sync: this.o.sync, runId: this.o.runId, planned: this.o.planned },
      { maxAttempts: this.o.maxAttempts, sleep: this.o.sleep },
    );
    const final: [Sent, RowResult][] = [];
    results.forEach((r: WriteResult, i) => {
      const settled = r.status === "pending" ? this.early.get(r.key) : r;
      if (settled) {
        this.early.delete(r.key);
        final.push([batch[i]!, settled]);
      } else this.pending.set(r.key, batch[i]!);
    });
    await this.record(final);
    if (this.o.connector.settle) await this.settle(false);
  }

  /**
   * After the last batch: the destination runs what waits and settles every pending row. Rows it
   * leaves unsettled are recorded as failed (the next run sends them again).
   */
  async finish(): Promise<void> {
    if (!this.o.connector.settle) return;
    await this.settle(true);
    const unsettled: [Sent, RowResult][] = [...this.pending.values()].map((s) => [
      s,
      { key: s.record.key, status: "retryable", reason: "the destination did not confirm it" },
    ]);
    this.pending.clear();
    await this.record(unsettled);
  }

  /**
   * Whether the journal should be folded now, between batches: on a warehouse that journals, once
   * `syncParts.rows` keys the snapshot lacks were journaled (a first sync). Folding them as they
   * come keeps each fold's transaction as small as a 1M-row sync's.
   */
  foldDue(): boolean {
    return journals(this.o.wh) && this.onlyNewKeys && this.journaled >= syncParts.rows;
  }

  /** Folds the journal (call with no batch in flight: every journaled row is written). */
  async fold(): Promise<void> {
    const newKeys = this.onlyNewKeys;
    this.journaled = 0;
    this.onlyNewKeys = true;
    await (newKeys ? foldNewKeys : foldJournal)(this.o.wh, this.o.tables);
  }

  private async settle(final: boolean): Promise<void> {
    const settled = await this.o.connector.settle!(final);
    const outcomes: [Sent, RowResult][] = [];
    for (const r of settled) {
      const sent = this.pending.get(r.key);
      if (!sent) {
        this.early.set(r.key, r);
        continue;
      }
      this.pending.delete(r.key);
      outcomes.push([sent, r]);
    }
    await this.record(outcomes);
  }

  private async record(outcomes: [Sent, RowResult][]): Promise<void> {
    if (!outcomes.length) return;
    const upserted: { key: string; hash: string; fields?: string }[] = [];
    const removed: string[] = [];
    const failed: { key: string; operation: string; error: string }[] = [];
    const cleared: string[] = [];
    for (const [{ record, hash, retried, added }, r] of outcomes) {
      const op = this.perOperation[record.op] ?? { sent: 0, delivered: 0 };
      this.perOperation[record.op] = op;
      op.sent++;
      if (r.status === "delivered") {
        op.delivered++;
        this.journaled++;
        if (!added) this.onlyNewKeys = false;
        if (record.op === "delete" || record.op === "remove") removed.push(r.key);
        else
          upserted.push({
            key: r.key,
            hash: hash!,
            fields: this.o.keepFields ? JSON.stringify(record.fields) : undefined,
          });
        // Only keys the plan marks as failed before have errors to clear (pruneErrors left no others).
        if (retried) cleared.push(r.key);
        continue;
      }
      const reason = redactor.redact(r.reason);
      failed.push({ key: r.key, operation: record.op, error: `${r.status}: ${reason}` });
      if (this.errors.length < 10) this.errors.push({ key: r.key, status: r.status, reason });
      if (r.status === "rejected") this.rejected++;
      else this.failed++;
    }
    // The snapshot moves only for rows the destination acknowledged, right after it did.
    await this.state.write({ upserted, removed, clearErrors: cleared, failed });
    this.delivered += upserted.length + removed.length;
    this.done += outcomes.length;
    this.o.onProgress?.(this);
  }
}
