import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Connector } from "../../../src/connector-kit/connector.ts";
import { syncConfigSchema } from "../../../src/sync/config.ts";
import { runSync } from "../../../src/sync/engine.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import { PATHS } from "./contract.ts";
import { bodiesOf, connectorFor, sha } from "./helpers.ts";
import { type DataManagerMock, startDataManagerMock } from "./mock-server.ts";

const SCHEMA = "gdm";
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** People as a warehouse holds them, not normalised; `extra(i)` adds columns (SQL). */
const people = (ids: number[], extra: (i: number) => string = () => "NULL AS consent") =>
  ids
    .map(
      (i) =>
        `SELECT ${i} AS id, ' Person.${i}+news@GMail.com ' AS email, '(650) 253-${1000 + i}' AS phone, 'Mrs. Ann${i}' AS first_name, 'O''Neil Jr.' AS last_name, 'us' AS country, '94043' AS zip, ${extra(i)}`,
    )
    .join(" UNION ALL ");

/** The list's members for person i, hashed here by Google's documented rules. */
const keysOf = (i: number) => [
  `email:${sha(`person${i}@gmail.com`)}`,
  `phone:${sha(`+1650253${1000 + i}`)}`,
  `address:${sha(`ann${i}`)}|${sha("oneil")}|US|94043`,
];

