/**
 * The Google Ads API's contract for Customer Match uploads as the mock enforces it: body shapes
 * (unknown JSON names are refused, like the real API's "Invalid JSON payload received"), the
 * identifiers' formats, the per-request and per-operation limits, and Google's error bodies.
 */

export interface MockErrorItem {
  family: string;
  code: string;
  message: string;
  /** fieldPathElements: [name, index?]. */
  path?: [string, number?][];
  details?: Record<string, unknown>;
}

/** A failed call's answer: HTTP status and a `google.rpc.Status` body with a GoogleAdsFailure. */
export class MockFailure extends Error {
  constructor(
    readonly http: number,
    readonly status: string,
    message: string,
    readonly errors: MockErrorItem[] = [],
    readonly extraDetails: Record<string, unknown>[] = [],
  ) {
    super(message);
  }
}

export function googleAdsFailure(version: string, errors: MockErrorItem[]) {
  return {
    "@type": `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`,
    errors: errors.map((e) => ({
      errorCode: { [e.family]: e.code },
      message: e.message,
      ...(e.path
        ? {
            location: {
              fieldPathElements: e.path.map(([fieldName, index]) =>
                index === undefined ? { fieldName } : { fieldName, index },
              ),
            },
          }
        : {}),
      ...(e.details ? { details: e.details } : {}),
    })),
    requestId: "mock-request",
  };
}

/** The body of a failed call, as Google sends it. */
export function errorBody(version: string, f: MockFailure) {
  const details = [...(f.errors.length ? [googleAdsFailure(version, f.errors)] : []), ...f.extraDetails];
  return {
    error: { code: f.http, message: f.message, status: f.status, ...(details.length ? { details } : {}) },
  };
}

/** Google's answer to a JSON name it does not know. */
export function unknownNames(value: unknown, allowed: string[], where: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MockFailure(
      400,
      "INVALID_ARGUMENT",
      `Invalid JSON payload received. '${where}' is not an object.`,
    );
  }
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      throw new MockFailure(
        400,
        "INVALID_ARGUMENT",
        `Invalid JSON payload received. Unknown name "${name}" at '${where}': Cannot find field.`,
        [],
        [
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            fieldViolations: [
              { field: where, description: `Invalid JSON payload received. Unknown name "${name}"` },
            ],
          },
        ],
      );
    }
  }
}

/** Google's answer to an enum value it does not know. */
export function enumValue(value: unknown, allowed: string[], where: string, type: string): void {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw new MockFailure(
      400,
      "INVALID_ARGUMENT",
      `Invalid value at '${where}' (type.googleapis.com/google.ads.googleads.${type}), ${JSON.stringify(value)}`,
    );
  }
}

const SHA256 = /^[0-9a-f]{64}$/;
export const MAX_IDENTIFIERS_PER_REQUEST = 100_000;
export const MAX_IDENTIFIERS_PER_OPERATION = 20;

const job = (code: string, message: string, path: [string, number?][]): MockErrorItem => ({
  family: "offlineUserDataJobError",
  code,
  message,
  path,
});

export interface UserDataJson {
  userIdentifiers: Record<string, unknown>[];
}

/**
 * The identifiers' keys of one member, as stored in the list: `email:<hash>`, `phone:<hash>`,
 * `address:<first>|<last>|<country>|<postal>`, `user:<id>`.
 */
export function memberKeys(userData: UserDataJson): string[] {
  return userData.userIdentifiers.map((id) => {
    if (typeof id.hashedEmail === "string") return `email:${id.hashedEmail}`;
    if (typeof id.hashedPhoneNumber === "string") return `phone:${id.hashedPhoneNumber}`;
    if (typeof id.thirdPartyUserId === "string") return `user:${id.thirdPartyUserId}`;
    const a = id.addressInfo as Record<string, string>;
    return `address:${a.hashedFirstName}|${a.hashedLastName}|${a.countryCode}|${a.postalCode}`;
  });
}

const IDENTIFIER_FIELDS = ["hashedEmail", "hashedPhoneNumber", "mobileId", "thirdPartyUserId", "addressInfo"];
const ADDRESS_FIELDS = [
  "hashedFirstName",
  "hashedLastName",
  "city",
  "state",
  "countryCode",
  "postalCode",
  "hashedStreetAddress",
];

/**
 * Checks one operation's UserData (its JSON shape first: a shape error refuses the whole
 * request, as Google's JSON parser does) and returns the operation-level errors Google would
 * report for it, located at `operations[index].<kind>...`.
 */
