// A type-only import: erased when compiled, so this module still loads with no package.
import type { MatchSettingsInput } from "./settings.ts";

/** Both names, in either order (first name and last name swapped). */
export const BOTH_NAMES = [
  "CASE WHEN first_name < last_name THEN first_name ELSE last_name END",
  "CASE WHEN first_name < last_name THEN last_name ELSE first_name END",
];
/**
 * Either name, wherever it was written: the first of the two names in alphabetical order and the
 * second, a record with one name giving it as both. A person's name then keys their records
 * whether it was written as first name or surname (swapped on some records) and whether the other
 * name is there at all (missing on a sixth of such records): Smith / John, (none) / Smith and
 * John / Smith all give Smith as one of the two.
 */
export const NAME_A =
  "CASE WHEN first_name IS NULL OR last_name < first_name THEN last_name ELSE first_name END";
export const NAME_B =
  "CASE WHEN first_name IS NULL OR last_name > first_name THEN last_name ELSE first_name END";
/** Parts of the birth date, read as text (YYYY-MM-DD): year, decade, month, birthday (MM-DD). */
const YEAR = "substr(dob, 1, 4)";
const DECADE = "substr(dob, 1, 3)";
const MONTH = "substr(dob, 6, 2)";
const BIRTHDAY = "substr(dob, 6, 5)";
const prefix = (expr: string, letters: number) => `substr(${expr}, 1, ${letters})`;

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
export const PERSON_MATCH_SETTINGS: MatchSettingsInput = {
  // Multi-pass blocking: a pair is compared when it agrees on any rule. A person's records carry
  // typos, swapped and missing values, so no one key survives them all: each rule pairs one part of
  // a record with a part of another field, and an error in one part leaves the rules over the
  // others. Rules read compared columns as text, so `substr(dob, 1, 4)` is the birth year whether
  // dob is text or a date. Chosen by the true pairs each finds that the others miss, per pair it
  // makes (bench/match-blocking.ts); sized for up to about 100,000 records (about 8M pairs at
  // 50,000 noisy person records, 26M at 100,000, within the default budget of 50M). On millions,
  // keep the rules of whole values (both names, the date, the ids, either name with the town, the
  // year or the birthday: about 64M pairs at 1M) with a pairBudget to match, and drop the others.
  blocking: [
    BOTH_NAMES,
    // One strong key alone.
    ["dob"],
    ["email"],
    ["phone"],
    ["national_id"],
    ["postcode", "last_name"],
    ["postcode", "first_name"],
    // Either name, in whichever field (or the only one given), with the town or a part of the
    // birth date: each part of the date on its own, so a date wrong in one part meets another.
    [NAME_A, "city"],
    [NAME_B, "city"],
    [NAME_A, YEAR],
    [NAME_B, YEAR],
    [NAME_A, BIRTHDAY],
    [NAME_B, BIRTHDAY],
    [NAME_A, MONTH],
    [NAME_B, MONTH],
    [NAME_A, DECADE],
    [NAME_B, DECADE],
    // The first letters of names (typos fall mostly later in a word), with each other, the birth
    // year or month, or the town's first letters.
    [prefix("first_name", 3), prefix("last_name", 3)],
    [prefix("first_name", 2), prefix("last_name", 2)],
    [prefix(NAME_A, 3), YEAR],
    [prefix(NAME_B, 3), YEAR],
    [prefix(NAME_A, 3), MONTH],
    [prefix(NAME_B, 3), MONTH],
    [prefix("first_name", 2), prefix("city", 2)],
    [prefix("last_name", 2), prefix("city", 2)],
    [NAME_A, prefix("city", 2)],
    [NAME_B, prefix("city", 2)],
    // The town, for records whose names are missing or mistyped: with a name's first letters or a
    // part of the birth date, or its first letters with the date's.
    ["city", prefix("last_name", 2)],
    ["city", prefix("first_name", 2)],
    ["city", YEAR],
    ["city", BIRTHDAY],
    ["city", MONTH],
    ["city", DECADE],
    [prefix("city", 2), "substr(dob, 1, 7)"],
    [prefix("city", 2), BIRTHDAY],
    [prefix("city", 3), YEAR],
    // The last two letters with the birth year: a typo in a word's first letters leaves its end.
    ["right(first_name, 2)", YEAR],
    ["right(last_name, 2)", YEAR],
    ["right(city, 2)", YEAR],
    // The birthday in the decade: the year mistyped, neither name nor town to go with.
    [BIRTHDAY, DECADE],
  ],
  // Applied in this order while the pairs of all the rules stay within the pair budget: all of
  // them on up to about 50,000 noisy person records, fewer above, none on millions. Rules of one
  // field (a name, the town, the year and month) find the pairs whose other fields are all wrong,
  // but their pairs grow with the square of the records. The order is the greedy one at 50,000
  // generated records (bench/match-blocking.ts: the true pairs each adds to the rules before it,
  // per pair it makes); together they take blocking recall there from 91.2% to 95.3%.
  optionalBlocking: [
    [prefix(NAME_A, 3), prefix(NAME_B, 3)],
    ["last_name"],
    ["substr(dob, 1, 7)"],
    ["first_name"],
    [prefix("city", 2), MONTH],
    ["city"],
    [YEAR, "substr(dob, 9, 2)"],
    [prefix("first_name", 1), prefix("last_name", 1), MONTH],
    [prefix("last_name", 2), "substr(dob, 9, 2)"],
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
    [NAME_A, "city"],
    [NAME_B, "city"],
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
