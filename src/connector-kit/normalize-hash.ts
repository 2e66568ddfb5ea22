import { createHash } from "node:crypto";
import { type CountryCode, getCountries, parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Normalising and hashing of customer data for ad platforms (Meta Custom Audiences, Google Ads
 * Customer Match and enhanced conversions). A value matches only when we normalise it exactly as
 * the platform does before hashing, so each rule cites the platform's documentation, and the
 * places where the platforms differ take a `platform` option. The rules, each with its document,
 * are in `normalize-rules.ts` (GOOGLE_NORMALIZATION, META_NORMALIZATION); in short:
 *
 * | value    | Meta (customer file / Conversions API)            | Google (Customer Match, Data Manager) |
 * | -------- | ------------------------------------------------- | ------------------------------------- |
 * | email    | trim, lowercase                                    | same, plus gmail.com/googlemail.com: dots removed before "@" (no +tag stripping) |
 * | phone    | digits only, country code first: `16505551212`    | E.164 with the plus: `+16505551212`   |
 * | names    | lowercase, no punctuation, no spaces, UTF-8 letters | lowercase, trimmed (inner spaces kept), no punctuation |
 * | postal   | lowercase, no spaces; US: 5 digits; UK: area/district/sector | trimmed; US 5 digits or ZIP+4; not hashed |
 * | country  | ISO-3166-1 alpha-2 lowercase, hashed               | ISO-3166-1 alpha-2 uppercase, not hashed |
 *
 * Every `normalize*` returns null for a value that is empty or unusable, so callers can leave it
 * out instead of sending a hash of garbage. `hashed()` passes through values that are already
 * SHA-256 hex (from the sync's `sha256` transform in the warehouse) and never hashes twice.
 *
 * @example
 * hashed(normalizeEmail(" John_Smith@gmail.com ")) // "62a14e44…0f62f"
 * hashed(normalizePhone("(650)555-1212", { defaultCountry: "US", platform: "meta" })) // "e323ec62…b3176"
 */

export type Platform = "meta" | "google";

export interface NormalizeOptions {
  /** Whose rules to follow where the platforms differ (default "meta"). */
  platform?: Platform;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ANY_CASE_SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** True for exactly 64 lowercase hex characters: the form both platforms accept for a hash. */
export function isSha256Hex(text: string): boolean {
  return SHA256_HEX.test(text);
}

/**
 * The SHA-256 of a normalised value, or the value itself when it already is a SHA-256 hex digest
 * (never hashed twice). Null stays null.
 */
export function hashed(value: string | null): string | null {
  if (value === null) return null;
  return isSha256Hex(value) ? value : sha256Hex(value);
}

/**
 * A raw warehouse value that was hashed before it reached us (64 hex digits, any case: BigQuery's
 * TO_HEX and DuckDB's sha256 give lowercase, other tools uppercase), lowercased; else null. Check
 * this before normalising: a digest is not an email, and normalising would throw it away.
 */
export function preHashed(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const t = value.trim();
  return ANY_CASE_SHA256_HEX.test(t) ? t.toLowerCase() : null;
}

/** The value as trimmed text (NFC, so "é" typed two ways hashes the same); null when empty. */
export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "bigint" || typeof value === "boolean") text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : value.toISOString();
  else return null;
  const t = text.normalize("NFC").trim();
  return t === "" ? null : t;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * Email: whitespace removed, lowercased; null when it is not shaped like an address.
 * Google (GOOGLE_NORMALIZATION): for gmail.com and googlemail.com, the dots of the local part
 * are removed, and nothing else: a "+tag" stays, as for every other domain. Meta asks only for
 * trim and lowercase.
 */
export function normalizeEmail(value: unknown, options: NormalizeOptions = {}): string | null {
  const text = toText(value);
  if (text === null) return null;
  const email = text.replace(/\s+/g, "").toLowerCase();
  if (!EMAIL.test(email)) return null;
  if (options.platform !== "google") return email;
  const at = email.lastIndexOf("@");
  const domain = email.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return email;
  const local = email.slice(0, at).replace(/\./g, "");
  return local ? `${local}@${domain}` : null;
}

/**
 * Phone in E.164 ("+14155552671"), read with libphonenumber-js (full metadata, so numbers that
 * cannot exist are refused). `defaultCountry` (ISO-2, e.g. "US") reads numbers written nationally;
 * without it a number must carry its country code ("+44…", "0044…" or digits starting with the
 * code). Null when not a valid number.
 */
export function normalizePhoneE164(value: unknown, defaultCountry?: string): string | null {
  const text = toText(value);
  if (text === null) return null;
  const country = normalizeCountryCode(defaultCountry, { platform: "google" }) as CountryCode | null;
  let input = text.replace(/\(0\)/g, "");
  const compact = input.replace(/[^0-9+]/g, "");
  if (compact.startsWith("00")) input = `+${compact.slice(2)}`;
  else if (!compact.startsWith("+") && !country) input = `+${compact}`;
  try {
    const phone = country ? parsePhoneNumberFromString(input, country) : parsePhoneNumberFromString(input);
    return phone?.isValid() ? phone.number : null;
  } catch {
    return null;
  }
}

/**
 * Phone as each platform hashes it: Meta wants digits only with the country code and no "+"
 * ("16505551212"); Google wants E.164 with the "+".
 */
export function normalizePhone(
  value: unknown,
  options: NormalizeOptions & { defaultCountry?: string } = {},
): string | null {
  const e164 = normalizePhoneE164(value, options.defaultCountry);
  if (e164 === null) return null;
  return options.platform === "google" ? e164 : e164.slice(1);
}

const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]/gu;

/**
 * First or last name: lowercase, punctuation and symbols removed, letters of every script and
 * their combining marks kept ("Valéry" → "valéry", "정" → "정"). Meta ("a-z only… no
 * punctuation… special characters in UTF-8") also removes spaces; Google keeps single spaces
 * between words.
 */
export function normalizeName(value: unknown, options: NormalizeOptions = {}): string | null {
  const text = toText(value);
  if (text === null) return null;
  const cleaned = text.toLowerCase().replace(PUNCTUATION_OR_SYMBOL, "");
  const name =
    options.platform === "google" ? cleaned.replace(/\s+/g, " ").trim() : cleaned.replace(/\s+/g, "");
  return name === "" ? null : name;
}

/** First initial (Meta FI): the first letter of the normalised first name. */
export function normalizeFirstInitial(value: unknown): string | null {
  const name = normalizeName(value);
  return name === null ? null : [...name][0]!;
}

/**
 * City (Meta CT): lowercase with no punctuation, symbols, digits or spaces ("Menlo Park" →
 * "menlopark"); letters of every script kept.
 */
export function normalizeCity(value: unknown): string | null {
  const text = toText(value);
  if (text === null) return null;
  const city = text.toLowerCase().replace(/[\p{P}\p{S}\p{N}\s]/gu, "");
  return city === "" ? null : city;
}

/** US states, DC and territories by name → their 2-letter ANSI (USPS) code. */
const US_STATES: Record<string, string> = Object.fromEntries(
  [
    "alabama=al alaska=ak arizona=az arkansas=ar california=ca colorado=co connecticut=ct",
    "delaware=de districtofcolumbia=dc florida=fl georgia=ga hawaii=hi idaho=id illinois=il",
    "indiana=in iowa=ia kansas=ks kentucky=ky louisiana=la maine=me maryland=md massachusetts=ma",
    "michigan=mi minnesota=mn mississippi=ms missouri=mo montana=mt nebraska=ne nevada=nv",
    "newhampshire=nh newjersey=nj newmexico=nm newyork=ny northcarolina=nc northdakota=nd ohio=oh",
    "oklahoma=ok oregon=or pennsylvania=pa rhodeisland=ri southcarolina=sc southdakota=sd",
    "tennessee=tn texas=tx utah=ut vermont=vt virginia=va washington=wa westvirginia=wv wisconsin=wi",
    "wyoming=wy puertorico=pr guam=gu americansamoa=as virginislands=vi usvirginislands=vi",
    "northernmarianaislands=mp",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => pair.split("=") as [string, string]),
);

/**
 * State or province (Meta ST): lowercase, no punctuation, symbols, digits or spaces. In the US
 * (country "us" or unknown) a full state name becomes its 2-letter code ("California" → "ca"),
 * as Meta asks for the ANSI abbreviation there.
 */
export function normalizeState(value: unknown, country?: string): string | null {
  const text = toText(value);
  if (text === null) return null;
  const state = text.toLowerCase().replace(/[\p{P}\p{S}\p{N}\s]/gu, "");
  if (state === "") return null;
  const c = normalizeCountryCode(country);
  if (c === null || c === "us") return US_STATES[state] ?? state;
  return state;
}

/**
 * Postal code. Meta (ZIP): lowercase, no spaces; a US ZIP (or ZIP+4) keeps its first 5 digits; a
 * UK postcode is cut to area/district/sector ("SW1A 1AA" → "sw1a1"). Google (not hashed): trimmed
 * and uppercased; a US ZIP+4 is kept as "12345-6789" (the extension may improve matching), other
 * countries lose nothing but surrounding spaces.
 */
export function normalizePostalCode(
  value: unknown,
  country?: string,
  options: NormalizeOptions = {},
): string | null {
  const text = toText(value);
  if (text === null) return null;
  const c = normalizeCountryCode(country);
  const compact = text.replace(/\s+/g, "");
  const us = /^(\d{5})(?:-?(\d{4}))?$/.exec(compact);
  if (options.platform === "google") {
    if (us && (c === null || c === "us")) return us[2] ? `${us[1]}-${us[2]}` : us[1]!;
    return text.replace(/\s+/g, " ").toUpperCase();
  }
  if (us && (c === null || c === "us")) return us[1]!;
  if (c === "us") return null;
  const lower = compact.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  if (lower === "") return null;
  if (c === "gb") {
    // Outward code + the sector digit of the inward code: drop the inward code's two letters.
    const uk = /^([a-z]{1,2}\d[a-z\d]?)(\d)[a-z]{2}$/.exec(lower);
    if (uk) return `${uk[1]}${uk[2]}`;
  }
  return lower;
}

const ISO2 = new Set(getCountries().map((c) => c.toLowerCase()));
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "us",
  unitedstates: "us",
  unitedstatesofamerica: "us",
  uk: "gb",
  unitedkingdom: "gb",
  greatbritain: "gb",
};

