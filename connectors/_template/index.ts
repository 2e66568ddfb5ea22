import { defineConnector } from "../../src/connector-kit/index.ts";
import { checkAccount } from "./check-account.ts";
import { exampleDestinationSchema } from "./config.ts";
import { upsertRecords } from "./upsert-records.ts";

export { type ExampleDestinationConfig, exampleDestinationSchema } from "./config.ts";

/**
 * The template of a destination: copy this folder, rename `example`, and register the result in
 * `connectors/index.ts`. It is not registered itself. The kit resolves `batchSize` and
 * `rateLimit` (the sync's, else the config's, else `defaults`), registers the secret fields with
 * the redactor, and `kit.http()` gives the shared client with that rate limit and retries.
 */
export const example = defineConnector({
  type: "example",
  schema: exampleDestinationSchema,
  // From the API's documentation (cite it in README.md): 100 records per request, 10 requests/s.
  defaults: { batchSize: 100, maxBatchSize: 100, rateLimit: 10 },
  create(config, kit) {
    const http = kit.http({
      name: "example",
      baseURL: config.baseUrl.replace(/\/+$/, ""),
      headers: { Authorization: `Bearer ${config.apiKey}`, Accept: "application/json" },
      timeoutMs: config.timeout * 1000,
    });
    return {
      modes: ["upsert", "update"],
      check: () => checkAccount(http),
      write: async (batch) => {
        // The modes above send only upserts and updates; anything else is refused, not dropped.
        const others = batch.filter((r) => r.op !== "upsert" && r.op !== "update");
        const results = others.map((r) => ({
          key: r.key,
          status: "rejected" as const,
          reason: `not ${r.op}`,
        }));
        const records = batch.filter((r) => r.op === "upsert" || r.op === "update");
        return records.length ? [...results, ...(await upsertRecords(http, records))] : results;
      },
    };
  },
});

export const exampleConnector = example.connect;