export function validateUserData(
  userData: unknown,
  index: number,
  kind: "create" | "remove",
  uploadKeyType: string,
): MockErrorItem[] {
  const where = `operations[${index}].${kind}`;
  unknownNames(userData, ["userIdentifiers", "transactionAttribute", "userAttribute", "consent"], where);
  const ids = (userData as { userIdentifiers?: unknown }).userIdentifiers;
  const base: [string, number?][] = [["operations", index], [kind]];
  if (!Array.isArray(ids) || ids.length === 0) {
    return [job("MISSING_USER_IDENTIFIER", "The user identifier is missing valid data.", base)];
  }
  if (ids.length > MAX_IDENTIFIERS_PER_OPERATION) {
    return [
      job(
        "TOO_MANY_USER_IDENTIFIERS",
        "Maximum number of user identifiers allowed per request is 100,000 and per operation is 20.",
        base,
      ),
    ];
  }
  const errors: MockErrorItem[] = [];
  ids.forEach((id: unknown, j) => {
    const at = `${where}.user_identifiers[${j}]`;
    unknownNames(id, [...IDENTIFIER_FIELDS, "userIdentifierSource"], at);
    const set = IDENTIFIER_FIELDS.filter((f) => (id as Record<string, unknown>)[f] !== undefined);
    if (set.length !== 1) {
      throw new MockFailure(
        400,
        "INVALID_ARGUMENT",
        `Invalid JSON payload received. ${set.length ? `oneof field 'identifier' is already set (${set.join(", ")})` : "no identifier"} at '${at}'.`,
      );
    }
    const field = set[0]!;
    const value = (id as Record<string, unknown>)[field];
    const path: [string, number?][] = [...base, ["user_identifiers", j]];
    const contactInfo = field === "hashedEmail" || field === "hashedPhoneNumber" || field === "addressInfo";
    if (
      (uploadKeyType === "CONTACT_INFO" && !contactInfo) ||
      (uploadKeyType === "CRM_ID" && field !== "thirdPartyUserId")
    ) {
      errors.push(
        job(
          "INCOMPATIBLE_UPLOAD_KEY_TYPE",
          "Upload data is not compatible with the upload key type of the associated user list.",
          path,
        ),
      );
      return;
    }
    if (field === "hashedEmail" || field === "hashedPhoneNumber") {
      if (typeof value !== "string" || !SHA256.test(value)) {
        const name = field === "hashedEmail" ? "hashed_email" : "hashed_phone_number";
        errors.push(
          job("INVALID_SHA256_FORMAT", "The SHA256 encoded value is malformed.", [...path, [name]]),
        );
      }
      return;
    }
    if (field === "thirdPartyUserId") {
      if (typeof value !== "string" || value.trim() === "")
        errors.push(job("MISSING_USER_IDENTIFIER", "The user identifier is missing valid data.", path));
      return;
    }
    if (field === "mobileId") return;
    unknownNames(value, ADDRESS_FIELDS, `${at}.address_info`);
    const a = value as Record<string, unknown>;
    const addr: [string, number?][] = [...path, ["address_info"]];
    for (const [key, name] of [
      ["hashedFirstName", "hashed_first_name"],
      ["hashedLastName", "hashed_last_name"],
    ] as const) {
      if (a[key] === undefined)
        errors.push(
          job("MISSING_USER_IDENTIFIER", "The user identifier is missing valid data.", [...addr, [name]]),
        );
      else if (typeof a[key] !== "string" || !SHA256.test(a[key] as string))
        errors.push(
          job("INVALID_SHA256_FORMAT", "The SHA256 encoded value is malformed.", [...addr, [name]]),
        );
    }
    if (typeof a.countryCode !== "string" || !/^[A-Z]{2}$/.test(a.countryCode))
      errors.push(job("INVALID_COUNTRY_CODE", "The country code is invalid.", [...addr, ["country_code"]]));
    if (typeof a.postalCode !== "string" || a.postalCode.trim() === "")
      errors.push(
        job("MISSING_USER_IDENTIFIER", "The user identifier is missing valid data.", [
          ...addr,
          ["postal_code"],
        ]),
      );
    else if (/^[0-9a-fA-F]{64}$/.test(a.postalCode))
      errors.push(
        job("INVALID_ENCODING", "The data in user identifier should not be encoded.", [
          ...addr,
          ["postal_code"],
        ]),
      );
  });
  return errors;
}
