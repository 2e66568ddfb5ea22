import { z } from "zod";
import { secretField } from "../../src/connector-kit/config.ts";

/**
 * The `webhook` destination: JSON batches POSTed to `url`, signed with HMAC-SHA256 when a
 * `signingSecret` is set. `url`, `signingSecret` and `headers` values may carry credentials:
 * write them as `secret("ENV_VAR")` so they come from the environment and are redacted.
 *
 * @example
 * destination: { type: "webhook", url: secret("CDP_WEBHOOK_URL"), signingSecret: secret("CDP_WEBHOOK_SECRET") }
 */
export const webhookDestinationSchema = z
  .object({
    type: z.literal("webhook"),
    /** Secret: a URL may carry a token in its path or query. */
    url: secretField(z.string().url()),
    /** Secret: the key of the `X-Cdp-Signature: sha256=<hex>` header over the body. */
    signingSecret: secretField(z.string().min(1)).optional(),
    /** Extra headers (e.g. `Authorization`); their values are secrets. */
    headers: z.record(z.string(), secretField(z.string())).default({}),
    /** Rows per request. */
    batchSize: z.number().int().positive().max(10_000).optional(),
    /** Requests per second at most. */
    rateLimit: z.number().positive().optional(),
    /** Seconds before a request is abandoned and retried. */
    timeout: z.number().positive().default(30),
  })
  .strict();

export type WebhookDestinationConfig = z.output<typeof webhookDestinationSchema>;
