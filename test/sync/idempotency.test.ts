import { mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileConnector } from "../../connectors/file/index.ts";
import { redactor } from "../../src/config/secrets.ts";
import type { SyncRecord } from "../../src/connector-kit/connector.ts";
import { cdpAsync, spawnCdp } from "../helpers/cdp-process.ts";
import { makeProject } from "../helpers/project.ts";
import { startWebhookServer, type WebhookServer } from "./webhook-server.ts";

const SECRET = "whsec_idem_0123456789";
const ROWS = 300;

const model = (five: string) => `{{config materialized="table"}}
SELECT i AS id, CASE WHEN i = 5 THEN '${five}' ELSE 'user' || i || '@example.com' END AS email
FROM range(1, ${ROWS + 1}) t(i)
`;
const config = (batchSize: number) => `import { secret } from "cdp";
export default {
  name: "idem",
  warehouse: { type: "duckdb", path: ".cdp/idem.duckdb" },
  syncs: {
    people_hook: {
      model: "people", primaryKey: "id", mode: "upsert", concurrency: 1, lockLease: 3600,
      destination: { type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"), batchSize: ${batchSize} },
      fields: { email: "email" },
    },
  },
};
`;

describe("idempotency keys of rows sent again", () => {
  let server: WebhookServer | undefined;
  afterAll(() => server?.close());

  it("a row re-sent in another batch after an unknown outcome carries its first key; a change back to old content does not", async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = false;
    server = await startWebhookServer(SECRET, {
      idempotent: true,
      // The first batch is held while its sender is killed, then applied: its outcome is unknown.
      holdBatch: () => {
        if (held) return undefined;
        held = true;
        return released;
      },
    });
    const dir = makeProject({ "models/people.sql": model("five@example.com") }, config(100));
    const env = { HOOK_URL: server.url, HOOK_SECRET: SECRET };
    expect((await cdpAsync(dir, ["run"])).code).toBe(0);

    const killed = spawnCdp(dir, ["sync"], env);
    await new Promise<void>((resolve) => {
      const poll = () => (server!.log.some((r) => r.keys.length) ? resolve() : setImmediate(poll));
      poll();
    });
    killed.child.kill("SIGKILL");
    await killed.exited;
    release();
    await new Promise<void>((resolve) => {
      const poll = () => (server!.log.some((r) => r.taken && r.keys.length) ? resolve() : setImmediate(poll));
      poll();
    });
    const first = server.log.find((r) => r.taken && r.keys.length)!;
    const firstKeys = new Map(first.keys.map((k, i) => [k, first.rowKeys[i]]));
    expect(first.rowKeys.every((k) => typeof k === "string" && k.length > 0)).toBe(true);

    // The next run cuts batches differently: the rows come back in other batches.
    writeFileSync(path.join(dir, "cdp.config.ts"), config(70));
    const next = await cdpAsync(dir, ["sync"], env);
    expect(next.code, next.output).toBe(0);
    const again = server.log.filter((r) => r !== first && r.keys.some((k) => firstKeys.has(k)));
    expect(again.length).toBeGreaterThan(1);
    expect(again.every((r) => r.idempotencyKey !== first.idempotencyKey)).toBe(true);
    for (const r of again) {
      r.keys.forEach((k, i) => {
        if (firstKeys.has(k)) expect(r.rowKeys[i], `row ${k}`).toBe(firstKeys.get(k));
      });
    }
    // A receiver deduping by the rows' keys applied each row once.
    expect(server.state.size).toBe(ROWS);
    expect([...server.applied.values()].every((n) => n === 1)).toBe(true);

    // Row 5 changes, then changes back: both changes are new to the receiver.
    for (const five of ["changed@example.com", "five@example.com"]) {
      writeFileSync(path.join(dir, "models/people.sql"), model(five));
      expect((await cdpAsync(dir, ["run"])).code).toBe(0);
      expect((await cdpAsync(dir, ["sync"], env)).code).toBe(0);
      expect(server.state.get("5")).toEqual({ email: five });
    }
    expect(server.applied.get("5")).toBe(3);
  });
});

describe("file destination temporary files", () => {
  const records: SyncRecord[] = Array.from({ length: 20_000 }, (_, i) => ({
    key: String(i),
    op: "upsert",
    fields: { email: `user${i}@example.com`, note: "x".repeat(40) },
    idempotencyKey: `k${i}`,
  }));

  it("are never named like a published part, and a killed run's are removed by the next write", async () => {
    const dir = makeProject({});
    const syncDir = path.join(dir, "exports/people_file");
    // What killed runs left: an older version's `part-*.tmp`, and a dotted one.
    mkdirSync(path.join(syncDir, "20260101000000-dead"), { recursive: true });
    writeFileSync(path.join(syncDir, "20260101000000-dead/part-00001.jsonl.0a1b2c3d.tmp"), "{");
    writeFileSync(path.join(syncDir, "20260101000000-dead/.part-00002.jsonl.4e5f6a7b.tmp"), "{");
    writeFileSync(path.join(syncDir, "20260101000000-dead/part-00003.jsonl"), "{}\n");

    const connector = fileConnector(
      { type: "file", dir: "exports", format: "jsonl" },
      { projectDir: dir, redactor },
    );
    const runDir = path.join(syncDir, "run-2");
    mkdirSync(runDir, { recursive: true });
    const seen: string[] = [];
    const watcher = watch(runDir, (_, name) => name && seen.push(String(name)));
    try {
      await connector.write(records, { sync: "people_file", runId: "run-2" });
      await connector.write(records.slice(0, 10), { sync: "people_file", runId: "run-2" });
    } finally {
      // inotify events of the writes above are queued already; let them be delivered.
      await new Promise((r) => setImmediate(r));
      watcher.close();
    }
    expect(seen.some((n) => n.endsWith(".tmp"))).toBe(true);
    expect(seen.filter((n) => /^part-/.test(n) && !/^part-\d{5}\.jsonl$/.test(n))).toEqual([]);
    expect(readdirSync(path.join(syncDir, "20260101000000-dead"))).toEqual(["part-00003.jsonl"]);
    expect(readdirSync(runDir).sort()).toEqual(["part-00001.jsonl", "part-00002.jsonl"]);
    const line = JSON.parse(readFileSync(path.join(runDir, "part-00002.jsonl"), "utf8").split("\n")[0]!);
    expect(line).toEqual({ op: "upsert", key: "0", idempotency_key: "k0", fields: records[0]!.fields });
  });
});
