import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookConnector } from "../../connectors/webhook/index.ts";
import { Redactor } from "../../src/config/secrets.ts";
import { syncConfigSchema } from "../../src/sync/config.ts";
import { runSync } from "../../src/sync/engine.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { duckdbTarget } from "../conformance/targets.ts";
import { startWebhookServer } from "./webhook-server.ts";

const SECRET = "whsec_test_0123456789";
const nosleep = async () => {};

describe("webhook connector against a local server with faults", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await duckdbTarget.open("main");
    await wh.replaceTable(
      { schema: "main", name: "people" },
      "SELECT i AS id, 'user' || i || '@example.com' AS email FROM range(1, 2001) t(i)",
    );
  });
  afterAll(() => wh.close());

  it("5xx, 429 bursts, malformed bodies and row rejections: delivered + rejected = planned", async () => {
    const server = await startWebhookServer(SECRET, {
      every5xx: 10,
      burst429: 2,
      everyMalformed: 13,
      reject: (key) => (Number(key) % 97 === 0 ? `email domain not allowed for ${key}` : undefined),
    });
    try {
      const config = syncConfigSchema.parse({
        model: "people",
        primaryKey: "id",
        mode: "upsert",
        destination: { type: "webhook", url: server.url, signingSecret: SECRET, batchSize: 50 },
        maxRejected: "5%",
        maxAttempts: 10,
      });
      const connector = webhookConnector(
        config.destination as Extract<typeof config.destination, { type: "webhook" }>,
        { projectDir: ".", redactor: new Redactor(), sleep: nosleep },
        { rateLimit: 10_000, maxAttempts: 3 },
      );
      const r = await runSync({
        name: "people_hook",
        config,
        modelRelation: { schema: "main", name: "people" },
        warehouse: wh,
        projectDir: ".",
        connector,
        sleep: nosleep,
      });
      expect(r.counts.planned).toBe(2000);
      expect(r.delivered + r.rejected + r.failed).toBe(2000);
      expect(r.rejected).toBe(20);
      expect(r.failed).toBe(0);
      expect(r.status).toBe("success");
      expect(server.state.size).toBe(1980);
      expect(server.badSignatures).toBe(0);
      const errors = await wh.query<{ key: string; error: string }>(
        `SELECT key, error FROM cdp_state.people_hook__errors`,
      );
      expect(errors).toHaveLength(20);
      for (const e of errors) expect(e.error).toBe(`rejected: email domain not allowed for ${e.key}`);
      // Snapshot = exactly what the server holds.
      const [snap] = await wh.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM cdp_state.people_hook__snapshot`,
      );
      expect(Number(snap!.n)).toBe(1980);
    } finally {
      await server.close();
    }
  });
});
