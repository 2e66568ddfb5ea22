import { defineConnector, urlSecrets } from "../../src/connector-kit/index.ts";
import { webhookDestinationSchema } from "./config.ts";
import { postBatch } from "./post-batch.ts";

export { type WebhookDestinationConfig, webhookDestinationSchema } from "./config.ts";

/**
 * JSON batches POSTed to a URL you run: the way to reach any system that has no connector yet.
 * Contract in README.md.
 */
export const webhook = defineConnector({
  type: "webhook",
  schema: webhookDestinationSchema,
  defaults: { batchSize: 500, rateLimit: 10 },
  create(config, kit) {
    // The URL is a credential, and so are its parts: a receiver may echo its path or a token in
    // an error message, where the whole URL (registered by the kit) would not match.
    for (const value of urlSecrets(config.url)) kit.redactor.add(value);
    const http = kit.http({ name: "webhook", headers: config.headers, timeoutMs: config.timeout * 1000 });
    return {
      modes: ["upsert", "update", "insert", "mirror", "audience"],
      async check() {
        await postBatch(http, config.url, "check", [], config.signingSecret);
      },
      write: (batch, wctx) => postBatch(http, config.url, wctx.sync, batch, config.signingSecret),
    };
  },
});

export const webhookConnector = webhook.connect;
