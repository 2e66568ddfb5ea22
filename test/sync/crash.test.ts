import path from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../scripts/demo/random.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { type CdpProcess, cdpAsync, jsonEvents, spawnCdp } from "../helpers/cdp-process.ts";
import { cdp, makeProject } from "../helpers/project.ts";
import { type RequestRecord, startWebhookServer } from "./webhook-server.ts";

/**
 * Crash safety of `cdp sync`, the way it fails in production: the process is SIGKILLed (OOM
 * killer, a cancelled CI job, a lost machine) at arbitrary points, 20 times in a row, then a run
 * is let finish. Whatever the points, the destination must end equal to the model, and the only
 * rows sent twice are those that were in flight at a kill.
 */
const ROWS = 100_000;
const BATCH = 500;
const CONCURRENCY = 4;
const KILLS = 20;
/** Change it to replay other kill points; a failure prints the seed it ran with. */
const SEED = 20_240_611;
/**
 * A run is killed at the latest when the server receives its MAX_BATCHES-th batch, so that each
 * killed run commits fewer than MAX_BATCHES batches and 20 kills cannot finish the sync.
 */
const MAX_BATCHES = 6;
const SECRET = "whsec_crash_0123456789";

const expected = (i: number) => ({
  email: `user${i}@example.com`,
  tier: `t${i % 7}`,
  score: (i * 37) % 1000,
});

function project(): string {
  return makeProject(
    {
      "models/people.sql": `{{config materialized="table"}}
SELECT i AS id, 'User' || i || '@Example.com ' AS email, 't' || (i % 7) AS tier, (i * 37) % 1000 AS score
FROM range(1, ${ROWS + 1}) t(i)
`,
    },
    `import { secret } from "cdp";
export default {
  name: "crash",
  warehouse: { type: "duckdb", path: ".cdp/crash.duckdb" },
  threads: 2,
  syncs: {
    people_hook: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: { type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"), batchSize: ${BATCH}, rateLimit: 100 },
      fields: { email: { column: "email", transform: "email" }, tier: "tier", score: "score" },
      concurrency: ${CONCURRENCY},
      // Far longer than the test: a killed run's lock must be taken over because its process is
      // gone, not because its lease ran out.
      lockLease: 3600,
    },
  },
};
`,
  );
}

interface Run {
  kind: "delay" | "batches";
  /** Milliseconds after spawn (delay), or the batch whose arrival triggers the kill. */
  at: number;
  proc: CdpProcess;
  spawnedAt: number;
  /** Index in the server's log of this run's first request. */
  firstRequest: number;
  /** Index after its last request (set when the next run starts). */
  endRequest: number;
  batches: number;
  killed: boolean;
}

/**
 * Rows that may be sent again because of one kill. The engine runs at most `concurrency` batches
 * between "sent" and "committed to the snapshot" (each batch commits before its slot is free),
 * and a row the server never received cannot arrive twice; so a kill can cause at most the
 * largest `concurrency` batches the server received from that run to be sent again.
 */
function rowsAtRisk(requests: RequestRecord[]): number {
  const sizes = requests
    .filter((r) => r.taken && r.keys.length)
    .map((r) => r.keys.length)
    .sort((a, b) => b - a);
  return sizes.slice(0, CONCURRENCY).reduce((a, b) => a + b, 0);
}

