import { z } from "zod";

/**
 * Identity rules, opt-in: a stitch model names a ruleset from `identity.rulesets` in cdp.config.ts
 * (`{{config materialized="stitch" rules="recommended"}}`). Without rules, a stitch is plain
 * connected components over the non-empty values.
 */
const normalizer = z.union([
  z.enum(["email", "lower", "trim", "digits", "none"]),
  z
    .object({
      kind: z.literal("phone"),
      /** Calling code used for numbers written without one, e.g. "1" (US) or "44" (UK). */
      defaultCallingCode: z.string().regex(/^[0-9]{1,3}$/),
    })
    .strict(),
]);

export const rulesetSchema = z
  .object({
    /** How each identifier type is cleaned before matching, e.g. `{ email: "email", phone: { kind: "phone", defaultCallingCode: "1" } }`. */
    normalize: z.record(z.string(), normalizer).default({}),
    blocked: z
      .object({
        /** Add the usual junk (empty, null, unknown, test@…, noreply@…, 0000000000, …). */
        defaults: z.boolean().default(true),
        /** Exact values, compared after normalisation, for every type. */
        values: z.array(z.string()).default([]),
        /** Regular expressions (RE2/POSIX subset) a value must not match. */
        patterns: z.array(z.string()).default([]),
        /** Per identifier type: more exact values and patterns. */
        byType: z
          .record(
            z.string(),
            z
              .object({ values: z.array(z.string()).default([]), patterns: z.array(z.string()).default([]) })
              .strict(),
          )
          .default({}),
      })
      .strict()
      .default({ defaults: true, values: [], patterns: [], byType: {} }),
    /** At most this many identifiers of a type per profile, e.g. `{ user_id: 1 }`. */
    limits: z.record(z.string(), z.number().int().positive()).default({}),
    /**
     * Which identifiers a profile keeps when over a limit: edges from sources listed first win,
     * then the most recently seen, then the smallest value.
     */
    sourcePriority: z.array(z.string()).default([]),
    /** An identifier linked to more than this many others is set aside and reported. */
    maxDegree: z.number().int().positive().optional(),
    /** Safety cap on connected-components rounds; reaching it fails the model. */
    maxRounds: z.number().int().positive().default(64),
  })
  .strict();

export type Ruleset = z.output<typeof rulesetSchema>;
export const identityConfigSchema = z
  .object({ rulesets: z.record(z.string(), rulesetSchema).default({}) })
  .strict()
  .default({ rulesets: {} });

export const NO_RULES: Ruleset = rulesetSchema.parse({ blocked: { defaults: false } });

/** The usual junk every CDP blocks: placeholders people and tills type when they have no value. */
export const DEFAULT_BLOCKED_VALUES = [
  "",
  "null",
  "none",
  "nil",
  "unknown",
  "anonymous",
  "undefined",
  "n/a",
  "na",
  "-",
  "-1",
  "0",
  "test",
];

export const DEFAULT_BLOCKED_PATTERNS = [
  // test@…, noreply@…, a@a.com-style addresses
  "^(test|testing|noreply|no-reply|donotreply|do-not-reply|null|none|unknown|example|info)@",
  "^[a-z]@[a-z]\\.[a-z]+$",
  "@(example|test)\\.(com|org|net)$",
  // numbers made of one repeated digit, or with long runs of zeros: 0000000000, +1 000 000 0000
  "^\\+?(0+|1+|2+|3+|4+|5+|6+|7+|8+|9+)$",
  "0000000",
  "^\\+?1234567890?$",
];
