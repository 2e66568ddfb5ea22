import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { cdp, makeProject } from "../helpers/project.ts";
import { type Faults, startWebhookServer } from "./webhook-server.ts";

/**
 * `cdp sync` against a destination that misbehaves in every documented way at once: 10% 5xx,
 * bursts of 429 with Retry-After, requests held past the client's timeout (some applied anyway),
 * JSON bodies cut short, whole batches refused with a 400 because of one row, rows rejected or
 * asked to be retried. Every planned row must end delivered exactly once or recorded with its
 * reason, and the next run must send exactly the recorded rows.
 */
const ROWS = 3000;
const SECRET = "whsec_faults_0123456789";
const SYNC = "people_hook";

const rejectedRow = (k: number) => k % 97 === 0;
const poisonRow = (k: number) => k % 1000 === 500;

function project(): string {
  return makeProject(
    {
      "models/people.sql": `{{config materialized="table"}}
SELECT i AS id, 'user' || i || '@example.com' AS email, i % 1000 AS score FROM range(1, ${ROWS + 1}) t(i)
`,
    },
    `import { secret } from "cdp";
export default {
  name: "faults",
  warehouse: { type: "duckdb", path: ".cdp/faults.duckdb" },
  threads: 2,
  syncs: {
    ${SYNC}: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: {
        type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"),
        batchSize: 100, rateLimit: 100, timeout: 0.5,
      },
      concurrency: 4,
      maxAttempts: 6,
      maxRejected: "2%",
    },
  },
};
`,
  );
}

interface SyncResults {
  results: {
    status: string;
    counts: { planned: number; retried: number };
    delivered: number;
    rejected: number;
    failed: number;
  }[];
}

async function readState(dir: string) {
  const wh = await DuckdbWarehouse.open({
    path: path.join(dir, ".cdp/faults.duckdb"),
    schema: "main",
    connections: 1,
  });
  try {
    const errors = await wh.query<{ key: string; operation: string; error: string; attempts: number }>(
      `SELECT key, operation, error, attempts FROM cdp_state.${SYNC}__errors ORDER BY CAST(key AS INTEGER)`,
    );
    const snapshot = await wh.query<{ key: string }>(`SELECT key FROM cdp_state.${SYNC}__snapshot`);
    return { errors, snapshot: new Set(snapshot.map((r) => r.key)) };
  } finally {
    await wh.close();
  }
}

describe("cdp sync against a faulty destination", () => {
  it("every planned row is delivered exactly once or recorded with its reason; the next run sends exactly those", async () => {
    const dir = project();
    const built = cdp(dir, ["run"]);
    expect(built.code, built.output).toBe(0);

    const faults: Faults = {
      every5xx: 10,
      // Two bursts of 429 asking for a one-second pause.
      throttle: (n) => ((n >= 21 && n <= 24) || (n >= 61 && n <= 63) ? "1" : undefined),
      // Held far past the client's timeout (so the client surely gave up, however busy the
      // machine); every other one is applied after all, once the client has sent it again.
      hold: (n) => (n % 17 === 5 ? { ms: 3000, apply: n % 2 === 1 } : undefined),
      everyMalformed: 13,
      reject: (key) => (rejectedRow(Number(key)) ? `email domain not allowed for ${key}` : undefined),
      refuseBatch: (key) => (poisonRow(Number(key)) ? `row ${key}: field score must be a number` : undefined),
      retryRow: (key, attempt) => Number(key) % 53 === 0 && attempt === 1,
      idempotent: true,
    };
    const server = await startWebhookServer(SECRET, faults);
    const env = { HOOK_URL: server.url, HOOK_SECRET: SECRET };
    try {
      const first = await cdpAsync(dir, ["sync", SYNC], env);
      expect(first.code, first.output).toBe(0);
      const r1 = (JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8")) as SyncResults)
        .results[0]!;
      const all = Array.from({ length: ROWS }, (_, i) => i + 1);
      const bad = all.filter((k) => rejectedRow(k) || poisonRow(k)).map(String);
      expect(r1.counts.planned).toBe(ROWS);
      expect(r1.failed).toBe(0);
      expect(r1.rejected).toBe(bad.length);
      expect(r1.delivered + r1.rejected).toBe(ROWS);

      // Every fault did happen.
      const statuses = server.log.map((r) => r.status);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 429).length).toBe(7);
      expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(0);
      const held = server.log.filter((r) => faults.hold!(r.n) && r.status !== 503 && r.status !== 429);
      expect(held.length).toBeGreaterThan(0);
      // A held request was abandoned by the client (no answer reached it) and sent again.
      for (const h of held) {
        expect(h.answeredAt).toBeUndefined();
        expect(server.log.some((r) => r.n > h.n && r.idempotencyKey === h.idempotencyKey)).toBe(true);
      }
      const malformed = server.log.filter((r) => r.status === 200 && r.n % 13 === 0 && r.keys.length);
      expect(malformed.length).toBeGreaterThan(0);
      // Rows arrived more than once (retries, timeouts applied late, broken answers) ...
      expect([...server.received.values()].some((n) => n > 1)).toBe(true);
      // ... yet the Idempotency-Key kept the destination right: each row applied exactly once.
      const delivered = all.map(String).filter((k) => !bad.includes(k));
      expect([...server.applied.keys()].sort()).toEqual([...delivered].sort());
      expect([...server.applied.values()].every((n) => n === 1)).toBe(true);
      for (const k of delivered) {
        expect(server.state.get(k)).toEqual({
          id: Number(k),
          email: `user${k}@example.com`,
          score: Number(k) % 1000,
        });
      }

      // Retry-After was honoured: a throttled batch came back no sooner than a second later.
      for (const t of server.log.filter((r) => r.status === 429)) {
        const retry = server.log.find((r) => r.n > t.n && r.idempotencyKey === t.idempotencyKey);
        expect(retry, `the batch throttled at request ${t.n} was sent again`).toBeDefined();
        expect(retry!.receivedAt - t.answeredAt!).toBeGreaterThanOrEqual(990);
      }

      // The warehouse's state says the same: snapshot = delivered, errors = rejected, with reasons.
      const s1 = await readState(dir);
      expect(s1.snapshot.size + s1.errors.length).toBe(ROWS);
      expect([...s1.snapshot].sort()).toEqual([...delivered].sort());
      expect(s1.errors.map((e) => e.key)).toEqual(bad);
      for (const e of s1.errors) {
        const k = Number(e.key);
        expect(e.operation).toBe("upsert");
        expect(e.error).toBe(
          poisonRow(k)
            ? `rejected: POST *** → 400: row ${k}: field score must be a number`
            : `rejected: email domain not allowed for ${k}`,
        );
      }

      // The destination is fixed: the next run sends exactly the recorded rows, once each.
      for (const key of Object.keys(faults) as (keyof Faults)[]) if (key !== "idempotent") delete faults[key];
      const mark = server.log.length;
      const second = await cdpAsync(dir, ["sync", SYNC], env);
      expect(second.code, second.output).toBe(0);
      const r2 = (JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8")) as SyncResults)
        .results[0]!;
      expect(r2.counts).toMatchObject({ planned: bad.length, retried: bad.length });
      expect(r2.delivered).toBe(bad.length);
      const sent = server.log.slice(mark).flatMap((r) => r.keys);
      expect(sent.sort()).toEqual([...bad].sort());
      expect(server.state.size).toBe(ROWS);
      const s2 = await readState(dir);
      expect(s2.errors).toEqual([]);
      expect(s2.snapshot.size).toBe(ROWS);
    } finally {
      await server.close();
    }
  }, 120_000);
});