describe("cdp sync crash safety", () => {
  it(`${KILLS} SIGKILLs at random points, then a full run: the destination equals the model, re-sends stay within the rows in flight`, async () => {
    const started = Date.now();
    const dir = project();
    const built = cdp(dir, ["run"]);
    expect(built.code, built.output).toBe(0);

    const random = new Rng(SEED);
    const runs: Run[] = [];
    let current: Run | undefined;
    const kill = (run: Run) => {
      if (run.killed || run.proc.child.exitCode !== null) return;
      run.killed = true;
      run.proc.child.kill("SIGKILL");
    };
    const server = await startWebhookServer(SECRET, {
      // The kill lands while the server holds this batch: it is applied, but its answer goes to
      // a dead process, as when a crash comes between the destination's commit and ours.
      onBatch: () => {
        if (!current) return;
        current.batches++;
        if (current.batches >= (current.kind === "batches" ? current.at : MAX_BATCHES)) kill(current);
      },
    });
    const env = { HOOK_URL: server.url, HOOK_SECRET: SECRET };
    try {
      for (let k = 0; k < KILLS; k++) {
        const kind = k % 2 === 0 ? "delay" : "batches";
        // Delays cover start-up, planning and locking as well as delivery.
        const at = kind === "delay" ? random.int(0, 2000) : random.int(1, MAX_BATCHES);
        if (current) current.endRequest = server.log.length;
        const run: Run = {
          kind,
          at,
          proc: spawnCdp(dir, ["sync", "people_hook"], env),
          spawnedAt: Date.now(),
          firstRequest: server.log.length,
          endRequest: Number.POSITIVE_INFINITY,
          batches: 0,
          killed: false,
        };
        current = run;
        runs.push(run);
        const timer = kind === "delay" ? setTimeout(() => kill(run), at) : undefined;
        const exit = await run.proc.exited;
        clearTimeout(timer);
        expect(
          run.killed,
          `run ${k + 1} (seed ${SEED}, kill ${kind} ${at}) ended by itself, code ${exit.code}:\n${exit.output}`,
        ).toBe(true);
        expect(exit.signal).toBe("SIGKILL");
      }
      current!.endRequest = server.log.length;
      current = undefined;

      const final = await cdpAsync(dir, ["sync", "people_hook", "--log-format", "json"], env);
      expect(final.code, final.output).toBe(0);
      const summary = jsonEvents(final.stdout).find((e) => e.event === "sync_summary") as unknown as {
        results: { runId: string; status: string; delivered: number }[];
      };
      expect(summary.results[0]!.status).toBe("success");

      // The destination holds exactly the model: every key, every field.
      expect(server.state.size).toBe(ROWS);
      for (let i = 1; i <= ROWS; i++) {
        const got = server.state.get(String(i));
        if (JSON.stringify(got) !== JSON.stringify(expected(i))) expect(got, `key ${i}`).toEqual(expected(i));
      }

      // Re-sends: raw arrivals, before any Idempotency-Key dedupe a receiver could do.
      let resentRows = 0;
      let extraDeliveries = 0;
      for (const n of server.received.values()) {
        if (n > 1) resentRows++;
        extraDeliveries += n - 1;
      }
      const bound = runs.reduce(
        (sum, r) => sum + rowsAtRisk(server.log.slice(r.firstRequest, r.endRequest)),
        0,
      );
      // How many of those a receiver deduping by Idempotency-Key would have dropped: a batch re-sent
      // after a crash carries the same key only when it holds the same rows.
      const seen = new Set<string>();
      let recognisable = 0;
      for (const r of server.log) {
        if (!r.taken || !r.keys.length || !r.idempotencyKey) continue;
        if (seen.has(r.idempotencyKey)) recognisable += r.keys.length;
        seen.add(r.idempotencyKey);
      }
      const midDelivery = runs.filter((r) => r.batches > 0).length;
      expect(midDelivery).toBeGreaterThanOrEqual(KILLS / 2);
      expect(extraDeliveries).toBeLessThanOrEqual(bound);
      expect(resentRows).toBeLessThanOrEqual(bound);

      // Run history: every killed run is marked abandoned once a later run takes the lock over,
      // wherever it was killed. A run that was delivering held the lock; the run after it got
      // to the destination, so it took that lock over at once, with its lease an hour away.
      const wh = await DuckdbWarehouse.open({
        path: path.join(dir, ".cdp/crash.duckdb"),
        schema: "main",
        connections: 1,
      });
      let abandoned = 0;
      try {
        const history = await wh.query<{ run_id: string; started_at: Date; status: string }>(
          `SELECT run_id, started_at, status FROM cdp_state.sync_runs WHERE sync = 'people_hook' ORDER BY started_at`,
        );
        expect(history.at(-1)).toMatchObject({ run_id: summary.results[0]!.runId, status: "success" });
        const earlier = history.slice(0, -1);
        expect(earlier.filter((h) => h.status !== "abandoned")).toEqual([]);
        abandoned = earlier.length;
        let takenOver = 0;
        for (let k = 0; k < runs.length; k++) {
          if (runs[k]!.batches === 0) continue;
          const until = runs[k + 1]?.spawnedAt ?? Number.POSITIVE_INFINITY;
          const own = earlier.filter((h) => {
            const at = new Date(h.started_at).getTime();
            return at >= runs[k]!.spawnedAt && at < until;
          });
          expect(own, `run ${k + 1} in sync_runs`).toHaveLength(1);
          const next = runs[k + 1];
          if (!next || next.endRequest > next.firstRequest) takenOver++;
        }
        expect(takenOver).toBeGreaterThan(0);
        const [lock] = await wh.query<{ owner: string | null }>(
          `SELECT owner FROM cdp_state.sync_locks WHERE sync = 'people_hook'`,
        );
        expect(lock?.owner).toBeNull();
        const [snap] = await wh.query<{ n: number }>(
          `SELECT COUNT(*) AS n FROM cdp_state.people_hook__snapshot`,
        );
        expect(Number(snap!.n)).toBe(ROWS);
      } finally {
        await wh.close();
      }

      console.log(
        `crash: ${KILLS} kills (${midDelivery} mid-delivery, seed ${SEED}): ${ROWS} rows, ${resentRows} re-sent (${extraDeliveries} extra deliveries, ${recognisable} with an Idempotency-Key already seen), bound ${bound}; ${abandoned} runs marked abandoned; ${((Date.now() - started) / 1000).toFixed(1)}s`,
      );
    } finally {
      for (const r of runs) kill(r);
      await server.close();
    }
  }, 300_000);
});
