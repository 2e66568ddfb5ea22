import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Redactor } from "../../../src/config/secrets.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import {
  CONTACT_FIELDS,
  CREDENTIALS,
  connectorFor,
  expectContactsEqualModel,
  type Person,
  person,
  recordingSleep,
  setPeople,
  sync,
} from "./helpers.ts";
import { type SalesforceMock, startSalesforceMock } from "./mock-server.ts";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r.Cdp_Id__c)).sort();

describe("salesforce connector: the sync engine against a mock org", () => {
  let wh: Warehouse;
  let mock: SalesforceMock;
  beforeAll(async () => {
    wh = await duckdbTarget.open("main");
  });
  afterAll(() => wh.close());
  afterEach(() => mock?.close());

  it("sends everything first, then only the changes, then deletes what left the model (mirror)", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const people = range(1, 450).map((i) => person(i));
    await setPeople(wh, "p_flow", people);
    const connector = connectorFor(mock);

    const first = await sync(wh, "p_flow", connector);
    expect(first).toMatchObject({ status: "success", delivered: 450, rejected: 0, failed: 0 });
    const batches = mock.upserts();
    expect(batches.map((b) => b.records.length)).toEqual([200, 200, 50]);
    for (const b of batches) {
      expect(b.allOrNone).toBe(false);
      for (const r of b.records) expect(r.attributes).toEqual({ type: "Contact" });
    }
    await expectContactsEqualModel(wh, "p_flow", mock);
    expect(mock.contacts().find((c) => c.Cdp_Id__c === "7")).toMatchObject({
      Score__c: 7.5,
      Tier__c: "silver",
    });

    // Three changed, two added: exactly those five are sent.
    const changed = people.map(
      (p): Person => ([5, 50, 300].includes(p.id) ? { ...p, email: `new${p.id}@example.com` } : p),
    );
    changed.push(person(451), person(452));
    await setPeople(wh, "p_flow", changed);
    const before = mock.upserts().length;
    const second = await sync(wh, "p_flow", connector);
    expect(second.counts).toMatchObject({ added: 2, changed: 3, removed: 0, planned: 5 });
    const sent = mock.upserts().slice(before);
    expect(sent).toHaveLength(1);
    expect(ids(sent[0]!.records)).toEqual(["300", "451", "452", "5", "50"]);
    await expectContactsEqualModel(wh, "p_flow", mock);

    // Four rows leave the model: resolved to record ids by SOQL (two pages here), then deleted.
    mock.faults.queryPageSize = 2;
    const logged = mock.log.length;
    await setPeople(
      wh,
      "p_flow",
      changed.filter((p) => ![2, 3, 400, 451].includes(p.id)),
    );
    const third = await sync(wh, "p_flow", connector);
    expect(third).toMatchObject({ status: "success", delivered: 4 });
    expect(third.counts.removed).toBe(4);
    const calls = mock.log.slice(logged).filter((r) => r.path.startsWith("/services/data/"));
    expect(calls.map((c) => `${c.method} ${c.path.replace(/^\/services\/data\/v62\.0/, "")}`)).toEqual([
      "GET /query",
      expect.stringMatching(/^GET \/query\/01g\w+-2$/),
      "DELETE /composite/sobjects",
    ]);
    const soql = /^SELECT Id, Cdp_Id__c FROM Contact WHERE Cdp_Id__c IN \((.*)\)$/.exec(
      calls[0]!.query.get("q")!,
    );
    expect(soql?.[1]?.split(", ").sort()).toEqual(["'2'", "'3'", "'400'", "'451'"]);
    expect(calls[2]!.query.get("ids")!.split(",")).toHaveLength(4);
    expect(calls[2]!.query.get("allOrNone")).toBe("false");
    await expectContactsEqualModel(wh, "p_flow", mock);
    // One token for all three runs: fetched once, lazily.
    expect(mock.tokenRequests).toBe(1);
  });

  it("rejects bad rows with Salesforce's reason, commits the good ones, and sends only the failed rows next run", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const people = range(1, 30).map((i) => person(i));
    const bad = (p: Person): Person => {
      if (p.id === 4 || p.id === 9) return { ...p, email: "not-an-email" };
      if (p.id === 13) return { ...p, last: null };
      // Text for a number field: refused before sending, by name.
      if (p.id === 21) return { ...p, score: "n/a" };
      // A date Salesforce cannot read: it refuses the whole request, the connector isolates the row.
      if (p.id === 25) return { ...p, birth: "31/12/1990" };
      return p;
    };
    await setPeople(wh, "p_partial", people.map(bad));
    const connector = connectorFor(mock);
    const first = await sync(wh, "p_partial", connector, { mode: "upsert", maxRejected: 10 });
    expect(first).toMatchObject({ status: "success", delivered: 25, rejected: 5, failed: 0 });
    expect(mock.contacts()).toHaveLength(25);
    const errors = await wh.query<{ key: string; error: string }>(
      "SELECT key, error FROM cdp_state.p_partial__errors ORDER BY CAST(key AS INTEGER)",
    );
    expect(errors.map((e) => e.key)).toEqual(["4", "9", "13", "21", "25"]);
    expect(errors[0]!.error).toBe(
      "rejected: INVALID_EMAIL_ADDRESS: Email: invalid email address: not-an-email (fields: Email)",
    );
    expect(errors[2]!.error).toBe(
      "rejected: REQUIRED_FIELD_MISSING: Required fields are missing: [LastName] (fields: LastName)",
    );
    expect(errors[3]!.error).toBe(
      'rejected: Contact.Score__c is a number field (double) but the row has "n/a": fix the model or the sync\'s fields',
    );
    expect(errors[4]!.error).toMatch(
      /^rejected: Salesforce JSON_PARSER_ERROR: Cannot deserialize instance of date from VALUE_STRING value 31\/12\/1990.*\(PATCH \/composite\/sobjects\/Contact\/Cdp_Id__c → 400\)$/,
    );
    // Isolating row 25 took a handful of extra requests, not one per row.
    expect(mock.upserts().length).toBeLessThanOrEqual(12);

    // Fixed in the model: the next run sends exactly the four rows that failed.
    await setPeople(wh, "p_partial", people);
    const before = mock.upserts().length;
    const second = await sync(wh, "p_partial", connector, { mode: "upsert" });
    expect(second).toMatchObject({ status: "success", delivered: 5, rejected: 0 });
    expect(second.counts).toMatchObject({ planned: 5, retried: 5 });
    const sent = mock.upserts().slice(before);
    expect(ids(sent.flatMap((b) => b.records))).toEqual(["13", "21", "25", "4", "9"]);
    await expectContactsEqualModel(wh, "p_partial", mock);
  });

  it("honours REQUEST_LIMIT_EXCEEDED (403), 503 and UNABLE_TO_LOCK_ROW with no row lost", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await setPeople(
      wh,
      "p_limits",
      range(1, 300).map((i) => person(i)),
    );
    const { sleeps, sleep } = recordingSleep();
    const connector = connectorFor(mock, {}, { sleep });
    await connector.check();
    mock.faults.limitExceeded = 2;
    mock.faults.unavailable = 1;
    mock.faults.lock = new Set(["7", "150", "299"]);
    const r = await sync(wh, "p_limits", connector, { maxAttempts: 5 }, sleep);
    expect(r).toMatchObject({ status: "success", delivered: 300, rejected: 0, failed: 0 });
    await expectContactsEqualModel(wh, "p_limits", mock);
    // The engine waited the connector's delay after each 403, not a short backoff.
    expect(sleeps.filter((ms) => ms === 60_000)).toHaveLength(2);
    expect(mock.faults.lock.size).toBe(0);
  });

  it("stops the run, rows left planned, when the org is near its daily API limit", async () => {
    mock = await startSalesforceMock(CREDENTIALS, { usage: { used: 9_400, max: 10_000 } });
    await setPeople(
      wh,
      "p_usage",
      range(1, 20).map((i) => person(i)),
    );
    const connector = connectorFor(mock, { maxApiUsage: 0.9 });
    const first = await sync(wh, "p_usage", connector);
    expect(first).toMatchObject({ status: "error", delivered: 0, rejected: 0, failed: 0 });
    expect(first.message).toMatch(
      /^Salesforce API usage is at 94% of the org's daily limit \(9401\/10000 requests\), above destination.maxApiUsage \(90%\)/,
    );
    // Reported with the sync's results: the one describe call and the usage it showed.
    expect(first.destination).toEqual({ requests: 1, bulkJobs: 0, apiUsage: { used: 9_401, max: 10_000 } });
    expect(mock.upserts()).toHaveLength(0);

    // Allowed more: the same rows go out (they stayed planned, not failed).
    const more = connectorFor(mock, { maxApiUsage: 1 });
    const second = await sync(wh, "p_usage", more);
    expect(second).toMatchObject({ status: "success", delivered: 20 });
    expect(second.counts).toMatchObject({ planned: 20, added: 20, retried: 0 });
  });

  it("a mapping the object cannot take stops the run with one message naming the fields", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await setPeople(
      wh,
      "p_mapping",
      range(1, 5).map((i) => person(i)),
    );
    const bad = { ...CONTACT_FIELDS, Shoe_Size__c: "score", Name: "first_name" };
    const r = await sync(wh, "p_mapping", connectorFor(mock), { fields: bad });
    expect(r).toMatchObject({ status: "error", delivered: 0, rejected: 0 });
    expect(r.message).toBe(
      "Contact has no field \"Shoe_Size__c\": fix the sync's fields (Salesforce API names; custom fields end in __c); Contact.Name is read-only (a formula, roll-up or system field): remove it from the sync's fields",
    );
    expect(mock.upserts()).toHaveLength(0);
    // Names that cannot be API names are refused by the engine before anything happens.
    await expect(
      sync(wh, "p_mapping", connectorFor(mock), { fields: { ...CONTACT_FIELDS, "Last Name": "last_name" } }),
    ).rejects.toThrow(/"Last Name" is not a Salesforce field API name/);
  });

  it("update mode changes existing records only and says which keys have none", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    for (const id of [1, 2, 3]) {
      mock.org.upsert(mock.org.object("Contact")!, "Cdp_Id__c", { Cdp_Id__c: String(id), LastName: "Old" });
    }
    await setPeople(
      wh,
      "p_update",
      range(1, 5).map((i) => person(i)),
    );
    const r = await sync(wh, "p_update", connectorFor(mock), { mode: "update", maxRejected: 5 });
    expect(r).toMatchObject({ status: "success", delivered: 3, rejected: 2 });
    expect(mock.contacts()).toHaveLength(3);
    expect(mock.contacts().every((c) => String(c.LastName).startsWith("Last"))).toBe(true);
    expect(r.errors?.map((e) => e.reason)).toEqual([
      'no Contact has Cdp_Id__c = "4": mode update changes existing records only (mode upsert would create it)',
      'no Contact has Cdp_Id__c = "5": mode update changes existing records only (mode upsert would create it)',
    ]);
  });

  it("uses Bulk API 2.0 from bulkThreshold rows: jobs, failed and successful results, bulk deletes", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const people = range(1, 1200).map((i) => (i % 400 === 0 ? person(i, { email: "broken@" }) : person(i)));
    await setPeople(wh, "p_bulk", people);
    const { sleeps, sleep } = recordingSleep();
    const connector = connectorFor(
      mock,
      { bulkThreshold: 500, bulkPollInterval: 4, batchSize: 600 },
      { sleep },
    );
    mock.faults.lock = new Set(["17", "777"]);
    const first = await sync(wh, "p_bulk", connector, { maxRejected: 3, concurrency: 1 }, sleep);
    expect(first).toMatchObject({ status: "success", delivered: 1197, rejected: 3, failed: 0 });
    const jobs = [...mock.bulk.jobs.values()];
    expect(jobs.map((j) => [j.operation, j.state])).toEqual([
      ["upsert", "JobComplete"],
      ["upsert", "JobComplete"],
    ]);
    // Each job polled after 1 s, 2 s, then the 4 s cap (the mock completes a job at its third poll).
    expect(sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000, 1000, 2000, 4000]);
    // The two locked rows came back retryable and were sent again through sObject Collections.
    expect(ids(mock.upserts().flatMap((b) => b.records))).toEqual(["17", "777"]);
    expect(first.errors?.map((e) => e.reason)).toEqual([
      "INVALID_EMAIL_ADDRESS: Email: invalid email address: broken@ (fields: Email)",
      "INVALID_EMAIL_ADDRESS: Email: invalid email address: broken@ (fields: Email)",
      "INVALID_EMAIL_ADDRESS: Email: invalid email address: broken@ (fields: Email)",
    ]);

    // 600 rows leave the model: ids resolved by SOQL (200 keys a query), one bulk delete job.
    const kept = people.filter((p) => p.id > 600 && p.id % 400 !== 0);
    await setPeople(wh, "p_bulk", kept);
    // Most of the model leaves on purpose, far over the default maxRemoved of 20%.
    const second = await sync(wh, "p_bulk", connector, { maxRemoved: "100%" }, sleep);
    expect(second).toMatchObject({ status: "success", rejected: 0, failed: 0 });
    const deleteJobs = [...mock.bulk.jobs.values()].filter((j) => j.operation === "delete");
    expect(deleteJobs).toHaveLength(1);
    expect(deleteJobs[0]!.processed).toBe(599);
    await expectContactsEqualModel(wh, "p_bulk", mock);
  });

  it("a bulk job that does not finish in bulkTimeout is aborted and its rows stay retryable", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    await setPeople(
      wh,
      "p_slow",
      range(1, 600).map((i) => person(i)),
    );
    const { sleep } = recordingSleep();
    const connector = connectorFor(
      mock,
      { bulkThreshold: 500, bulkPollInterval: 4, bulkTimeout: 10 },
      { sleep },
    );
    mock.faults.jobPolls = 1_000;
    const r = await sync(wh, "p_slow", connector, { maxAttempts: 2 }, sleep);
    expect(r).toMatchObject({ status: "failed", delivered: 0, failed: 600 });
    expect(r.errors?.[0]?.reason).toMatch(
      /^Salesforce bulk job 750\w+ was still InProgress after 11 s; it was aborted and its rows are sent again/,
    );
    expect([...mock.bulk.jobs.values()].map((j) => j.state)).toEqual(["Aborted", "Aborted"]);
    expect(mock.contacts()).toHaveLength(0);

    // Salesforce is back to normal: the next run delivers them.
    mock.faults.jobPolls = 2;
    const again = await sync(wh, "p_slow", connector, {}, sleep);
    expect(again).toMatchObject({ status: "success", delivered: 600 });
    await expectContactsEqualModel(wh, "p_slow", mock);
  });
});

