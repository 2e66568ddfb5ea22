import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdpAsync, spawnCdp } from "../helpers/cdp-process.ts";
import { cdp, makeProject } from "../helpers/project.ts";
import { startWebhookServer, type WebhookServer } from "./webhook-server.ts";

const SECRET = "whsec_sigterm_0123456789";
const ROWS = 2000;

/** Resolves once `text` has appeared in what the stream wrote. */
function seen(stream: NodeJS.ReadableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    let all = "";
    const listen = (chunk: Buffer) => {
      all += chunk.toString();
      if (all.includes(text)) {
        stream.off("data", listen);
        resolve();
      }
    };
    stream.on("data", listen);
  });
}

describe("cdp sync on SIGTERM (a cancelled CI job)", () => {
  let server: WebhookServer | undefined;
  afterAll(() => server?.close());

  it("commits the batch in flight, sends nothing more, releases its lock and writes sync_results.json", async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let first = true;
    server = await startWebhookServer(SECRET, {
      // The first batch is held until the sender has been told to stop.
      holdBatch: () => {
        if (!first) return undefined;
        first = false;
        return released;
      },
    });
    const dir = makeProject(
      {
        "models/people.sql": `{{config materialized="table"}}
SELECT i AS id, 'user' || i || '@example.com' AS email FROM range(1, ${ROWS + 1}) t(i)
`,
      },
      `import { secret } from "cdp";
export default {
  name: "sigterm",
  warehouse: { type: "duckdb", path: ".cdp/sigterm.duckdb" },
  syncs: {
    people_hook: {
      model: "people", primaryKey: "id", mode: "upsert", concurrency: 1,
      destination: { type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"), batchSize: 100 },
      fields: { email: "email" },
    },
  },
};
`,
    );
    expect(cdp(dir, ["run"]).code).toBe(0);
    const env = { HOOK_URL: server.url, HOOK_SECRET: SECRET };
    const proc = spawnCdp(dir, ["sync"], env);
    const interrupted = seen(proc.child.stderr!, "Interrupted (SIGTERM)");
    // Signalled while its first batch is at the receiver.
    await new Promise<void>((resolve) => {
      const poll = () => (server!.log.some((r) => r.keys.length) ? resolve() : setImmediate(poll));
      poll();
    });
    proc.child.kill("SIGTERM");
    await interrupted;
    release();
    const exit = await proc.exited;

    expect(exit.signal, exit.output).toBeNull();
    expect(exit.code, exit.output).toBe(1);
    expect(exit.output).toContain("interrupted; stopped sending");
    const sent = server.log.filter((r) => r.keys.length);
    expect(sent.length).toBeLessThan(ROWS / 100);
    const delivered = new Set(sent.filter((r) => r.taken).flatMap((r) => r.keys));
    expect(delivered.size).toBeGreaterThanOrEqual(100);

    const results = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8"));
    expect(results.results[0]).toMatchObject({
      sync: "people_hook",
      status: "error",
      delivered: delivered.size,
    });
    const wh = await DuckdbWarehouse.open({
      path: path.join(dir, ".cdp/sigterm.duckdb"),
      schema: "main",
      connections: 1,
    });
    try {
      const [lock] = await wh.query<{ owner: string | null }>(
        "SELECT owner FROM cdp_state.sync_locks WHERE sync = 'people_hook'",
      );
      expect(lock?.owner).toBeNull();
      const snapshot = await wh.query<{ key: string }>("SELECT key FROM cdp_state.people_hook__snapshot");
      expect(new Set(snapshot.map((r) => r.key))).toEqual(delivered);
      const [run] = await wh.query<{ status: string }>("SELECT status FROM cdp_state.sync_runs");
      expect(run?.status).toBe("error");
    } finally {
      await wh.close();
    }

    // The next run sends the rest, and only the rest.
    const next = await cdpAsync(dir, ["sync"], env);
    expect(next.code, next.output).toBe(0);
    expect(server.state.size).toBe(ROWS);
    expect([...server.received.values()].every((n) => n === 1)).toBe(true);
  });
});
