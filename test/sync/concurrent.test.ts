import { afterAll, describe, expect, it } from "vitest";
import { type CdpExit, spawnCdp } from "../helpers/cdp-process.ts";
import { openPostgres, postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { cdp, makeProject } from "../helpers/project.ts";
import { startWebhookServer, type WebhookServer } from "./webhook-server.ts";

/**
 * Two `cdp sync` processes of the same sync started together (two CI jobs, a cron overlapping a
 * manual run). The destination holds every request until one of them has exited, so the two
 * certainly overlap: whatever the engine does with the second one, no row may be sent twice.
 */
const ROWS = 20_000;
const SECRET = "whsec_concurrent_0123456789";

function syncConfig(extra = "") {
  return `people_hook: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: { type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"), batchSize: 500, rateLimit: 100, timeout: 300 },
      concurrency: 4,${extra}
    },`;
}

/** Runs both processes against a server that answers nothing until one of them has exited. */
async function race(dir: string, env: (server: WebhookServer) => Record<string, string>) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const server = await startWebhookServer(SECRET, { gate });
  try {
    const procs = [0, 1].map(() => spawnCdp(dir, ["sync", "people_hook"], env(server)));
    // Liveness only: an engine that made the second run wait for the lock would otherwise wait
    // on a winner that waits on this gate. (The webhook timeout is longer, so that the held
    // check request is not sent twice.)
    const valve = setTimeout(open, 60_000);
    await Promise.race(procs.map((p) => p.exited));
    open();
    clearTimeout(valve);
    const exits = await Promise.all(procs.map((p) => p.exited));
    const winner = exits.findIndex((e) => e.code === 0);
    return { server, exits, winner, loser: exits[1 - winner] as CdpExit, winnerPid: procs[winner]?.pid };
  } finally {
    await server.close();
  }
}

function expectEachRowOnce(server: WebhookServer) {
  expect(server.state.size).toBe(ROWS);
  expect(server.received.size).toBe(ROWS);
  const twice = [...server.received.values()].filter((n) => n > 1).length;
  expect(twice, "rows sent twice").toBe(0);
  // The loser did not even check the destination's credentials.
  expect(server.log.filter((r) => r.keys.length === 0)).toHaveLength(1);
}

const pg = postgresServer();
if (pg.unavailable) {
  warnSkipped("Concurrent cdp sync on Postgres", pg.unavailable);
  describe.skip(`two cdp sync processes on Postgres (${pg.unavailable})`, () => {
    it("is skipped", () => {});
  });
} else {
  describe("two cdp sync processes of one sync on Postgres", () => {
    const schema = `conc_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
    afterAll(async () => {
      const wh = await openPostgres(pg.url!, schema, 1);
      for (const s of [schema, `${schema}_state`])
        await wh.execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(s)} CASCADE`);
      await wh.close();
    });

    it("one sends every row once; the other stops at the lock, names the holder and sends nothing", async () => {
      const dir = makeProject(
        {
          "models/people.sql": `{{config materialized="table"}}
SELECT i AS id, 'user' || i || '@example.com' AS email FROM generate_series(1, ${ROWS}) AS t(i)
`,
        },
        `import { secret } from "cdp";
export default {
  name: "conc",
  warehouse: { type: "postgres", connectionString: secret("PG_URL"), schema: "${schema}" },
  threads: 2,
  syncs: {
    ${syncConfig(`\n      stateSchema: "${schema}_state",`)}
  },
};
`,
      );
      const built = cdp(dir, ["run"], { PG_URL: pg.url! });
      expect(built.code, built.output).toBe(0);
      const { server, exits, loser, winnerPid } = await race(dir, (s) => ({
        PG_URL: pg.url!,
        HOOK_URL: s.url,
        HOOK_SECRET: SECRET,
      }));
      expect(exits.map((e) => e.code).sort()).toEqual([0, 1]);
      expect(loser.output).toMatch(
        new RegExp(
          `sync "people_hook" is running elsewhere \\(run \\S+ on \\S+ pid ${winnerPid}, lease until [^)]+\\); nothing was sent`,
        ),
      );
      expectEachRowOnce(server);

      const wh = await openPostgres(pg.url!, schema, 1);
      try {
        const runs = await wh.query<{ status: string; delivered: number }>(
          `SELECT status, delivered FROM ${wh.dialect.quoteIdentifier(`${schema}_state`)}.sync_runs WHERE sync = 'people_hook'`,
        );
        expect(runs.map((r) => [r.status, Number(r.delivered)])).toEqual([["success", ROWS]]);
        const [lock] = await wh.query<{ owner: string | null }>(
          `SELECT owner FROM ${wh.dialect.quoteIdentifier(`${schema}_state`)}.sync_locks WHERE sync = 'people_hook'`,
        );
        expect(lock?.owner).toBeNull();
      } finally {
        await wh.close();
      }
    }, 180_000);
  });
}

describe("two cdp sync processes of one sync on DuckDB", () => {
  it("the second cannot open the database file: it fails with a clear message and sends nothing", async () => {
    const dir = makeProject(
      {
        "models/people.sql": `{{config materialized="table"}}
SELECT i AS id, 'user' || i || '@example.com' AS email FROM range(1, ${ROWS + 1}) t(i)
`,
      },
      `import { secret } from "cdp";
export default {
  name: "conc",
  warehouse: { type: "duckdb", path: ".cdp/conc.duckdb" },
  threads: 2,
  syncs: {
    ${syncConfig()}
  },
};
`,
    );
    const built = cdp(dir, ["run"]);
    expect(built.code, built.output).toBe(0);
    const { server, exits, loser, winnerPid } = await race(dir, (s) => ({
      HOOK_URL: s.url,
      HOOK_SECRET: SECRET,
    }));
    expect(exits.map((e) => e.code).sort()).toEqual([0, 1]);
    // The file and the process holding it are named.
    expect(loser.stderr).toMatch(/cannot open DuckDB database \S*conc\.duckdb: .*lock/i);
    expect(loser.stderr).toContain(`PID ${winnerPid}`);
    // One line, no stack trace.
    expect(loser.stderr).not.toMatch(/\n\s+at /);
    expectEachRowOnce(server);
  }, 180_000);
});
