// A type-only import: erased when compiled, so this module still loads with no package.
import type { MatchSettingsInput } from "./settings.ts";

/**
 * The recommended starting point for person records, over one record shape: `record_id`,
 * `first_name`, `last_name`, `dob` (text YYYY-MM-DD or a date), `email`, `phone`, `postcode`,
 * `city`, `address`, `national_id`. A model selects what it has and NULL for the rest: a
 * comparison whose column is always NULL weighs nothing. Not tuned to any one data set.
 *
 * Data only, no imports: `cdp.config.ts` reads it through the "cdp" config API, which must load
 * without any package installed.
 *
 * @example
 * import { PERSON_MATCH_SETTINGS } from "cdp";
 * identity: { match: { people: { ...PERSON_MATCH_SETTINGS, threshold: 0.95 } } }
 */
/** Both names, in either order (first name and last name swapped). */
const BOTH_NAMES = [
  "CASE WHEN first_name < last_name THEN first_name ELSE last_name END",
  "CASE WHEN first_name < last_name THEN last_name ELSE first_name END",
];

export const PERSON_MATCH_SETTINGS: MatchSettingsInput = {
  // Multi-pass blocking: a pair is compared when it agrees on any rule. A person's records carry
  // typos, swapped and missing values, so no one key survives them all: each rule pairs one part of
  // a record with another part of a different field, and a typo in one part leaves the rules over
  // the other parts. Rules read compared columns as text, so `substr(dob, 1, 4)` is the birth year
  // whether dob is text or a date. The prefix rules are sized for up to about 100,000 records
  // (about 17M pairs at 50,000 noisy person records, within the default budget of 50M); on
  // millions, keep the rules of whole values and drop the prefix rules, or raise pairBudget.
  blocking: [
    BOTH_NAMES,
    // One strong key alone.
    ["dob"],
    ["email"],
    ["phone"],
    ["national_id"],
    // A name with the birth year, or with the birthday (a typo in the other part of the date).
    ["last_name", "substr(dob, 1, 4)"],
    ["first_name", "substr(dob, 1, 4)"],
    ["last_name", "substr(dob, 6, 5)"],
    ["first_name", "substr(dob, 6, 5)"],
    // Where they live, with a name.
    ["postcode", "last_name"],
    ["postcode", "first_name"],
    ["city", "last_name"],
    ["city", "first_name"],
    // A name's first two letters (typos fall mostly later in a word) with one part of the birth
    // date: year, month or day, so a date wrong in two parts still meets the third.
    ["substr(first_name, 1, 2)", "substr(dob, 1, 4)"],
    ["substr(last_name, 1, 2)", "substr(dob, 1, 4)"],
    ["substr(first_name, 1, 2)", "substr(dob, 6, 2)"],
    ["substr(last_name, 1, 2)", "substr(dob, 6, 2)"],
    ["substr(first_name, 1, 2)", "substr(dob, 9, 2)"],
    ["substr(last_name, 1, 2)", "substr(dob, 9, 2)"],
    // The town's first two letters with a part of the birth date,
    // for records whose names are missing or mistyped.
    ["substr(city, 1, 2)", "substr(dob, 1, 4)"],
    ["substr(city, 1, 2)", "substr(dob, 6, 2)"],
    ["substr(city, 1, 2)", "substr(dob, 9, 2)"],
    // Prefixes of two fields together, for records with no date of birth or one wrong in every part.
    ["substr(first_name, 1, 2)", "substr(city, 1, 2)"],
    ["substr(last_name, 1, 2)", "substr(city, 1, 2)"],
    ["substr(first_name, 1, 2)", "substr(last_name, 1, 2)"],
  ],
  // m is trained on the rules of whole values only (Splink's advice for its EM training rules:
  // strict rules, whose pairs are largely matches). The prefix rules find a few more of one
  // person's records, but their pairs are mostly different people who share two letters and a
  // year, and EM over them takes one person's records that disagree for two people: it put a name
  // swapped or mistyped beyond recognition at half its true m on fake_1000 without e-mail.
  trainingBlocking: [
    BOTH_NAMES,
    ["dob"],
    ["email"],
    ["phone"],
    ["national_id"],
    ["postcode", "last_name"],
    ["postcode", "first_name"],
    ["city", "last_name"],
    ["city", "first_name"],
  ],
  comparisons: [
    {
      column: "first_name",
      label: "first name",
      levels: [{ exact: true }, { swappedWith: "last_name" }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    {
      column: "last_name",
      label: "last name",
      levels: [{ exact: true }, { swappedWith: "first_name" }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    {
      column: "dob",
      label: "date of birth",
      // Up to three edits: a date wrong in two of its parts (a month and a day off, 2004-11-26 /
      // 2004-12-28) is still likelier for one person than for two (on Splink's fake_1000, one
      // random pair in 14 comes that close, and one in 6 pairs of one person's records), so it is
      // a level of its own rather than "differ".
      levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 2 }, { levenshtein: 3 }],
      // Birth dates bunch (1 January, placeholder dates, a cohort): a shared rare one says more.
      termFrequency: true,
    },
    { column: "email", label: "email", levels: [{ exact: true }, { levenshtein: 2 }] },
    { column: "phone", label: "phone", levels: [{ exact: true }, { levenshtein: 1 }] },
    { column: "postcode", label: "postcode", levels: [{ exact: true }, { levenshtein: 1 }] },
    { column: "city", label: "city", levels: [{ exact: true }, { jaroWinkler: 0.9 }], termFrequency: true },
    {
      column: "address",
      label: "address",
      levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
    },
    {
      column: "national_id",
      label: "national id",
      levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 2 }],
    },
  ],
  threshold: 0.9,
};
