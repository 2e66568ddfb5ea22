import {
  ENUMS,
  type ErrorReason,
  FIELDS,
  MAX_DESTINATIONS,
  MAX_IDENTIFIERS,
  MAX_MEMBERS,
} from "./contract.ts";

/** One `google.rpc.BadRequest.FieldViolation` (JSON field paths, error_details.proto). */
export interface Violation {
  field: string;
  description: string;
  reason: ErrorReason;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks a request body against the v1 messages (contract.ts): field names, required fields,
 * enums, limits and the formats of hashed identifiers. Every problem is a violation with its
 * JSON path, as Google's BadRequest names them.
 */
export function validateRequest(body: unknown, kind: "ingest" | "remove"): Violation[] {
  const out: Violation[] = [];
  const bad: Bad = (field, reason, description) => {
    out.push({ field, reason, description });
  };
  if (!isObject(body)) {
    bad("", "INVALID_ARGUMENT", "the body is not a JSON object");
    return out;
  }
  const message = kind === "ingest" ? "IngestAudienceMembersRequest" : "RemoveAudienceMembersRequest";
  unknown(body, FIELDS[message], "", bad);
  const encoding = body.encoding;
  if (encoding !== undefined && !ENUMS.Encoding.includes(encoding as never))
    bad("encoding", "INVALID_ENUM_VALUE", `Invalid value at 'encoding': ${String(encoding)}`);
  // Encoding is "Required for UserData uploads" (ingestion_service.proto).
  if (encoding === undefined || encoding === "ENCODING_UNSPECIFIED")
    bad("encoding", "REQUIRED_FIELD_MISSING", "encoding is required for UserData uploads");
  const destinations = Array.isArray(body.destinations) ? body.destinations : [];
  if (!destinations.length) bad("destinations", "REQUIRED_FIELD_MISSING", "destinations is required");
  if (destinations.length > MAX_DESTINATIONS)
    bad("destinations", "TOO_MANY_DESTINATIONS", `at most ${MAX_DESTINATIONS} destinations`);
  for (const [i, d] of destinations.entries()) destination(d, `destinations[${i}]`, bad);
  if (kind === "ingest" && body.consent !== undefined) consent(body.consent, "consent", bad);
  const members = Array.isArray(body.audienceMembers) ? body.audienceMembers : [];
  if (!members.length) bad("audienceMembers", "REQUIRED_FIELD_MISSING", "audienceMembers is required");
  if (members.length > MAX_MEMBERS)
    bad("audienceMembers", "TOO_MANY_AUDIENCE_MEMBERS", `at most ${MAX_MEMBERS} audience members`);
  else
    for (const [i, m] of members.entries())
      member(m, `audienceMembers[${i}]`, encoding === "BASE64" ? "BASE64" : "HEX", bad);
  return out;
}

type Bad = (field: string, reason: ErrorReason, description: string) => undefined;

function unknown(o: Json, known: readonly string[], path: string, bad: Bad): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k))
      bad(
        `${path}${path ? "." : ""}${k}`,
        "INVALID_ARGUMENT",
        `Invalid JSON payload received. Unknown name "${k}"`,
      );
  }
}

function enumValue(v: unknown, values: readonly string[], path: string, bad: Bad): void {
  if (v !== undefined && !values.includes(v as string))
    bad(path, "INVALID_ENUM_VALUE", `Invalid value at '${path}' (${String(v)})`);
}

function account(a: unknown, path: string, bad: Bad): undefined {
  if (!isObject(a)) return bad(path, "REQUIRED_FIELD_MISSING", `${path} is required`);
  unknown(a, FIELDS.ProductAccount, path, bad);
  if (typeof a.accountId !== "string" || !/^\d+$/.test(a.accountId))
    bad(`${path}.accountId`, "INVALID_FORMAT", "accountId must be the account's digits");
  enumValue(a.accountType, ENUMS.AccountType, `${path}.accountType`, bad);
  if (a.accountType === undefined || a.accountType === "ACCOUNT_TYPE_UNSPECIFIED")
    bad(`${path}.accountType`, "REQUIRED_FIELD_MISSING", "accountType is required");
}

function destination(d: unknown, path: string, bad: Bad): undefined {
  if (!isObject(d)) return bad(path, "INVALID_DESTINATION", "not an object");
  unknown(d, FIELDS.Destination, path, bad);
  account(d.operatingAccount, `${path}.operatingAccount`, bad);
  if (d.loginAccount !== undefined) account(d.loginAccount, `${path}.loginAccount`, bad);
  if (typeof d.productDestinationId !== "string" || !d.productDestinationId)
    bad(`${path}.productDestinationId`, "REQUIRED_FIELD_MISSING", "productDestinationId is required");
}

