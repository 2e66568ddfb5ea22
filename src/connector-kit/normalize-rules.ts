/**
 * The normalisation rules each ad platform documents, one table per platform, each rule beside
 * the document that states it. `normalize-hash.ts` implements exactly these and nothing more: a
 * rule a platform does not document would make our hash differ from the one it computes from
 * the same value. The test vectors (test/unit/normalize-hash.test.ts) cite the same documents.
 */
export interface NormalizationRule {
  /** The value the rule applies to. */
  field: "email" | "phone" | "first_name" | "last_name" | "city" | "state" | "postal_code" | "country";
  rule: string;
  /** The platform's document stating the rule. */
  source: string;
  /** Where the document is ambiguous or has changed, what we follow and why. */
  note?: string;
}

const GOOGLE_FORMATTING = "https://developers.google.com/data-manager/api/devguides/concepts/formatting";
const META_HASHING =
  "https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences#hash";
const META_CAPI =
  "https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters";

/** Google (Data Manager API and Google Ads Customer Match: the same "Format user data" rules). */
export const GOOGLE_NORMALIZATION: readonly NormalizationRule[] = [
  {
    field: "email",
    rule: "trim leading, trailing and intermediate whitespace; lowercase",
    source: GOOGLE_FORMATTING,
  },
  {
    field: "email",
    rule: "gmail.com and googlemail.com only: remove every dot (.) before the @; other domains keep their dots and plus signs",
    source: GOOGLE_FORMATTING,
    note: "Copies of the page differ on a '+tag' rule for gmail (some also strip '+' and what follows, e.g. the es/pl copies; the es-419 copy on developers.google.cn has the dots rule alone); we apply only the dots rule, which every copy states, and do not strip +tags",
  },
  {
    field: "phone",
    rule: "E.164: the plus sign and country code, digits only after it ((800)555-0100 → +18005550100); trim whitespace",
    source: GOOGLE_FORMATTING,
  },
  {
    field: "first_name",
    rule: "lowercase; no prefixes such as Mrs.; trim leading and trailing whitespace",
    source: GOOGLE_FORMATTING,
  },
  {
    field: "last_name",
    rule: "lowercase; no suffixes such as Jr.; trim leading and trailing whitespace",
    source: GOOGLE_FORMATTING,
  },
  { field: "country", rule: "ISO-3166-1 alpha-2 code, not hashed", source: GOOGLE_FORMATTING },
  { field: "postal_code", rule: "not hashed; US: 5 digits or ZIP+4", source: GOOGLE_FORMATTING },
];

/** Meta (customer-file Custom Audiences; Conversions API for the printed vectors). */
export const META_NORMALIZATION: readonly NormalizationRule[] = [
  { field: "email", rule: "trim leading and trailing whitespace; lowercase", source: META_HASHING },
  {
    field: "phone",
    rule: "digits only, with the country code, no leading + or zeros (US (650)555-1212 → 16505551212)",
    source: META_CAPI,
  },
  {
    field: "first_name",
    rule: "lowercase, no punctuation; special characters in UTF-8",
    source: META_HASHING,
  },
  {
    field: "last_name",
    rule: "lowercase, no punctuation; special characters in UTF-8",
    source: META_HASHING,
  },
  {
    field: "city",
    rule: "lowercase, no punctuation, no special characters, no spaces",
    source: META_HASHING,
  },
  {
    field: "state",
    rule: "US: 2-letter ANSI abbreviation, lowercase; elsewhere lowercase, no punctuation or spaces",
    source: META_HASHING,
  },
  {
    field: "postal_code",
    rule: "lowercase, no spaces, no dash; US: first 5 digits; UK: area, district and sector",
    source: META_HASHING,
  },
  { field: "country", rule: "ISO-3166-1 alpha-2, lowercase", source: META_HASHING },
];
