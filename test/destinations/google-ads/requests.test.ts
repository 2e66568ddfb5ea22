import { describe, expect, it } from "vitest";
import { addOperationsRequest, chunkMembers } from "../../../connectors/google-ads/add-operations.ts";
import { googleAdsDestinationSchema } from "../../../connectors/google-ads/config.ts";
import { createJobRequest } from "../../../connectors/google-ads/create-job.ts";
import {
  INLINE_WAIT_MAX_MS,
  operationErrors,
  readErrorBody,
  retryInPlace,
} from "../../../connectors/google-ads/errors.ts";
import {
  buildUserData,
  googleAdsFieldProblems,
  staleIdentifiers,
} from "../../../connectors/google-ads/identifiers.ts";
import { jobStatusQuery } from "../../../connectors/google-ads/run-job.ts";
import type { UserData } from "../../../connectors/google-ads/user-data.ts";
import { userListQuery } from "../../../connectors/google-ads/user-list.ts";
import { retryAfterMs } from "../../../src/http/backoff.ts";
import { HttpError } from "../../../src/http/errors.ts";
import { sha } from "./helpers.ts";

const base = {
  type: "google-ads",
  customerId: "123-456-7890",
  userListId: 7654321,
  developerToken: "dev",
  clientId: "cid",
  clientSecret: "cs",
  refreshToken: "rt",
  consent: { adUserData: "GRANTED", adPersonalization: "UNSPECIFIED" },
};
const contact = { uploadKeyType: "CONTACT_INFO", defaultPhoneCountry: "GB" };

describe("google-ads config", () => {
  it("keeps ids as digits and defaults to the real hosts and a pinned version", () => {
    const c = googleAdsDestinationSchema.parse({
      ...base,
      loginCustomerId: 1112223333,
      defaultPhoneCountry: "gb",
    });
    expect([c.customerId, c.userListId, c.loginCustomerId, c.defaultPhoneCountry]).toEqual([
      "1234567890",
      "7654321",
      "1112223333",
      "GB",
    ]);
    expect([c.baseUrl, c.tokenUrl, c.apiVersion]).toEqual([
      "https://googleads.googleapis.com",
      "https://oauth2.googleapis.com/token",
      "v26",
    ]);
  });

  it("refuses a config without consent, with an unknown key or a bad version", () => {
    const { consent: _, ...noConsent } = base;
    expect(googleAdsDestinationSchema.safeParse(noConsent).success).toBe(false);
    expect(googleAdsDestinationSchema.safeParse({ ...base, listId: "1" }).success).toBe(false);
    expect(googleAdsDestinationSchema.safeParse({ ...base, apiVersion: "19" }).success).toBe(false);
    expect(
      googleAdsDestinationSchema.safeParse({
        ...base,
        consent: { adUserData: "YES", adPersonalization: "GRANTED" },
      }).success,
    ).toBe(false);
  });
});

describe("google-ads request bodies", () => {
  const config = googleAdsDestinationSchema.parse(base);

  it("creates a Customer Match job on the list with the configured consent", () => {
    expect(createJobRequest(config)).toEqual({
      job: {
        type: "CUSTOMER_MATCH_USER_LIST",
        customerMatchUserListMetadata: {
          userList: "customers/1234567890/userLists/7654321",
          consent: { adUserData: "GRANTED", adPersonalization: "UNSPECIFIED" },
        },
      },
    });
  });

  it("adds one create or remove operation per member, with partial failure on", () => {
    const m: UserData = { userIdentifiers: [{ hashedEmail: sha("a@b.co") }] };
    expect(addOperationsRequest("create", [m])).toEqual({
      enablePartialFailure: true,
      operations: [{ create: m }],
    });
    expect(addOperationsRequest("remove", [m, m]).operations).toEqual([{ remove: m }, { remove: m }]);
  });

  it("fills requests up to Google's 100,000 operations and 100,000 identifiers", () => {
    const member = (n: number) => ({
      userData: { userIdentifiers: Array.from({ length: n }, () => ({ thirdPartyUserId: "x" })) },
    });
    expect(chunkMembers(Array.from({ length: 250_001 }, () => member(1))).map((c) => c.length)).toEqual([
      100_000, 100_000, 50_001,
    ]);
    // 20 identifiers each: 5,000 members make 100,000 identifiers, the ceiling.
    expect(chunkMembers(Array.from({ length: 6_000 }, () => member(20))).map((c) => c.length)).toEqual([
      5_000, 1_000,
    ]);
  });

  it("reads the list and the job with one GAQL query each", () => {
    expect(userListQuery("42")).toBe(
      "SELECT user_list.id, user_list.name, user_list.type, user_list.membership_status, user_list.read_only, user_list.crm_based_user_list.upload_key_type FROM user_list WHERE user_list.id = 42",
    );
    expect(jobStatusQuery("customers/1/offlineUserDataJobs/2")).toContain(
      "FROM offline_user_data_job WHERE offline_user_data_job.resource_name = 'customers/1/offlineUserDataJobs/2'",
    );
  });
});

