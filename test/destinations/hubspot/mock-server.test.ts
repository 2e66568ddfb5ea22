import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN } from "./helpers.ts";
import { type HubspotMock, startHubspotMock } from "./mock-server.ts";

/** The mock must refuse what HubSpot refuses, or the connector's tests prove nothing. */
describe("the HubSpot mock enforces HubSpot's contract", () => {
  let mock: HubspotMock;
  beforeAll(async () => {
    mock = await startHubspotMock({
      token: TOKEN,
      lists: { "9": { objectTypeId: "0-1", processingType: "DYNAMIC" } },
    });
  });
  afterAll(() => mock.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(mock.url + path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const upsert = (inputs: unknown[]) => call("POST", "/crm/v3/objects/contacts/batch/upsert", { inputs });
  const input = (id: string, properties: Record<string, unknown> = {}) => ({
    idProperty: "email",
    id,
    properties,
  });

  it("refuses a missing or wrong token with HubSpot's 401 body", async () => {
    const none = await call(
      "POST",
      "/crm/v3/objects/contacts/batch/upsert",
      { inputs: [] },
      { authorization: "" },
    );
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: "error", category: "INVALID_AUTHENTICATION" });
    const wrong = await call("GET", "/crm/v3/properties/contacts/email", undefined, {
      authorization: "Bearer nope",
    });
    expect(wrong.status).toBe(401);
  });

  it("refuses more than 100 inputs, empty inputs, and bodies that are not JSON", async () => {
    const many = Array.from({ length: 101 }, (_, i) => input(`u${i}@x.com`));
    expect((await upsert(many)).status).toBe(400);
    expect((await upsert([])).status).toBe(400);
    expect((await call("POST", "/crm/v3/objects/contacts/batch/upsert", "{oops")).status).toBe(400);
    expect(
      (
        await call(
          "POST",
          "/crm/v3/objects/contacts/batch/upsert",
          { inputs: [] },
          { "content-type": "text/plain" },
        )
      ).status,
    ).toBe(415);
    expect(mock.crm.records.contacts.size).toBe(0);
  });

  it("refuses duplicate ids in a batch (emails compared without case)", async () => {
    const r = await upsert([input("a@x.com"), input("A@X.com ")]);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^Duplicate IDs found in batch input/);
  });

  it("refuses unknown properties, values that are not strings, and a non-unique id property", async () => {
    const unknown = await upsert([input("a@x.com", { favourite_colour: "red" })]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('"error":"PROPERTY_DOESNT_EXIST","name":"favourite_colour"');
    expect((await upsert([input("a@x.com", { total_spend: 12 })])).status).toBe(400);
    expect((await upsert([input("a@x.com", { firstname: null })])).status).toBe(400);
    const byName = await upsert([{ idProperty: "firstname", id: "Ann", properties: {} }]);
    expect(byName.status).toBe(400);
    expect(byName.body.message).toBe("Unable to perform update/upsert by non-unique 0-1 property");
    expect(mock.crm.records.contacts.size).toBe(0);
  });

  it("answers 207 with per-input errors naming the ids, and writes the valid inputs", async () => {
    const r = await upsert([
      input("good@x.com", { total_spend: "12.5", is_vip: "true" }),
      input("bad-email"),
      input("bad-number@x.com", { total_spend: "twelve" }),
    ]);
    expect(r.status).toBe(207);
    expect(r.body.numErrors).toBe(2);
    expect(r.body.errors.map((e: { context: { ids: string[] } }) => e.context.ids)).toEqual([
      ["bad-email"],
      ["bad-number@x.com"],
    ]);
    expect(r.body.errors[0]).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
    expect(r.body.results).toHaveLength(1);
    expect(r.body.results[0].properties).toMatchObject({ email: "good@x.com", total_spend: "12.5" });
    expect(mock.byProperty("contacts", "email").has("good@x.com")).toBe(true);
  });

  it("batch/read reports unknown ids as OBJECT_NOT_FOUND; archive takes record ids; lists take record ids", async () => {
    const read = await call("POST", "/crm/v3/objects/contacts/batch/read", {
      idProperty: "email",
      properties: ["email"],
      propertiesWithHistory: [],
      inputs: [{ id: "GOOD@x.com" }, { id: "ghost@x.com" }],
    });
    expect(read.status).toBe(207);
    expect(read.body.errors[0]).toMatchObject({
      category: "OBJECT_NOT_FOUND",
      context: { ids: ["ghost@x.com"] },
    });
    const id = read.body.results[0].id as string;
    expect(
      (await call("POST", "/crm/v3/objects/contacts/batch/archive", { inputs: [{ id: "good@x.com" }] }))
        .status,
    ).toBe(400);
    expect((await call("PUT", "/crm/v3/lists/9/memberships/add", [id])).status).toBe(400); // a DYNAMIC list
    expect((await call("PUT", "/crm/v3/lists/404/memberships/add", [id])).status).toBe(404);
    expect((await call("POST", "/crm/v3/objects/contacts/batch/archive", { inputs: [{ id }] })).status).toBe(
      204,
    );
    expect(mock.byProperty("contacts", "email").has("good@x.com")).toBe(false);
  });

  it("batch/update refuses email as idProperty, like HubSpot", async () => {
    const r = await call("POST", "/crm/v3/objects/contacts/batch/update", {
      inputs: [{ idProperty: "email", id: "good@x.com", properties: { firstname: "X" } }],
    });
    expect(r.status).toBe(400);
  });

  it("signals its limits like HubSpot: 429 bodies with errorType and policyName, and rate limit headers", async () => {
    const t = { now: 0 };
    const limited = await startHubspotMock({
      token: TOKEN,
      now: () => t.now,
      faults: { tenSecondly: { max: 2 } },
    });
    try {
      const get = () =>
        fetch(`${limited.url}/crm/v3/properties/contacts/email`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
      const first = await get();
      expect(first.headers.get("x-hubspot-ratelimit-max")).toBe("2");
      expect(first.headers.get("x-hubspot-ratelimit-remaining")).toBe("1");
      expect((await get()).status).toBe(200);
      const third = await get();
      expect(third.status).toBe(429);
      expect(await third.json()).toMatchObject({
        status: "error",
        errorType: "RATE_LIMIT",
        policyName: "TEN_SECONDLY_ROLLING",
        message: "You have reached your ten_secondly_rolling limit.",
      });
      t.now += 10_000;
      expect((await get()).status).toBe(200);
      limited.faults.dailyLimit = 3;
      const daily = await get();
      expect(daily.status).toBe(429);
      expect(await daily.json()).toMatchObject({ policyName: "DAILY" });
    } finally {
      await limited.close();
    }
  });
});
