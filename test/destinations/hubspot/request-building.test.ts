import { describe, expect, it } from "vitest";
import { archiveBody } from "../../../connectors/hubspot/archive-records.ts";
import { parseBatchResponse, rowErrorResult } from "../../../connectors/hubspot/batch-response.ts";
import { hubspotDestinationSchema } from "../../../connectors/hubspot/config.ts";
import { readableMessage, toHubspotError } from "../../../connectors/hubspot/errors.ts";
import { HUBSPOT_DEFAULT_RATE, hubspotConnector } from "../../../connectors/hubspot/index.ts";
import { readBody } from "../../../connectors/hubspot/read-record-ids.ts";
import { updateBody } from "../../../connectors/hubspot/update-records.ts";
import { matchUpsertAnswer, upsertBody } from "../../../connectors/hubspot/upsert-records.ts";
import { idMatchKey, propertyValue, uniqueGroups } from "../../../connectors/hubspot/values.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import type { SyncRecord } from "../../../src/connector-kit/connector.ts";
import { HttpError } from "../../../src/http/errors.ts";

const row = (key: string, fields: Record<string, unknown> = {}): SyncRecord => ({
  key,
  op: "upsert",
  fields,
});

describe("hubspot request building", () => {
  it("sends every value as the string HubSpot reads", () => {
    expect(propertyValue("Ann")).toBe("Ann");
    expect(propertyValue(42.5)).toBe("42.5");
    expect(propertyValue(12345678901234567890n)).toBe("12345678901234567890");
    expect(propertyValue(true)).toBe("true");
    expect(propertyValue(false)).toBe("false");
    expect(propertyValue(new Date(Date.UTC(2024, 0, 8, 13, 52)))).toBe("2024-01-08T13:52:00.000Z");
    expect(propertyValue("2024-01-08")).toBe("2024-01-08");
    expect(propertyValue(null)).toBe("");
    expect(propertyValue(undefined)).toBe("");
    expect(propertyValue(Number.NaN)).toBe("");
    expect(propertyValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
  });

  it("builds batch/upsert inputs keyed by the id property, without repeating it in properties", () => {
    expect(
      upsertBody("email", [
        row("a@x.com", { email: "a@x.com", firstname: "Ann", total_spend: 3, is_vip: null }),
      ]),
    ).toEqual({
      inputs: [
        {
          idProperty: "email",
          id: "a@x.com",
          properties: { firstname: "Ann", total_spend: "3", is_vip: "" },
        },
      ],
    });
    expect(readBody("cdp_id", ["1", "2"])).toEqual({
      idProperty: "cdp_id",
      properties: ["cdp_id"],
      propertiesWithHistory: [],
      inputs: [{ id: "1" }, { id: "2" }],
    });
    expect(updateBody("email", [{ recordId: "901", record: row("a@x.com", { firstname: "Ann" }) }])).toEqual({
      inputs: [{ id: "901", properties: { firstname: "Ann" } }],
    });
    expect(archiveBody(["1", "2", "1"])).toEqual({ inputs: [{ id: "1" }, { id: "2" }] });
  });

  it("never puts the same record twice in one request", () => {
    const rows = ["a@x.com", "A@x.com", "b@x.com", " a@X.com"];
    const groups = uniqueGroups(rows, (k) => idMatchKey("email", k));
    expect(groups).toEqual([["a@x.com", "b@x.com"], ["A@x.com"], [" a@X.com"]]);
    expect(uniqueGroups(["X1", "x1"], (k) => idMatchKey("cdp_id", k))).toEqual([["X1", "x1"]]);
  });

  it("maps a 207 to rows: results by the echoed id property, errors by context ids", () => {
    const target = { object: "contacts" as const, idProperty: "email" };
    const answer = parseBatchResponse({
      status: "COMPLETE",
      results: [{ id: "101", properties: { email: "ann@x.com", hs_object_id: "101" } }],
      numErrors: 2,
      errors: [
        {
          status: "error",
          category: "VALIDATION_ERROR",
          message:
            'Property values were not valid: [{"isValid":false,"message":"Email address bad is invalid","error":"INVALID_EMAIL","name":"email"}]',
          context: { ids: ["bad"] },
        },
        { status: "error", category: "RATE_LIMITS", message: "try later", context: { ids: ["slow@x.com"] } },
      ],
    });
    const out = matchUpsertAnswer(
      target,
      [row("Ann@X.com"), row("bad"), row("slow@x.com"), row("lost@x.com")],
      answer,
    );
    expect(out.get("Ann@X.com")).toEqual({
      result: { key: "Ann@X.com", status: "delivered" },
      recordId: "101",
    });
    expect(out.get("bad")?.result).toEqual({
      key: "bad",
      status: "rejected",
      reason: "HubSpot VALIDATION_ERROR: email: Email address bad is invalid (INVALID_EMAIL)",
    });
    expect(out.get("slow@x.com")?.result.status).toBe("retryable");
    expect(out.get("lost@x.com")?.result).toMatchObject({ status: "retryable" });
  });

  it("accounts for rows when HubSpot's answer does not echo the id property", () => {
    const target = { object: "contacts" as const, idProperty: "cdp_id" };
    const all = parseBatchResponse({
      results: [
        { id: "1", properties: {} },
        { id: "2", properties: {} },
      ],
    });
    expect(
      [...matchUpsertAnswer(target, [row("a"), row("b")], all).values()].map((o) => o.result.status),
    ).toEqual(["delivered", "delivered"]);
    const one = parseBatchResponse({
      results: [],
      errors: [{ category: "VALIDATION_ERROR", message: "nope" }],
    });
    expect(matchUpsertAnswer(target, [row("a")], one).get("a")?.result).toMatchObject({ status: "rejected" });
    expect(rowErrorResult("k", { category: undefined, message: "odd", ids: [] }).status).toBe("retryable");
  });

  it("classifies HubSpot's failures: what the sync reports and whether a retry helps", () => {
    const http = (
      status: number | undefined,
      body: unknown,
      retryable = status === undefined || status >= 500,
      headers?: Record<string, unknown>,
    ) =>
      new HttpError(
        "POST",
        "https://api.hubapi.com/x",
        status,
        String((body as { message?: string })?.message ?? ""),
        retryable,
        undefined,
        body,
        headers,
      );
    const auth = toHubspotError(
      http(401, { message: "expired", category: "EXPIRED_AUTHENTICATION" }),
      "upserting",
    );
    expect(auth).toMatchObject({ retryable: false, fatal: true, status: 401 });
    expect(auth.message).toMatch(/^HubSpot refused the access token \(401 EXPIRED_AUTHENTICATION\)/);
    const daily = toHubspotError(
      http(
        429,
        { errorType: "RATE_LIMIT", policyName: "DAILY", message: "You have reached your daily limit." },
        true,
      ),
      "upserting",
    );
    expect(daily).toMatchObject({ retryable: true, fatal: true, retryAfterMs: undefined });
    expect(daily.message).toMatch(
      /^HubSpot's daily API request limit for this portal is used up \(429 DAILY\)/,
    );
    // The headers name the portal's limit, and say it is the daily one when the body does not.
    const dailyByHeader = toHubspotError(
      http(429, { errorType: "RATE_LIMIT", message: "You have reached your daily limit." }, true, {
        "x-hubspot-ratelimit-daily": "250000",
        "x-hubspot-ratelimit-daily-remaining": "0",
      }),
      "upserting",
    );
    expect(dailyByHeader).toMatchObject({ fatal: true, category: "DAILY" });
    expect(dailyByHeader.message).toContain("(429 DAILY: 250,000 requests a day)");
    const burst = toHubspotError(
      http(429, { errorType: "RATE_LIMIT", policyName: "TEN_SECONDLY_ROLLING", message: "slow" }, true),
      "upserting contacts",
    );
    expect(burst).toMatchObject({ retryable: true, fatal: false, retryAfterMs: undefined });
    expect(burst.message).toContain("TEN_SECONDLY_ROLLING");
    // Without Retry-After, the window HubSpot names is the wait before the batch goes again.
    const windowed = toHubspotError(
      http(429, { errorType: "RATE_LIMIT", policyName: "TEN_SECONDLY_ROLLING", message: "slow" }, true, {
        "x-hubspot-ratelimit-interval-milliseconds": "10000",
        "x-hubspot-ratelimit-max": "100",
        "x-hubspot-ratelimit-remaining": "0",
      }),
      "upserting contacts",
    );
    expect(windowed).toMatchObject({ retryable: true, fatal: false, retryAfterMs: 10_000 });
    expect(toHubspotError(http(502, { message: "bad gateway" }), "x")).toMatchObject({ retryable: true });
    expect(toHubspotError(http(undefined, undefined), "x")).toMatchObject({ retryable: true });
    const scopes = toHubspotError(
      http(403, {
        message: "This app hasn't been granted all required scopes to make this call.",
        category: "MISSING_SCOPES",
        errors: [
          {
            message: "One or more of the following scopes are required.",
            context: { requiredGranularScopes: ["crm.lists.write"] },
          },
        ],
      }),
      "adding records to list 7",
    );
    expect(scopes).toMatchObject({ retryable: false, fatal: true });
    expect(scopes.message).toMatch(/give the private app the scope crm\.lists\.write$/);
    const missing = toHubspotError(
      http(400, {
        message:
          'Property values were not valid: [{"isValid":false,"message":"Property \\"favourite\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"favourite"}]',
        category: "VALIDATION_ERROR",
      }),
      "upserting contacts",
    );
    expect(missing).toMatchObject({ retryable: false, fatal: true });
    expect(missing.message).toMatch(/^HubSpot has no property "favourite"/);
    const invalid = toHubspotError(
      http(400, {
        message:
          'Property values were not valid: [{"isValid":false,"message":"Email address x is invalid","error":"INVALID_EMAIL","name":"email"}]',
        category: "VALIDATION_ERROR",
      }),
      "upserting contacts",
    );
    expect(invalid).toMatchObject({ retryable: false, fatal: false });
    expect(invalid.message).toBe(
      "HubSpot 400 VALIDATION_ERROR: email: Email address x is invalid (INVALID_EMAIL)",
    );
    expect(readableMessage("plain")).toBe("plain");
  });

  it("defaults from HubSpot's limits, and a config schema that refuses what HubSpot would", () => {
    const config = hubspotDestinationSchema.parse({ type: "hubspot", accessToken: "pat-x" });
    expect(config).toMatchObject({ object: "contacts", baseUrl: "https://api.hubapi.com", timeout: 30 });
    const c = hubspotConnector(config, { projectDir: ".", redactor: new Redactor() });
    expect(c).toMatchObject({ name: "hubspot", batchSize: 100, rateLimit: HUBSPOT_DEFAULT_RATE });
    expect(c.modes).toEqual(["upsert", "update", "mirror", "audience"]);
    expect(
      hubspotConnector(config, { projectDir: ".", redactor: new Redactor() }, { batchSize: 500 }).batchSize,
    ).toBe(100);
    expect(hubspotDestinationSchema.parse({ type: "hubspot", accessToken: "t", listId: 42 }).listId).toBe(
      "42",
    );
    expect(
      hubspotDestinationSchema.safeParse({ type: "hubspot", accessToken: "t", batchSize: 101 }).success,
    ).toBe(false);
    expect(
      hubspotDestinationSchema.safeParse({ type: "hubspot", accessToken: "t", object: "deals" }).success,
    ).toBe(false);
    expect(
      hubspotDestinationSchema.safeParse({ type: "hubspot", accessToken: "t", idProperty: "Email" }).success,
    ).toBe(false);
    expect(
      hubspotDestinationSchema.safeParse({ type: "hubspot", accessToken: "t", token: "x" }).success,
    ).toBe(false);
    // The token is registered for redaction as soon as the connector exists.
    const redactor = new Redactor();
    hubspotConnector({ ...config, accessToken: "pat-secret-value" }, { projectDir: ".", redactor });
    expect(redactor.redact("Bearer pat-secret-value")).toBe("Bearer ***");
  });
});
