import { describe, expect, it } from "vitest";
import { sha } from "./helpers.ts";
import { validateRequest } from "./validate.ts";

/** The stand-in refuses what Google's v1 messages refuse (contract.ts), so a connector cannot pass by luck. */
const destination = {
  operatingAccount: { accountType: "GOOGLE_ADS", accountId: "1234567890" },
  productDestinationId: "1",
};
const member = (email = sha("a@x.com")) => ({ userData: { userIdentifiers: [{ emailAddress: email }] } });
const ingest = (extra: Record<string, unknown> = {}) => ({
  destinations: [destination],
  audienceMembers: [member()],
  encoding: "HEX",
  termsOfService: { customerMatchTermsOfServiceStatus: "ACCEPTED" },
  ...extra,
});
const reasons = (body: unknown, kind: "ingest" | "remove" = "ingest") =>
  validateRequest(body, kind).map((v) => `${v.field} ${v.reason}`);

describe("Data Manager stand-in: request validation", () => {
  it("accepts a well-formed ingest request", () => {
    expect(reasons(ingest())).toEqual([]);
  });

  it("refuses unknown fields, bad enums and a missing encoding", () => {
    expect(reasons(ingest({ operationType: "CREATE" }))).toEqual(["operationType INVALID_ARGUMENT"]);
    expect(reasons(ingest({ consent: { adUserData: "GRANTED" } }))).toEqual([
      "consent.adUserData INVALID_ENUM_VALUE",
    ]);
    expect(reasons(ingest({ encoding: undefined }))).toEqual(["encoding REQUIRED_FIELD_MISSING"]);
    // RemoveAudienceMembersRequest has no consent and no terms of service.
    const { termsOfService: _t, ...remove } = ingest({ consent: {} });
    expect(reasons(remove, "remove")).toEqual(["consent INVALID_ARGUMENT"]);
  });

  it("enforces the limits: 10,000 members, 10 identifiers, 10 destinations", () => {
    expect(reasons(ingest({ audienceMembers: Array.from({ length: 10_001 }, () => member()) }))).toEqual([
      "audienceMembers TOO_MANY_AUDIENCE_MEMBERS",
    ]);
    const ids = Array.from({ length: 11 }, (_, i) => ({ emailAddress: sha(`${i}@x.com`) }));
    expect(reasons(ingest({ audienceMembers: [{ userData: { userIdentifiers: ids } }] }))).toEqual([
      "audienceMembers[0].userData.userIdentifiers TOO_MANY_USER_IDENTIFIERS",
    ]);
    expect(reasons(ingest({ destinations: Array.from({ length: 11 }, () => destination) }))).toEqual([
      "destinations TOO_MANY_DESTINATIONS",
    ]);
  });

  it("checks each identifier's encoding and each address, naming the member", () => {
    expect(reasons(ingest({ audienceMembers: [member(), member("a@x.com")] }))).toEqual([
      "audienceMembers[1].userData.userIdentifiers[0].emailAddress INVALID_HEX_ENCODING",
    ]);
    expect(reasons(ingest({ encoding: "BASE64" }))).toEqual([
      "audienceMembers[0].userData.userIdentifiers[0].emailAddress INVALID_BASE64_ENCODING",
    ]);
    const address = (regionCode: string, postalCode: string) => ({
      userData: {
        userIdentifiers: [{ address: { givenName: sha("a"), familyName: sha("b"), regionCode, postalCode } }],
      },
    });
    const at = "audienceMembers[0].userData.userIdentifiers[0].address";
    expect(reasons(ingest({ audienceMembers: [address("us", "94043")] }))).toEqual([
      `${at}.regionCode INVALID_REGION_CODE`,
    ]);
    expect(reasons(ingest({ audienceMembers: [address("US", "9404")] }))).toEqual([
      `${at}.postalCode INVALID_POSTAL_CODE`,
    ]);
  });
});
