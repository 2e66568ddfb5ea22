import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Connector } from "../../../src/connector-kit/connector.ts";
import { syncConfigSchema } from "../../../src/sync/config.ts";
import { runSync } from "../../../src/sync/engine.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import { connectorFor, sentOperations, sha, writeAndSettle } from "./helpers.ts";
import { type GoogleAdsMock, startGoogleAdsMock } from "./mock-server.ts";

const SCHEMA = "gads";

/** People i in [from, to): contact data written the way a warehouse holds it, not normalised. */
const people = (
  ids: number[],
  email = (i: number) => `Person${i}@Example.com `,
  phone = (i: number) => `(650) 253-${1000 + i}`,
) =>
  ids
    .map(
      (i) =>
        `SELECT ${i} AS id, '${email(i)}' AS email, '${phone(i)}' AS phone, 'Ann${i}' AS first_name, 'O''Neil' AS last_name, 'us' AS country, '94043' AS zip`,
    )
    .join(" UNION ALL ");

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** The list's members the mock should hold for person i (hashes computed independently). */
const memberKeysOf = (i: number, email = `person${i}@example.com`, phone = `+1650253${1000 + i}`) => [
  `email:${sha(email)}`,
  `phone:${sha(phone)}`,
  `address:${sha(`ann${i}`)}|${sha("oneil")}|US|94043`,
];

