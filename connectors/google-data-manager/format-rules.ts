import { createHash } from "node:crypto";
import {
  normalizeCountryCode,
  normalizePhoneE164,
  preHashed,
  toText,
} from "../../src/connector-kit/index.ts";

/**
 * Google's formatting rules for the Data Manager API's `UserIdentifier` values, one entry per
 * value, each with the document it comes from. A member matches only when its values are
 * normalised exactly as Google normalises its own users' data before hashing.
 *
 * FORMAT: "Format user data", https://developers.google.com/data-manager/api/devguides/concepts/formatting
 * PROTO: googleapis/googleapis, google/ads/datamanager/v1/user_data.proto (AddressInfo, UserIdentifier)
 */
export const DATA_MANAGER_RULES = {
  email: {
    rule: "whitespace removed (leading, trailing, intermediate), lowercased; for gmail.com and googlemail.com only, every dot before @ removed and a + with all that follows it removed; other domains keep dots and + tags",
    source:
      'FORMAT, email_address: "cloudy.sanfrancisco+shopping@gmail.com → cloudysanfrancisco@gmail.com", "user.name+NYC@Example.com → user.name+nyc@example.com"',
    hashed: true,
  },
  phone: {
    rule: "E.164: a + then the country code and digits only",
    source: 'FORMAT, phone_number: "(800)555-0100 … normalized to +18005550100"; PROTO: "(E164 standard)"',
    hashed: true,
  },
  givenName: {
    rule: "lowercased, punctuation removed, no prefixes such as Mrs., leading and trailing whitespace trimmed",
    source:
      'FORMAT, given_name: "Don\'t include prefixes such as Mrs."; PROTO AddressInfo.given_name: "all lowercase, with no punctuation, no leading or trailing whitespace"',
    hashed: true,
  },
  familyName: {
    rule: "lowercased, punctuation removed, no suffixes such as Jr., leading and trailing whitespace trimmed",
    source:
      'FORMAT, family_name: "Don\'t include suffixes such as Jr."; PROTO AddressInfo.family_name: same as given_name',
    hashed: true,
  },
  regionCode: {
    rule: "ISO-3166-1 alpha-2, not hashed",
    source:
      'FORMAT, region_code: "Don\'t hash region_code"; PROTO: "2-letter region code in ISO-3166-1 alpha-2"',
    hashed: false,
  },
  postalCode: {
    rule: "not hashed; US: 5 digits, or 5 digits and a 4-digit extension; elsewhere as written, trimmed",
    source:
      'FORMAT, postal_code: "For US addresses, use either 5 digits or 5 digits followed by a 4-digit extension"; "Don\'t hash postal_code"',
    hashed: false,
  },
  hashing: {
    rule: "SHA-256 of the UTF-8 normalised value, the digest bytes encoded as the request's `encoding` (HEX or BASE64)",
    source:
      'FORMAT: "Hash using the SHA-256 algorithm. Encode the hash bytes using hex or Base64 encoding."; ingestion_service.proto: Encoding { HEX = 1; BASE64 = 2; }',
    hashed: true,
  },
} as const;

export type Encoding = "HEX" | "BASE64";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GOOGLE_MAIL = new Set(["gmail.com", "googlemail.com"]);

/** Email by DATA_MANAGER_RULES.email; null when not shaped like an address. */
export function formatEmail(value: unknown): string | null {
  const text = toText(value);
  if (text === null) return null;
  const email = text.replace(/\s+/g, "").toLowerCase();
  if (!EMAIL.test(email)) return null;
  const at = email.lastIndexOf("@");
  const domain = email.slice(at + 1);
  if (!GOOGLE_MAIL.has(domain)) return email;
  const local = email.slice(0, at).split("+")[0]!.replace(/\./g, "");
  return local ? `${local}@${domain}` : null;
}

/** Phone by DATA_MANAGER_RULES.phone (libphonenumber-js through the kit); null when not a valid number. */
export function formatPhone(value: unknown, defaultCountry?: string): string | null {
  return normalizePhoneE164(value, defaultCountry);
}

const PUNCTUATION = /[\p{P}\p{S}]/gu;
// Honorifics and generational or academic suffixes, as written before normalising ("Mrs.", "Jr.").
const PREFIXES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"]);

function formatName(value: unknown, drop: ReadonlySet<string>, at: "first" | "last"): string | null {
  const text = toText(value);
  if (text === null) return null;
  const words = text.toLowerCase().replace(PUNCTUATION, "").split(/\s+/).filter(Boolean);
  // A prefix or suffix goes only when a name is left without it ("Dr" alone is someone's name).
  if (words.length > 1) {
    const edge = at === "first" ? words[0]! : words[words.length - 1]!;
    if (drop.has(edge)) at === "first" ? words.shift() : words.pop();
  }
  const name = words.join(" ");
  return name === "" ? null : name;
}

/** Given name by DATA_MANAGER_RULES.givenName. */
export const formatGivenName = (value: unknown) => formatName(value, PREFIXES, "first");
/** Family name by DATA_MANAGER_RULES.familyName. */
export const formatFamilyName = (value: unknown) => formatName(value, SUFFIXES, "last");

/** Region code by DATA_MANAGER_RULES.regionCode ("uk", "United Kingdom" → "GB"); null when unknown. */
export function formatRegionCode(value: unknown): string | null {
  return normalizeCountryCode(value, { platform: "google" });
}

/** Postal code by DATA_MANAGER_RULES.postalCode, read in its region. */
export function formatPostalCode(value: unknown, regionCode: string | null): string | null {
  const text = toText(value);
  if (text === null) return null;
  const us = /^(\d{5})(?:[-\s]?(\d{4}))?$/.exec(text.replace(/\s+/g, ""));
  if (us && (regionCode === null || regionCode === "US")) return us[2] ? `${us[1]}-${us[2]}` : us[1]!;
  if (regionCode === "US") return null;
  return text.replace(/\s+/g, " ");
}

/** SHA-256 of a normalised value, encoded as the request declares (DATA_MANAGER_RULES.hashing). */
export function hashValue(normalised: string, encoding: Encoding): string {
  const digest = createHash("sha256").update(normalised, "utf8").digest();
  return encoding === "HEX" ? digest.toString("hex") : digest.toString("base64");
}

/**
 * A hashed identifier from a field: a value hashed in the warehouse already (64 hex digits) is
 * re-encoded, never hashed again; anything else is normalised by `format` and hashed. Null when
 * empty or unusable.
 */
export function hashedField(
  value: unknown,
  format: (v: unknown) => string | null,
  encoding: Encoding,
): string | null {
  const digest = preHashed(value);
  if (digest !== null) return encoding === "HEX" ? digest : Buffer.from(digest, "hex").toString("base64");
  const normalised = format(value);
  return normalised === null ? null : hashValue(normalised, encoding);
}
