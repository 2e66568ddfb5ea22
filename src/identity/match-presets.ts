import { type MatchSettings, matchSettingsSchema } from "./match-settings.ts";

/**
 * The recommended starting point for person records, over one record shape: `record_id`,
 * `first_name`, `last_name`, `dob` (text YYYY-MM-DD or a date), `email`, `phone`, `postcode`,
 * `city`, `address`, `national_id`. A model selects what it has and NULL for the rest: a
 * comparison whose column is always NULL weighs nothing. Copy it into cdp.config.ts
 * (`identity.match.people`) and adapt; it is not tuned to any one data set.
 */
export const PERSON_SETTINGS_INPUT = {
  blocking: [
    ["first_name", "last_name"],
    ["dob"],
    ["email"],
    ["phone"],
    ["national_id"],
    ["postcode", "substr(first_name, 1, 1)"],
    ["city", "last_name"],
  ],
  comparisons: [
    {
      column: "first_name",
      label: "first name",
      levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    {
      column: "last_name",
      label: "last name",
      levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    {
      column: "dob",
      label: "date of birth",
      levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 2 }],
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
} as const;

export const PERSON_SETTINGS: MatchSettings = matchSettingsSchema.parse(PERSON_SETTINGS_INPUT);
