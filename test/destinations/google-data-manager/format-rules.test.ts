import { describe, expect, it } from "vitest";
import {
  formatEmail,
  formatFamilyName,
  formatGivenName,
  formatPhone,
  formatPostalCode,
  formatRegionCode,
  hashedField,
  hashValue,
} from "../../../connectors/google-data-manager/format-rules.ts";
import { buildMember } from "../../../connectors/google-data-manager/members.ts";
import { sha } from "./helpers.ts";

/**
 * Test vectors of Google's "Format user data" guide for the Data Manager API
 * (https://developers.google.com/data-manager/api/devguides/concepts/formatting, FORMAT below) and
 * of the v1 protos (google/ads/datamanager/v1/user_data.proto, PROTO). Expected digests are
 * computed here with node:crypto, not by the connector.
 */
describe("Data Manager formatting rules", () => {
  it("email (FORMAT, email_address): gmail.com and googlemail.com lose dots and the + tag; other domains keep both", () => {
    // FORMAT's own examples.
    expect(formatEmail("cloudy.sanfrancisco+shopping@gmail.com")).toBe("cloudysanfrancisco@gmail.com");
    expect(formatEmail("user.name+NYC@Example.com")).toBe("user.name+nyc@example.com");
    expect(formatEmail("Jane.Doe+x@GoogleMail.com")).toBe("janedoe@googlemail.com");
    // "Trim leading, trailing and intermediate whitespace"; "Convert to lowercase".
    expect(formatEmail("  Jane Doe@Example.COM ")).toBe("janedoe@example.com");
    expect(formatEmail("not an address")).toBeNull();
  });

  it("phone (FORMAT, phone_number): E.164 with the plus and the country code", () => {
    // FORMAT: "(800)555-0100 should be formatted and normalized to +18005550100".
    expect(formatPhone("(800)555-0100", "US")).toBe("+18005550100");
    expect(formatPhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(formatPhone("12")).toBeNull();
  });

  it("names (FORMAT given_name/family_name; PROTO AddressInfo): lowercase, no punctuation, no prefix or suffix", () => {
    expect(formatGivenName(" Mrs. Jane ")).toBe("jane"); // "Don't include prefixes such as Mrs."
    expect(formatFamilyName("Smith Jr.")).toBe("smith"); // "Don't include suffixes such as Jr."
    expect(formatFamilyName("O'Neil")).toBe("oneil"); // "with no punctuation"
    expect(formatGivenName("Dr")).toBe("dr"); // a name, not a prefix, when alone
    expect(formatGivenName("Anne Marie")).toBe("anne marie");
  });

  it("region and postal codes (FORMAT): ISO-3166-1 alpha-2; US 5 digits or ZIP+4; neither hashed", () => {
    expect(formatRegionCode("us")).toBe("US");
    expect(formatRegionCode("United Kingdom")).toBe("GB");
    expect(formatPostalCode("94043", "US")).toBe("94043");
    expect(formatPostalCode("94043 1351", "US")).toBe("94043-1351");
    expect(formatPostalCode("SW1A  1AA", "GB")).toBe("SW1A 1AA");
    expect(formatPostalCode("ABC", "US")).toBeNull();
  });

  it("hashing (FORMAT): SHA-256 of the normalised value, hex or Base64 of the digest bytes", () => {
    expect(hashValue("cloudysanfrancisco@gmail.com", "HEX")).toBe(sha("cloudysanfrancisco@gmail.com"));
    expect(hashValue("+18005550100", "BASE64")).toBe(
      Buffer.from(sha("+18005550100"), "hex").toString("base64"),
    );
    // A value hashed in the warehouse is re-encoded, never hashed again.
    const digest = sha("jane@example.com").toUpperCase();
    expect(hashedField(digest, formatEmail, "HEX")).toBe(digest.toLowerCase());
    expect(hashedField(digest, formatEmail, "BASE64")).toBe(Buffer.from(digest, "hex").toString("base64"));
  });

  it("a member: identifiers hashed, the address sent whole or not at all, consent read per row", () => {
    const built = buildMember(
      { email: ["a@x.com", "A@X.com "], phone: "bad", first_name: "Ann", ad_user_data: false },
      { encoding: "HEX", defaultPhoneCountry: "US" },
    );
    expect(built).toEqual({
      ok: true,
      member: {
        userData: { userIdentifiers: [{ emailAddress: sha("a@x.com") }] },
        consent: { adUserData: "CONSENT_DENIED" },
      },
    });
    const none = buildMember({ phone: "12", first_name: "Ann" }, { encoding: "HEX" });
    expect(none.ok).toBe(false);
    expect(!none.ok && none.reason).toMatch(
      /phone is not a valid phone number.*address lacks a usable last_name/,
    );
    const eleven = buildMember(
      { email: Array.from({ length: 11 }, (_, i) => `p${i}@x.com`) },
      { encoding: "HEX" },
    );
    // PROTO UserData.user_identifiers: "At most 10".
    expect(!eleven.ok && eleven.reason).toMatch(/at most 10/);
  });
});