describe("google-data-manager through the sync engine (DuckDB, stand-in of the Data Manager API)", () => {
  let wh: Warehouse;
  let mock: DataManagerMock;
  beforeAll(async () => {
    wh = await duckdbTarget.open(SCHEMA);
  });
  afterAll(() => wh.close());
  afterEach(() => mock?.close());

  const setModel = (table: string, sql: string) => wh.replaceTable({ schema: SCHEMA, name: table }, sql);
  const run = (name: string, table: string, connector: Connector, fields: Record<string, string> = {}) =>
    runSync({
      name,
      config: syncConfigSchema.parse({
        model: table,
        primaryKey: "id",
        mode: "audience",
        destination: { type: "file", dir: "unused" },
        fields: {
          email: "email",
          phone: "phone",
          first_name: "first_name",
          last_name: "last_name",
          country_code: "country",
          postal_code: "zip",
          ...fields,
        },
        stateSchema: "gdm_state",
        maxAttempts: 3,
        maxRejected: "50%",
      }),
      modelRelation: { schema: SCHEMA, name: table },
      warehouse: wh,
      projectDir: ".",
      connector,
      sleep: async () => {},
    });

  it("adds everyone, waits for each request to be processed, then removes who left", async () => {
    mock = await startDataManagerMock();
    mock.processingPolls = 3;
    await setModel("aud_life", people(range(1, 13)));
    const { connector, sleeps } = connectorFor(mock);
    const first = await run("life", "aud_life", connector);
    expect([first.status, first.counts.added, first.delivered]).toEqual(["success", 12, 12]);
    expect(mock.members).toEqual(new Set(range(1, 13).flatMap(keysOf)));
    const [ingest] = bodiesOf(mock, PATHS.ingest);
    expect(ingest).toMatchObject({
      destinations: [
        {
          operatingAccount: { accountType: "GOOGLE_ADS", accountId: "1234567890" },
          productDestinationId: "7654321",
        },
      ],
      consent: { adUserData: "CONSENT_GRANTED", adPersonalization: "CONSENT_GRANTED" },
      encoding: "HEX",
      termsOfService: { customerMatchTermsOfServiceStatus: "ACCEPTED" },
    });
    // Three PROCESSING answers, then SUCCESS: four reads, waits growing from 5 s.
    const reads = mock.calls.filter((c) => c.path === PATHS.status);
    expect(reads).toHaveLength(4);
    expect(sleeps.slice(0, 4)).toEqual([5000, 7500, 11250, 16875]);
    expect(first.destination).toMatchObject({
      requests: 1,
      statuses: { "ingest SUCCESS": 1 },
      matchRateRanges: ["MATCH_RATE_RANGE_41_TO_50"],
    });

    await setModel("aud_life", people(range(1, 13).filter((i) => i !== 4 && i !== 9)));
    const second = await run("life", "aud_life", connectorFor(mock).connector);
    expect([second.status, second.counts.removed, second.delivered]).toEqual(["success", 2, 2]);
    const [removal] = bodiesOf(mock, PATHS.remove);
    expect(removal).not.toHaveProperty("consent");
    expect(removal).not.toHaveProperty("termsOfService");
    expect(mock.members).toEqual(
      new Set(
        range(1, 13)
          .filter((i) => i !== 4 && i !== 9)
          .flatMap(keysOf),
      ),
    );
  });

  it("a changed email: the old one is removed from the list before the new one counts as delivered", async () => {
    mock = await startDataManagerMock();
    await setModel("aud_moved", people(range(1, 4)));
    expect((await run("moved", "aud_moved", connectorFor(mock).connector)).delivered).toBe(3);
    // Person 2 gets a new address; person 3 the same one in capitals (the same once normalised).
    const moved = people(range(1, 4))
      .replace("' Person.2+news@GMail.com '", "'ann.two@example.com'")
      .replace("' Person.3+news@GMail.com '", "' PERSON3@GMAIL.COM'");
    await setModel("aud_moved", moved);
    const before = mock.calls.length;
    const r = await run("moved", "aud_moved", connectorFor(mock).connector);
    expect([r.status, r.counts.changed, r.delivered]).toEqual(["success", 2, 2]);
    const [removal] = bodiesOf(mock, PATHS.remove, before);
    expect(removal!.audienceMembers).toEqual([
      { userData: { userIdentifiers: [{ emailAddress: sha("person2@gmail.com") }] } },
    ]);
    expect(mock.members.has(`email:${sha("person2@gmail.com")}`)).toBe(false);
    expect(mock.members.has(`email:${sha("ann.two@example.com")}`)).toBe(true);
    expect(mock.members.has(`email:${sha("person3@gmail.com")}`)).toBe(true);
  });

  it("a member Google refuses fails the request (fast fail): its row is rejected, the others go again and land", async () => {
    mock = await startDataManagerMock();
    // Person 3 lives in Germany with a US-shaped ZIP+4: Google answers INVALID_POSTAL_CODE for it.
    await setModel(
      "aud_bad",
      people(range(1, 6)).replace(
        "SELECT 3 AS id, ' Person.3+news@GMail.com ' AS email, '(650) 253-1003' AS phone, 'Mrs. Ann3' AS first_name, 'O''Neil Jr.' AS last_name, 'us' AS country, '94043' AS zip",
        "SELECT 3 AS id, NULL AS email, NULL AS phone, 'Mrs. Ann3' AS first_name, 'O''Neil Jr.' AS last_name, 'de' AS country, '94043-1351' AS zip",
      ),
    );
    const r = await run("bad", "aud_bad", connectorFor(mock).connector);
    expect([r.status, r.delivered, r.rejected]).toEqual(["success", 4, 1]);
    expect(r.errors?.[0]).toMatchObject({ key: "3", status: "rejected" });
    expect(r.errors?.[0]?.reason).toMatch(/INVALID_POSTAL_CODE/);
    const ingests = mock.calls.filter((c) => c.path === PATHS.ingest && c.body.validateOnly !== true);
    expect(ingests.map((c) => [c.status, (c.body.audienceMembers as unknown[]).length])).toEqual([
      [400, 5],
      [200, 4],
    ]);
    for (const i of [1, 2, 4, 5]) for (const k of keysOf(i)) expect(mock.members.has(k)).toBe(true);
  });

  it("per-row consent: PARTIAL_SUCCESS with DENIED_CONSENT rejects exactly the rows sent with denied consent", async () => {
    mock = await startDataManagerMock();
    await setModel(
      "aud_consent",
      people(range(1, 6), (i) => `${i % 2 === 0 ? "'DENIED'" : "'GRANTED'"} AS consent`),
    );
    const r = await run("consent", "aud_consent", connectorFor(mock).connector, { ad_user_data: "consent" });
    expect([r.status, r.delivered, r.rejected]).toEqual(["success", 3, 2]);
    expect(new Set(r.errors?.map((e) => e.key))).toEqual(new Set(["2", "4"]));
    const [body] = bodiesOf(mock, PATHS.ingest);
    const members = body!.audienceMembers as { consent?: { adUserData: string } }[];
    expect(members.map((m) => m.consent?.adUserData)).toEqual([
      "CONSENT_GRANTED",
      "CONSENT_DENIED",
      "CONSENT_GRANTED",
      "CONSENT_DENIED",
      "CONSENT_GRANTED",
    ]);
    expect(r.destination).toMatchObject({
      statuses: { "ingest PARTIAL_SUCCESS": 1 },
      failedRecords: { PROCESSING_ERROR_REASON_DENIED_CONSENT: 2 },
    });
  });

  it("429 RESOURCE_EXHAUSTED and 503 are retried; an expired access token is renewed once", async () => {
    mock = await startDataManagerMock();
    await setModel("aud_retry", people(range(1, 4)));
    const { connector } = connectorFor(mock);
    await connector.check(); // a first token
    mock.expireAccessToken();
    // The engine's own check() meets the expired token; the ingest meets the quota, then a 503.
    const realCheck = connector.check.bind(connector);
    connector.check = async () => {
      await realCheck();
      mock.faults.push({ code: "RESOURCE_EXHAUSTED", message: "Quota exceeded" }, { code: "UNAVAILABLE" });
    };
    const r = await run("retry", "aud_retry", connector);
    expect([r.status, r.delivered]).toEqual(["success", 3]);
    expect(mock.calls.filter((c) => c.path === PATHS.ingest).map((c) => c.status)).toEqual([
      200, 401, 200, 429, 503, 200,
    ]);
    expect(r.destination).toMatchObject({ retries: 2, requests: 1 });
  });

  it("a revoked refresh token stops the run with one message saying what to do; nothing is delivered", async () => {
    mock = await startDataManagerMock();
    mock.revoke();
    await setModel("aud_auth", people(range(1, 4)));
    const { connector, redactor } = connectorFor(mock);
    const r = await run("auth", "aud_auth", connector);
    expect(r.status).not.toBe("success");
    expect(r.delivered).toBe(0);
    expect(r.message).toMatch(/invalid_grant/);
    expect(r.message).toMatch(/auth\/datamanager/);
    expect(r.message).not.toContain(mock.account.refreshToken);
    expect(redactor.redact(mock.account.clientSecret)).toBe("***");
    expect(mock.calls.filter((c) => c.path === "/token")).toHaveLength(1);
  });

  it("a request Google FAILED refuses its rows with the reasons; one still PROCESSING after the wait leaves them for later", async () => {
    mock = await startDataManagerMock();
    mock.forceStatus = {
      status: "FAILED",
      errors: [{ reason: "PROCESSING_ERROR_REASON_NO_CONSENT", count: 2 }],
    };
    await setModel("aud_failed", people(range(1, 3)));
    const r = await run("failed", "aud_failed", connectorFor(mock).connector);
    expect([r.delivered, r.rejected]).toEqual([0, 2]);
    expect(r.errors?.[0]?.reason).toMatch(/PROCESSING_ERROR_REASON_NO_CONSENT \(2\)/);

    mock.forceStatus = { status: "PROCESSING", errors: [] };
    await setModel("aud_slow", people(range(1, 3)));
    const { connector, sleeps } = connectorFor(mock, { pollTimeout: 2 });
    const slow = await run("slow", "aud_slow", connector);
    expect([slow.delivered, slow.failed]).toEqual([0, 2]);
    // Bounded: the waits of each attempt add up to the 2 minutes, none longer than a minute.
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(60_000);
    const reads = mock.calls.filter((c) => c.path === PATHS.status).length;
    expect(reads).toBeLessThan(40);
  });

  it("BASE64 encoding: every hash is sent as Base64 of the digest and declared so", async () => {
    mock = await startDataManagerMock();
    await setModel("aud_b64", people([1]));
    const r = await run("b64", "aud_b64", connectorFor(mock, { encoding: "BASE64" }).connector);
    expect(r.delivered).toBe(1);
    const [body] = bodiesOf(mock, PATHS.ingest);
    expect(body!.encoding).toBe("BASE64");
    const ids = (body!.audienceMembers as { userData: { userIdentifiers: Record<string, unknown>[] } }[])[0]!
      .userData.userIdentifiers;
    expect(ids[0]).toEqual({ emailAddress: Buffer.from(sha("person1@gmail.com"), "hex").toString("base64") });
    expect(mock.members).toEqual(new Set(keysOf(1)));
  });

  it("check() sends a validateOnly request: the credentials and the list are checked, nothing is added", async () => {
    mock = await startDataManagerMock();
    await connectorFor(mock).connector.check();
    const [call] = mock.calls.filter((c) => c.path === PATHS.ingest);
    expect(call).toMatchObject({ status: 200, body: { validateOnly: true } });
    expect(mock.members.size).toBe(0);
    await expect(connectorFor(mock, { productDestinationId: "999" }).connector.check()).rejects.toThrow(
      /INVALID_USER_LIST_ID.*productDestinationId/,
    );
    const forbidden = await startDataManagerMock({ loginAccountRequired: true });
    try {
      await expect(connectorFor(forbidden).connector.check()).rejects.toThrow(
        /403 PERMISSION_DENIED.*loginAccount/,
      );
      await connectorFor(forbidden, {
        loginAccount: { type: "GOOGLE_ADS", id: "9876543210" },
      }).connector.check();
    } finally {
      await forbidden.close();
    }
  });
});
