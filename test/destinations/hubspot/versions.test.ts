import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubspotDestinationSchema } from "../../../connectors/hubspot/config.ts";
import { hubspotConnector } from "../../../connectors/hubspot/index.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import { TOKEN } from "./helpers.ts";
import { type HubspotMock, startHubspotMock } from "./mock-server.ts";

/**
 * HubSpot's date-versioned CRM API: the connector's calls go to the paths of the version it is
 * set to (as in HubSpot's public API spec collection), batch/read carries the required
 * `propertiesWithHistory`, and an audience's list size tells the engine an earlier run delivered.
 */
describe("hubspot API versions and prior delivery", () => {
  let mock: HubspotMock;
  beforeAll(async () => {
    mock = await startHubspotMock({
      token: TOKEN,
      lists: {
        "7": { objectTypeId: "0-1", processingType: "MANUAL" },
        "8": { objectTypeId: "0-1", processingType: "MANUAL" },
      },
    });
  });
  afterAll(() => mock.close());

  const connect = (destination: Record<string, unknown>) =>
    hubspotConnector(
      hubspotDestinationSchema.parse({
        type: "hubspot",
        accessToken: TOKEN,
        baseUrl: mock.url,
        ...destination,
      }),
      { projectDir: ".", redactor: new Redactor(), sleep: async () => {} },
    );

  it.each([
    ["2026-09", "/crm/objects/2026-09/contacts/batch/upsert", "/crm/lists/2026-09/7/memberships/add"],
    ["2026-03", "/crm/objects/2026-03/contacts/batch/upsert", "/crm/lists/2026-03/7/memberships/add"],
    ["v3", "/crm/v3/objects/contacts/batch/upsert", "/crm/v3/lists/7/memberships/add"],
  ])("apiVersion %s calls that version's paths", async (apiVersion, upsertPath, addPath) => {
    const before = mock.requests.length;
    const c = connect({ apiVersion, listId: "7" });
    await c.check();
    const results = await c.write(
      [{ key: `${apiVersion}@x.com`, op: "add", fields: { email: `${apiVersion}@x.com` } }],
      {
        sync: "s",
        runId: "r",
      },
    );
    expect(results).toEqual([{ key: `${apiVersion}@x.com`, status: "delivered" }]);
    const paths = mock.requests.slice(before).map((r) => r.path);
    expect(paths).toContain(upsertPath);
    expect(paths).toContain(addPath);
  });

  it("defaults to the newest date version", () => {
    expect(hubspotDestinationSchema.parse({ type: "hubspot", accessToken: TOKEN }).apiVersion).toBe(
      "2026-09",
    );
  });

  it("refuses a version outside the table", () => {
    expect(
      hubspotDestinationSchema.safeParse({ type: "hubspot", accessToken: TOKEN, apiVersion: "v4" }).success,
    ).toBe(false);
  });

  it("batch/read without propertiesWithHistory is refused by the mock, as the spec requires it", async () => {
    const res = await fetch(`${mock.url}/crm/objects/2026-09/contacts/batch/read`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ idProperty: "email", properties: ["email"], inputs: [{ id: "a@x.com" }] }),
    });
    expect(res.status).toBe(400);
  });

  it("priorDelivery: the list's size when it has members, nothing when it is empty", async () => {
    const c = connect({ listId: "8" });
    expect(await c.priorDelivery?.("s")).toBeUndefined();
    await c.write([{ key: "m@x.com", op: "add", fields: { email: "m@x.com" } }], { sync: "s", runId: "r" });
    expect(await c.priorDelivery?.("s")).toBe("HubSpot list 8 already holds 1 contacts");
    expect(await connect({}).priorDelivery?.("s")).toBeUndefined();
  });
});
