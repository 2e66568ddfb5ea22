import { afterEach, describe, expect, it } from "vitest";
import { salesforceDestinationSchema } from "../../../connectors/salesforce/config.ts";
import { CREDENTIALS, connectorFor } from "./helpers.ts";
import { type SalesforceMock, startSalesforceMock } from "./mock-server.ts";

describe("salesforce check(): one describe call, one clear line", () => {
  let mock: SalesforceMock;
  afterEach(() => mock?.close());

  it("passes with a token, the object and an External ID field, in one data call", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await connectorFor(mock).check();
    expect(mock.dataCalls().map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /services/data/v68.0/sobjects/Contact/describe",
    ]);
    expect(mock.tokenRequests).toBe(1);
  });

  it("names the object setting when the object does not exist", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await expect(connectorFor(mock, { object: "Contactt" }).check()).rejects.toThrow(
      /^Salesforce has no object "Contactt" this user can see at API v68\.0 \(.*NOT_FOUND.*\): check destination\.object/,
    );
  });

  it("says the field is not an External ID and lists those that are", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await expect(connectorFor(mock, { externalIdField: "Email" }).check()).rejects.toThrow(
      'Contact.Email is not an External ID field, so records cannot be upserted by it: mark it "External ID" in Setup (Object Manager → Contact → Fields & Relationships) or choose another field. External ID fields on Contact: Cdp_Id__c, Legacy_Id__c',
    );
  });

  it("says when the External ID field does not exist", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await expect(connectorFor(mock, { externalIdField: "Cdp_Key__c" }).check()).rejects.toThrow(
      /^Salesforce object Contact has no field "Cdp_Key__c": check destination\.externalIdField/,
    );
  });

  it("an API version the org does not serve is named too", async () => {
    mock = await startSalesforceMock(CREDENTIALS, { apiVersion: "62.0" });
    await expect(connectorFor(mock, { apiVersion: "99.0" }).check()).rejects.toThrow(
      /at API v99\.0 .*destination\.apiVersion$/,
    );
  });

  it("the config schema rejects what cannot work before any call", () => {
    const base = { type: "salesforce", ...CREDENTIALS, object: "Contact", externalIdField: "Cdp_Id__c" };
    expect(salesforceDestinationSchema.parse(base)).toMatchObject({
      loginUrl: "https://login.salesforce.com",
      apiVersion: "68.0",
      bulkThreshold: 2000,
      maxApiUsage: 0.9,
    });
    expect(() => salesforceDestinationSchema.parse({ ...base, object: "Contact; DROP" })).toThrow(/API name/);
    expect(() => salesforceDestinationSchema.parse({ ...base, apiVersion: "v62" })).toThrow(/68\.0/);
    expect(() => salesforceDestinationSchema.parse({ ...base, batchSize: 20_000 })).toThrow();
    expect(() => salesforceDestinationSchema.parse({ ...base, extra: 1 })).toThrow(/extra/);
  });
});
