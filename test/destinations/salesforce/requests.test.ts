import { describe, expect, it } from "vitest";
import { bulkCsv, parseBulkError } from "../../../connectors/salesforce/bulk-ingest.ts";
import { sendInChunks } from "../../../connectors/salesforce/chunks.ts";
import { parseCsv, toCsv } from "../../../connectors/salesforce/csv.ts";
import { ObjectInfo } from "../../../connectors/salesforce/describe.ts";
import { classify, LIMIT_RETRY_MS } from "../../../connectors/salesforce/errors.ts";
import { queryChunks, soqlString } from "../../../connectors/salesforce/resolve-ids.ts";
import { saveResultToRow, upsertBody } from "../../../connectors/salesforce/upsert-collection.ts";
import { bulkUpsertRows } from "../../../connectors/salesforce/upsert-records.ts";
import { ApiUsage, parseLimitInfo } from "../../../connectors/salesforce/usage-headers.ts";
import { valueProblem } from "../../../connectors/salesforce/values.ts";
import type { SyncRecord } from "../../../src/connector-kit/connector.ts";
import { HttpError } from "../../../src/http/errors.ts";
import { TokenBucket } from "../../../src/http/rate-limit.ts";

const info = new ObjectInfo("Contact", [
  { name: "Cdp_Id__c", type: "string", externalId: true },
  { name: "Legacy_Id__c", type: "double", externalId: true },
  { name: "Email", type: "email" },
  { name: "Score__c", type: "double" },
  { name: "Birthdate", type: "date" },
  { name: "LastSeen__c", type: "datetime" },
  { name: "Interests__c", type: "multipicklist" },
  { name: "Name", type: "string", createable: false, updateable: false },
]);
const target = { object: "Contact", externalIdField: "Cdp_Id__c", info };
const rec = (key: string, fields: Record<string, unknown>): SyncRecord => ({ key, op: "upsert", fields });

describe("sObject Collections upsert body", () => {
  it("types every record, keys it by the External ID and converts values for their fields", () => {
    const body = upsertBody(target, [
      rec("42", {
        Email: "a@x.com",
        Score__c: "12.5",
        Birthdate: new Date("1990-04-01T00:00:00Z"),
        LastSeen__c: new Date("2024-05-06T07:08:09.010Z"),
        Interests__c: ["golf", "tennis"],
        cdp_id__c: "ignored: the key wins",
        Name: null,
      }),
    ]);
    expect(body).toEqual({
      allOrNone: false,
      records: [
        {
          attributes: { type: "Contact" },
          Email: "a@x.com",
          Score__c: 12.5,
          Birthdate: "1990-04-01",
          LastSeen__c: "2024-05-06T07:08:09.010Z",
          Interests__c: "golf;tennis",
          Name: null,
          Cdp_Id__c: "42",
        },
      ],
    });
  });

  it("sends numbers and booleans as text to text fields, and a timestamp's date to a date field", () => {
    const body = upsertBody(target, [
      rec("1", { Email: 42, Interests__c: true, Birthdate: "1990-04-01 13:00:00" }),
    ]);
    expect(body.records[0]).toMatchObject({ Email: "42", Interests__c: "true", Birthdate: "1990-04-01" });
  });

  it("sends a numeric External ID as a number", () => {
    const body = upsertBody({ ...target, externalIdField: "Legacy_Id__c" }, [rec("7", {})]);
    expect(body.records[0]).toEqual({ attributes: { type: "Contact" }, Legacy_Id__c: 7 });
  });

  it("maps save results: success, field errors rejected with the reason, locks retryable", () => {
    expect(saveResultToRow("1", { id: "003", success: true, errors: [], created: true })).toEqual({
      key: "1",
      status: "delivered",
    });
    expect(
      saveResultToRow("2", {
        success: false,
        errors: [
          {
            statusCode: "INVALID_EMAIL_ADDRESS",
            message: "Email: invalid email address: x",
            fields: ["Email"],
          },
        ],
      }),
    ).toEqual({
      key: "2",
      status: "rejected",
      reason: "INVALID_EMAIL_ADDRESS: Email: invalid email address: x (fields: Email)",
    });
    expect(
      saveResultToRow("3", {
        success: false,
        errors: [{ statusCode: "UNABLE_TO_LOCK_ROW", message: "locked" }],
      }),
    ).toMatchObject({ status: "retryable", reason: "UNABLE_TO_LOCK_ROW: locked" });
    expect(saveResultToRow("4", undefined)).toMatchObject({ status: "retryable" });
  });

  it("refuses text for number and checkbox fields before sending, by name", () => {
    const withBool = new ObjectInfo("Contact", [...info.fields, { name: "Opted__c", type: "boolean" }]);
    const field = (n: string) => withBool.field(n);
    expect(
      valueProblem("Contact", { Score__c: "12.5", Opted__c: "TRUE", Email: "x" }, field),
    ).toBeUndefined();
    expect(valueProblem("Contact", { Score__c: null, Opted__c: false }, field)).toBeUndefined();
    expect(valueProblem("Contact", { Score__c: "12,5" }, field)).toBe(
      'Contact.Score__c is a number field (double) but the row has "12,5": fix the model or the sync\'s fields',
    );
    expect(valueProblem("Contact", { Opted__c: "yes" }, field)).toMatch(/^Contact\.Opted__c is a checkbox/);
  });

  it("refuses a write problem of the mapping by name", () => {
    expect(info.writeProblem("email")).toBeUndefined();
    expect(info.writeProblem("Nope__c")).toMatch(/^Contact has no field "Nope__c"/);
    expect(info.writeProblem("Name")).toMatch(/^Contact\.Name is read-only/);
  });
});