/**
 * Country as ISO-3166-1 alpha-2: lowercase for Meta ("us"), uppercase for Google ("US"). A few
 * common names are accepted ("USA", "United Kingdom", "UK" → gb); anything else that is not a
 * known 2-letter code is null.
 */
export function normalizeCountryCode(value: unknown, options: NormalizeOptions = {}): string | null {
  const text = toText(value);
  if (text === null) return null;
  const letters = text.toLowerCase().replace(/[^a-z]/g, "");
  const code = COUNTRY_ALIASES[letters] ?? letters;
  if (!ISO2.has(code)) return null;
  return options.platform === "google" ? code.toUpperCase() : code;
}

/** Gender (Meta GEN): "m" or "f"; accepts m/f/male/female in any case, else null. */
export function normalizeGender(value: unknown): string | null {
  const text = toText(value)?.toLowerCase();
  if (text === "m" || text === "male") return "m";
  if (text === "f" || text === "female") return "f";
  return null;
}

export interface DateOfBirth {
  /** "1997" (Meta DOBY). */
  year: string;
  /** "02" (Meta DOBM). */
  month: string;
  /** "16" (Meta DOBD). */
  day: string;
  /** "19970216" (Meta Conversions API `db`). */
  ymd: string;
}

/**
 * A date of birth from a Date or text in YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD form; null when not a
 * real date between 1900 and today (Meta: "YYYY format from 1900 to current year").
 */
