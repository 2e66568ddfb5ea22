import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hubspotDestinationSchema } from "../../../connectors/hubspot/config.ts";
import { hubspotConnector } from "../../../connectors/hubspot/index.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import { runHubspotSync, sentIds, syncErrors, TOKEN } from "./helpers.ts";
import { type HubspotMock, startHubspotMock } from "./mock-server.ts";

const vips = (from: number, to: number) =>
  `SELECT 'vip' || i || '@example.com' AS email, 'Vip' || i AS firstname FROM range(${from}, ${to + 1}) t(i)`;
const emails = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => `vip${from + k}@example.com`).sort();

describe("hubspot audiences (list memberships), companies and check()", () => {
  let wh: Warehouse;
  let mock: HubspotMock | undefined;
  beforeAll(async () => {
    wh = await duckdbTarget.open("main");
  });
  afterAll(() => wh.close());
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  const setModel = (name: string, sql: string) => wh.replaceTable({ schema: "main", name }, sql);

  it("adds the model's contacts to a static list (creating them), and removes those who left", async () => {
    mock = await startHubspotMock({
      token: TOKEN,
      lists: { "77": { objectTypeId: "0-1", processingType: "MANUAL" } },
    });
    // vip3 exists already (the sync updates it); "outsider" was in the list before: left alone.
    mock.crm.upsert("contacts", {
      inputs: [
        { idProperty: "email", id: "vip3@example.com", properties: { firstname: "Old" } },
        { idProperty: "email", id: "outsider@example.com", properties: {} },
      ],
    });
    mock.crm.lists.get("77")!.members.add(mock.crm.find("contacts", "email", "outsider@example.com")!.id);
    await setModel("vips", vips(1, 120));
    const run = () =>
      runHubspotSync({
        wh,
        mock: mock!,
        name: "vips",
        model: "vips",
        sync: { mode: "audience" },
        destination: { listId: "77" },
      });
    const first = await run();
    expect(first.result.status).toBe("success");
    expect(first.result.delivered).toBe(120);
    expect(mock.members("77", "contacts", "email")).toEqual(
      [...emails(1, 120), "outsider@example.com"].sort(),
    );
    expect(mock.byProperty("contacts", "email").get("vip3@example.com")?.firstname).toBe("Vip3");
    expect(mock.crm.records.contacts.size).toBe(121);
    // Membership calls carry record ids (strings), at most a batch's worth each.
    const adds = mock.requests.filter((r) => r.path === "/crm/v3/lists/77/memberships/add");
    expect(adds.map((r) => (r.body as string[]).length)).toEqual([100, 20]);
    expect((adds[0]!.body as string[]).every((id) => /^[0-9]+$/.test(id))).toBe(true);

    await setModel("vips", vips(21, 125));
    const second = await run();
    expect(second.result.counts).toMatchObject({ added: 5, removed: 20, planned: 25 });
    expect(second.result.delivered).toBe(25);
    expect(mock.members("77", "contacts", "email")).toEqual(
      [...emails(21, 125), "outsider@example.com"].sort(),
    );
    // Leaving the audience leaves the list, not HubSpot.
    expect(mock.crm.records.contacts.size).toBe(126);
    expect(mock.requests.filter((r) => r.path.endsWith("/memberships/remove"))).toHaveLength(1);
  });

  it("an audience row HubSpot refuses is rejected and not added; the others are", async () => {
    mock = await startHubspotMock({
      token: TOKEN,
      lists: { "78": { objectTypeId: "0-1", processingType: "SNAPSHOT" } },
    });
    await setModel("vips_bad", `${vips(1, 5)} UNION ALL SELECT 'not an email', 'Bad'`);
    const r = await runHubspotSync({
      wh,
      mock,
      name: "vips_bad",
      model: "vips_bad",
      sync: { mode: "audience", maxRejected: 1 },
      destination: { listId: 78 },
    });
    expect(r.result.status).toBe("success");
    expect(r.result.delivered).toBe(5);
    expect(mock.members("78", "contacts", "email")).toEqual(emails(1, 5));
    expect((await syncErrors(wh, "vips_bad")).map((e) => [e.key, e.error])).toEqual([
      [
        "not an email",
        "rejected: HubSpot VALIDATION_ERROR: email: Email address not an email is invalid (INVALID_EMAIL)",
      ],
    ]);
  });

  it("a scope the app lacks stops the run with one message naming it; the rows stay planned", async () => {
    mock = await startHubspotMock({
      token: TOKEN,
      lists: { "79": { objectTypeId: "0-1", processingType: "MANUAL" } },
      faults: { missingScope: { path: "/memberships/", scope: "crm.lists.write" } },
    });
    await setModel("vips_scope", vips(1, 250));
    const run = () =>
      runHubspotSync({
        wh,
        mock: mock!,
        name: "vips_scope",
        model: "vips_scope",
        sync: { mode: "audience", concurrency: 1 },
        destination: { listId: "79" },
      });
    const r = await run();
    expect(r.result.status).toBe("error");
    expect(r.result.message).toMatch(
      /^HubSpot refused adding records to list 79 \(403 MISSING_SCOPES: .*\); give the private app the scope crm\.lists\.write$/,
    );
    expect(r.result.delivered + r.result.rejected + r.result.failed).toBe(0);
    // The first batch's upsert, then one refused membership call: nothing after it.
    expect(mock.requests.filter((q) => q.status === 403)).toHaveLength(1);
    expect(mock.requests.at(-1)!.status).toBe(403);
    expect(await syncErrors(wh, "vips_scope")).toEqual([]);

    mock.faults.missingScope = undefined;
    const next = await run();
    expect(next.result.status).toBe("success");
    expect(next.result.counts).toMatchObject({ added: 250, planned: 250 });
    expect(mock.members("79", "contacts", "email")).toEqual(emails(1, 250));
  });

  it("companies: upserted and archived by a unique custom property", async () => {
    mock = await startHubspotMock({ token: TOKEN });
    const companies = (n: number) =>
      `SELECT 'c-' || i AS company_id, 'Company ' || i AS name, i * 10 AS numberofemployees FROM range(1, ${n + 1}) t(i)`;
    await setModel("companies", companies(8));
    const run = () =>
      runHubspotSync({
        wh,
        mock: mock!,
        name: "companies",
        model: "companies",
        sync: {
          primaryKey: "company_id",
          mode: "mirror",
          fields: { name: "name", numberofemployees: "numberofemployees" },
          // Two of eight leave on purpose (25%, over the default maxRemoved of 20%).
          maxRemoved: 2,
        },
        destination: { object: "companies", idProperty: "cdp_company_id" },
      });
    expect((await run()).result.delivered).toBe(8);
    expect(mock.byProperty("companies", "cdp_company_id").get("c-3")).toMatchObject({
      name: "Company 3",
      numberofemployees: "30",
    });
    expect(mock.requests[0]!.path).toBe("/crm/v3/properties/companies/cdp_company_id");
    await setModel("companies", companies(6));
    expect((await run()).result.counts).toMatchObject({ removed: 2 });
    expect([...mock.byProperty("companies", "cdp_company_id").keys()].sort()).toEqual(
      ["c-1", "c-2", "c-3", "c-4", "c-5", "c-6"].sort(),
    );
    expect(sentIds(mock, "/companies/batch/archive")).toHaveLength(2);
  });

  describe("check() says what to fix in one line", () => {
    let portal: HubspotMock;
    beforeAll(async () => {
      portal = await startHubspotMock({
        token: TOKEN,
        lists: {
          "5": { objectTypeId: "0-1", processingType: "DYNAMIC" },
          "6": { objectTypeId: "0-2", processingType: "MANUAL" },
          "7": { objectTypeId: "0-1", processingType: "MANUAL" },
        },
      });
    });
    afterAll(() => portal.close());
    const connector = (destination: Record<string, unknown>) =>
      hubspotConnector(
        hubspotDestinationSchema.parse({
          type: "hubspot",
          accessToken: TOKEN,
          baseUrl: portal.url,
          ...destination,
        }),
        { projectDir: ".", redactor: new Redactor(), sleep: async () => {} },
        { rateLimit: 10_000 },
      );

    it("passes for contacts by email, a unique property, and a MANUAL contacts list", async () => {
      await connector({}).check();
      await connector({ idProperty: "cdp_id", listId: "7" }).check();
    });

    it("fails for a missing, or not unique, id property", async () => {
      await expect(connector({ idProperty: "nope" }).check()).rejects.toThrow(
        'HubSpot has no contacts property "nope" (destination.idProperty): create it with unique values, or name an existing unique property',
      );
      await expect(connector({ idProperty: "firstname" }).check()).rejects.toThrow(
        /the contacts property "firstname" does not require unique values \(hasUniqueValue is false\)/,
      );
      await expect(connector({ object: "companies", idProperty: "domain" }).check()).rejects.toThrow(
        /the companies property "domain" does not require unique values/,
      );
    });

    it("fails for a missing list, an active list, or a list of another object", async () => {
      await expect(connector({ listId: "404" }).check()).rejects.toThrow(
        /HubSpot has no list 404 \(destination\.listId\)/,
      );
      await expect(connector({ listId: "5" }).check()).rejects.toThrow(
        /list 5 is DYNAMIC .* only changes MANUAL or SNAPSHOT lists/,
      );
      await expect(connector({ listId: "6" }).check()).rejects.toThrow(
        /list 6 holds objects of type 0-2, not contacts \(0-1\)/,
      );
    });

    it("fails for a refused token, without the token in the message", async () => {
      const c = hubspotConnector(
        hubspotDestinationSchema.parse({
          type: "hubspot",
          accessToken: "pat-wrong-token",
          baseUrl: portal.url,
        }),
        { projectDir: ".", redactor: new Redactor() },
      );
      const e = await c.check().then(
        () => undefined,
        (err: Error) => err,
      );
      expect(e?.message).toMatch(/^HubSpot refused the access token \(401 INVALID_AUTHENTICATION\)/);
      expect(e?.message).not.toContain("pat-wrong-token");
    });

    it("companies need an id property", () => {
      expect(() => connector({ object: "companies" })).toThrow(
        /the hubspot destination writing companies needs idProperty/,
      );
    });
  });
});