function consent(c: unknown, path: string, bad: Bad): undefined {
  if (!isObject(c)) return bad(path, "INVALID_ARGUMENT", "not an object");
  unknown(c, FIELDS.Consent, path, bad);
  enumValue(c.adUserData, ENUMS.ConsentStatus, `${path}.adUserData`, bad);
  enumValue(c.adPersonalization, ENUMS.ConsentStatus, `${path}.adPersonalization`, bad);
}

const HEX = /^[0-9a-fA-F]{64}$/;
/** A SHA-256 digest in the declared encoding: 64 hex digits, or Base64 of 32 bytes. */
function hashOk(v: unknown, encoding: "HEX" | "BASE64"): boolean {
  if (typeof v !== "string") return false;
  if (encoding === "HEX") return HEX.test(v);
  return /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").length === 32;
}

/** Postal codes Google refuses as INVALID_POSTAL_CODE ("Format user data": US 5 digits or ZIP+4). */
function postalOk(code: string, region: string): boolean {
  if (region === "US") return /^\d{5}(-\d{4})?$/.test(code);
  if (region === "DE") return /^\d{5}$/.test(code);
  return code.trim() !== "";
}

function member(m: unknown, path: string, encoding: "HEX" | "BASE64", bad: Bad): undefined {
  if (!isObject(m)) return bad(path, "INVALID_AUDIENCE_MEMBER", "not an object");
  unknown(m, FIELDS.AudienceMember, path, bad);
  if (m.consent !== undefined) consent(m.consent, `${path}.consent`, bad);
  const data = FIELDS.AudienceMember.filter(
    (k) => k !== "consent" && k !== "destinationReferences" && m[k] !== undefined,
  );
  if (data.length !== 1 || !isObject(m.userData))
    return bad(path, "INVALID_ARGUMENT", "exactly one data type (userData here) per member");
  unknown(m.userData, FIELDS.UserData, `${path}.userData`, bad);
  const ids = Array.isArray(m.userData.userIdentifiers) ? m.userData.userIdentifiers : [];
  const p = `${path}.userData.userIdentifiers`;
  if (!ids.length) bad(p, "REQUIRED_FIELD_MISSING", "userIdentifiers is required");
  if (ids.length > MAX_IDENTIFIERS) bad(p, "TOO_MANY_USER_IDENTIFIERS", `at most ${MAX_IDENTIFIERS}`);
  const encodingReason: ErrorReason = encoding === "HEX" ? "INVALID_HEX_ENCODING" : "INVALID_BASE64_ENCODING";
  for (const [j, id] of ids.entries()) {
    const q = `${p}[${j}]`;
    if (!isObject(id)) {
      bad(q, "INVALID_ARGUMENT", "not an object");
      continue;
    }
    unknown(id, FIELDS.UserIdentifier, q, bad);
    const set = FIELDS.UserIdentifier.filter((k) => id[k] !== undefined);
    if (set.length !== 1) {
      bad(q, "INVALID_ARGUMENT", "exactly one identifier per UserIdentifier");
      continue;
    }
    const k = set[0]!;
    if (k !== "address") {
      if (!hashOk(id[k], encoding))
        bad(`${q}.${k}`, encodingReason, `${k} is not a SHA-256 digest in ${encoding}`);
      continue;
    }
    const a = id.address;
    if (!isObject(a)) {
      bad(`${q}.address`, "INVALID_ARGUMENT", "not an object");
      continue;
    }
    unknown(a, FIELDS.AddressInfo, `${q}.address`, bad);
    for (const n of ["givenName", "familyName"] as const)
      if (!hashOk(a[n], encoding))
        bad(`${q}.address.${n}`, encodingReason, `${n} is not a SHA-256 digest in ${encoding}`);
    const region = typeof a.regionCode === "string" ? a.regionCode : "";
    if (!/^[A-Z]{2}$/.test(region))
      bad(`${q}.address.regionCode`, "INVALID_REGION_CODE", "regionCode must be ISO-3166-1 alpha-2");
    if (typeof a.postalCode !== "string" || !postalOk(a.postalCode, region))
      bad(`${q}.address.postalCode`, "INVALID_POSTAL_CODE", "Postal code is not valid.");
  }
}
