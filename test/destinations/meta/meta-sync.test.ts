import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MetaConnector, metaConnector, metaDestinationSchema } from "../../../connectors/meta/index.ts";
import { THROTTLE_WAIT_MS } from "../../../connectors/meta/usage-headers.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import { BatchError } from "../../../src/connector-kit/connector.ts";
import { sha256Hex } from "../../../src/connector-kit/normalize-hash.ts";
import { type SyncConfig, syncConfigSchema, type UserSyncConfig } from "../../../src/sync/config.ts";
import { runSync } from "../../../src/sync/engine.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import { type MetaMock, memberKey, startMetaMock } from "./mock-server.ts";

const TOKEN = "EAAB-system-user-token-0123456789";
const AUDIENCE = "23851234567890123";

/** A person of the model, and the member Meta should hold for them (hashed by hand here). */
interface Person {
  id: number;
  email: string | null;
  phone: string | null;
  last: string;
  ext: string | null;
}
const person = (id: number): Person => ({
  id,
  email: `  Person${id}@Example.COM `,
  phone: `(415) 555-${1000 + id}`,
  last: `Lee-${id}`,
  ext: `crm-${id}`,
});
function expectedMember(p: Person): string {
  return memberKey({
    EXTERN_ID: p.ext ?? "",
    EMAIL: p.email ? sha256Hex(p.email.trim().toLowerCase()) : "",
    PHONE: p.phone ? sha256Hex(`1${p.phone.replace(/\D/g, "")}`) : "",
    LN: sha256Hex(p.last.toLowerCase().replace("-", "")),
    FN: sha256Hex("ann"),
    COUNTRY: sha256Hex("us"),
  });
}