describe("salesforce connector: credentials", () => {
  let wh: Warehouse;
  let mock: SalesforceMock;
  beforeAll(async () => {
    wh = await duckdbTarget.open("main");
    await setPeople(
      wh,
      "p_auth",
      range(1, 30).map((i) => person(i)),
    );
  });
  afterAll(() => wh.close());
  afterEach(() => mock?.close());

  it("a refused refresh token stops the run with one message and no secret in it", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const redactor = new Redactor();
    const wrong = "5Aep861revoked.refresh.token.0000";
    const r = await sync(wh, "p_auth", connectorFor(mock, { refreshToken: wrong }, { redactor }));
    expect(r.status).toBe("error");
    expect(r.message).toMatch(
      /^Salesforce refused the refresh token \(invalid_grant: expired access\/refresh token\): .* Re-authorise the connected app/,
    );
    for (const secret of [wrong, CREDENTIALS.clientSecret]) expect(r.message).not.toContain(secret);
    expect(mock.tokenRequests).toBe(1);
    expect(mock.dataCalls()).toHaveLength(0);
  });

  it("a wrong client secret names the settings to check", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const r = await sync(wh, "p_auth", connectorFor(mock, { clientSecret: "not-the-secret-1234" }));
    expect(r.status).toBe("error");
    expect(r.message).toMatch(
      /^Salesforce refused the connected app's credentials \(invalid_client: invalid client credentials\): check destination.clientId \(consumer key\) and destination.clientSecret/,
    );
    expect(r.message).not.toContain("not-the-secret-1234");
  });

  it("an expired session is refreshed once and the run carries on; the token is redacted", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const redactor = new Redactor();
    const connector = connectorFor(mock, { batchSize: 10 }, { redactor });
    await connector.check();
    const firstToken = mock.lastAccessToken;
    expect(redactor.redact(`Bearer ${firstToken}`)).toBe("Bearer ***");
    mock.expireTokens();
    const r = await sync(wh, "p_auth", connector);
    expect(r).toMatchObject({ status: "success", delivered: 30 });
    expect(mock.tokenRequests).toBe(2);
    expect(mock.lastAccessToken).not.toBe(firstToken);
    expect(redactor.redact(mock.lastAccessToken)).toBe("***");
  });

  it("a session that expires when the refresh token was revoked stops the run with one message, asking once", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const connector = connectorFor(mock, { batchSize: 10 });
    await connector.check();
    mock.expireTokens();
    mock.revokeRefreshToken();
    await setPeople(
      wh,
      "p_revoked",
      range(1, 30).map((i) => person(i)),
    );
    const r = await sync(wh, "p_revoked", connector);
    expect(r).toMatchObject({ status: "error", delivered: 0, rejected: 0, failed: 0 });
    expect(r.message).toMatch(/^Salesforce refused the refresh token \(invalid_grant.*Re-authorise/);
    expect(r.message).not.toContain(CREDENTIALS.refreshToken);
    // The rows stay planned (no error recorded against them) and the refusal was asked once.
    const [errors] = await wh.query<{ n: number }>("SELECT COUNT(*) AS n FROM cdp_state.p_revoked__errors");
    expect(Number(errors!.n)).toBe(0);
    expect(mock.tokenRequests).toBe(2);
  });
});
