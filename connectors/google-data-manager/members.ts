import { toText } from "../../src/connector-kit/index.ts";
import {
  type Encoding,
  formatEmail,
  formatFamilyName,
  formatGivenName,
  formatPhone,
  formatPostalCode,
  formatRegionCode,
  hashedField,
} from "./format-rules.ts";

/**
 * "At most 10 `userIdentifiers` can be provided in a single AudienceMember" (user_data.proto,
 * UserData.user_identifiers; Limits and quotas, https://developers.google.com/data-manager/api/devguides/limits).
 */
export const MAX_IDENTIFIERS_PER_MEMBER = 10;

/** The sync field names read (map model columns to these in the sync's `fields`). */
export const FIELD_NAMES = {
  email: "email",
  phone: "phone",
  firstName: "first_name",
  lastName: "last_name",
  countryCode: "country_code",
  postalCode: "postal_code",
  adUserData: "ad_user_data",
  adPersonalization: "ad_personalization",
} as const;

/** `AddressInfo` (user_data.proto): names hashed, region and postal code in clear. */
export interface AddressInfo {
  givenName: string;
  familyName: string;
  regionCode: string;
  postalCode: string;
}

/** `UserIdentifier` (user_data.proto): exactly one of its oneof. */
export type UserIdentifier = { emailAddress: string } | { phoneNumber: string } | { address: AddressInfo };

export type ConsentStatus = "CONSENT_GRANTED" | "CONSENT_DENIED";
/** `Consent` (consent.proto). */
export interface Consent {
  adUserData?: ConsentStatus;
  adPersonalization?: ConsentStatus;
}

/** `AudienceMember` (audience.proto) with its `user_data`. */
export interface AudienceMember {
  userData: { userIdentifiers: UserIdentifier[] };
  consent?: Consent;
}

export type BuiltMember = { ok: true; member: AudienceMember } | { ok: false; reason: string };

export interface MemberOptions {
  encoding: Encoding;
  defaultPhoneCountry?: string;
}

/** A field as a list of values: a warehouse list column gives several (two emails). */
const values = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]).filter((x) => toText(x) !== null);

/** A consent field's value as a `ConsentStatus`; undefined when empty (the request's applies). */
export function readConsent(value: unknown): ConsentStatus | undefined | "invalid" {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "boolean") return value ? "CONSENT_GRANTED" : "CONSENT_DENIED";
  const t = String(value).trim().toUpperCase();
  if (["GRANTED", "CONSENT_GRANTED", "TRUE", "YES", "Y", "1"].includes(t)) return "CONSENT_GRANTED";
  if (["DENIED", "CONSENT_DENIED", "FALSE", "NO", "N", "0"].includes(t)) return "CONSENT_DENIED";
  return "invalid";
}

function address(fields: Record<string, unknown>, o: MemberOptions, problems: string[]): AddressInfo | null {
  const raw = [FIELD_NAMES.firstName, FIELD_NAMES.lastName, FIELD_NAMES.countryCode, FIELD_NAMES.postalCode];
  if (raw.every((n) => toText(fields[n]) === null)) return null;
  const regionCode = formatRegionCode(fields[FIELD_NAMES.countryCode]);
  const parts: AddressInfo = {
    givenName: hashedField(fields[FIELD_NAMES.firstName], formatGivenName, o.encoding) ?? "",
    familyName: hashedField(fields[FIELD_NAMES.lastName], formatFamilyName, o.encoding) ?? "",
    regionCode: regionCode ?? "",
    postalCode: formatPostalCode(fields[FIELD_NAMES.postalCode], regionCode) ?? "",
  };
  // AddressInfo's four fields are all REQUIRED (user_data.proto): a partial address is not sent.
  const missing = raw.filter((_, i) => !Object.values(parts)[i]);
  if (missing.length) {
    problems.push(`the address lacks a usable ${missing.join(", ")} (all four are needed)`);
    return null;
  }
  return parts;
}