describe("Meta connector through the sync engine, against the Graph API mock", () => {
  let wh: Warehouse;
  let mock: MetaMock;
  let sleeps: number[];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };

  beforeAll(async () => {
    wh = await duckdbTarget.open("main");
    mock = await startMetaMock({ token: TOKEN, audienceId: AUDIENCE });
  });
  afterAll(async () => {
    await mock.close();
    await wh.close();
  });
  beforeEach(() => {
    mock.reset();
    sleeps = [];
  });

  const setModel = (name: string, people: Person[]) =>
    wh.replaceTable(
      { schema: "main", name },
      people
        .map(
          (p) =>
            `SELECT ${p.id} AS id, ${wh.dialect.literal(p.email)} AS email, ${wh.dialect.literal(p.phone)} AS phone, 'Ann' AS first_name, ${wh.dialect.literal(p.last)} AS last_name, 'US' AS country, ${wh.dialect.literal(p.ext)} AS ext_id`,
        )
        .join(" UNION ALL "),
    );
  const config = (name: string, extra: Partial<UserSyncConfig> = {}): SyncConfig =>
    syncConfigSchema.parse({
      model: name,
      primaryKey: "id",
      mode: "audience",
      // The meta type joins the destination union when the connector is wired in; the engine
      // uses the connector passed below.
      destination: { type: "file", dir: "unused" },
      fields: {
        EXTERN_ID: "ext_id",
        EMAIL: "email",
        PHONE: "phone",
        FN: "first_name",
        LN: "last_name",
        COUNTRY: "country",
      },
      maxAttempts: 8,
      ...extra,
    });
  const connector = (extra: Record<string, unknown> = {}, batchSize = 50): MetaConnector =>
    metaConnector(
      metaDestinationSchema.parse({
        type: "meta",
        accessToken: TOKEN,
        audienceId: AUDIENCE,
        baseUrl: mock.baseUrl,
        ...extra,
      }),
      { projectDir: ".", redactor: new Redactor(), sleep },
      { rateLimit: 10_000, maxAttempts: 3, batchSize },
    );
  const run = (name: string, dest: MetaConnector, extra: Partial<UserSyncConfig> = {}) =>
    runSync({
      name,
      config: config(name, extra),
      modelRelation: { schema: "main", name },
      warehouse: wh,
      projectDir: ".",
      connector: dest,
      sleep,
    });
  const sentKeys = () =>
    mock.requests.flatMap((r) => r.rows.map((row) => row[r.schema.indexOf("EXTERN_ID")]));

  it("a first sync adds everyone in batches of one session, each value hashed", async () => {
    const people = Array.from({ length: 120 }, (_, i) => person(i + 1));
    await setModel("meta_full", people);
    const dest = connector();
    const r = await run("meta_full", dest);
    expect(r.status).toBe("success");
    expect(r.delivered).toBe(120);
    expect(new Set(mock.members.keys())).toEqual(new Set(people.map(expectedMember)));
    expect(mock.requests.map((q) => [q.method, q.rows.length])).toEqual([
      ["POST", 50],
      ["POST", 50],
      ["POST", 20],
    ]);
    expect(mock.requests[0]!.schema).toEqual(["EXTERN_ID", "EMAIL", "PHONE", "LN", "FN", "COUNTRY"]);
    // One session per run and operation, batch_seq 1..n, its size announced, and the request
    // completing it flagged last (the Custom Audience Users reference's `session`).
    expect(new Set(mock.requests.map((q) => q.session.session_id)).size).toBe(1);
    expect(mock.requests.map((q) => q.session.batch_seq).sort()).toEqual([1, 2, 3]);
    expect(mock.requests.every((q) => q.session.estimated_num_total === 120)).toBe(true);
    const flagged = mock.requests.filter((q) => q.session.last_batch_flag);
    expect(flagged.map((q) => q.session.batch_seq)).toEqual([3]);
    expect(dest.matchInfo()).toMatchObject({
      add: { requests: 3, received: 120, invalid: 0 },
      remove: { requests: 0, received: 0, invalid: 0 },
      refusedBeforeSending: 0,
    });
    // The match information goes into the sync's result (and so target/sync_results.json).
    expect(r.destination).toEqual({
      audienceId: AUDIENCE,
      add: { requests: 3, received: 120, invalid: 0 },
      remove: { requests: 0, received: 0, invalid: 0 },
      staleRemoved: 0,
      refusedBeforeSending: 0,
      invalidSamples: 0,
      invalidReasons: [],
    });
  });

  it("the next run sends only what changed, and a changed row's old identifiers leave the audience", async () => {
    const people = Array.from({ length: 30 }, (_, i) => person(i + 1));
    await setModel("meta_incr", people);
    const dest = connector();
    await run("meta_incr", dest);
    mock.requests.length = 0;
    expect((await run("meta_incr", dest)).counts.planned).toBe(0);
    expect(mock.requests).toHaveLength(0);

    const next = [...people, person(31), person(32)];
    next[4] = { ...next[4]!, phone: "(415) 555-9999" };
    // Only the spelling changed: Meta receives the same hash, so there is nothing to remove.
    next[6] = { ...next[6]!, email: "PERSON7@example.com" };
    await setModel("meta_incr", next);
    // A new connector, as each cdp sync creates: its report covers this run only.
    const r = await run("meta_incr", connector());
    expect(r.status).toBe("success");
    expect(r.counts).toMatchObject({ added: 2, changed: 2, removed: 0, planned: 4 });
    // Removals go first: the old tuple of crm-5 (its phone as last delivered), then the adds.
    expect(mock.requests.map((q) => [q.method, q.rows.length])).toEqual([
      ["DELETE", 1],
      ["POST", 4],
    ]);
    const removed = mock.requests[0]!;
    expect(removed.rows[0]![removed.schema.indexOf("EXTERN_ID")]).toBe("crm-5");
    expect(removed.rows[0]![removed.schema.indexOf("PHONE")]).toBe(sha256Hex("14155551005"));
    expect(sentKeys().sort()).toEqual(["crm-31", "crm-32", "crm-5", "crm-5", "crm-7"]);
    expect(mock.members.has(expectedMember(people[4]!))).toBe(false);
    expect(new Set(mock.members.keys())).toEqual(new Set(next.map(expectedMember)));
    expect(r.delivered).toBe(4);
    expect(r.destination).toMatchObject({
      add: { requests: 1, received: 4 },
      remove: { requests: 1, received: 1 },
      staleRemoved: 1,
    });

    // Once delivered, the new identifiers are what a later removal removes.
    await setModel(
      "meta_incr",
      next.filter((p) => p.id !== 5),
    );
    mock.requests.length = 0;
    const gone = await run("meta_incr", dest);
    expect(gone.counts).toMatchObject({ removed: 1, planned: 1 });
    expect(mock.requests.map((q) => [q.method, q.rows.length])).toEqual([["DELETE", 1]]);
    expect(new Set(mock.members.keys())).toEqual(new Set(next.filter((p) => p.id !== 5).map(expectedMember)));
  });

  it("people who left the model are removed with the data last delivered for them", async () => {
    const people = Array.from({ length: 40 }, (_, i) => person(i + 1));
    await setModel("meta_remove", people);
    const dest = connector();
    await run("meta_remove", dest);
    mock.requests.length = 0;
    const stay = people.filter((p) => p.id % 8 !== 0);
    await setModel("meta_remove", stay);
    const r = await run("meta_remove", dest);
    expect(r.status).toBe("success");
    expect(r.counts.removed).toBe(5);
    expect(mock.requests.map((q) => [q.method, q.rows.length])).toEqual([["DELETE", 5]]);
    expect(new Set(mock.members.keys())).toEqual(new Set(stay.map(expectedMember)));
    expect(dest.matchInfo().remove).toEqual({ requests: 1, received: 5, invalid: 0 });
  });

  it("bad rows are rejected with the API's reason, good ones committed; the next run resends only the failures", async () => {
    const people = Array.from({ length: 20 }, (_, i) => person(i + 1));
    people[2] = { ...people[2]!, email: null, phone: null, ext: null, last: "" }; // key 3: nothing to match on
    await setModel("meta_partial", people);
    const blocked = sha256Hex("person7@example.com");
    const garbled = sha256Hex("person12@example.com");
    mock.faults.refuseValues = new Map([[blocked, "This email cannot be used in a Custom Audience"]]);
    mock.faults.invalidValues = new Map([[garbled, "Invalid hashed email"]]);
    const dest = connector({}, 10);
    const r = await run("meta_partial", dest, { maxRejected: 5 });
    expect(r.status).toBe("success");
    expect(r.rejected).toBe(3);
    expect(r.delivered).toBe(17);
    const errors = await wh.query<{ key: string; error: string }>(
      `SELECT key, error FROM cdp_state.meta_partial__errors ORDER BY CAST(key AS INT)`,
    );
    expect(errors.map((e) => e.key)).toEqual(["3", "7", "12"]);
    expect(errors[0]!.error).toContain("no usable identifier");
    expect(errors[1]!.error).toContain("This email cannot be used in a Custom Audience");
    expect(errors[2]!.error).toContain("Meta counted this row as an invalid entry: Invalid hashed email");
    expect(mock.members.has(expectedMember(people[6]!))).toBe(false);
    expect(dest.matchInfo().add.invalid).toBe(1);
    expect(r.destination).toMatchObject({
      refusedBeforeSending: 1,
      invalidSamples: 1,
      invalidReasons: ["Invalid hashed email"],
    });

    // Fixed: the next run sends the three failed rows and nothing else.
    mock.faults.refuseValues = undefined;
    mock.faults.invalidValues = undefined;
    people[2] = person(3);
    await setModel("meta_partial", people);
    mock.requests.length = 0;
    const again = await run("meta_partial", dest);
    expect(again.status).toBe("success");
    expect(again.counts.retried).toBe(3);
    expect(sentKeys().sort()).toEqual(["crm-12", "crm-3", "crm-7"]);
    expect(mock.requests.every((q) => q.method === "POST")).toBe(true);
    expect(new Set(mock.members.keys())).toEqual(new Set(people.map(expectedMember)));
  });

  it("throttling (in the body, HTTP 400/403) and 5xx are waited out with no row lost", async () => {
    const people = Array.from({ length: 200 }, (_, i) => person(i + 1));
    await setModel("meta_throttle", people);
    const codes = [80003, 17, 4, 613, 80004, 32];
    mock.faults.throttle = (n) =>
      n % 3 === 1 ? { code: codes[n % codes.length]!, status: n % 2 ? 400 : 403 } : undefined;
    mock.faults.every5xx = 5;
    const dest = connector({}, 25);
    const r = await run("meta_throttle", dest);
    expect(r.status).toBe("success");
    expect(r.delivered).toBe(200);
    expect(r.failed + r.rejected).toBe(0);
    expect(mock.refused.filter((e) => codes.includes(e.code)).length).toBeGreaterThan(3);
    expect(sleeps).toContain(THROTTLE_WAIT_MS);
    expect(new Set(mock.members.keys())).toEqual(new Set(people.map(expectedMember)));
  });

  it("a wrong or expired token stops the run with one clear message, without the token", async () => {
    await setModel("meta_token", [person(1), person(2)]);
    const wrong = await run("meta_token", connector({ accessToken: "EAAB-not-the-right-token-999" }));
    expect(wrong.status).toBe("error");
    expect(wrong.message).toContain("access token is expired, revoked or invalid");
    expect(wrong.message).not.toContain("EAAB-not-the-right-token-999");
    expect(mock.requests).toHaveLength(0);

    mock.faults.expiredToken = true;
    const expired = await run("meta_token", connector());
    expect(expired.status).toBe("error");
    expect(expired.message).toContain("Session has expired");
    expect(expired.message).not.toContain(TOKEN);
  });

  it("throttling waits as long as Meta's X-Business-Use-Case-Usage says", async () => {
    const people = Array.from({ length: 60 }, (_, i) => person(i + 1));
    await setModel("meta_regain", people);
    mock.faults.throttle = (n) => (n === 1 ? { code: 80003, regainMinutes: 7 } : undefined);
    const r = await run("meta_regain", connector({}, 30));
    expect(r.status).toBe("success");
    expect(r.delivered).toBe(60);
    expect(sleeps).toContain(7 * 60_000);
    expect(sleeps).not.toContain(THROTTLE_WAIT_MS);
    expect(new Set(mock.members.keys())).toEqual(new Set(people.map(expectedMember)));
  });

  it("throttling for longer than a run waits stops it; the rows not sent stay planned", async () => {
    const people = Array.from({ length: 120 }, (_, i) => person(i + 1));
    await setModel("meta_blocked", people);
    mock.faults.throttle = (n) => (n === 2 ? { code: 80003, regainMinutes: 45 } : undefined);
    const r = await run("meta_blocked", connector(), { concurrency: 1 });
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/for about 45 more minutes .*the rows not sent stay planned for the next run/);
    expect(r.delivered).toBe(50);
    expect(mock.refused).toHaveLength(1);
    expect(sleeps.filter((ms) => ms >= THROTTLE_WAIT_MS)).toEqual([]);
    const errors = await wh.query(`SELECT key FROM cdp_state.meta_blocked__errors`);
    expect(errors).toEqual([]);

    mock.faults.throttle = undefined;
    const next = await run("meta_blocked", connector());
    expect(next.status).toBe("success");
    expect(next.counts).toMatchObject({ added: 70, planned: 70 });
    expect(new Set(mock.members.keys())).toEqual(new Set(people.map(expectedMember)));
  });

  for (const [what, failure, advice] of [
    [
      "the token expires",
      { code: 190, error_subcode: 463, message: "Error validating access token: Session has expired" },
      "access token is expired, revoked or invalid",
    ],
    [
      "the token loses its permission",
      { status: 403, code: 200, message: "(#200) Permissions error" },
      "the token may not manage this audience",
    ],
    [
      "the audience is deleted",
      {
        code: 100,
        error_subcode: 33,
        message: `Unsupported post request. Object with ID '${AUDIENCE}' does not exist`,
      },
      "check that audienceId names a customer-file Custom Audience",
    ],
  ] as const) {
    it(`when ${what} mid-run, the run stops with one message after one refused call; the rest stays planned`, async () => {
      const people = Array.from({ length: 120 }, (_, i) => person(i + 1));
      const name = `meta_stop_${what.split(" ").at(-1)}`;
      await setModel(name, people);
      mock.faults.failFrom = { call: 2, ...failure };
      const r = await run(name, connector(), { concurrency: 1, maxRejected: "100%" });
      expect(r.status).toBe("error");
      expect(r.message).toContain(advice);
      expect(r.message).toContain(failure.message);
      expect(r.message).not.toContain(TOKEN);
      expect(r.delivered).toBe(50);
      expect(r.rejected + r.failed).toBe(0);
      // One refused call: no further batch was sent, no row recorded as failed.
      expect(mock.refused).toHaveLength(1);
      expect(await wh.query(`SELECT key FROM cdp_state.${name}__errors`)).toEqual([]);

      mock.faults.failFrom = undefined;
      mock.requests.length = 0;
      const next = await run(name, connector());
      expect(next.status).toBe("success");
      expect(next.counts).toMatchObject({ added: 70, retried: 0, planned: 70 });
      expect(sentKeys()).toHaveLength(70);
      expect(new Set(mock.members.keys())).toEqual(new Set(people.map(expectedMember)));
    });
  }

  it("after a fatal error, later writes of the run fail the same way without calling Meta", async () => {
    const dest = connector();
    await dest.check();
    mock.faults.expiredToken = true;
    const records = [1, 2].map((i) => ({
      key: String(i),
      op: "add" as const,
      fields: { EMAIL: `p${i}@x.com` },
    }));
    const first = await dest.write(records, { sync: "s", runId: "r1" }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(BatchError);
    expect(first).toMatchObject({ fatal: true, message: expect.stringContaining("access token") });
    const calls = mock.refused.length;
    const second = await dest.write(records, { sync: "s", runId: "r1" }).catch((e: unknown) => e);
    expect(second).toBe(first);
    expect(mock.refused.length).toBe(calls);
  });

  it("an expired API version stops the run with one message naming it and the fix, no row refused", async () => {
    await setModel("meta_version", [person(1), person(2), person(3)]);
    const r = await run("meta_version", connector({ apiVersion: "v21.0" }, 1));
    expect(r.status).toBe("error");
    expect(r.rejected).toBe(0);
    expect(r.message).toContain("Marketing API version v21.0");
    expect(r.message).toContain("destination.apiVersion");
    expect(r.message).toContain("2635");
    expect(mock.members.size).toBe(0);
  });

  it("the default version is one Meta's table has not expired", async () => {
    await setModel("meta_default_version", [person(1)]);
    const r = await run("meta_default_version", connector());
    expect(r.status).toBe("success");
  });

  it("priorDelivery: the audience's approximate size when it has members", async () => {
    await setModel("meta_prior", [person(1), person(2)]);
    const dest = connector();
    expect(await dest.priorDelivery?.("meta_prior")).toBeUndefined();
    expect((await run("meta_prior", dest)).status).toBe("success");
    expect(await connector().priorDelivery?.("meta_prior")).toBe(
      `Meta audience ${AUDIENCE} holds about 2 people`,
    );
    // A new sync (empty state) into that audience stops as lost state.
    await setModel("meta_prior_again", [person(1)]);
    const again = await run("meta_prior_again", connector());
    expect(again.status).toBe("blocked");
    expect(again.message).toContain("holds about 2 people");
  });

  it("a phone not valid in its row's country is not sent; the result counts it with a sample of keys", async () => {
    await setModel("meta_bad_phone", [
      { ...person(1), phone: "+00000000" },
      { ...person(2), phone: "01719083461" },
      person(3),
    ]);
    const r = await run("meta_bad_phone", connector({ defaultCountry: "US" }));
    expect(r.status).toBe("success");
    expect(r.delivered).toBe(3);
    expect(r.destination).toMatchObject({
      invalidValuesNotSent: { PHONE: { rows: 2, sampleKeys: ["1", "2"] } },
    });
    const phones = mock.requests.flatMap((q) => q.rows.map((row) => row[q.schema.indexOf("PHONE")]));
    expect(phones.filter((p) => p === "")).toHaveLength(2);
  });

  it("check() names what is wrong with the audience", async () => {
    await expect(connector({ audienceId: "111" }).check()).rejects.toThrow(
      /audienceId names a customer-file Custom Audience/,
    );
    const lookalike = await startMetaMock({
      token: TOKEN,
      audienceId: AUDIENCE,
      audience: { subtype: "LOOKALIKE" },
    });
    try {
      await expect(connector({ baseUrl: lookalike.baseUrl }).check()).rejects.toThrow(
        /is a LOOKALIKE audience/,
      );
    } finally {
      await lookalike.close();
    }
  });

  it("sends appsecret_proof when the app requires it", async () => {
    const strict = await startMetaMock({ token: TOKEN, audienceId: AUDIENCE, appSecret: "the-app-secret" });
    try {
      await expect(connector({ baseUrl: strict.baseUrl }).check()).rejects.toThrow(/appsecret_proof/);
      await connector({ baseUrl: strict.baseUrl, appSecret: "the-app-secret" }).check();
    } finally {
      await strict.close();
    }
  });

  it("field names that are not Meta keys stop the sync before anything is sent", async () => {
    await setModel("meta_fields", [person(1)]);
    const dest = connector();
    expect(dest.validateFields?.(["EMAIL", "PHONE", "DOB"])).toEqual([]);
    expect(dest.validateFields?.(["email", "DOB", "DOBY"])).toEqual([
      'field "email" is not a Meta schema key: did you mean EMAIL?',
      "map either DOB or DOBY/DOBM/DOBD, not both",
    ]);
    await expect(run("meta_fields", dest, { fields: { email: "email" } })).rejects.toThrow(
      /the meta destination cannot take these fields; nothing was sent:\n {2}field "email" is not a Meta schema key: did you mean EMAIL\?/,
    );
    expect(mock.requests).toHaveLength(0);
    expect(mock.refused).toHaveLength(0);
  });
});
