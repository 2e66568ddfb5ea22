import {
  hashed,
  normalizeCountryCode,
  normalizeEmail,
  normalizeExternalId,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  preHashed,
  toText,
} from "../../src/connector-kit/index.ts";
import type { AddressInfo, UserData, UserIdentifier } from "./user-data.ts";

/** The sync field names read for each identifier (map model columns to these in `fields`). */
export const FIELD_NAMES = {
  email: "email",
  phone: "phone",
  firstName: "first_name",
  lastName: "last_name",
  countryCode: "country_code",
  postalCode: "postal_code",
  thirdPartyUserId: "third_party_user_id",
} as const;

/** The address parts, sent together or not at all. */
const ADDRESS_FIELDS = [
  FIELD_NAMES.firstName,
  FIELD_NAMES.lastName,
  FIELD_NAMES.countryCode,
  FIELD_NAMES.postalCode,
] as const;

const KNOWN: ReadonlySet<string> = new Set(Object.values(FIELD_NAMES));

/** Names people commonly give these fields, for the hint in `googleAdsFieldProblems`. */
const ALIASES: Record<string, string> = {
  email_address: FIELD_NAMES.email,
  phone_number: FIELD_NAMES.phone,
  mobile: FIELD_NAMES.phone,
  firstname: FIELD_NAMES.firstName,
  given_name: FIELD_NAMES.firstName,
  lastname: FIELD_NAMES.lastName,
  surname: FIELD_NAMES.lastName,
  family_name: FIELD_NAMES.lastName,
  country: FIELD_NAMES.countryCode,
  zip: FIELD_NAMES.postalCode,
  zip_code: FIELD_NAMES.postalCode,
  zipcode: FIELD_NAMES.postalCode,
  postcode: FIELD_NAMES.postalCode,
  user_id: FIELD_NAMES.thirdPartyUserId,
};

/**
 * Problems with a sync's destination field names (`Connector.validateFields`): names this
 * connector does not read (they would be dropped without a word), and no identifier at all. An
 * address mapped in part is no problem here: it is never sent (Google matches the four parts
 * together), and the rows go with their email or phone.
 *
 * @example
 * googleAdsFieldProblems(["email", "zip"])
 * // ['field "zip" is not a Google Ads Customer Match field: did you mean postal_code?']
 */
export function googleAdsFieldProblems(names: Iterable<string>): string[] {
  const set = new Set(names);
  const problems: string[] = [];
  for (const name of set) {
    if (KNOWN.has(name)) continue;
    const plain = name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    const guess = KNOWN.has(plain) ? plain : ALIASES[plain];
    problems.push(
      `field "${name}" is not a Google Ads Customer Match field: ${guess ? `did you mean ${guess}?` : `use ${[...KNOWN].join(", ")}`}`,
    );
  }
  const identifier =
    set.has(FIELD_NAMES.email) ||
    set.has(FIELD_NAMES.phone) ||
    set.has(FIELD_NAMES.thirdPartyUserId) ||
    ADDRESS_FIELDS.every((n) => set.has(n));
  if (!identifier && !problems.length) {
    problems.push(
      `no identifier to match members by: map ${FIELD_NAMES.email}, ${FIELD_NAMES.phone}, the four address fields, or ${FIELD_NAMES.thirdPartyUserId} (lists of user ids)`,
    );
  }
  return problems;
}

export interface IdentifierOptions {
  /** Country of phone numbers written without their country code (ISO-2). */
  defaultPhoneCountry?: string;
  /** The list's upload key type: `CONTACT_INFO` takes email/phone/address, `CRM_ID` user ids. */
  uploadKeyType: string;
}

/** The row's identifiers (with the fields whose values were invalid and left out), or why none. */
export type BuiltUserData =
  | { ok: true; userData: UserData; dropped: string[] }
  | { ok: false; reason: string };

const google = { platform: "google" } as const;

/**
 * A hashed identifier from a field: a value already SHA-256 hex (hashed in the warehouse) is
 * sent as it is (lowercased), never hashed again; otherwise it is normalised by Google's rules
 * and hashed. Null when empty or unusable.
 */
function hashedField(value: unknown, normalize: (v: unknown) => string | null): string | null {
  return preHashed(value) ?? hashed(normalize(value));
}

/**
 * The address identifier: all four parts or none (Google matches them together). Names are
 * hashed; country and postal code must be sent in clear, so a digest there makes the address
 * unusable.
 */
function address(fields: Record<string, unknown>, problems: string[]): AddressInfo | null {
  const raw = {
    first: fields[FIELD_NAMES.firstName],
    last: fields[FIELD_NAMES.lastName],
    country: fields[FIELD_NAMES.countryCode],
    postal: fields[FIELD_NAMES.postalCode],
  };
  const given = Object.values(raw).filter((v) => toText(v) !== null).length;
  if (given === 0) return null;
  if (preHashed(raw.country) || preHashed(raw.postal)) {
    problems.push(`${FIELD_NAMES.countryCode} and ${FIELD_NAMES.postalCode} must not be hashed`);
    return null;
  }
  const countryCode = normalizeCountryCode(raw.country, google);
  const parts: AddressInfo = {
    hashedFirstName: hashedField(raw.first, (v) => normalizeName(v, google)) ?? "",
    hashedLastName: hashedField(raw.last, (v) => normalizeName(v, google)) ?? "",
    countryCode: countryCode ?? "",
    postalCode: normalizePostalCode(raw.postal, countryCode ?? undefined, google) ?? "",
  };
  const missing = [
    [FIELD_NAMES.firstName, parts.hashedFirstName],
    [FIELD_NAMES.lastName, parts.hashedLastName],
    [FIELD_NAMES.countryCode, parts.countryCode],
    [FIELD_NAMES.postalCode, parts.postalCode],
  ]
    .filter(([, v]) => !v)
    .map(([name]) => name);
  if (missing.length) {
    problems.push(`the address lacks a usable ${missing.join(", ")} (all four are needed)`);
    return null;
  }
  return parts;
}