describe("Bulk API 2.0 CSV", () => {
  it("puts the External ID first, writes NULL as #N/A and quotes what must be quoted", () => {
    const { header, rows } = bulkUpsertRows(target, [
      rec("1", { Email: "a@x.com", Score__c: 3, Birthdate: null }),
      rec("2", {
        Email: 'He said "hi", then\nleft',
        Score__c: "",
        Birthdate: new Date("2000-01-02T00:00:00Z"),
      }),
      rec("3", { Email: "c@x.com" }),
    ]);
    expect(header).toEqual(["Cdp_Id__c", "Email", "Score__c", "Birthdate"]);
    const csv = bulkCsv(header, rows);
    expect(csv).toBe(
      'Cdp_Id__c,Email,Score__c,Birthdate\n1,a@x.com,3,#N/A\n2,"He said ""hi"", then\nleft",#N/A,2000-01-02\n3,c@x.com,,\n',
    );
    // Parsed back, cell for cell (the third row's missing fields are empty: left unchanged).
    expect(parseCsv(csv)).toEqual([
      ["Cdp_Id__c", "Email", "Score__c", "Birthdate"],
      ["1", "a@x.com", "3", "#N/A"],
      ["2", 'He said "hi", then\nleft', "#N/A", "2000-01-02"],
      ["3", "c@x.com", "", ""],
    ]);
  });

  it("reads sf__Error as code, message and fields", () => {
    expect(
      parseBulkError("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --"),
    ).toEqual({
      statusCode: "REQUIRED_FIELD_MISSING",
      message: "Required fields are missing: [LastName]",
      fields: ["LastName"],
    });
    expect(parseBulkError("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--")).toEqual({
      statusCode: "INVALID_CROSS_REFERENCE_KEY",
      message: "invalid cross reference id",
      fields: [],
    });
    expect(parseBulkError("something odd")).toEqual({
      statusCode: "ERROR",
      message: "something odd",
      fields: [],
    });
  });
});

