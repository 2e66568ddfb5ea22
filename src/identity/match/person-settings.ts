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
export const PERSON_MATCH_SETTINGS: MatchSettingsInput = {
  // Each rule keeps blocks small on millions of records; together they reach the pairs that share
  // a name and a birth year or birthday (a typo in the other part), a postcode or town and a name,
  // or one strong identifier. Rules read compared columns as text, so `substr(dob, 1, 4)` is the
  // birth year whether dob is text or a date.
  blocking: [
    // Both names, in either order (first and last name swapped).
    [
      "CASE WHEN first_name < last_name THEN first_name ELSE last_name END",
      "CASE WHEN first_name < last_name THEN last_name ELSE first_name END",
    ],
    ["dob"],
    ["email"],
    ["phone"],
    ["national_id"],
    ["last_name", "substr(dob, 1, 4)"],
    ["first_name", "substr(dob, 1, 4)"],
    ["last_name", "substr(dob, 6, 5)"],
    ["first_name", "substr(dob, 6, 5)"],
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
      levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 2 }],
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
