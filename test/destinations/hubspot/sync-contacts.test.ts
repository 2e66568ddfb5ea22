import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import { fakeClock, type HubspotRun, runHubspotSync, sentIds, syncErrors, TOKEN } from "./helpers.ts";
import { type HubspotMock, startHubspotMock } from "./mock-server.ts";

/** `n` people keyed by email, with the property types HubSpot distinguishes. */
function peopleSql(n: number, where = "TRUE") {
  return `SELECT 'user' || i || '@example.com' AS email, 'First' || i AS firstname, 'Last' || i AS lastname,
      CAST(i AS DOUBLE) * 1.5 AS total_spend, i % 7 = 0 AS is_vip,
      CASE WHEN i % 2 = 0 THEN 'lead' ELSE 'customer' END AS lifecyclestage,
      TIMESTAMP '2024-01-01 00:00:00' + to_hours(i) AS last_seen_at
    FROM range(1, ${n + 1}) t(i) WHERE ${where}`;
}

/** What HubSpot should hold for person `i` of peopleSql. */
function expected(i: number) {
  return {
    email: `user${i}@example.com`,
    firstname: `First${i}`,
    lastname: `Last${i}`,
    total_spend: String(i * 1.5),
    is_vip: String(i % 7 === 0),
    lifecyclestage: i % 2 === 0 ? "lead" : "customer",
    last_seen_at: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
  };
}