describe("google-ads connector through the sync engine (DuckDB, local mock of the API)", () => {
  let wh: Warehouse;
  let mock: GoogleAdsMock;
  const engineSleeps: number[] = [];
  beforeAll(async () => {
    wh = await duckdbTarget.open(SCHEMA);
  });
  afterAll(() => wh.close());
  afterEach(async () => {
    await mock?.close();
    engineSleeps.length = 0;
  });

  const setModel = (table: string, sql: string) => wh.replaceTable({ schema: SCHEMA, name: table }, sql);
  const run = (name: string, table: string, connector: Connector, extra: Record<string, unknown> = {}) =>
    runSync({
      name,
      config: syncConfigSchema.parse({
        model: table,
        primaryKey: "id",
        mode: "audience",
        // The google-ads type is wired into the config union elsewhere; the connector is passed in.
        destination: { type: "file", dir: "unused" },
        fields: {
          email: "email",
          phone: "phone",
          first_name: "first_name",
          last_name: "last_name",
          country_code: "country",
          postal_code: "zip",
        },
        stateSchema: "gads_state",
        maxAttempts: 3,
        ...extra,
      }),
      modelRelation: { schema: SCHEMA, name: table },
      warehouse: wh,
      projectDir: ".",
      connector,
      sleep: async (ms) => {
        engineSleeps.push(ms);
      },
    });

  it("first sync sends everyone, the next only the changes, then removes who left with the identifiers last sent", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_life", people(range(1, 26)));
    const first = await run("life", "aud_life", connectorFor(mock).connector);
    expect(first.status).toBe("success");
    expect(first.counts.added).toBe(25);
    expect(first.delivered).toBe(25);
    expect(new Set(mock.members)).toEqual(new Set(range(1, 26).flatMap((i) => memberKeysOf(i))));
    // One job (10,000 rows per batch), created with the consent, run, finished.
    expect([...mock.jobs.values()].map((j) => [j.kind, j.status, j.operations.length])).toEqual([
      ["create", "SUCCESS", 25],
    ]);
    const create = mock.calls.find((c) => c.path.endsWith("offlineUserDataJobs:create"))!;
    expect(create.body).toEqual({
      job: {
        type: "CUSTOMER_MATCH_USER_LIST",
        customerMatchUserListMetadata: {
          userList: "customers/1234567890/userLists/7654321",
          consent: { adUserData: "GRANTED", adPersonalization: "DENIED" },
        },
      },
    });
    expect(mock.calls.every((c) => c.status === 200)).toBe(true);

    // Two people change their email, one joins: only those three are sent, after a removal job
    // taking the two old emails out of the list (only them: phones and addresses did not change).
    const changed = (i: number) => (i === 3 || i === 4 ? `New${i}@Example.com` : `Person${i}@Example.com `);
    const emailOf = (i: number) => (i === 3 || i === 4 ? `new${i}@example.com` : `person${i}@example.com`);
    await setModel("aud_life", people(range(1, 27), changed));
    const before = mock.calls.length;
    const second = await run("life", "aud_life", connectorFor(mock).connector);
    expect(second.status).toBe("success");
    expect([second.counts.added, second.counts.changed, second.delivered]).toEqual([1, 2, 3]);
    const sent = sentOperations(mock, before);
    expect(sent.map((o) => o.kind)).toEqual(["remove", "remove", "create", "create", "create"]);
    expect(
      new Set(sent.filter((o) => o.kind === "remove").map((o) => JSON.stringify(o.identifiers))),
    ).toEqual(new Set([3, 4].map((i) => JSON.stringify([{ hashedEmail: sha(`person${i}@example.com`) }]))));
    expect(
      new Set(sent.filter((o) => o.kind === "create").map((o) => o.identifiers[0]!.hashedEmail)),
    ).toEqual(new Set([sha("new3@example.com"), sha("new4@example.com"), sha("person26@example.com")]));
    // The removal job ran to its end before the add job was created.
    expect([...mock.jobs.values()].slice(1).map((j) => [j.kind, j.status])).toEqual([
      ["remove", "SUCCESS"],
      ["create", "SUCCESS"],
    ]);
    // The list equals the model: the new emails in, the old ones out, the rest untouched.
    expect(new Set(mock.members)).toEqual(new Set(range(1, 27).flatMap((i) => memberKeysOf(i, emailOf(i)))));
    expect(second.destination).toMatchObject({
      userList: { id: "7654321", name: "Mock customer list", uploadKeyType: "CONTACT_INFO" },
      jobs: {
        remove: { created: 1, succeeded: 1, failed: 0, timedOut: 0 },
        create: { created: 1, succeeded: 1, failed: 0, timedOut: 0 },
      },
      operations: {
        remove: { sent: 2, accepted: 2, refused: 0 },
        create: { sent: 3, accepted: 3, refused: 0 },
      },
      staleRemoved: 2,
      staleRefused: 0,
      refusedBeforeSending: 0,
      matchRateRanges: { MATCH_RANGE_61_TO_70: 2 },
    });

    // Five people leave the audience: one remove job with what was last delivered for them.
    await setModel(
      "aud_life",
      people(
        range(1, 27).filter((i) => ![2, 3, 10, 11, 12].includes(i)),
        changed,
      ),
    );
    const beforeRemoval = mock.calls.length;
    const third = await run("life", "aud_life", connectorFor(mock).connector);
    expect(third.status).toBe("success");
    expect([third.counts.removed, third.delivered, third.rejected]).toEqual([5, 5, 0]);
    const removals = sentOperations(mock, beforeRemoval);
    expect(removals.every((o) => o.kind === "remove")).toBe(true);
    expect(new Set(removals.map((o) => o.identifiers[0]!.hashedEmail))).toEqual(
      new Set([2, 10, 11, 12].map((i) => sha(`person${i}@example.com`)).concat(sha("new3@example.com"))),
    );
    for (const i of [2, 10, 11, 12])
      for (const key of memberKeysOf(i)) expect(mock.members.has(key)).toBe(false);
    for (const key of memberKeysOf(3, "new3@example.com")) expect(mock.members.has(key)).toBe(false);
    for (const key of memberKeysOf(4, "new4@example.com")) expect(mock.members.has(key)).toBe(true);
    const stay = range(1, 27).filter((i) => ![2, 3, 10, 11, 12].includes(i));
    expect(new Set(mock.members)).toEqual(new Set(stay.flatMap((i) => memberKeysOf(i, emailOf(i)))));
  });

  it("batches in flight share one job per operation; two jobs never run on the list at once", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_jobs", people(range(1, 41)));
    // 8 batches of 5, 4 at a time: each used to get a job of its own, run while others were
    // running (CONCURRENT_MODIFICATION at Google). Now they wait for the list's job and join it.
    const r = await run("jobs", "aud_jobs", connectorFor(mock, { batchSize: 5 }).connector, {
      concurrency: 4,
    });
    expect(r.status).toBe("success");
    expect(r.delivered).toBe(40);
    expect(mock.concurrentRunRefused).toBe(0);
    // The whole run is one job, filled by the batches as they came.
    expect([...mock.jobs.values()].map((j) => [j.kind, j.status, j.operations.length])).toEqual([
      ["create", "SUCCESS", 40],
    ]);
    expect(new Set(mock.members)).toEqual(new Set(range(1, 41).flatMap((i) => memberKeysOf(i))));
  });

  it("a run longer than rowsPerJob uploads every rowsPerJob rows, one job after the other", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_long", people(range(1, 26)));
    const r = await run(
      "long",
      "aud_long",
      connectorFor(mock, { rowsPerJob: 10 }, { batchSize: 5 }).connector,
      { concurrency: 4 },
    );
    expect([r.status, r.delivered, r.message, r.errors]).toEqual(["success", 25, undefined, []]);
    expect(mock.concurrentRunRefused).toBe(0);
    const jobs = [...mock.jobs.values()];
    expect(jobs.every((j) => j.kind === "create" && j.status === "SUCCESS")).toBe(true);
    // Two full uploads of 10 while the batches kept coming, the last 5 at the end.
    expect(jobs.map((j) => j.operations.length)).toEqual([10, 10, 5]);
    expect(new Set(mock.members)).toEqual(new Set(range(1, 26).flatMap((i) => memberKeysOf(i))));
  });

  it("priorDelivery: a list that already has members stops a sync whose state is empty", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_prior", people(range(1, 4)));
    expect((await run("prior_a", "aud_prior", connectorFor(mock).connector)).status).toBe("success");
    const again = await run("prior_b", "aud_prior", connectorFor(mock).connector);
    expect(again.status).toBe("blocked");
    expect(again.message).toContain("Google Ads user list 7654321 holds about 9 members");
  });

  it("a changed member: only what Google sees as changed leaves the list; the add waits until it has", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_moved", people(range(1, 6)));
    expect((await run("moved", "aud_moved", connectorFor(mock).connector)).delivered).toBe(5);
    const jobsBefore = mock.jobs.size;

    // 1 gets a new phone, 2 the same email in capitals (the same once normalised), 3 a new email;
    // 6 joins. The first job of the run (the removal) fails.
    const email = (i: number) =>
      i === 2 ? "PERSON2@EXAMPLE.COM" : i === 3 ? "ann.three@example.com" : `Person${i}@Example.com `;
    const phone = (i: number) => (i === 1 ? "(650) 253-9999" : `(650) 253-${1000 + i}`);
    await setModel("aud_moved", people(range(1, 7), email, phone));
    mock.faults.failJobs = 1;
    const before = mock.calls.length;
    const r = await run("moved", "aud_moved", connectorFor(mock).connector);
    expect([r.status, r.counts.changed, r.counts.added, r.delivered, r.failed]).toEqual([
      "success",
      3,
      1,
      4,
      0,
    ]);

    // Attempt 1: the removal job fails, so 1 and 3 wait; 2 (nothing stale) and 6 are added.
    // Attempt 2 (the engine's retry): the removal again, then the adds of 1 and 3.
    const jobs = [...mock.jobs.values()].slice(jobsBefore);
    expect(jobs.map((j) => [j.kind, j.status, j.operations.length])).toEqual([
      ["remove", "FAILED", 2],
      ["create", "SUCCESS", 2],
      ["remove", "SUCCESS", 2],
      ["create", "SUCCESS", 2],
    ]);
    const removed = sentOperations(mock, before)
      .filter((o) => o.kind === "remove")
      .map((o) => JSON.stringify(o.identifiers));
    expect(new Set(removed)).toEqual(
      new Set([
        JSON.stringify([{ hashedPhoneNumber: sha("+16502531001") }]),
        JSON.stringify([{ hashedEmail: sha("person3@example.com") }]),
      ]),
    );
    const expected = range(1, 7).flatMap((i) =>
      memberKeysOf(
        i,
        i === 3 ? "ann.three@example.com" : `person${i}@example.com`,
        i === 1 ? "+16502539999" : `+1650253${1000 + i}`,
      ),
    );
    expect(new Set(mock.members)).toEqual(new Set(expected));
    expect(r.destination).toMatchObject({
      jobs: { remove: { created: 2, succeeded: 1, failed: 1 }, create: { created: 2, succeeded: 2 } },
      staleRemoved: 2,
    });
  });

  it("a partial failure rejects the refused rows with Google's reason, commits the others, and retries only the refused next run", async () => {
    const refused = new Set([sha("person5@example.com"), sha("person9@example.com")]);
    mock = await startGoogleAdsMock(
      {},
      {
        rejectIdentifier: (v) =>
          refused.has(v)
            ? { code: "INVALID_USER_LIST_ID", message: "Not a member Google takes." }
            : undefined,
      },
    );
    await setModel("aud_partial", people(range(1, 13)));
    const first = await run("partial", "aud_partial", connectorFor(mock).connector, { maxRejected: 5 });
    expect([first.status, first.delivered, first.rejected, first.failed]).toEqual(["success", 10, 2, 0]);
    const errors = await wh.query<{ key: string; error: string }>(
      "SELECT key, error FROM gads_state.partial__errors ORDER BY key",
    );
    expect(errors.map((e) => e.key)).toEqual(["5", "9"]);
    for (const e of errors) {
      expect(e.error).toBe(
        "rejected: Google Ads refused it: INVALID_USER_LIST_ID: Not a member Google takes. (create.user_identifiers[0])",
      );
    }
    expect(mock.members.has(`email:${sha("person5@example.com")}`)).toBe(false);
    expect(mock.members.has(`email:${sha("person4@example.com")}`)).toBe(true);
    expect(first.destination).toMatchObject({
      operations: { create: { sent: 12, accepted: 10, refused: 2 } },
      refusalReasons: ["INVALID_USER_LIST_ID: Not a member Google takes. (create.user_identifiers[0])"],
    });

    mock.faults.rejectIdentifier = undefined;
    const before = mock.calls.length;
    const second = await run("partial", "aud_partial", connectorFor(mock).connector);
    expect([second.status, second.counts.planned, second.counts.retried, second.delivered]).toEqual([
      "success",
      2,
      2,
      2,
    ]);
    expect(new Set(sentOperations(mock, before).map((o) => o.identifiers[0]!.hashedEmail))).toEqual(refused);
    expect(new Set(mock.members)).toEqual(new Set(range(1, 13).flatMap((i) => memberKeysOf(i))));
  });

  it("RESOURCE_EXHAUSTED: Google's retryDelay is waited for, short in place, long by the engine; no row is lost", async () => {
    mock = await startGoogleAdsMock({}, { quota: 2, quotaRetryDelay: "30s", quotaStyle: "quotaError" });
    await setModel("aud_quota", people(range(1, 31)));
    const { connector, sleeps } = connectorFor(mock, { batchSize: 10 });
    const first = await run("quota", "aud_quota", connector, { concurrency: 1 });
    expect([first.status, first.delivered, first.failed]).toEqual(["success", 30, 0]);
    expect(sleeps.filter((ms) => ms === 30_000)).toHaveLength(2);

    // A delay too long to hold a request: the rows come back retryable with it, and the upload
    // waits before sending them again (into the same run's job).
    mock.faults.quota = 1;
    mock.faults.quotaRetryDelay = "600s";
    mock.faults.quotaStyle = "retryInfo";
    mock.faults.quotaActions = ["addOperations"];
    await setModel("aud_quota", people(range(1, 36)));
    const again = connectorFor(mock);
    const second = await run("quota", "aud_quota", again.connector);
    expect([second.status, second.delivered, second.failed]).toEqual(["success", 5, 0]);
    expect(again.sleeps).toContain(600_000);
    expect(new Set(mock.members)).toEqual(new Set(range(1, 36).flatMap((i) => memberKeysOf(i))));
  });

  it("CONCURRENT_MODIFICATION and 503 are retried in place", async () => {
    mock = await startGoogleAdsMock({}, { concurrentModification: 2, unavailable: 1 });
    await setModel("aud_conc", people(range(1, 6)));
    const { connector, sleeps } = connectorFor(mock);
    const r = await run("conc", "aud_conc", connector);
    expect([r.status, r.delivered]).toEqual(["success", 5]);
    expect(mock.calls.filter((c) => c.status === 400)).toHaveLength(2);
    expect(mock.calls.filter((c) => c.status === 503)).toHaveLength(1);
    expect(sleeps.length).toBeGreaterThanOrEqual(3);
    expect(mock.members.size).toBe(15);
  });

  it("a job that FAILED delivers none of its rows: they are sent again (same run, then next run) until the list has them", async () => {
    mock = await startGoogleAdsMock({}, { failJobs: 1 });
    await setModel("aud_fail", people(range(1, 9)));
    const first = await run("fail", "aud_fail", connectorFor(mock).connector);
    expect([first.status, first.delivered, first.failed]).toEqual(["success", 8, 0]);
    expect([...mock.jobs.values()].map((j) => j.status)).toEqual(["FAILED", "SUCCESS"]);

    // Every job fails this time: nothing counts as delivered, nothing is committed.
    mock.faults.failJobs = 100;
    await setModel("aud_fail", people(range(1, 13)));
    const second = await run("fail", "aud_fail", connectorFor(mock).connector);
    expect([second.status, second.delivered, second.failed]).toEqual(["failed", 0, 4]);
    const [errors] = await wh.query<{ n: number }>("SELECT COUNT(*) AS n FROM gads_state.fail__errors");
    expect(Number(errors!.n)).toBe(4);
    const [reason] = await wh.query<{ error: string }>("SELECT error FROM gads_state.fail__errors LIMIT 1");
    expect(reason!.error).toMatch(
      /^retryable: Google Ads job customers\/1234567890\/offlineUserDataJobs\/\d+ FAILED/,
    );

    // Google recovers: the next run sends exactly those four, and the list equals the model.
    mock.faults.failJobs = 0;
    const before = mock.calls.length;
    const third = await run("fail", "aud_fail", connectorFor(mock).connector);
    expect([third.status, third.counts.planned, third.delivered]).toEqual(["success", 4, 4]);
    expect(sentOperations(mock, before)).toHaveLength(4);
    expect(new Set(mock.members)).toEqual(new Set(range(1, 13).flatMap((i) => memberKeysOf(i))));
  });

  it("a job still running at jobTimeout leaves its rows retryable", async () => {
    mock = await startGoogleAdsMock({ pollsUntilDone: 1_000 });
    await setModel("aud_slow", people(range(1, 4)));
    const { connector, sleeps } = connectorFor(
      mock,
      { jobTimeout: 10, pollInterval: 60 },
      { maxAttempts: 1 },
    );
    const r = await run("slow", "aud_slow", connector, { maxAttempts: 1 });
    expect([r.status, r.delivered, r.failed]).toEqual(["failed", 0, 3]);
    expect(r.errors![0]!.reason).toMatch(/was still RUNNING after 10 minutes \(jobTimeout\)/);
    // 60 s, then 90 s, 135 s... until 10 minutes of waiting.
    expect(sleeps.slice(0, 3)).toEqual([60_000, 90_000, 135_000]);
    expect(sleeps.reduce((s, ms) => s + ms, 0)).toBe(600_000);
  });

  /** Rows the run recorded as failed, and rows it committed as delivered. */
  const state = async (name: string) => {
    const count = async (table: string) => {
      const [row] = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM gads_state.${name}__${table}`);
      return Number(row!.n);
    };
    return { errors: await count("errors"), snapshot: await count("snapshot") };
  };
  /** The connector, with `after` run once its check() passed (the account changes mid-run). */
  const changedAfterCheck = (connector: Connector, after: () => void): Connector => ({
    ...connector,
    async check() {
      await connector.check();
      after();
    },
  });

  it.each([
    {
      what: "Customer Match closed to the developer token",
      name: "stop_allowlist",
      setup: (m: GoogleAdsMock) => {
        m.account.allowlisted = false;
      },
      message:
        /CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE: .*Data Manager API: use the destination type "google-data-manager"/,
      refusedWith: 403,
      fix: (m: GoogleAdsMock) => {
        m.account.allowlisted = true;
      },
    },
    {
      what: "a refresh token revoked during the run",
      name: "stop_token",
      setup: (m: GoogleAdsMock) => {
        m.revokeRefreshToken();
        m.expireAccessTokens();
      },
      message: /^google-ads: Google refused the OAuth credentials \(invalid_grant: .*\)\. Authorise again/,
      // The access token is refused, and the token endpoint refuses a new one.
      refusedWith: 401,
      fix: undefined,
    },
    {
      what: "the list removed during the run",
      name: "stop_list",
      setup: (m: GoogleAdsMock) => m.removeList(),
      message: /INVALID_USER_LIST_ID: .*the user list cannot take members any more/,
      refusedWith: 400,
      fix: undefined,
    },
  ])(
    "$what stops the run with one message; every row stays planned",
    async ({ name, setup, message, refusedWith, fix }) => {
      mock = await startGoogleAdsMock();
      await setModel("aud_stop", people(range(1, 9)));
      const { connector } = connectorFor(mock, { batchSize: 2 });
      const r = await run(
        name,
        "aud_stop",
        changedAfterCheck(connector, () => setup(mock)),
        {
          concurrency: 1,
        },
      );
      expect([r.status, r.delivered, r.rejected, r.failed]).toEqual(["error", 0, 0, 0]);
      expect(r.message).toMatch(message);
      for (const secret of [
        mock.account.refreshToken,
        mock.account.clientSecret,
        mock.account.developerToken,
      ])
        expect(r.message).not.toContain(secret);
      // Nothing recorded as failed, nothing committed: the next run plans all eight again.
      expect(await state(name)).toEqual({ errors: 0, snapshot: 0 });
      // check(), the list's size (the state is empty: priorDelivery), then one refused call: the
      // three other batches were not tried, nothing was retried. Refused credentials are met
      // already by the size query, the first call after check().
      expect(mock.calls.map((c) => c.status)).toEqual(
        refusedWith === 401 ? [200, 401] : [200, 200, refusedWith],
      );
      expect(mock.jobs.size).toBe(0);
      if (fix) {
        fix(mock);
        const next = await run(name, "aud_stop", connectorFor(mock, { batchSize: 2 }).connector);
        expect([next.status, next.counts.planned, next.counts.retried, next.delivered]).toEqual([
          "success",
          8,
          0,
          8,
        ]);
      }
    },
  );

  it("a closed list stops the run at check() with the rows planned, and they all go once it is open", async () => {
    mock = await startGoogleAdsMock({ membershipStatus: "CLOSED" });
    await setModel("aud_closed", people(range(1, 5)));
    const r = await run("closed", "aud_closed", connectorFor(mock).connector);
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/user list 7654321 of customer 1234567890 \("Mock customer list"\) is closed/);
    expect(await state("closed")).toEqual({ errors: 0, snapshot: 0 });
    mock.account.membershipStatus = "OPEN";
    const next = await run("closed", "aud_closed", connectorFor(mock).connector);
    expect([next.status, next.counts.planned, next.delivered]).toEqual(["success", 4, 4]);
  });

  it("a quota exhausted for hours stops the run instead of holding it; the rows stay planned", async () => {
    mock = await startGoogleAdsMock({}, { quota: 1, quotaRetryDelay: "7200s", quotaActions: ["create"] });
    await setModel("aud_daily", people(range(1, 5)));
    const r = await run("daily", "aud_daily", connectorFor(mock).connector);
    expect([r.status, r.delivered, r.failed]).toEqual(["error", 0, 0]);
    expect(r.message).toMatch(/RESOURCE_EXHAUSTED.*Google asks to wait 120 minutes/);
    expect(engineSleeps.every((ms) => ms < 60_000)).toBe(true);
    expect(await state("daily")).toEqual({ errors: 0, snapshot: 0 });
  });

  it("field names the connector does not read stop the sync before anything is sent", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_fields", people(range(1, 3)));
    await expect(
      run("fields", "aud_fields", connectorFor(mock).connector, {
        fields: { email: "email", zip: "zip", first_name: "first_name" },
      }),
    ).rejects.toThrow(
      /the google-ads destination cannot take these fields; nothing was sent:\n {2}field "zip" is not a Google Ads Customer Match field: did you mean postal_code\?$/,
    );
    expect(mock.calls).toHaveLength(0);
  });

  it("a revoked refresh token stops the sync at check() with one clear message and no secret in it", async () => {
    mock = await startGoogleAdsMock();
    mock.revokeRefreshToken();
    await setModel("aud_auth", people(range(1, 4)));
    const r = await run("auth", "aud_auth", connectorFor(mock).connector);
    expect(r.status).toBe("error");
    expect(r.message).toMatch(
      /^google-ads: Google refused the OAuth credentials \(invalid_grant: Token has been expired or revoked\.\)\. Authorise again/,
    );
    for (const secret of [mock.account.refreshToken, mock.account.clientSecret, mock.account.developerToken])
      expect(r.message).not.toContain(secret);
    expect(mock.calls).toHaveLength(0);
    expect(mock.tokenRequests).toBe(1);
  });

  it("a wrong developer token is named in the message, never quoted", async () => {
    mock = await startGoogleAdsMock();
    await setModel("aud_dev", people(range(1, 4)));
    const { connector } = connectorFor(mock, { developerToken: "wrong-developer-token-123" });
    const r = await run("dev", "aud_dev", connector);
    expect(r.status).toBe("error");
    expect(r.message).toContain("DEVELOPER_TOKEN_INVALID");
    expect(r.message).toContain("copy it again from the Google Ads API Center");
    expect(r.message).not.toContain("wrong-developer-token-123");
    expect(mock.calls).toHaveLength(1);
  });

  it("an expired access token is refreshed once and the call goes through", async () => {
    mock = await startGoogleAdsMock();
    const { connector, redactor } = connectorFor(mock);
    await connector.check();
    expect(mock.calls).toHaveLength(1);
    expect(mock.tokenRequests).toBe(1);
    mock.expireAccessTokens();
    const results = await writeAndSettle(
      connector,
      [{ key: "1", op: "add", fields: { email: "a@example.com" } }],
      {
        sync: "s",
        runId: "r",
      },
    );
    expect(results).toEqual([{ key: "1", status: "delivered" }]);
    expect(mock.tokenRequests).toBe(2);
    expect(mock.calls[1]!.status).toBe(401);
    expect(redactor.size).toBeGreaterThanOrEqual(5); // three config secrets and two access tokens
  });
});
