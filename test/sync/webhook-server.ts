import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Faults {
  /** Answer 503 to every request whose number is a multiple of this. */
  every5xx?: number;
  /** Answer 429 to requests whose number modulo 10 is below this. */
  burst429?: number;
  /** The Retry-After header of those 429s, in seconds (default "0"). */
  retryAfter?: string;
  /** Answer 429 with this Retry-After value (seconds) to request `n`, e.g. in bursts. */
  throttle?: (n: number) => string | undefined;
  /** Answer 200 with a broken JSON body to every request whose number is a multiple of this. */
  everyMalformed?: number;
  /** Keys rejected row by row, with a reason. */
  reject?: (key: string) => string | undefined;
  /**
   * Keys that make the whole batch invalid: the request is refused with a 400 and this message
   * (the API validates the batch as one document), so the sender must isolate them.
   */
  refuseBatch?: (key: string) => string | undefined;
  /** Rows answered `retry` (the destination cannot take them now), by key and attempt (1, 2...). */
  retryRow?: (key: string, attempt: number) => boolean;
  /**
   * Requests held `ms` before the server handles them: longer than the sender's timeout, the
   * sender gives up and retries while this one is still pending. `apply` says whether the server
   * still takes the rows afterwards (as a real one may) or drops them.
   */
  hold?: (n: number) => { ms: number; apply: boolean } | undefined;
  /** An answer of its own for a request, before anything else (e.g. a 401 for bad credentials). */
  respond?: (req: IncomingMessage, request: RequestRecord) => { status: number; body: string } | undefined;
  /**
   * Honour `Idempotency-Key` (a batch whose key was taken already is answered again, not applied)
   * and each row's `idempotency_key` (a row applied already is answered `ok`, not applied again).
   */
  idempotent?: boolean;
  /** Called as a batch with rows arrives, before anything is applied (e.g. to kill the sender). */
  onBatch?: (batch: RequestRecord) => void;
  /** Requests wait for this before being handled. */
  gate?: Promise<void>;
  /** A batch with rows waits for what this returns (e.g. until the test has signalled the sender). */
  holdBatch?: (batch: RequestRecord) => Promise<void> | undefined;
}

/** One request the server received, as it saw it. */
export interface RequestRecord {
  /** 1, 2, ... in arrival order. */
  n: number;
  /** Keys of the rows in the body (none for a `check`). */
  keys: string[];
  /** Each row's `idempotency_key`, in the same order (undefined where a row has none). */
  rowKeys: (string | undefined)[];
  idempotencyKey: string | undefined;
  receivedAt: number;
  /** When the server started writing its answer; undefined while in flight or never answered. */
  answeredAt?: number;
  /** The status answered (or that would have been: the sender may have gone). */
  status?: number;
  /** True when the server took the rows in (applied them, or recognised a repeated batch). */
  taken: boolean;
}

/**
 * A local receiver implementing the webhook contract (connectors/webhook/README.md): it checks
 * the signature, applies rows to an in-memory table, injects the faults it is told to, and keeps
 * the evidence tests need: every request, and per key how often it arrived (`received`, raw) and
 * how often it was applied (`applied`, after the Idempotency-Key dedupe when `idempotent`).
 */