describe("CSV", () => {
  it("round-trips commas, quotes, CR/LF, empty cells and unicode", () => {
    const rows = [["a", "b,c", 'd"e', ""], ["line\r\nbreak", "  spaced  ", "ünï", '"'], [""]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("reads CRLF files, a missing final line break, and refuses broken quoting", () => {
    expect(parseCsv("a,b\r\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(() => parseCsv('a,"b\n1,2\n')).toThrow(/unclosed quote/);
    expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/);
  });
});

describe("SOQL lookups of External IDs", () => {
  it("escapes quotes, backslashes and line breaks", () => {
    expect(soqlString("O'Brien \\ x\ny")).toBe("'O\\'Brien \\\\ x\\ny'");
  });

  it("chunks at 200 keys and by URL length; numeric fields take bare numbers", () => {
    const keys = Array.from({ length: 450 }, (_, i) => String(i + 1));
    const chunks = queryChunks(keys, info, "Contact", "Cdp_Id__c");
    expect(chunks.map((c) => c.keys.length)).toEqual([200, 200, 50]);
    expect(chunks[2]!.soql).toMatch(/^SELECT Id, Cdp_Id__c FROM Contact WHERE Cdp_Id__c IN \('401', '402', /);
    const long = Array.from({ length: 100 }, (_, i) => `${"k".repeat(300)}-${i}`);
    const byLength = queryChunks(long, info, "Contact", "Cdp_Id__c");
    expect(byLength.length).toBeGreaterThan(3);
    for (const c of byLength) expect(encodeURIComponent(c.soql).length).toBeLessThanOrEqual(8_000);
    expect(byLength.flatMap((c) => c.keys)).toEqual(long);
    expect(queryChunks(["7", "8"], info, "Contact", "Legacy_Id__c")[0]!.soql).toBe(
      "SELECT Id, Legacy_Id__c FROM Contact WHERE Legacy_Id__c IN (7, 8)",
    );
  });
});

describe("limits and errors", () => {
  it("reads Sforce-Limit-Info", () => {
    expect(parseLimitInfo("api-usage=18/5000")).toEqual({ used: 18, max: 5000 });
    expect(parseLimitInfo("api-usage=10018/100000; api-bursts=1/750")).toEqual({ used: 10018, max: 100000 });
    expect(parseLimitInfo(undefined)).toBeUndefined();
  });

  it("slows down 10 points below maxApiUsage and stops at it", () => {
    const bucket = new TokenBucket(10);
    const usage = new ApiUsage(0.9, bucket);
    usage.observe("api-usage=700/1000");
    expect(bucket.currentRate).toBe(10);
    expect(usage.stopReason()).toBeUndefined();
    usage.observe("api-usage=850/1000");
    expect(bucket.currentRate).toBe(5);
    usage.observe("api-usage=900/1000");
    expect(usage.stopReason()).toMatch(
      /^Salesforce API usage is at 90% of the org's daily limit \(900\/1000/,
    );
  });

  it("classifies REQUEST_LIMIT_EXCEEDED (403) as retryable with a delay, setup errors as config", () => {
    const err = (status: number, body: unknown, retryable = false) =>
      new HttpError(
        "PATCH",
        "https://x.my.salesforce.com/services/data/v62.0/composite/sobjects/Contact/Cdp_Id__c",
        status,
        `HTTP ${status}`,
        retryable,
        undefined,
        body,
      );
    const limit = classify(
      err(403, [{ message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" }]),
    );
    expect(limit).toMatchObject({ kind: "retry", retryAfterMs: LIMIT_RETRY_MS });
    expect(limit.message).toMatch(
      /^Salesforce REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded\. \(PATCH \/composite\/sobjects\/Contact\/Cdp_Id__c → 403\)/,
    );
    expect(classify(err(503, [{ errorCode: "SERVER_UNAVAILABLE", message: "down" }], true)).kind).toBe(
      "retry",
    );
    expect(classify(err(400, [{ errorCode: "INVALID_FIELD", message: "No such column" }])).kind).toBe(
      "config",
    );
    expect(classify(err(404, [{ errorCode: "NOT_FOUND", message: "gone" }])).kind).toBe("config");
    expect(classify(err(400, [{ errorCode: "JSON_PARSER_ERROR", message: "bad value" }])).kind).toBe(
      "request",
    );
  });

  it("a request refused for its content is split until the bad row stands alone", async () => {
    const sizes: number[] = [];
    const records = Array.from({ length: 10 }, (_, i) => rec(String(i), {}));
    const results = await sendInChunks(records, 200, async (part) => {
      sizes.push(part.length);
      if (part.some((r) => r.key === "6")) {
        throw new HttpError("PATCH", "https://x/y", 400, "HTTP 400", false, undefined, [
          { errorCode: "JSON_PARSER_ERROR", message: "Cannot deserialize" },
        ]);
      }
      return part.map((r) => ({ key: r.key, status: "delivered" as const }));
    });
    expect(results.filter((r) => r.status === "delivered")).toHaveLength(9);
    expect(results.find((r) => r.key === "6")).toMatchObject({
      status: "rejected",
      reason: expect.stringMatching(/^Salesforce JSON_PARSER_ERROR: Cannot deserialize/),
    });
    expect(sizes[0]).toBe(10);
    expect(sizes.length).toBeLessThanOrEqual(9);
  });

  it("a limit stops the remaining requests: those rows are retryable with the delay", async () => {
    let calls = 0;
    const records = Array.from({ length: 450 }, (_, i) => rec(String(i), {}));
    const results = await sendInChunks(records, 200, async (part) => {
      if (++calls === 2) {
        throw new HttpError("PATCH", "https://x/y", 403, "HTTP 403", false, undefined, [
          { errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." },
        ]);
      }
      return part.map((r) => ({ key: r.key, status: "delivered" as const }));
    });
    expect(calls).toBe(2);
    expect(results.filter((r) => r.status === "delivered")).toHaveLength(200);
    const held = results.filter((r) => r.status === "retryable");
    expect(held).toHaveLength(250);
    expect(held[0]).toMatchObject({ retryAfterMs: LIMIT_RETRY_MS });
  });
});
