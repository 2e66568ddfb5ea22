import { z } from "zod";

/**
 * Settings of a `match` model (Fellegi-Sunter), declared in cdp.config.ts under
 * `identity.match.<name>` and named by the model: `{{config materialized="match" settings="people"}}`.
 *
 * @example
 * identity: { match: { people: {
 *   blocking: [["first_name", "last_name"], ["dob"]],
 *   comparisons: [
 *     { column: "first_name", levels: [{ exact: true }, { jaroWinkler: 0.9 }], termFrequency: true },
 *     { column: "dob", levels: [{ exact: true }, { levenshtein: 1 }] },
 *   ],
 *   threshold: 0.9,
 * } } }
 */

/** One level of a comparison, from the strongest agreement to the weakest; the last level is "anything else". */
export const levelSchema = z.union([
  /** Equal values. */
  z.object({ exact: z.literal(true) }).strict(),
  /** Jaro-Winkler similarity at least this (0..1); values are compared as text. */
  z.object({ jaroWinkler: z.number().gt(0).max(1) }).strict(),
  /** At most this many single-character edits; values are compared as text. */
  z.object({ levenshtein: z.number().int().min(0) }).strict(),
  /** Numbers at most this far apart. */
  z.object({ within: z.number().positive() }).strict(),
  /** Dates or timestamps at most this many days apart. */
  z.object({ withinDays: z.number().int().positive() }).strict(),
  /**
   * This record's value equals the other record's value of this (compared) column: a name written
   * in the wrong field. The other column's comparison asks the converse, so a pair with one name
   * swapped (the other mistyped or missing) counts the swap once, and a pair with both swapped in
   * both comparisons.
   */
  z.object({ swappedWith: z.string().min(1) }).strict(),
]);
export type Level = z.output<typeof levelSchema>;

export const comparisonSchema = z
  .object({
    /** A column the model selects. */
    column: z.string().min(1),
    /** Words for explanations ("first name"); defaults to the column name. */
    label: z.string().min(1).optional(),
    levels: z.array(levelSchema).min(1),
    /**
     * Weigh an exact agreement by how rare the value is: two records sharing "Zebedee" say more
     * than two sharing "John". Needs an `exact` level.
     */
    termFrequency: z.boolean().default(false),
  })
  .strict();
export type Comparison = z.output<typeof comparisonSchema>;

/** A list of SQL expressions over one record that must all be equal (and non-null) in both records. */
const ruleSchema = z.array(z.string().min(1)).min(1);

