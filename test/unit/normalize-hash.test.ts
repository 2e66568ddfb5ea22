import { describe, expect, it } from "vitest";
import {
  hashed,
  isSha256Hex,
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
  normalizePhoneE164,
  normalizePostalCode,
  normalizeState,
  preHashed,
  sha256Hex,
  toText,
} from "../../src/connector-kit/normalize-hash.ts";

/**
 * Published vectors: input → normalised value → SHA-256 hex, as printed in the platforms' docs.
 *
 * META_CAPI: Meta for Developers, "Customer Information Parameters" (Conversions API),
 *   https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters
 *   (em: "John_Smith@gmail.com" → "john_smith@gmail.com" → 62a14e44…; ph: "US phone number
 *   (650)555-1212" → "16505551212" → e323ec62…; fn examples "mary", "valéry", "정"; ge "f";
 *   db "19970216"; ct "menlopark"; st "ca"; country "us").
 * GOOGLE_DM: Google Data Manager API, "Format user data" (the rules: GOOGLE_NORMALIZATION in
 *   src/connector-kit/normalize-rules.ts), https://developers.google.com/data-manager/api/devguides/concepts/formatting
 *   (normalisation only, no digests printed: "(800)555-0100" → "+18005550100"; gmail.com and
 *   googlemail.com lose the dots before "@", and nothing else; "user.name+NYC@Example.com" →
 *   "user.name+nyc@example.com").
 */
const META_CAPI = {
  email: "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f",
  phone: "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176",
  fnMary: "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec",
  fnValery: "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c",
  fnJeong: "8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14",
  genderF: "252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111",
  dob: "01acdbf6ec7b4f478a225f1a246e5d6767eeab1a7ffa17f025265b5b94f40f0c",
  city: "0007a3d64c01e23d5075203c5977c14e4f7e01a3fc570686fcc50b5e1dd42685",
  state: "6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126",
  country: "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621",
};

describe("published vectors", () => {
  it("Meta: email trimmed and lowercased (Customer Information Parameters, em)", () => {
    expect(normalizeEmail("John_Smith@gmail.com")).toBe("john_smith@gmail.com");
    expect(hashed(normalizeEmail("John_Smith@gmail.com"))).toBe(META_CAPI.email);
    expect(hashed(normalizeEmail("  JOHN_SMITH@GMAIL.COM \n"))).toBe(META_CAPI.email);
  });

  it("Meta: phone as digits with the country code (Customer Information Parameters, ph)", () => {
    const opts = { platform: "meta" as const, defaultCountry: "US" };
    expect(normalizePhone("(650)555-1212", opts)).toBe("16505551212");
    expect(hashed(normalizePhone("(650)555-1212", opts))).toBe(META_CAPI.phone);
    // The same number written internationally, with no default country.
    expect(hashed(normalizePhone("+1 650-555-1212"))).toBe(META_CAPI.phone);
    expect(hashed(normalizePhone("001 650 555 1212"))).toBe(META_CAPI.phone);
  });

  it("Meta: names in lowercase, UTF-8 letters kept (Customer Information Parameters, fn)", () => {
    expect(hashed(normalizeName("Mary"))).toBe(META_CAPI.fnMary);
    expect(hashed(normalizeName("Valéry"))).toBe(META_CAPI.fnValery);
    // "é" as e + combining accent (NFD) hashes like the precomposed letter.
    expect(hashed(normalizeName("Vale\u0301ry"))).toBe(META_CAPI.fnValery);
    expect(hashed(normalizeName("정"))).toBe(META_CAPI.fnJeong);
  });

  it("Meta: gender, date of birth, city, state, country (Customer Information Parameters)", () => {
    expect(hashed(normalizeGender("Female"))).toBe(META_CAPI.genderF);
    expect(hashed(normalizeDateOfBirth("1997-02-16")!.ymd)).toBe(META_CAPI.dob);
    expect(hashed(normalizeCity("Menlo Park"))).toBe(META_CAPI.city);
    expect(hashed(normalizeState("CA"))).toBe(META_CAPI.state);
    expect(hashed(normalizeState("California"))).toBe(META_CAPI.state);
    expect(hashed(normalizeCountryCode(" US "))).toBe(META_CAPI.country);
  });

  it("Google: phone in E.164 with the plus (Data Manager, Format user data)", () => {
    expect(normalizePhone("(800)555-0100", { platform: "google", defaultCountry: "US" })).toBe(
      "+18005550100",
    );
    expect(hashed(normalizePhone("(800)555-0100", { platform: "google", defaultCountry: "US" }))).toBe(
      sha256Hex("+18005550100"),
    );
  });

  it("Google: gmail dots removed, +tags kept, other domains only lowercased (GOOGLE_NORMALIZATION)", () => {
    const google = { platform: "google" as const };
    // Only the documented rule: a +tag is not stripped (our hash must be the one Google computes).
    expect(normalizeEmail("cloudy.sanfrancisco+shopping@gmail.com", google)).toBe(
      "cloudysanfrancisco+shopping@gmail.com",
    );
    expect(normalizeEmail("Cloudy.SanFrancisco@gmail.com", google)).toBe("cloudysanfrancisco@gmail.com");
    expect(normalizeEmail("user.name+NYC@Example.com", google)).toBe("user.name+nyc@example.com");
    expect(normalizeEmail("Jane.Doe@GoogleMail.com", google)).toBe("janedoe@googlemail.com");
    // Meta keeps the dots: the same address hashes differently per platform.
    expect(normalizeEmail("cloudy.sanfrancisco+shopping@gmail.com")).toBe(
      "cloudy.sanfrancisco+shopping@gmail.com",
    );
  });
});

