import { createHttpClient } from "../../src/http/client.ts";
import { urlSecrets } from "../../src/http/redact.ts";
import type { Connector, ConnectorContext } from "../../src/sync/connector.ts";
import type { WebhookDestinationConfig } from "./config.ts";
import { postBatch } from "./post-batch.ts";

export { type WebhookDestinationConfig, webhookDestinationSchema } from "./config.ts";

/**
 * JSON batches POSTed to a URL you run: the way to reach any system that has no connector yet.
 * Contract in README.md.
 */
export function webhookConnector(
  config: WebhookDestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number; rateLimit?: number; maxAttempts?: number } = {},
): Connector {
  const rateLimit = overrides.rateLimit ?? config.rateLimit ?? 10;
  // The URL is a credential, and so are its parts: a receiver may echo its path or a token in an
  // error message. Registered here too in case the config wrote them as plain values.
  for (const value of urlSecrets(config.url)) ctx.redactor.add(value);
  ctx.redactor.add(config.signingSecret);
  for (const value of Object.values(config.headers)) ctx.redactor.add(value);
  const http = createHttpClient({
    name: "webhook",
    headers: config.headers,
    timeoutMs: config.timeout * 1000,
    rateLimit,
    maxAttempts: overrides.maxAttempts ?? 5,
    redactor: ctx.redactor,
    sleep: ctx.sleep,
  });
  return {
    name: "webhook",
    modes: ["upsert", "update", "insert", "mirror", "audience"],
    batchSize: overrides.batchSize ?? config.batchSize ?? 500,
    rateLimit,
    async check() {
      await postBatch(http, config.url, "check", [], config.signingSecret);
    },
    write: (batch, wctx) => postBatch(http, config.url, wctx.sync, batch, config.signingSecret),
  };
}