export const matchSettingsSchema = z
  .object({
    /**
     * Blocking rules: only pairs agreeing on at least one rule are compared. Each rule is a list of
     * SQL expressions over the record's columns, e.g. `["last_name", "substr(first_name, 1, 1)"]`.
     */
    blocking: z.array(ruleSchema).min(1),
    /**
     * Rules that fill the pair budget: applied after `blocking`'s, in order, each only while the
     * pairs of every rule applied so far (as the budget counts them) stay within `pairBudget`; the
     * first that would pass it, and all after it, are left out of that run. Small data gets them
     * all, large data none, with the same settings. Order them by the true pairs each adds per pair
     * it makes: a run applies a prefix of the list. Training (`trainingBlocking`) never uses them.
     */
    optionalBlocking: z.array(ruleSchema).optional(),
    comparisons: z.array(comparisonSchema).min(1),
    /**
     * The blocking rules whose pairs train m (one expectation-maximisation session each); by
     * default every rule. Rules of whole values, where a good share of the pairs are matches,
     * train m closer to the truth than loose ones (prefixes), whose pairs are mostly different
     * people who share a little. Each must be one of `blocking`'s rules.
     */
    trainingBlocking: z.array(ruleSchema).min(1).optional(),
    /**
     * Which pairs are compared. `dedupe_only` (the default): any two records. `link_only`: only
     * records of different sources (the `sourceColumn`), for linking sources that are each free of
     * duplicates; a record whose source is NULL is never compared. `link_and_dedupe`: any two
     * records, the output saying each record's source.
     */
    linkType: z.enum(["dedupe_only", "link_only", "link_and_dedupe"]).default("dedupe_only"),
    /** The column naming each record's source; needed by `link_only` and `link_and_dedupe`. */
    sourceColumn: z.string().min(1).optional(),
    /** Pairs with a match probability at least this are written (and become stitch edges). */
    threshold: z.number().gt(0).lt(1).default(0.9),
    /**
     * The most pairs blocking may produce, counted per rule from block sizes before pairs are
     * built: `blocking`'s rules over it fail the model; `optionalBlocking`'s fill what is left.
     */
    pairBudget: z.number().int().positive().default(50_000_000),
    /**
     * The prior probability that two random records are the same person. `{ rules, recall }`:
     * estimated from deterministic rules (pairs agreeing on every expression of one rule are
     * counted as matches, `recall` the share of all matches they find). `{ probability }`: stated.
     * Without it: estimated by expectation-maximisation over all pairs (m and u fixed): the blocked
     * pairs counted in full, the rest through the random pairs that no blocking rule finds.
     */
    prior: z
      .union([
        z.object({ probability: z.number().gt(0).lt(1) }).strict(),
        z.object({ rules: z.array(ruleSchema).min(1), recall: z.number().gt(0).max(1) }).strict(),
      ])
      .optional(),
    /** Random record pairs sampled to estimate u (how often non-matches agree by chance). */
    uSamplePairs: z.number().int().positive().default(1_000_000),
    /** Seed of the random sample: the same data and seed give the same parameters. */
    seed: z.number().int().min(0).default(42),
    /** Expectation-maximisation stops after this many iterations or when m moves less than 1e-6. */
    maxIterations: z.number().int().positive().default(100),
    /**
     * Reuse the parameters saved by an earlier run (table `<model>__match_params`) when the
     * settings have not changed, instead of training again.
     */
    reuseParameters: z.boolean().default(false),
    /**
     * Compare only the records that are new or changed since the last run (with every record),
     * keep the pairs between the others, and score with the saved parameters; the first run,
     * `--full-refresh` and changed settings match everything.
     */
    incremental: z.boolean().default(false),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.linkType !== "dedupe_only" && !s.sourceColumn) {
      ctx.addIssue({
        code: "custom",
        path: ["sourceColumn"],
        message: `linkType "${s.linkType}" needs a sourceColumn: the column naming each record's source`,
      });
    }
    s.comparisons.forEach((c, i) => {
      if (c.termFrequency && !c.levels.some((l) => "exact" in l)) {
        ctx.addIssue({
          code: "custom",
          path: ["comparisons", i, "termFrequency"],
          message: `termFrequency on ${c.column} needs an { exact: true } level`,
        });
      }
    });
    const compared = new Set(s.comparisons.map((c) => c.column));
    s.comparisons.forEach((c, i) => {
      c.levels.forEach((l, j) => {
        if ("swappedWith" in l && (!compared.has(l.swappedWith) || l.swappedWith === c.column)) {
          ctx.addIssue({
            code: "custom",
            path: ["comparisons", i, "levels", j, "swappedWith"],
            message: `swappedWith names another compared column (${[...compared].filter((x) => x !== c.column).join(", ")}), not "${l.swappedWith}"`,
          });
        }
      });
    });
    const rules = new Set(s.blocking.map((r) => JSON.stringify(r)));
    const optional = (s.optionalBlocking ?? []).map((r) => JSON.stringify(r));
    optional.forEach((key, i) => {
      const twice = rules.has(key) ? "blocking" : optional.indexOf(key) < i ? "optionalBlocking" : undefined;
      if (twice) {
        ctx.addIssue({
          code: "custom",
          path: ["optionalBlocking", i],
          message: `[${s.optionalBlocking![i]!.join(", ")}] is already a rule of ${twice}: each rule once`,
        });
      }
    });
    s.trainingBlocking?.forEach((rule, i) => {
      if (rules.has(JSON.stringify(rule))) return;
      const j = optional.indexOf(JSON.stringify(rule));
      ctx.addIssue({
        code: "custom",
        path: ["trainingBlocking", i],
        message:
          j >= 0
            ? `[${rule.join(", ")}] is optionalBlocking[${j}], applied only while the data is small enough: trainingBlocking names rules of blocking, applied on any data, so that training does not change with the data's size`
            : `[${rule.join(", ")}] is not one of the blocking rules: trainingBlocking names the blocking rules whose pairs train m`,
      });
    });
    const seen = new Set<string>();
    for (const c of s.comparisons) {
      if (seen.has(c.column)) {
        ctx.addIssue({ code: "custom", path: ["comparisons"], message: `${c.column} is compared twice` });
      }
      seen.add(c.column);
    }
  });

export type MatchSettings = z.output<typeof matchSettingsSchema>;
/** What users write (defaults may be left out). */
export type MatchSettingsInput = z.input<typeof matchSettingsSchema>;

/** Words for a level, as explanations print it. */
export function describeLevel(level: Level | "else" | "null"): string {
  if (level === "else") return "differ";
  if (level === "null") return "missing on one side";
  if ("exact" in level) return "exactly equal";
  if ("jaroWinkler" in level) return `similar (Jaro-Winkler >= ${level.jaroWinkler})`;
  if ("levenshtein" in level)
    return `within ${level.levenshtein} typo${level.levenshtein === 1 ? "" : "s"} (Levenshtein <= ${level.levenshtein})`;
  if ("within" in level) return `within ${level.within} of each other`;
  if ("swappedWith" in level) return `swapped with ${level.swappedWith}`;
  return `within ${level.withinDays} day${level.withinDays === 1 ? "" : "s"}`;
}