describe("sha256Hex, isSha256Hex, hashed, preHashed", () => {
  it("hashes UTF-8 bytes to lowercase hex", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("정")).toBe(META_CAPI.fnJeong);
  });

  it("recognises exactly 64 lowercase hex characters", () => {
    expect(isSha256Hex(META_CAPI.email)).toBe(true);
    expect(isSha256Hex(META_CAPI.email.toUpperCase())).toBe(false);
    expect(isSha256Hex(META_CAPI.email.slice(1))).toBe(false);
    expect(isSha256Hex(`${META_CAPI.email}0`)).toBe(false);
    expect(isSha256Hex(`${META_CAPI.email.slice(1)}g`)).toBe(false);
  });

  it("never hashes twice, and keeps null", () => {
    expect(hashed(META_CAPI.email)).toBe(META_CAPI.email);
    expect(hashed(hashed("john_smith@gmail.com"))).toBe(META_CAPI.email);
    expect(hashed(null)).toBeNull();
  });

  it("reads digests hashed in the warehouse, in any case, and nothing else", () => {
    expect(preHashed(` ${META_CAPI.email.toUpperCase()} `)).toBe(META_CAPI.email);
    expect(preHashed("john_smith@gmail.com")).toBeNull();
    expect(preHashed(12345)).toBeNull();
    expect(preHashed(null)).toBeNull();
  });
});

describe("toText", () => {
  it("turns warehouse values into trimmed text; empty is null", () => {
    expect(toText("  a ")).toBe("a");
    expect(toText("   ")).toBeNull();
    expect(toText(null)).toBeNull();
    expect(toText(undefined)).toBeNull();
    expect(toText(14155552671)).toBe("14155552671");
    expect(toText(12345n)).toBe("12345");
    expect(toText(Number.NaN)).toBeNull();
    expect(toText(new Date("2020-01-02T00:00:00Z"))).toBe("2020-01-02T00:00:00.000Z");
    expect(toText({ a: 1 })).toBeNull();
  });
});

describe("normalizeEmail", () => {
  it("removes whitespace, lowercases, refuses what is not an address", () => {
    expect(normalizeEmail("\tAnn@Example.COM  ")).toBe("ann@example.com");
    expect(normalizeEmail("ann @example.com")).toBe("ann@example.com");
    expect(normalizeEmail("")).toBeNull();
    expect(normalizeEmail("not an email")).toBeNull();
    expect(normalizeEmail("ann@localhost")).toBeNull();
    expect(normalizeEmail(42)).toBeNull();
  });

  it("a gmail local part of dots only is no address for Google; a +tag alone is kept as written", () => {
    expect(normalizeEmail("...@gmail.com", { platform: "google" })).toBeNull();
    expect(normalizeEmail("+tag@gmail.com", { platform: "google" })).toBe("+tag@gmail.com");
  });
});