export async function startWebhookServer(secret: string, faults: Faults = {}) {
  const state = new Map<string, Record<string, unknown>>();
  const applied = new Map<string, number>();
  const received = new Map<string, number>();
  const attempts = new Map<string, number>();
  const answered = new Map<string, string>();
  const appliedRows = new Set<string>();
  const log: RequestRecord[] = [];
  let batches = 0;
  let badSignatures = 0;

  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const json = (record: RequestRecord, res: ServerResponse, status: number, body: string, extra = {}) => {
    record.status = status;
    // The sender may have given up (timeout) or died: there is nobody left to answer.
    if (res.destroyed || res.socket?.destroyed) return;
    // Taken before writing: the sender cannot have read the answer any earlier.
    record.answeredAt = Date.now();
    res.writeHead(status, { "content-type": "application/json", ...extra }).end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse, body: string, record: RequestRecord) {
    const own = faults.respond?.(req, record);
    if (own) {
      json(record, res, own.status, own.body);
      return;
    }
    const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    if (req.headers["x-cdp-signature"] !== expected) {
      badSignatures++;
      json(record, res, 401, '{"message":"bad signature"}');
      return;
    }
    const n = record.n;
    if (faults.every5xx && n % faults.every5xx === 0) {
      json(record, res, 503, '{"message":"overloaded"}');
      return;
    }
    if (faults.burst429 && n % 10 < faults.burst429) {
      json(record, res, 429, '{"message":"slow down"}', { "retry-after": faults.retryAfter ?? "0" });
      return;
    }
    const retryAfter = faults.throttle?.(n);
    if (retryAfter !== undefined) {
      json(record, res, 429, '{"message":"rate limit exceeded"}', { "retry-after": retryAfter });
      return;
    }
    const payload = JSON.parse(body) as {
      rows: { key: string; op: string; fields: Record<string, unknown>; idempotency_key?: string }[];
    };
    if (payload.rows.length) faults.onBatch?.(record);
    if (payload.rows.length) await faults.holdBatch?.(record);
    const held = faults.hold?.(n);
    if (held) {
      await new Promise((resolve) => setTimeout(resolve, held.ms));
      if (!held.apply) {
        json(record, res, 504, '{"message":"gateway timeout"}');
        return;
      }
    }
    for (const r of payload.rows) {
      const refused = faults.refuseBatch?.(r.key);
      if (refused) {
        json(record, res, 400, JSON.stringify({ message: refused }));
        return;
      }
    }
    record.taken = true;
    for (const r of payload.rows) bump(received, r.key);
    const id = record.idempotencyKey;
    const again = faults.idempotent && id ? answered.get(id) : undefined;
    let text: string;
    if (again) {
      text = again;
    } else {
      const results = payload.rows.map((r) => {
        if (faults.idempotent && r.idempotency_key && appliedRows.has(r.idempotency_key)) {
          return { key: r.key, status: "ok" };
        }
        const reason = faults.reject?.(r.key);
        if (reason) return { key: r.key, status: "rejected", reason };
        if (faults.retryRow?.(r.key, bump(attempts, r.key).get(r.key)!)) {
          return { key: r.key, status: "retry", reason: "locked by another update" };
        }
        if (r.op === "delete" || r.op === "remove") state.delete(r.key);
        else state.set(r.key, r.fields);
        bump(applied, r.key);
        if (r.idempotency_key) appliedRows.add(r.idempotency_key);
        return { key: r.key, status: "ok" };
      });
      text = JSON.stringify({ results });
      if (id && payload.rows.length) answered.set(id, text);
    }
    if (payload.rows.length) batches++;
    if (faults.everyMalformed && n % faults.everyMalformed === 0) {
      json(record, res, 200, '{"results": [');
      return;
    }
    json(record, res, 200, text);
  }

  const server: Server = createServer((req, res) => {
    res.on("error", () => undefined);
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const record: RequestRecord = {
        n: log.length + 1,
        keys: [],
        rowKeys: [],
        idempotencyKey: req.headers["idempotency-key"] as string | undefined,
        receivedAt: Date.now(),
        taken: false,
      };
      log.push(record);
      try {
        const rows = (JSON.parse(body) as { rows?: { key: string; idempotency_key?: string }[] }).rows ?? [];
        record.keys = rows.map((r) => r.key);
        record.rowKeys = rows.map((r) => r.idempotency_key);
      } catch {}
      await faults.gate;
      await handle(req, res, body, record);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    state,
    /** Per key: times applied to `state` (a repeated Idempotency-Key is not applied again). */
    applied,
    /** Per key: times the row arrived in a request the server took in, before any dedupe. */
    received,
    /** Every request, in arrival order. */
    log,
    get requests() {
      return log.length;
    },
    /** Batches with rows the server took in. */
    get batches() {
      return batches;
    },
    get badSignatures() {
      return badSignatures;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookServer = Awaited<ReturnType<typeof startWebhookServer>>;
