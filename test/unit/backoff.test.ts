import { describe, expect, it } from "vitest";
import { backoffMs, googleRetryDelayMs, protobufDurationMs, retryAfterMs } from "../../src/http/backoff.ts";

/** A Google API error body (`google.rpc.Status`) with these details. */
const googleError = (details: unknown[]) => ({
  error: { code: 429, status: "RESOURCE_EXHAUSTED", message: "Resource has been exhausted.", details },
});
const retryInfo = (delay: string) => ({
  "@type": "type.googleapis.com/google.rpc.RetryInfo",
  retryDelay: delay,
});
const adsQuota = (delay: string) => ({
  "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
  errors: [
    {
      errorCode: { quotaError: "RESOURCE_EXHAUSTED" },
      message: "Too many requests.",
      details: { quotaErrorDetails: { rateScope: "ACCOUNT", retryDelay: delay } },
    },
  ],
});

describe("backoffMs", () => {
  it("doubles from the base up to the cap, drawn between half and all of it", () => {
    expect([1, 2, 3].map((a) => backoffMs(a, 100, 10_000, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((a) => backoffMs(a, 100, 10_000, () => 1))).toEqual([100, 200, 400]);
    expect(backoffMs(20, 100, 1_000, () => 1)).toBe(1_000);
  });
});

describe("retryAfterMs", () => {
  it("reads Retry-After in seconds or as an HTTP date", () => {
    expect(retryAfterMs("7")).toBe(7_000);
    const now = Date.parse("2026-05-01T10:00:00Z");
    expect(retryAfterMs("Fri, 01 May 2026 10:00:30 GMT", undefined, now)).toBe(30_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });

  it("reads a JSON body's hint in seconds or milliseconds", () => {
    expect(retryAfterMs(undefined, { retry_after: 2 })).toBe(2_000);
    expect(retryAfterMs(undefined, { retryAfterMs: 1_500 })).toBe(1_500);
    expect(retryAfterMs(undefined, { message: "slow down" })).toBeUndefined();
  });

  it("reads Google's retryDelay: a RetryInfo detail, or a Google Ads quota error's details", () => {
    expect(retryAfterMs(undefined, googleError([retryInfo("45s")]))).toBe(45_000);
    expect(retryAfterMs(undefined, googleError([adsQuota("12s")]))).toBe(12_000);
    // Both present: the longer wait, so the retry does not come back too early.
    expect(retryAfterMs(undefined, googleError([adsQuota("12s"), retryInfo("1.5s")]))).toBe(12_000);
  });

  it("prefers the Retry-After header over the body", () => {
    expect(retryAfterMs("3", googleError([retryInfo("45s")]))).toBe(3_000);
  });

  it("ignores Google error bodies without a usable delay", () => {
    expect(googleRetryDelayMs(googleError([]))).toBeUndefined();
    expect(
      googleRetryDelayMs(googleError([retryInfo("soon"), { errors: [{ details: null }] }])),
    ).toBeUndefined();
    expect(googleRetryDelayMs({ error: "quota" })).toBeUndefined();
    expect(googleRetryDelayMs([googleError([retryInfo("5s")])])).toBeUndefined();
  });
});

describe("protobufDurationMs", () => {
  it("reads the JSON form of a Duration", () => {
    expect([protobufDurationMs("30s"), protobufDurationMs("1.5s"), protobufDurationMs(" 0s ")]).toEqual([
      30_000, 1_500, 0,
    ]);
    expect([protobufDurationMs("30"), protobufDurationMs(30), protobufDurationMs("1m")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