describe("normalizePhoneE164", () => {
  it("reads international formats without a default country", () => {
    expect(normalizePhoneE164("+1 (415) 555-2671")).toBe("+14155552671");
    expect(normalizePhoneE164("14155552671")).toBe("+14155552671");
    expect(normalizePhoneE164(14155552671)).toBe("+14155552671");
    expect(normalizePhoneE164("0044 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhoneE164("+44 (0)20 7946 0958")).toBe("+442079460958");
  });

  it("reads national numbers with the default country", () => {
    expect(normalizePhoneE164("(415) 555-2671", "US")).toBe("+14155552671");
    expect(normalizePhoneE164("415.555.2671", "us")).toBe("+14155552671");
    expect(normalizePhoneE164("1-415-555-2671", "US")).toBe("+14155552671");
    expect(normalizePhoneE164("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalizePhoneE164("030 901820", "DE")).toBe("+4930901820");
    // An explicit country code wins over the default.
    expect(normalizePhoneE164("+44 20 7946 0958", "US")).toBe("+442079460958");
  });

  it("is null for what is not a valid number", () => {
    expect(normalizePhoneE164("020 7946 0958")).toBeNull(); // national, no default country
    expect(normalizePhoneE164("555-0100", "US")).toBeNull(); // too short
    expect(normalizePhoneE164("+1 000 000 0000")).toBeNull();
    expect(normalizePhoneE164("call me", "US")).toBeNull();
    expect(normalizePhoneE164("", "US")).toBeNull();
  });
});

describe("normalizeName", () => {
  it("Meta: lowercase, no punctuation, no spaces, letters of every script kept", () => {
    expect(normalizeName("  O'Brien-Smith ")).toBe("obriensmith");
    expect(normalizeName("Mary Ann")).toBe("maryann");
    expect(normalizeName("José!")).toBe("josé");
    expect(normalizeName("ZOË")).toBe("zoë");
    expect(normalizeName("गौरव")).toBe("गौरव"); // combining vowel signs are kept
    expect(normalizeName("...")).toBeNull();
    expect(normalizeName(null)).toBeNull();
  });

  it("Google: lowercase, trimmed, single spaces kept between words", () => {
    expect(normalizeName("  Mary   Ann ", { platform: "google" })).toBe("mary ann");
    expect(normalizeName("O'Brien", { platform: "google" })).toBe("obrien");
  });

  it("first initial", () => {
    expect(normalizeFirstInitial(" Émile")).toBe("é");
    expect(normalizeFirstInitial("")).toBeNull();
  });
});

describe("normalizePostalCode", () => {
  it("Meta: US ZIP+4 keeps 5 digits; UK to area/district/sector; others lowercase, no spaces", () => {
    expect(normalizePostalCode("94035-1234")).toBe("94035");
    expect(normalizePostalCode(" 94035 ", "US")).toBe("94035");
    expect(normalizePostalCode("940351234", "us")).toBe("94035");
    expect(normalizePostalCode("SW1A 1AA", "GB")).toBe("sw1a1");
    expect(normalizePostalCode("M1 1AE", "gb")).toBe("m11");
    expect(normalizePostalCode("K1A 0B1", "CA")).toBe("k1a0b1");
    expect(normalizePostalCode("ABCDE", "US")).toBeNull();
    expect(normalizePostalCode("  ")).toBeNull();
  });

  it("Google: US 5 digits or ZIP+4, others trimmed and uppercased", () => {
    const google = { platform: "google" as const };
    expect(normalizePostalCode("94035-1234", "US", google)).toBe("94035-1234");
    expect(normalizePostalCode("940351234", undefined, google)).toBe("94035-1234");
    expect(normalizePostalCode("94035", "US", google)).toBe("94035");
    expect(normalizePostalCode(" sw1a  1aa ", "GB", google)).toBe("SW1A 1AA");
  });
});

describe("normalizeCountryCode", () => {
  it("ISO-2 lowercase for Meta, uppercase for Google; common names accepted", () => {
    expect(normalizeCountryCode("US")).toBe("us");
    expect(normalizeCountryCode("us", { platform: "google" })).toBe("US");
    expect(normalizeCountryCode("USA")).toBe("us");
    expect(normalizeCountryCode("United Kingdom")).toBe("gb");
    expect(normalizeCountryCode("UK", { platform: "google" })).toBe("GB");
    expect(normalizeCountryCode("de")).toBe("de");
    expect(normalizeCountryCode("XX")).toBeNull();
    expect(normalizeCountryCode("Narnia")).toBeNull();
    expect(normalizeCountryCode(null)).toBeNull();
  });
});

describe("city, state, gender, dates, ids", () => {
  it("city: no spaces, digits or punctuation; other scripts kept", () => {
    expect(normalizeCity("St. Louis")).toBe("stlouis");
    expect(normalizeCity("Paris 75001")).toBe("paris");
    expect(normalizeCity("मुंबई")).toBe("मुंबई");
    expect(normalizeCity("123")).toBeNull();
  });

  it("state: US names become codes only in the US", () => {
    expect(normalizeState("New York")).toBe("ny");
    expect(normalizeState("new york", "US")).toBe("ny");
    expect(normalizeState("Georgia", "us")).toBe("ga");
    expect(normalizeState("Île-de-France", "FR")).toBe("îledefrance");
    expect(normalizeState("Bavaria", "DE")).toBe("bavaria");
  });

  it("gender: m or f", () => {
    expect(normalizeGender("M")).toBe("m");
    expect(normalizeGender(" male ")).toBe("m");
    expect(normalizeGender("F")).toBe("f");
    expect(normalizeGender("x")).toBeNull();
    expect(normalizeGender(null)).toBeNull();
  });

  it("date of birth from text or a Date; impossible dates are null", () => {
    const now = new Date("2025-06-01T00:00:00Z");
    expect(normalizeDateOfBirth("1997-02-16", now)).toEqual({
      year: "1997",
      month: "02",
      day: "16",
      ymd: "19970216",
    });
    expect(normalizeDateOfBirth("19970216", now)?.ymd).toBe("19970216");
    expect(normalizeDateOfBirth("1997/2/6", now)?.ymd).toBe("19970206");
    expect(normalizeDateOfBirth(new Date("1997-02-16T00:00:00Z"), now)?.ymd).toBe("19970216");
    expect(normalizeDateOfBirth("1997-02-30", now)).toBeNull();
    expect(normalizeDateOfBirth("1850-01-01", now)).toBeNull();
    expect(normalizeDateOfBirth("2030-01-01", now)).toBeNull();
    expect(normalizeDateOfBirth("16/02/1997", now)).toBeNull();
  });

  it("birth year, month and day parts", () => {
    const now = new Date("2025-06-01T00:00:00Z");
    expect(normalizeBirthYear("1997", now)).toBe("1997");
    expect(normalizeBirthYear(1997, now)).toBe("1997");
    expect(normalizeBirthYear("97", now)).toBeNull();
    expect(normalizeBirthYear("1899", now)).toBeNull();
    expect(normalizeBirthMonth("2")).toBe("02");
    expect(normalizeBirthMonth(12)).toBe("12");
    expect(normalizeBirthMonth("13")).toBeNull();
    expect(normalizeBirthMonth("1997-02-16")).toBe("02");
    expect(normalizeBirthDay("7")).toBe("07");
    expect(normalizeBirthDay("32")).toBeNull();
    expect(normalizeBirthDay(new Date("1997-02-16T00:00:00Z"))).toBe("16");
  });

  it("MADID lowercased with hyphens; EXTERN_ID as it is", () => {
    expect(normalizeMadid(" AB-CD-12 ")).toBe("ab-cd-12");
    expect(normalizeExternalId(" Cust-42 ")).toBe("Cust-42");
    expect(normalizeExternalId(42)).toBe("42");
    expect(normalizeExternalId("")).toBeNull();
  });
});
