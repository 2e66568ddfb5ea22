import { z } from "zod";
import { secretField } from "../../src/connector-kit/config.ts";

/**
 * The `example` destination's config: what a user writes under `destination:` in a sync. Mark
 * every credential with `secretField` (the kit registers its value with the redactor); give each
 * limit its documented maximum (`.max()`), so a setting the API would refuse fails at load time.
 *
 * @example
 * destination: { type: "example", apiKey: secret("EXAMPLE_API_KEY") }
 */
export const exampleDestinationSchema = z
  .object({
    type: z.literal("example"),
    /** Secret: sent as `Authorization: Bearer <apiKey>`. */
    apiKey: secretField(z.string().min(1)),
    /** API host; tests point it at a local mock. */
    baseUrl: z.string().url().default("https://api.example.com"),
    /** Records per request (the API takes at most 100). */
    batchSize: z.number().int().positive().max(100).optional(),
    /** Requests per second at most. */
    rateLimit: z.number().positive().optional(),
    /** Seconds before a request is abandoned and retried. */
    timeout: z.number().positive().default(30),
  })
  .strict();

export type ExampleDestinationConfig = z.output<typeof exampleDestinationSchema>;
