import {
  hashed,
  normalizeBirthDay,
  normalizeBirthMonth,
  normalizeBirthYear,
  normalizeCity,
  normalizeCountryCode,
  normalizeDateOfBirth,
  normalizeEmail,
  normalizeExternalId,
  normalizeFirstInitial,
  normalizeGender,
  normalizeMadid,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  normalizeState,
  preHashed,
  toText,
} from "../../src/connector-kit/index.ts";

/**
 * The keys of Meta's multi-key customer file schema, in the order we send them ("Custom Audience
 * Users" reference, payload.schema: EXTERN_ID, EMAIL, PHONE, GEN, DOBY, DOBM, DOBD, LN, FN, FI,
 * CT, ST, ZIP, MADID, COUNTRY). A sync's destination field names are these keys.
 */
export const META_SCHEMA_KEYS = [
  "EXTERN_ID",
  "EMAIL",
  "PHONE",
  "GEN",
  "DOBY",
  "DOBM",
  "DOBD",
  "LN",
  "FN",
  "FI",
  "CT",
  "ST",
  "ZIP",
  "MADID",
  "COUNTRY",
] as const;
export type MetaKey = (typeof META_SCHEMA_KEYS)[number];

/** Keys Meta takes as they are: the advertiser's own id and the mobile advertiser id. */
export const UNHASHED_KEYS: ReadonlySet<string> = new Set(["EXTERN_ID", "MADID"]);

/** Not a Meta key: a whole date of birth, sent as DOBY, DOBM and DOBD. */
export const DOB = "DOB";

const KNOWN = new Set<string>(META_SCHEMA_KEYS);

/**
 * What is wrong with a sync's field names for Meta, one message per problem (empty when fine).
 *
 * @example
 * metaFieldProblems(["email", "PHONE"]) // ['field "email" is not a Meta schema key: did you mean EMAIL?']
 */
export function metaFieldProblems(names: Iterable<string>): string[] {
  const problems: string[] = [];
  const set = new Set(names);
  for (const name of set) {
    if (KNOWN.has(name) || name === DOB) continue;
    const upper = name.toUpperCase();
    const hint =
      KNOWN.has(upper) || upper === DOB
        ? `did you mean ${upper}?`
        : `use ${META_SCHEMA_KEYS.join(", ")} (or DOB)`;
    problems.push(`field "${name}" is not a Meta schema key: ${hint}`);
  }
  if (set.has(DOB) && (set.has("DOBY") || set.has("DOBM") || set.has("DOBD"))) {
    problems.push("map either DOB or DOBY/DOBM/DOBD, not both");
  }
  return problems;
}

/** The request schema for rows with these field names: Meta's order, DOB as its three parts. */
export function schemaFor(names: Iterable<string>): MetaKey[] {
  const set = new Set(names);
  if (set.has(DOB)) for (const k of ["DOBY", "DOBM", "DOBD"]) set.add(k);
  return META_SCHEMA_KEYS.filter((k) => set.has(k));
}

const DESCRIPTION: Record<MetaKey, string> = {
  EXTERN_ID: "an external id",
  EMAIL: "an email address",
  PHONE: "a valid phone number with its country code (or set defaultCountry, or map COUNTRY)",
  GEN: 'a gender ("m", "f", "male" or "female")',
  DOBY: "a birth year between 1900 and this year",
  DOBM: "a birth month (1-12)",
  DOBD: "a birth day (1-31)",
  LN: "a last name",
  FN: "a first name",
  FI: "a first initial",
  CT: "a city",
  ST: "a state",
  ZIP: "a postal code",
  MADID: "a mobile advertiser id",
  COUNTRY: "an ISO-2 country code",
};

/** One row ready to send (values in schema order, "" for unknown), or why it cannot be sent. */
/** A row ready to send (with the keys whose values were invalid and left blank), or refused. */
export type PreparedRow = { values: string[]; dropped: MetaKey[] } | { reason: string };

/**
 * Normalises and hashes one record's fields for `schema` per Meta's rules (the shared
 * normalize-hash module); values already SHA-256 hex pass through. A row needs a usable
 * identifier (EMAIL, PHONE, MADID, EXTERN_ID, or LN with FN or FI), else it is refused with the
 * reason. Values that cannot be normalised are left blank and named in that reason; the raw
 * values never appear in it.
 */
export function prepareRow(
  fields: Record<string, unknown>,
  schema: readonly MetaKey[],
  defaultCountry?: string,
): PreparedRow {
  const country = normalizeCountryCode(fields.COUNTRY) ?? normalizeCountryCode(defaultCountry) ?? undefined;
  const dob = fields[DOB] === undefined ? undefined : normalizeDateOfBirth(fields[DOB]);
  const out = new Map<MetaKey, string>();
  const bad: string[] = [];
  for (const key of schema) {
    const raw =
      (key === "DOBY" || key === "DOBM" || key === "DOBD") && fields[DOB] !== undefined
        ? fields[DOB]
        : fields[key];
    if (toText(raw) === null) continue;
    let value: string | null;
    if (UNHASHED_KEYS.has(key)) value = key === "MADID" ? normalizeMadid(raw) : normalizeExternalId(raw);
    else value = preHashed(raw) ?? hashed(normalizeValue(key, raw, country, dob));
    if (value === null) bad.push(`${key} is not ${DESCRIPTION[key]}`);
    else out.set(key, value);
  }
  const has = (k: MetaKey) => out.has(k);
  const usable =
    has("EMAIL") ||
    has("PHONE") ||
    has("MADID") ||
    has("EXTERN_ID") ||
    (has("LN") && (has("FN") || has("FI")));
  if (!usable) {
    const why = bad.length ? `; ${bad.join("; ")}` : "";
    return {
      reason: `no usable identifier for Meta (needs EMAIL, PHONE, MADID, EXTERN_ID, or LN with FN/FI)${why}`,
    };
  }
  const dropped = schema.filter((k) => !out.has(k) && toText(fields[k]) !== null);
  return { values: schema.map((k) => out.get(k) ?? ""), dropped };
}

function normalizeValue(
  key: MetaKey,
  raw: unknown,
  country: string | undefined,
  dob: ReturnType<typeof normalizeDateOfBirth> | undefined,
): string | null {
  switch (key) {
    case "EMAIL":
      return normalizeEmail(raw);
    case "PHONE":
      return normalizePhone(raw, { platform: "meta", defaultCountry: country });
    case "GEN":
      return normalizeGender(raw);
    case "DOBY":
      return dob !== undefined ? (dob?.year ?? null) : normalizeBirthYear(raw);
    case "DOBM":
      return dob !== undefined ? (dob?.month ?? null) : normalizeBirthMonth(raw);
    case "DOBD":
      return dob !== undefined ? (dob?.day ?? null) : normalizeBirthDay(raw);
    case "LN":
    case "FN":
      return normalizeName(raw, { platform: "meta" });
    case "FI":
      return normalizeFirstInitial(raw);
    case "CT":
      return normalizeCity(raw);
    case "ST":
      return normalizeState(raw, country);
    case "ZIP":
      return normalizePostalCode(raw, country);
    case "COUNTRY":
      return normalizeCountryCode(raw);
    default:
      return null;
  }
}