export function normalizeDateOfBirth(value: unknown, now = new Date()): DateOfBirth | null {
  let y: number;
  let m: number;
  let d: number;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
  } else {
    const text = toText(value);
    const parts = text && /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T ].*)?$/.exec(text);
    if (!parts) return null;
    [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > now.getUTCFullYear()) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { year: String(y), month: pad(m), day: pad(d), ymd: `${y}${pad(m)}${pad(d)}` };
}

/** Birth year alone (Meta DOBY): 4 digits, 1900 to this year. */
export function normalizeBirthYear(value: unknown, now = new Date()): string | null {
  const text = toText(value);
  if (text === null || !/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 1900 && y <= now.getUTCFullYear() ? text : null;
}

/** Birth month (Meta DOBM): "01" to "12"; a date gives its month. */
export function normalizeBirthMonth(value: unknown): string | null {
  const text = toText(value);
  if (text === null) return null;
  if (!/^\d{1,2}$/.test(text)) return normalizeDateOfBirth(value)?.month ?? null;
  const m = Number(text);
  return m >= 1 && m <= 12 ? text.padStart(2, "0") : null;
}

/** Birth day (Meta DOBD): "01" to "31"; a date gives its day. */
export function normalizeBirthDay(value: unknown): string | null {
  const text = toText(value);
  if (text === null) return null;
  if (!/^\d{1,2}$/.test(text)) return normalizeDateOfBirth(value)?.day ?? null;
  const d = Number(text);
  return d >= 1 && d <= 31 ? text.padStart(2, "0") : null;
}

/** Mobile advertiser id (Meta MADID, not hashed): lowercase, hyphens kept. */
export function normalizeMadid(value: unknown): string | null {
  const text = toText(value);
  return text === null ? null : text.toLowerCase();
}

/** External id (Meta EXTERN_ID, not hashed): the advertiser's own id, trimmed, as it is. */
export function normalizeExternalId(value: unknown): string | null {
  return toText(value);
}