/**
 * The `AudienceMember` of one row: identifiers normalised and hashed by Google's rules
 * (format-rules.ts), unusable ones left out; a row left with none is refused with the reasons
 * (never quoting the values: they are personal data).
 *
 * @example
 * buildMember({ email: " Ann@Example.com", ad_user_data: "GRANTED" }, { encoding: "HEX" })
 * // { ok: true, member: { userData: { userIdentifiers: [{ emailAddress: "…" }] }, consent: { adUserData: "CONSENT_GRANTED" } } }
 */
export function buildMember(fields: Record<string, unknown>, o: MemberOptions): BuiltMember {
  const ids: UserIdentifier[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const push = (id: UserIdentifier) => {
    const key = JSON.stringify(id);
    if (seen.has(key)) return;
    seen.add(key);
    ids.push(id);
  };
  for (const v of values(fields[FIELD_NAMES.email])) {
    const h = hashedField(v, formatEmail, o.encoding);
    if (h) push({ emailAddress: h });
    else problems.push(`${FIELD_NAMES.email} is not an email address`);
  }
  for (const v of values(fields[FIELD_NAMES.phone])) {
    const h = hashedField(v, (x) => formatPhone(x, o.defaultPhoneCountry), o.encoding);
    if (h) push({ phoneNumber: h });
    else
      problems.push(
        `${FIELD_NAMES.phone} is not a valid phone number${o.defaultPhoneCountry ? ` (read as ${o.defaultPhoneCountry} when it has no country code)` : " (no country code, and no defaultPhoneCountry)"}`,
      );
  }
  const a = address(fields, o, problems);
  if (a) push({ address: a });
  if (!ids.length) {
    return {
      ok: false,
      reason: `no identifier Google can match${problems.length ? `: ${problems.join("; ")}` : ""} (needs "${FIELD_NAMES.email}", "${FIELD_NAMES.phone}", or "${FIELD_NAMES.firstName}" + "${FIELD_NAMES.lastName}" + "${FIELD_NAMES.countryCode}" + "${FIELD_NAMES.postalCode}")`,
    };
  }
  if (ids.length > MAX_IDENTIFIERS_PER_MEMBER) {
    return {
      ok: false,
      reason: `${ids.length} identifiers: Google takes at most ${MAX_IDENTIFIERS_PER_MEMBER} per member`,
    };
  }
  const member: AudienceMember = { userData: { userIdentifiers: ids } };
  const consent: Consent = {};
  for (const [field, key] of [
    [FIELD_NAMES.adUserData, "adUserData"],
    [FIELD_NAMES.adPersonalization, "adPersonalization"],
  ] as const) {
    const c = readConsent(fields[field]);
    if (c === "invalid") return { ok: false, reason: `${field} is not GRANTED, DENIED, true or false` };
    if (c) consent[key] = c;
  }
  if (Object.keys(consent).length) member.consent = consent;
  return { ok: true, member };
}

/** The identifiers of `previous` (fields as last delivered) that `current` no longer has. */
export function staleIdentifiers(
  previous: Record<string, unknown>,
  current: AudienceMember,
  o: MemberOptions,
): UserIdentifier[] {
  const before = buildMember(previous, o);
  if (!before.ok) return [];
  const now = new Set(current.userData.userIdentifiers.map((id) => JSON.stringify(id)));
  return before.member.userData.userIdentifiers.filter((id) => !now.has(JSON.stringify(id)));
}

const KNOWN: ReadonlySet<string> = new Set(Object.values(FIELD_NAMES));

/** Problems with the sync's destination field names (`Connector.validateFields`). */
export function fieldProblems(names: Iterable<string>): string[] {
  const set = new Set(names);
  const problems = [...set]
    .filter((n) => !KNOWN.has(n))
    .map((n) => `field "${n}" is not a Data Manager audience field: use ${[...KNOWN].join(", ")}`);
  const address = [
    FIELD_NAMES.firstName,
    FIELD_NAMES.lastName,
    FIELD_NAMES.countryCode,
    FIELD_NAMES.postalCode,
  ];
  const identifier =
    set.has(FIELD_NAMES.email) || set.has(FIELD_NAMES.phone) || address.every((n) => set.has(n));
  if (!identifier && !problems.length) {
    problems.push(
      `no identifier to match members by: map ${FIELD_NAMES.email}, ${FIELD_NAMES.phone}, or the four address fields`,
    );
  }
  return problems;
}