describe("google-ads identifiers", () => {
  it("normalises by Google's rules, then hashes: email, E.164 phone with +, names; country and postal code in clear", () => {
    const built = buildUserData(
      {
        email: "  Jane.Doe@Example.COM ",
        phone: "020 7946 0958",
        first_name: " Jane ",
        last_name: "O'Brien",
        country_code: "gb",
        postal_code: " sw1a 1aa ",
        id: 7,
      },
      contact,
    );
    expect(built).toEqual({
      ok: true,
      userData: {
        userIdentifiers: [
          { hashedEmail: sha("jane.doe@example.com") },
          { hashedPhoneNumber: sha("+442079460958") },
          {
            addressInfo: {
              hashedFirstName: sha("jane"),
              hashedLastName: sha("obrien"),
              countryCode: "GB",
              postalCode: "SW1A 1AA",
            },
          },
        ],
      },
      dropped: [],
    });
  });

  it("reads a phone in the record's country before the default; an invalid one is not sent, and named", () => {
    const o = { defaultPhoneCountry: "US", uploadKeyType: "CONTACT_INFO" };
    // A German mobile written nationally: German with the row's country, not "+1 171…".
    const de = buildUserData({ email: "a@example.com", phone: "01719083461", country_code: "DE" }, o);
    expect(de).toMatchObject({ ok: true, dropped: [] });
    expect(de.ok && de.userData.userIdentifiers).toContainEqual({ hashedPhoneNumber: sha("+491719083461") });
    // Read as American (the default), it is no valid number: left out, the row goes by its email.
    for (const phone of ["01719083461", "+00000000", "+11719083461"]) {
      const us = buildUserData({ email: "a@example.com", phone }, o);
      expect(us).toEqual({
        ok: true,
        userData: { userIdentifiers: [{ hashedEmail: sha("a@example.com") }] },
        dropped: ["phone"],
      });
    }
  });

  it("sends values hashed in the warehouse as they are (lowercased), never hashed twice", () => {
    const email = sha("jane@example.com").toUpperCase();
    const phone = sha("+14155550123");
    const built = buildUserData(
      { email, phone, first_name: sha("jane"), last_name: "Doe", country_code: "US", postal_code: "94043" },
      contact,
    );
    expect(built.ok && built.userData.userIdentifiers).toEqual([
      { hashedEmail: email.toLowerCase() },
      { hashedPhoneNumber: phone },
      {
        addressInfo: {
          hashedFirstName: sha("jane"),
          hashedLastName: sha("doe"),
          countryCode: "US",
          postalCode: "94043",
        },
      },
    ]);
  });

  it("leaves out what cannot be read, and refuses a row left with nothing, saying why without quoting it", () => {
    const partial = buildUserData({ email: "jane@example.com", phone: "12", first_name: "Jane" }, contact);
    expect(partial.ok && partial.userData.userIdentifiers).toEqual([
      { hashedEmail: sha("jane@example.com") },
    ]);
    const none = buildUserData(
      { email: "not-an-email", country_code: "US", postal_code: sha("94043") },
      contact,
    );
    expect(none).toEqual({
      ok: false,
      reason:
        'no identifier Google can match: email is not an email address; country_code and postal_code must not be hashed (needs "email", "phone", or "first_name" + "last_name" + "country_code" + "postal_code")',
    });
    expect(buildUserData({}, contact).ok).toBe(false);
  });

  it("a phone without country code needs defaultPhoneCountry", () => {
    const built = buildUserData({ phone: "(650) 253-0000" }, { uploadKeyType: "CONTACT_INFO" });
    expect(built).toMatchObject({ ok: false, reason: expect.stringContaining("no defaultPhoneCountry") });
    const us = buildUserData(
      { phone: "(650) 253-0000" },
      { uploadKeyType: "CONTACT_INFO", defaultPhoneCountry: "US" },
    );
    expect(us.ok && us.userData.userIdentifiers).toEqual([{ hashedPhoneNumber: sha("+16502530000") }]);
  });

  it("a CRM_ID list takes the user id, in clear, and nothing else", () => {
    const built = buildUserData(
      { third_party_user_id: " u-42 ", email: "a@b.co" },
      { uploadKeyType: "CRM_ID" },
    );
    expect(built.ok && built.userData.userIdentifiers).toEqual([{ thirdPartyUserId: "u-42" }]);
    expect(buildUserData({ email: "a@b.co" }, { uploadKeyType: "CRM_ID" }).ok).toBe(false);
  });
});

