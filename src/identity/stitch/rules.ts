import { z } from "zod";
import { matchSettingsSchema } from "../match/settings.ts";

/**
 * Identity rules, opt-in: a stitch model names a ruleset from `identity.rulesets` in cdp.config.ts
 * (`{{config materialized="stitch" rules="recommended"}}`). Without rules, a stitch is plain
 * connected components over the non-empty values.
 */
const normalizer = z.union([
  /**
   * `email`: trimmed, lower case, no spaces. `email_canonical`: also one mailbox per inbox, the
   * way the big providers deliver mail: `+tags` dropped (Gmail, Outlook/Hotmail/Live, iCloud,
   * Proton, Fastmail), dots in Gmail addresses ignored, googlemail.com read as gmail.com, and the
   * commonest domain typos (gmial.com, hotmial.com, yaho.com, ...) corrected.
   */
  z.enum(["email", "email_canonical", "lower", "trim", "digits", "none"]),
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
    /**
     * An identifier linked to more than this many others is set aside and reported: one number
     * for every type, or per type (`{ anon: 5, default: 25 }`; `default` covers the rest).
     */
    maxDegree: z
      .union([z.number().int().positive(), z.record(z.string(), z.number().int().positive())])
      .optional(),
    /**
     * Per identifier type, how many identifiers of another type it may link, e.g.
     * `{ anon: { user_id: 1 } }`: a browser id belongs to one account, so a family or library
     * computer cannot join its users' accounts. Extra links are cut before the graph is built
     * (keeping those from sources earlier in `sourcePriority`, then the most recent) and recorded.
     */
    maxLinks: z.record(z.string(), z.record(z.string(), z.number().int().positive())).optional(),
    /**
     * Recompute only the profiles that new, changed or removed edges touch, from the edges the
     * last run saw (kept in `<model>__edges`); `--full-refresh` recomputes everything. The result
     * is the full stitch's, ids included.
     */
    incremental: z.boolean().default(false),
    /** Safety cap on connected-components rounds; reaching it fails the model. */
    maxRounds: z.number().int().positive().default(64),
  })
  .strict();

export type Ruleset = z.output<typeof rulesetSchema>;
export const identityConfigSchema = z
  .object({
    rulesets: z.record(z.string(), rulesetSchema).default({}),
    /** Probabilistic matching settings that match models name with `settings="..."`. */
    match: z.record(z.string(), matchSettingsSchema).default({}),
  })
  .strict()
  .default({ rulesets: {}, match: {} });

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
  // Placeholder mailboxes: test@…, noreply@…, noemail@…, asdf@asdf.com, a@a.com
  "^(test|testing|noreply|no-reply|donotreply|do-not-reply|noemail|no-email|null|none|nobody|unknown|example|info|asdf|qwerty|fake|dummy)@",
  // Role mailboxes read by a team, not one person: office@, contact@, sales@, …
  "^(office|contact|sales|admin|support|hello|team|billing|accounts|enquiries|inquiries|reception|orders|mail|hr|jobs)@",
  "@(noemail|no-email|asdf|qwerty|none|fake|dummy|test|example)\\.",
  "^[a-z]@[a-z]\\.[a-z]+$",
  // Reserved example domains and their subdomains
  "(@|\\.)example\\.(com|org|net)$",
  // Numbers that are one digit repeated after at most a 3-digit prefix (000-000-0000, +1 555 555 5555),
  // or a keyboard run (1234567890)
  "^\\+?[0-9]{0,3}(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$",
  "123456789",
];
