import { z } from "zod";

const identifierName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, "must be a plain identifier");

/** A token's value: resolved from `secret("ENV")` at load time; a SecretRef stays when unset. */
const tokenValue = z.union([
  z.string().min(16, "an API token must be at least 16 characters"),
  z.object({ $secret: z.string(), optional: z.boolean().optional() }).strict(),
]);

/** Requests a token may make per window before answers are 429 with Retry-After. */
export const rateLimitSchema = z
  .object({
    max: z.number().int().positive(),
    /** The window, in seconds. */
    perSeconds: z.number().positive().default(1),
  })
  .strict();

const tokenSchema = z
  .object({
    /** `secret("CDP_API_TOKEN_WEBSITE")`: tokens never live in the config file. */
    token: tokenValue,
    /** The targets (environments) the token is valid on; default: every target. */
    targets: z.array(z.string().min(1)).min(1).optional(),
    /** This token's own limit; default: `api.rateLimit`. */
    rateLimit: rateLimitSchema.optional(),
  })
  .strict();

/**
 * The profile API (`GET /v1/profiles/{identifier_type}/{value}`): what it may read and who may ask.
 * Only the columns listed in `fields` and the audiences in `audiences` ever leave the warehouse.
 *
 * @example
 * api: {
 *   identity: "identity_graph",
 *   fields: { profiles: ["first_name", "country"], profile_traits: ["lifetime_value_usd"] },
 *   audiences: ["aud_high_value_at_risk"],
 *   tokens: { website: { token: secret("CDP_API_TOKEN_WEBSITE"), targets: ["prod"] } },
 * }
 */
export const apiConfigSchema = z
  .object({
    /** The stitch model: `identifier_type, identifier, profile_id`. */
    identity: z.string().min(1),
    /** Per model keyed by `profile_id`, the columns the API returns as traits. */
    fields: z.record(z.string().min(1), z.array(identifierName).min(1)).default({}),
    /** Audience models (one row per member `profile_id`) whose membership the API returns. */
    audiences: z.array(z.string().min(1)).default([]),
    /** Identifier types a caller may look up by; default: every type in the identity model. */
    identifierTypes: z.array(z.string().min(1)).min(1).optional(),
    /** Bearer tokens by name (the name is what logs and rate limits use, never the token). */
    tokens: z.record(identifierName, tokenSchema).refine((t) => Object.keys(t).length > 0, {
      message: "declare at least one token",
    }),
    /** The limit of every token without its own: 100 requests per second. */
    rateLimit: rateLimitSchema.default({ max: 100, perSeconds: 1 }),
  })
  .strict()
  .superRefine((api, ctx) => {
    const seen = new Map<string, string>();
    for (const [model, columns] of Object.entries(api.fields)) {
      for (const column of columns) {
        const other = seen.get(column);
        if (other) {
          ctx.addIssue({
            code: "custom",
            path: ["fields", model],
            message: `field "${column}" is exposed by both "${other}" and "${model}"; keep it in one`,
          });
        }
        seen.set(column, model);
      }
    }
  });

export type ApiConfig = z.output<typeof apiConfigSchema>;
export type ApiTokenConfig = z.output<typeof tokenSchema>;