/**
 * The `UserData` of one row, from its fields (see FIELD_NAMES). Identifiers that cannot be read
 * are left out; a row left with none is refused with the reasons (values are never quoted: they
 * are personal data).
 *
 * @example
 * buildUserData({ email: " Ann@Example.com", phone: "020 7946 0958" }, { defaultPhoneCountry: "GB", uploadKeyType: "CONTACT_INFO" })
 * // { ok: true, userData: { userIdentifiers: [{ hashedEmail: "…" }, { hashedPhoneNumber: "…" }] } }
 */
export function buildUserData(fields: Record<string, unknown>, o: IdentifierOptions): BuiltUserData {
  const ids: UserIdentifier[] = [];
  const problems: string[] = [];
  const dropped: string[] = [];
  if (o.uploadKeyType === "CRM_ID") {
    const id = normalizeExternalId(fields[FIELD_NAMES.thirdPartyUserId]);
    if (id) ids.push({ thirdPartyUserId: id });
    else problems.push(`${FIELD_NAMES.thirdPartyUserId} is empty`);
  } else {
    const email = fields[FIELD_NAMES.email];
    if (toText(email) !== null) {
      const h = hashedField(email, (v) => normalizeEmail(v, google));
      if (h) ids.push({ hashedEmail: h });
      else {
        dropped.push(FIELD_NAMES.email);
        problems.push(`${FIELD_NAMES.email} is not an email address`);
      }
    }
    const phone = fields[FIELD_NAMES.phone];
    if (toText(phone) !== null) {
      // Read in the record's own country first, then the destination's default: a number that
      // is not valid there (a German mobile read as American, "+00000000") is not sent.
      const region = normalizeCountryCode(fields[FIELD_NAMES.countryCode], google) ?? o.defaultPhoneCountry;
      const h = hashedField(phone, (v) => normalizePhone(v, { ...google, defaultCountry: region }));
      if (h) ids.push({ hashedPhoneNumber: h });
      else {
        dropped.push(FIELD_NAMES.phone);
        problems.push(
          `${FIELD_NAMES.phone} is not a valid phone number${region ? ` (read as ${region} when it has no country code)` : " (no country code, no country_code, and no defaultPhoneCountry)"}`,
        );
      }
    }
    const a = address(fields, problems);
    if (a) ids.push({ addressInfo: a });
  }
  if (ids.length) return { ok: true, userData: { userIdentifiers: ids }, dropped };
  const expected =
    o.uploadKeyType === "CRM_ID"
      ? `the list takes user ids: map one to "${FIELD_NAMES.thirdPartyUserId}"`
      : `needs "${FIELD_NAMES.email}", "${FIELD_NAMES.phone}", or "${FIELD_NAMES.firstName}" + "${FIELD_NAMES.lastName}" + "${FIELD_NAMES.countryCode}" + "${FIELD_NAMES.postalCode}"`;
  return {
    ok: false,
    reason: `no identifier Google can match${problems.length ? `: ${problems.join("; ")}` : ""} (${expected})`,
  };
}

/** One identifier as text: the same identifier always gives the same text (compare, dedupe). */
export function identifierKey(id: UserIdentifier): string {
  if ("hashedEmail" in id) return `email:${id.hashedEmail}`;
  if ("hashedPhoneNumber" in id) return `phone:${id.hashedPhoneNumber}`;
  if ("thirdPartyUserId" in id) return `user:${id.thirdPartyUserId}`;
  const a = id.addressInfo;
  return `address:${a.hashedFirstName}|${a.hashedLastName}|${a.countryCode}|${a.postalCode}`;
}

/**
 * The identifiers a member was last delivered with (`previous`, the fields as last delivered)
 * that its new `UserData` no longer has: a new email leaves the old one in the list unless it is
 * removed. Only those: the identifiers kept (the same phone) must stay, and a change Google does
 * not see (`Ann@X.com` → `ann@x.com`, the same once normalised) removes nothing. Empty when the
 * previous fields give no identifier.
 *
 * @example
 * staleIdentifiers({ email: "old@x.com", phone: "+14155550123" }, newUserData, options)
 * // [{ hashedEmail: sha256("old@x.com") }] when only the email changed
 */
export function staleIdentifiers(
  previous: Record<string, unknown>,
  current: UserData,
  o: IdentifierOptions,
): UserIdentifier[] {
  const before = buildUserData(previous, o);
  if (!before.ok) return [];
  const now = new Set(current.userIdentifiers.map(identifierKey));
  return before.userData.userIdentifiers.filter((id) => !now.has(identifierKey(id)));
}