describe("google-ads error bodies", () => {
  it("maps partial failures to the request's operation indexes with Google's reasons", () => {
    const { byIndex, unplaced } = operationErrors({
      code: 3,
      message: "Multiple errors in 'details'.",
      details: [
        {
          "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
          errors: [
            {
              errorCode: { offlineUserDataJobError: "INVALID_SHA256_FORMAT" },
              message: "The SHA256 encoded value is malformed.",
              location: {
                fieldPathElements: [
                  { fieldName: "operations", index: 3 },
                  { fieldName: "create" },
                  { fieldName: "user_identifiers", index: 0 },
                  { fieldName: "hashed_email" },
                ],
              },
            },
            {
              errorCode: { offlineUserDataJobError: "INVALID_COUNTRY_CODE" },
              message: "The country code is invalid.",
              location: { fieldPathElements: [{ fieldName: "operations", index: 3 }] },
            },
            {
              errorCode: { offlineUserDataJobError: "MISSING_USER_IDENTIFIER" },
              message: "The user identifier is missing valid data.",
              location: {
                fieldPathElements: [{ fieldName: "operations", index: 0 }, { fieldName: "remove" }],
              },
            },
          ],
        },
      ],
    });
    expect(unplaced).toEqual([]);
    expect([...byIndex.entries()]).toEqual([
      [
        3,
        "INVALID_SHA256_FORMAT: The SHA256 encoded value is malformed. (create.user_identifiers[0].hashed_email); INVALID_COUNTRY_CODE: The country code is invalid.",
      ],
      [0, "MISSING_USER_IDENTIFIER: The user identifier is missing valid data. (remove)"],
    ]);
  });

  it("a quota error: Google's codes read here, its retryDelay by the shared client", () => {
    const body = {
      error: {
        code: 429,
        status: "RESOURCE_EXHAUSTED",
        message: "Resource has been exhausted (e.g. check quota).",
        details: [
          {
            errors: [
              {
                errorCode: { quotaError: "RESOURCE_EXHAUSTED" },
                message: "Too many requests.",
                details: { quotaErrorDetails: { rateScope: "ACCOUNT", retryDelay: "12s" } },
              },
            ],
          },
        ],
      },
    };
    const status = readErrorBody(body);
    expect([status.status, status.errors[0]!.code]).toEqual(["RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED"]);
    expect(retryAfterMs(undefined, body)).toBe(12_000);
  });
});