describe("hubspot contacts through the sync engine", () => {
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
  const sync = (m: HubspotMock, name: string, extra: Partial<HubspotRun> = {}) =>
    runHubspotSync({ wh, mock: m, name, model: name, sync: {}, ...extra });

  it("creates every contact, sends nothing again, then only what changed", async () => {
    mock = await startHubspotMock({ token: TOKEN });
    await setModel("people_a", peopleSql(250));
    const first = await sync(mock, "people_a");
    expect(first.result.status).toBe("success");
    expect(first.result.delivered).toBe(250);
    const upserts = mock.requests.filter((r) => r.path === "/crm/objects/2026-09/contacts/batch/upsert");
    expect(upserts.map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 100, 50]);
    const held = mock.byProperty("contacts", "email");
    expect(held.size).toBe(250);
    for (const i of [1, 7, 128, 250]) {
      expect(held.get(`user${i}@example.com`)).toMatchObject(expected(i));
    }
    // The first request checks the id property; the bodies follow HubSpot's shape.
    expect(mock.requests[0]).toMatchObject({ method: "GET", path: "/crm/properties/2026-09/contacts/email" });
    expect((upserts[0]!.body as { inputs: unknown[] }).inputs[0]).toEqual({
      idProperty: "email",
      id: "user1@example.com",
      properties: { ...expected(1), email: undefined },
    });

    const before = mock.requests.length;
    const again = await sync(mock, "people_a");
    expect(again.result.counts.planned).toBe(0);
    expect(mock.requests.slice(before).map((r) => r.path)).toEqual([
      "/crm/properties/2026-09/contacts/email",
    ]);

    await setModel(
      "people_a",
      `SELECT * REPLACE (CASE WHEN email IN ('user3@example.com', 'user90@example.com') THEN 'Changed' ELSE firstname END AS firstname)
       FROM (${peopleSql(251)})`,
    );
    const mark = mock.requests.length;
    const third = await sync(mock, "people_a");
    expect(third.result.counts).toMatchObject({ added: 1, changed: 2, planned: 3 });
    const sent = mock.requests
      .slice(mark)
      .filter((r) => r.path.endsWith("/batch/upsert"))
      .flatMap((r) => (r.body as { inputs: { id: string }[] }).inputs.map((i) => i.id))
      .sort();
    expect(sent).toEqual(["user251@example.com", "user3@example.com", "user90@example.com"]);
    expect(mock.byProperty("contacts", "email").get("user90@example.com")?.firstname).toBe("Changed");
    expect(mock.crm.records.contacts.size).toBe(251);
  });

  it("mirror archives the contacts that left the model, and one already gone counts as delivered", async () => {
    mock = await startHubspotMock({ token: TOKEN });
    await setModel("people_m", peopleSql(30));
    expect((await sync(mock, "people_m", { sync: { mode: "mirror" } })).result.delivered).toBe(30);
    // Someone deleted user5 in HubSpot already; user5..user9 then leave the model.
    const gone = mock.crm.find("contacts", "email", "user5@example.com")!;
    mock.crm.records.contacts.delete(gone.id);
    await setModel("people_m", peopleSql(30, "i NOT BETWEEN 5 AND 9"));
    const r = await sync(mock, "people_m", { sync: { mode: "mirror" } });
    expect(r.result.status).toBe("success");
    expect(r.result.counts).toMatchObject({ removed: 5, planned: 5 });
    expect(r.result.delivered).toBe(5);
    expect([...mock.byProperty("contacts", "email").keys()].sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `user${i + 1}@example.com`)
        .filter((_, i) => i + 1 < 5 || i + 1 > 9)
        .sort(),
    );
    // Looked up by email, archived by record id: 4 records (user5 was gone).
    expect(sentIds(mock, "/batch/archive")).toHaveLength(4);
    expect(sentIds(mock, "/batch/archive").every((id) => /^[0-9]+$/.test(id))).toBe(true);
    expect(mock.crm.archived.contacts.size).toBe(4);
    const snapshot = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM state."people_m__snapshot"`);
    expect(Number(snapshot[0]!.n)).toBe(25);
  });

  for (const validation of ["per-input", "batch"] as const) {
    it(`rejects bad rows with HubSpot's reason, commits the rest, resends only the bad ones (${validation} errors)`, async () => {
      mock = await startHubspotMock({ token: TOKEN, validation });
      const name = `people_bad_${validation.replace("-", "_")}`;
      await setModel(
        name,
        `SELECT CASE WHEN i IN (4, 40) THEN 'broken-' || i ELSE email END AS email, firstname,
           CASE WHEN i = 60 THEN 'vip' ELSE lifecyclestage END AS lifecyclestage
         FROM (SELECT row_number() OVER () AS i, * FROM (${peopleSql(120)}))`,
      );
      const first = await sync(mock, name);
      expect(first.result.delivered).toBe(117);
      expect(first.result.rejected).toBe(3);
      expect(first.result.status).toBe("failed");
      expect(mock.crm.records.contacts.size).toBe(117);
      const errors = await syncErrors(wh, name);
      expect(errors.map((e) => [e.key, e.error])).toEqual([
        [
          "broken-4",
          expect.stringMatching(
            /^rejected: HubSpot (400 )?VALIDATION_ERROR: email: Email address broken-4 is invalid \(INVALID_EMAIL\)$/,
          ),
        ],
        [
          "broken-40",
          expect.stringMatching(
            /^rejected: HubSpot (400 )?VALIDATION_ERROR: email: Email address broken-40 is invalid \(INVALID_EMAIL\)$/,
          ),
        ],
        [
          "user60@example.com",
          expect.stringMatching(
            /^rejected: HubSpot .*lifecyclestage: vip was not one of the allowed options: \[subscriber, lead/,
          ),
        ],
      ]);
      if (validation === "batch") {
        // A 400 names no row: the engine split the batches until the bad rows stood alone.
        expect(mock.requests.filter((r) => r.status === 400).length).toBeGreaterThan(3);
      }
      // Fixed in the model: the next run sends exactly those three rows.
      await setModel(
        name,
        `SELECT CASE WHEN i IN (4, 40) THEN 'fixed' || i || '@example.com' ELSE email END AS email, firstname, lifecyclestage
         FROM (SELECT row_number() OVER () AS i, * FROM (${peopleSql(120)}))`,
      );
      const mark = mock.requests.length;
      const second = await sync(mock, name);
      expect(second.result.status).toBe("success");
      const sent = mock.requests
        .slice(mark)
        .filter((r) => r.path.endsWith("/batch/upsert"))
        .flatMap((r) => (r.body as { inputs: { id: string }[] }).inputs.map((i) => i.id))
        .sort();
      expect(sent).toEqual(["fixed4@example.com", "fixed40@example.com", "user60@example.com"].sort());
      expect(mock.crm.records.contacts.size).toBe(120);
      expect(await syncErrors(wh, name)).toEqual([]);
    });
  }

  it("honours the ten-secondly limit and 5xx: every row arrives, the destination equals the model", async () => {
    const clock = { t: 0 };
    const sleep = async (ms: number) => {
      clock.t += ms;
    };
    mock = await startHubspotMock({
      token: TOKEN,
      now: () => clock.t,
      faults: { tenSecondly: { max: 3 }, every5xx: 5 },
    });
    await setModel("people_rl", peopleSql(600));
    const r = await sync(mock, "people_rl", { sleep, sync: { maxAttempts: 12, concurrency: 2 } });
    expect(r.result.status).toBe("success");
    expect(r.result.delivered).toBe(600);
    const statuses = mock.requests.map((q) => q.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 502).length).toBeGreaterThan(0);
    const held = mock.byProperty("contacts", "email");
    expect(held.size).toBe(600);
    for (let i = 1; i <= 600; i++) expect(held.get(`user${i}@example.com`)).toEqual(expected(i));
  });

  it("a wrong token fails the run with one credential message, before anything is sent", async () => {
    mock = await startHubspotMock({ token: "pat-the-right-one" });
    await setModel("people_tok", peopleSql(10));
    const r = await sync(mock, "people_tok");
    expect(r.result.status).toBe("error");
    expect(r.result.message).toMatch(
      /^HubSpot refused the access token \(401 INVALID_AUTHENTICATION\): set destination\.accessToken/,
    );
    expect(r.result.message).not.toContain(TOKEN);
    expect(mock.requests).toHaveLength(1);
    expect(mock.crm.records.contacts.size).toBe(0);
  });

  it("a token expiring mid-run stops the run after one 401, with one message; the rows not sent stay planned", async () => {
    mock = await startHubspotMock({ token: TOKEN, faults: { expireTokenAfter: 2 } });
    await setModel("people_exp", peopleSql(250));
    const r = await sync(mock, "people_exp", { sync: { concurrency: 1 } });
    expect(r.result.status).toBe("error");
    expect(r.result.message).toMatch(
      /^HubSpot refused the access token \(401 EXPIRED_AUTHENTICATION\): set destination\.accessToken/,
    );
    expect(r.result.message).not.toContain(TOKEN);
    expect(r.result.delivered).toBe(100);
    expect(r.result.rejected + r.result.failed).toBe(0);
    expect(mock.requests.filter((q) => q.status === 401)).toHaveLength(1);
    expect(mock.requests.at(-1)!.status).toBe(401);
    // Not recorded as failed rows: they are simply not delivered yet.
    expect(await syncErrors(wh, "people_exp")).toEqual([]);
    // A new token: the next run sends exactly the 150 rows left.
    mock.faults.expireTokenAfter = undefined;
    const next = await sync(mock, "people_exp");
    expect(next.result.status).toBe("success");
    expect(next.result.counts).toMatchObject({ added: 150, retried: 0, planned: 150 });
    expect(mock.crm.records.contacts.size).toBe(250);
  });

  it("the daily limit stops the run without spinning; the next day sends the rest", async () => {
    mock = await startHubspotMock({ token: TOKEN, faults: { dailyLimit: 3 } });
    await setModel("people_day", peopleSql(450));
    const r = await sync(mock, "people_day", { sync: { concurrency: 1 } });
    // check + 2 batches used the day; HubSpot's Daily-Remaining header said 0: no 429 was needed.
    expect(r.result.delivered).toBe(200);
    expect(r.result.status).toBe("error");
    expect(r.result.message).toMatch(
      /^HubSpot's daily API request limit for this portal is used up \(429 DAILY: 3 requests a day\): stopped sending for this run; the rows not sent stay planned/,
    );
    expect(r.result.rejected + r.result.failed).toBe(0);
    expect(mock.requests).toHaveLength(3);
    expect(await syncErrors(wh, "people_day")).toEqual([]);
    mock.faults.dailyLimit = undefined;
    const next = await sync(mock, "people_day");
    expect(next.result.counts).toMatchObject({ added: 250, planned: 250 });
    expect(next.result.status).toBe("success");
    expect(mock.crm.records.contacts.size).toBe(450);
  });

  it("a 429 DAILY is not retried: one request, then the run stops and the rows stay planned", async () => {
    // No X-HubSpot-RateLimit-* headers to warn: the connector learns it from the 429.
    mock = await startHubspotMock({ token: TOKEN, faults: { dailyLimit: 1, rateLimitHeaders: false } });
    await setModel("people_day2", peopleSql(300));
    const r = await sync(mock, "people_day2", { sync: { concurrency: 1, maxAttempts: 5 } });
    expect(r.result.status).toBe("error");
    expect(r.result.message).toMatch(/^HubSpot's daily API request limit/);
    expect(r.result.delivered + r.result.failed + r.result.rejected).toBe(0);
    expect(mock.requests.map((q) => q.status)).toEqual([200, 429]);
    expect(await syncErrors(wh, "people_day2")).toEqual([]);
    mock.faults.dailyLimit = undefined;
    expect((await sync(mock, "people_day2")).result.counts).toMatchObject({ added: 300, planned: 300 });
  });

  it("after the client's quick retries, a ten-secondly 429 waits the window HubSpot names", async () => {
    const clock = fakeClock();
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      await clock.sleep(ms);
    };
    mock = await startHubspotMock({ token: TOKEN, now: clock.now, faults: { tenSecondly: { max: 2 } } });
    await setModel("people_window", peopleSql(500));
    // One attempt in the client: each 429 goes back to the engine, which waits and sends again.
    const r = await sync(mock, "people_window", {
      sleep,
      sync: { concurrency: 1, maxAttempts: 3 },
      overrides: { maxAttempts: 1 },
    });
    expect(r.result.status).toBe("success");
    expect(r.result.delivered).toBe(500);
    expect(mock.requests.filter((q) => q.status === 429).length).toBeGreaterThan(0);
    expect(sleeps).toContain(10_000);
    expect(mock.crm.records.contacts.size).toBe(500);
  });

  it("a property HubSpot does not have stops the run at the first batch, with one message", async () => {
    mock = await startHubspotMock({ token: TOKEN });
    await setModel(
      "people_prop",
      `SELECT email, firstname, 'blue' AS favourite_colour FROM (${peopleSql(250)})`,
    );
    const r = await sync(mock, "people_prop", { sync: { concurrency: 1 } });
    expect(r.result.status).toBe("error");
    expect(r.result.message).toMatch(
      /^HubSpot has no property "favourite_colour" \(while upserting contacts\): create it in HubSpot or remove it from the sync's fields/,
    );
    // No splitting of the batch to find "bad rows": every row has the property.
    expect(mock.requests.map((q) => q.status)).toEqual([200, 400]);
    expect(await syncErrors(wh, "people_prop")).toEqual([]);
  });

  it("update mode changes existing contacts only and rejects the others with a reason", async () => {
    mock = await startHubspotMock({ token: TOKEN });
    await setModel("people_up", peopleSql(10));
    await sync(mock, "people_up_seed", { model: "people_up" });
    await setModel(
      "people_up",
      `SELECT * REPLACE ('Updated' AS firstname) FROM (${peopleSql(12)}) WHERE email <> 'user2@example.com'`,
    );
    const r = await sync(mock, "people_up", { sync: { mode: "update", maxRejected: 5 } });
    expect(r.result.delivered).toBe(9);
    expect(r.result.rejected).toBe(2);
    expect(mock.crm.records.contacts.size).toBe(10);
    const held = mock.byProperty("contacts", "email");
    expect(held.get("user1@example.com")?.firstname).toBe("Updated");
    expect(held.get("user2@example.com")?.firstname).toBe("First2");
    expect((await syncErrors(wh, "people_up")).map((e) => e.error)).toEqual([
      'rejected: no contacts with email "user11@example.com" in HubSpot: update mode changes existing records only (use mode upsert to create them)',
      'rejected: no contacts with email "user12@example.com" in HubSpot: update mode changes existing records only (use mode upsert to create them)',
    ]);
    const updates = mock.requests.filter((q) => q.path.endsWith("/batch/update"));
    expect(updates).toHaveLength(1);
    const inputs = (updates[0]!.body as { inputs: { id: string; idProperty?: string }[] }).inputs;
    expect(inputs.every((i) => /^[0-9]+$/.test(i.id) && i.idProperty === undefined)).toBe(true);
  });
});
