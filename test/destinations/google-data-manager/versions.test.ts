import { expect, it } from "vitest";
import { googleDataManagerDestinationSchema } from "../../../connectors/google-data-manager/config.ts";
import { VERSIONS } from "../../../connectors/google-data-manager/versions.ts";

/**
 * Pinned from Google's release notes (https://developers.google.com/data-manager/api/reference):
 * v1 generally available on 2025-10-06 ("v1.3"), no sunset published.
 */
const PUBLISHED = { version: "v1", released: "2025-10-06" };

it("the default API version is the one Google publishes, released, and not past a sunset", () => {
  const config = googleDataManagerDestinationSchema.parse({
    type: "google-data-manager",
    operatingAccount: { type: "GOOGLE_ADS", id: "1" },
    productDestinationId: "1",
    clientId: "c",
    clientSecret: "s",
    refreshToken: "r",
    customerMatchTermsAccepted: true,
  });
  expect(config.apiVersion).toBe(PUBLISHED.version);
  const entry = VERSIONS.find((v) => v.version === config.apiVersion);
  expect(entry).toMatchObject(PUBLISHED);
  expect(entry!.source).toMatch(/developers\.google\.com\/data-manager/);
  if (entry!.sunset) expect(Date.parse(entry!.sunset)).toBeGreaterThan(Date.now());
});

it("the Customer Match terms must be declared accepted", () => {
  const parsed = googleDataManagerDestinationSchema.safeParse({
    type: "google-data-manager",
    operatingAccount: { type: "GOOGLE_ADS", id: "1" },
    productDestinationId: "1",
    clientId: "c",
    clientSecret: "s",
    refreshToken: "r",
  });
  expect(parsed.success).toBe(false);
  expect(JSON.stringify(parsed.error?.issues)).toMatch(/customerMatchTermsAccepted: true/);
});