describe("google-ads retries in the HTTP client (shouldRetry)", () => {
  const failure = (status: number | undefined, codes: string[] = [], wait?: number) =>
    new HttpError(
      "POST",
      "https://googleads.googleapis.com/v26/x",
      status,
      "failed",
      status === undefined || status === 429 || status >= 500,
      wait,
      {
        error: {
          code: status,
          details: [{ errors: codes.map((c) => ({ errorCode: { databaseError: c }, message: c })) }],
        },
      },
    );

  it("retries 5xx, timeouts, quota errors and Google's transient codes, even as a 400", () => {
    expect(retryInPlace(failure(503))).toBe(true);
    expect(retryInPlace(failure(undefined))).toBe(true);
    expect(retryInPlace(failure(429, ["RESOURCE_EXHAUSTED"], 30_000))).toBe(true);
    expect(retryInPlace(failure(400, ["CONCURRENT_MODIFICATION"]))).toBe(true);
  });

  it("leaves to the connector a 401 (new access token), refusals, and delays too long to wait in place", () => {
    expect(retryInPlace(failure(401))).toBe(false);
    expect(retryInPlace(failure(400, ["INVALID_SHA256_FORMAT"]))).toBe(false);
    expect(retryInPlace(failure(403, ["USER_PERMISSION_DENIED"]))).toBe(false);
    expect(retryInPlace(failure(429, ["RESOURCE_EXHAUSTED"], INLINE_WAIT_MAX_MS + 1))).toBe(false);
  });
});

describe("google-ads field names (validateFields)", () => {
  it("takes the connector's names, including an address mapped whole", () => {
    expect(
      googleAdsFieldProblems(["email", "phone", "first_name", "last_name", "country_code", "postal_code"]),
    ).toEqual([]);
    expect(googleAdsFieldProblems(["third_party_user_id"])).toEqual([]);
  });

  it("names unknown fields with a hint, instead of dropping them silently", () => {
    expect(googleAdsFieldProblems(["email", "Phone", "zip", "loyalty_tier"])).toEqual([
      'field "Phone" is not a Google Ads Customer Match field: did you mean phone?',
      'field "zip" is not a Google Ads Customer Match field: did you mean postal_code?',
      'field "loyalty_tier" is not a Google Ads Customer Match field: use email, phone, first_name, last_name, country_code, postal_code, third_party_user_id',
    ]);
  });

  it("refuses a mapping with no identifier; an address in part is no identifier, but no error", () => {
    expect(googleAdsFieldProblems(["email", "first_name", "country_code"])).toEqual([]);
    const none = [
      "no identifier to match members by: map email, phone, the four address fields, or third_party_user_id (lists of user ids)",
    ];
    expect(googleAdsFieldProblems(["first_name", "last_name", "country_code"])).toEqual(none);
    expect(googleAdsFieldProblems([])).toEqual(none);
  });
});

describe("google-ads identifiers of a changed member", () => {
  const now = (fields: Record<string, unknown>) => {
    const built = buildUserData(fields, contact);
    if (!built.ok) throw new Error(built.reason);
    return built.userData;
  };
  const person = {
    email: "ann@example.com",
    phone: "+14155550123",
    first_name: "Ann",
    last_name: "Lee",
    country_code: "US",
    postal_code: "94043",
  };

  it("only the identifiers that differ are stale: a new email leaves the phone and the address", () => {
    const changed = { ...person, email: "ann.lee@example.com" };
    expect(staleIdentifiers(person, now(changed), contact)).toEqual([
      { hashedEmail: sha("ann@example.com") },
    ]);
    const moved = { ...person, postal_code: "10001" };
    expect(staleIdentifiers(person, now(moved), contact)).toEqual([
      {
        addressInfo: {
          hashedFirstName: sha("ann"),
          hashedLastName: sha("lee"),
          countryCode: "US",
          postalCode: "94043",
        },
      },
    ]);
  });

  it("nothing is stale when the change does not reach Google, or nothing was delivered before", () => {
    const recased = { ...person, email: " Ann@Example.COM", phone: "+1 (415) 555-0123" };
    expect(staleIdentifiers(person, now(recased), contact)).toEqual([]);
    // An identifier dropped from the data (no phone any more) is stale too.
    const { phone: _phone, ...noPhone } = person;
    expect(staleIdentifiers(person, now(noPhone), contact)).toEqual([
      { hashedPhoneNumber: sha("+14155550123") },
    ]);
    expect(staleIdentifiers({}, now(person), contact)).toEqual([]);
  });

  it("a user id list: the old user id is stale", () => {
    const crm = { uploadKeyType: "CRM_ID" };
    const built = buildUserData({ third_party_user_id: "u-2" }, crm);
    expect(built.ok && staleIdentifiers({ third_party_user_id: "u-1" }, built.userData, crm)).toEqual([
      { thirdPartyUserId: "u-1" },
    ]);
  });
});
