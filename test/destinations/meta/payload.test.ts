import { describe, expect, it } from "vitest";
import { classifyGraphError, graphError, isThrottling } from "../../../connectors/meta/errors.ts";
import { metaFieldProblems, prepareRow, schemaFor } from "../../../connectors/meta/schema-keys.ts";
import { SessionCounter, sessionId } from "../../../connectors/meta/session.ts";
import { staleIdentifiers } from "../../../connectors/meta/stale-identifiers.ts";
import { parseUsersResponse, prepareUsers, toFailure } from "../../../connectors/meta/update-users.ts";
import {
  MAX_THROTTLE_WAIT_MS,
  regainAccessMs,
  THROTTLE_WAIT_MS,
} from "../../../connectors/meta/usage-headers.ts";
import { BatchError, type SyncRecord } from "../../../src/connector-kit/connector.ts";
import { sha256Hex } from "../../../src/connector-kit/normalize-hash.ts";
import { HttpError } from "../../../src/http/errors.ts";

/** Meta's published example digests ("Customer Information Parameters"). */
const JOHN_SMITH_EMAIL = "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f";
const PHONE_16505551212 = "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176";

const add = (key: string, fields: Record<string, unknown>): SyncRecord => ({ key, op: "add", fields });

describe("schema keys", () => {
  it("orders the schema as Meta lists its keys and expands DOB", () => {
    expect(schemaFor(["COUNTRY", "FN", "PHONE", "EMAIL"])).toEqual(["EMAIL", "PHONE", "FN", "COUNTRY"]);
    expect(schemaFor(["EMAIL", "DOB"])).toEqual(["EMAIL", "DOBY", "DOBM", "DOBD"]);
  });

  it("names field names that are not Meta keys, with a hint", () => {
    expect(metaFieldProblems(["EMAIL", "PHONE", "EXTERN_ID"])).toEqual([]);
    expect(metaFieldProblems(["email"])).toEqual([
      'field "email" is not a Meta schema key: did you mean EMAIL?',
    ]);
    expect(metaFieldProblems(["favourite_colour"])[0]).toContain("use EXTERN_ID, EMAIL, PHONE");
    expect(metaFieldProblems(["DOB", "DOBY"])).toEqual(["map either DOB or DOBY/DOBM/DOBD, not both"]);
  });
});

describe("prepareUsers: the request's payload", () => {
  it("normalises and hashes each value per Meta's rules, EXTERN_ID and MADID as they are", () => {
    const p = prepareUsers([
      add("1", {
        EMAIL: " John_Smith@gmail.com ",
        PHONE: "(650)555-1212",
        FN: "Mary",
        LN: "O'Neil",
        COUNTRY: "US",
        EXTERN_ID: "crm-42",
        MADID: "AB-CD",
      }),
    ]);
    expect(p.schema).toEqual(["EXTERN_ID", "EMAIL", "PHONE", "LN", "FN", "MADID", "COUNTRY"]);
    expect(p.data).toEqual([
      [
        "crm-42",
        JOHN_SMITH_EMAIL,
        PHONE_16505551212,
        sha256Hex("oneil"),
        sha256Hex("mary"),
        "ab-cd",
        sha256Hex("us"),
      ],
    ]);
    expect(p.keys).toEqual(["1"]);
    expect(p.refused).toEqual([]);
  });

  it("leaves unknown values blank so every row has the schema's arity", () => {
    const p = prepareUsers([
      add("1", { EMAIL: "a@x.com", PHONE: null }),
      add("2", { EMAIL: null, PHONE: "+14155552671" }),
    ]);
    expect(p.schema).toEqual(["EMAIL", "PHONE"]);
    expect(p.data).toEqual([
      [sha256Hex("a@x.com"), ""],
      ["", sha256Hex("14155552671")],
    ]);
    for (const row of p.data) expect(row).toHaveLength(p.schema.length);
  });

  it("reads national phone numbers with the row's COUNTRY, else defaultCountry", () => {
    const p = prepareUsers(
      [
        add("uk", { PHONE: "020 7946 0958", COUNTRY: "GB" }),
        add("us", { PHONE: "(650) 555-1212", COUNTRY: null }),
      ],
      "US",
    );
    expect(p.data.map((r) => r[0])).toEqual([sha256Hex("442079460958"), PHONE_16505551212]);
  });

  it("passes through values hashed in the warehouse, and never hashes them twice", () => {
    const p = prepareUsers([add("1", { EMAIL: JOHN_SMITH_EMAIL.toUpperCase(), PHONE: PHONE_16505551212 })]);
    expect(p.data).toEqual([[JOHN_SMITH_EMAIL, PHONE_16505551212]]);
  });

  it("sends a date of birth as DOBY, DOBM, DOBD", () => {
    const p = prepareUsers([add("1", { EMAIL: "a@x.com", DOB: new Date("1997-02-16T00:00:00Z") })]);
    expect(p.schema).toEqual(["EMAIL", "DOBY", "DOBM", "DOBD"]);
    expect(p.data[0]!.slice(1)).toEqual([sha256Hex("1997"), sha256Hex("02"), sha256Hex("16")]);
  });

  it("refuses rows with no usable identifier, with the reason and without the raw value", () => {
    const p = prepareUsers([
      add("1", { EMAIL: "not-an-email", PHONE: "12", COUNTRY: "US" }),
      add("2", { FN: "Ann", COUNTRY: "US" }),
      add("3", { FN: "Ann", LN: "Lee" }),
    ]);
    expect(p.keys).toEqual(["3"]);
    expect(p.refused.map((r) => r.key)).toEqual(["1", "2"]);
    const reason = (p.refused[0] as { reason: string }).reason;
    expect(reason).toContain("no usable identifier");
    expect(reason).toContain("EMAIL is not an email address");
    expect(reason).toContain("PHONE is not a valid phone number");
    expect(reason).not.toContain("not-an-email");
  });

  it("refuses a removal that carries no fields, saying why", () => {
    const p = prepareUsers([{ key: "9", op: "remove", fields: {} }]);
    expect(p.data).toEqual([]);
    expect(p.refused[0]).toMatchObject({ key: "9", status: "rejected" });
    expect((p.refused[0] as { reason: string }).reason).toContain("no record of the data last delivered");
  });

  it("prepareRow keeps FN/LN-only rows usable", () => {
    expect(prepareRow({ FN: "Ann", LN: "Lee" }, ["LN", "FN"])).toEqual({
      values: [sha256Hex("lee"), sha256Hex("ann")],
      dropped: [],
    });
  });

  it("prepareRow reads PHONE in the row's COUNTRY before the default; an invalid one is blank and named", () => {
    const de = prepareRow(
      { EMAIL: "a@x.com", PHONE: "01719083461", COUNTRY: "DE" },
      ["EMAIL", "PHONE", "COUNTRY"],
      "US",
    );
    expect(de).toEqual({
      values: [sha256Hex("a@x.com"), sha256Hex("491719083461"), sha256Hex("de")],
      dropped: [],
    });
    const us = prepareRow({ EMAIL: "a@x.com", PHONE: "+00000000" }, ["EMAIL", "PHONE"], "US");
    expect(us).toEqual({ values: [sha256Hex("a@x.com"), ""], dropped: ["PHONE"] });
  });
});

describe("sessions", () => {
  it("one stable 53-bit session per run and operation, batch_seq counting from 1", () => {
    const a = sessionId("run-1", "add");
    expect(sessionId("run-1", "add")).toBe(a);
    expect(sessionId("run-1", "remove")).not.toBe(a);
    expect(sessionId("run-2", "add")).not.toBe(a);
    expect(Number.isSafeInteger(a) && a > 0).toBe(true);
    const s = new SessionCounter();
    expect(s.next("run-1", "add")).toEqual({ session_id: a, batch_seq: 1, last_batch_flag: false });
    expect(s.next("run-1", "add").batch_seq).toBe(2);
    expect(s.next("run-1", "remove").batch_seq).toBe(1);
    expect(s.sessions).toEqual([
      { sessionId: a, batches: 2 },
      { sessionId: sessionId("run-1", "remove"), batches: 1 },
    ]);
  });
});

describe("session size and last batch", () => {
  it("announces the planned total and flags the request whose distinct rows reach it", () => {
    const s = new SessionCounter();
    expect(s.next("r", "add", ["1", "2"], 4)).toMatchObject({
      last_batch_flag: false,
      estimated_num_total: 4,
    });
    // A row sent again (a retry) does not count twice.
    expect(s.next("r", "add", ["2", "3"], 4)).toMatchObject({ batch_seq: 2, last_batch_flag: false });
    expect(s.next("r", "add", ["4"], 4)).toMatchObject({
      batch_seq: 3,
      last_batch_flag: true,
      estimated_num_total: 4,
    });
    // Without a known total: no estimate, never flagged.
    expect(s.next("r", "remove", ["9"])).toEqual({
      session_id: sessionId("r", "remove"),
      batch_seq: 1,
      last_batch_flag: false,
    });
  });

  it("error 2635 (an expired version) is fatal and names the version and the config key", () => {
    const e = toFailure(
      new HttpError("POST", "http://x/v21.0/1/users", 400, "m", false, undefined, {
        error: {
          message: "(#2635) You are calling a deprecated version of the Ads API.",
          type: "OAuthException",
          code: 2635,
        },
      }),
      "adding 3 row(s) to the audience",
      "/v21.0/1/users",
    );
    expect(e).toBeInstanceOf(BatchError);
    expect((e as BatchError).fatal).toBe(true);
    expect(e.message).toContain("version v21.0");
    expect(e.message).toContain("destination.apiVersion");
  });
});

describe("Graph errors", () => {
  const body = (code: number, extra: Record<string, unknown> = {}) => ({
    error: { message: `m${code}`, type: "OAuthException", code, fbtrace_id: "T", ...extra },
  });
  const httpError = (status: number, b: unknown, headers?: Record<string, unknown>) =>
    new HttpError("POST", "http://x/v21.0/1/users", status, "m", false, undefined, b, headers);
  const usage = (entries: Record<string, unknown>[]) => ({
    "x-business-use-case-usage": JSON.stringify({ "1234": entries }),
  });

  it("classifies by the body's code, not the status", () => {
    for (const code of [4, 17, 32, 613, 80003, 80004]) expect(isThrottling(code)).toBe(true);
    expect(isThrottling(100)).toBe(false);
    const kind = (b: unknown, status = 400) => classifyGraphError(graphError(b)!, status);
    expect(kind(body(190, { error_subcode: 463 }))).toBe("credentials");
    expect(kind(body(200))).toBe("permission");
    expect(kind(body(80003), 403)).toBe("throttled");
    expect(kind(body(100, { error_subcode: 33 }))).toBe("audience");
    expect(kind(body(2, { is_transient: true }), 500)).toBe("transient");
    expect(kind(body(100))).toBe("refused");
  });

  it("throttling is retryable after a wait even with HTTP 400 or 403", () => {
    for (const [status, code] of [
      [400, 80003],
      [403, 4],
      [400, 613],
      [400, 17],
    ] as const) {
      const f = toFailure(httpError(status, body(code)), "adding");
      expect(f).toBeInstanceOf(BatchError);
      expect((f as BatchError).retryable).toBe(true);
      expect((f as BatchError).retryAfterMs).toBe(THROTTLE_WAIT_MS);
      expect((f as BatchError).fatal).toBe(false);
    }
  });

  it("waits as long as X-Business-Use-Case-Usage says, and stops the run when that is too long", () => {
    const regain = (minutes: number, type = "custom_audience") => ({
      type,
      call_count: 100,
      total_cputime: 10,
      total_time: 10,
      estimated_time_to_regain_access: minutes,
    });
    const seven = toFailure(httpError(400, body(80003), usage([regain(7)])), "adding") as BatchError;
    expect(seven).toMatchObject({ retryable: true, fatal: false, retryAfterMs: 7 * 60_000 });
    // No estimate (0) or no header: the hourly limits' default wait.
    expect(
      (toFailure(httpError(400, body(17), usage([regain(0)])), "adding") as BatchError).retryAfterMs,
    ).toBe(THROTTLE_WAIT_MS);
    const long = toFailure(httpError(400, body(80003), usage([regain(45)])), "adding") as BatchError;
    expect(long).toMatchObject({ retryable: true, fatal: true, retryAfterMs: 45 * 60_000 });
    expect(long.message).toMatch(/for about 45 more minutes .*the rows not sent stay planned/);
    expect(45 * 60_000).toBeGreaterThan(MAX_THROTTLE_WAIT_MS);
  });

  it("reads the custom_audience entries of the usage header first, and survives a garbled one", () => {
    const entry = (type: string, minutes: number) => ({ type, estimated_time_to_regain_access: minutes });
    expect(regainAccessMs(usage([entry("ads_management", 30), entry("custom_audience", 2)]))).toBe(120_000);
    expect(regainAccessMs(usage([entry("ads_management", 3)]))).toBe(180_000);
    expect(regainAccessMs({ "x-business-use-case-usage": "{not json" })).toBeUndefined();
    expect(regainAccessMs({ "x-business-use-case-usage": '{"1":"x"}' })).toBeUndefined();
    expect(regainAccessMs(undefined)).toBeUndefined();
  });

  it("an invalid parameter refuses the batch (the engine splits it); token, permission and audience errors stop the run", () => {
    const refused = toFailure(httpError(400, body(100, { error_user_msg: "bad row" })), "adding");
    expect(refused).toBeInstanceOf(BatchError);
    expect(refused).toMatchObject({ retryable: false, fatal: false });
    expect(refused.message).toContain("bad row");
    const token = toFailure(httpError(400, body(190)), "adding");
    expect(token).toMatchObject({ retryable: false, fatal: true });
    expect(token.message).toContain("access token is expired, revoked or invalid");
    expect(toFailure(httpError(403, body(200)), "adding")).toMatchObject({ fatal: true });
    expect(toFailure(httpError(400, body(100, { error_subcode: 33 })), "adding")).toMatchObject({
      fatal: true,
    });
  });

  it("network failures and 5xx without a Graph body stay retryable", () => {
    const f = toFailure(new HttpError("POST", "http://x", undefined, "ECONNRESET", true), "adding");
    expect((f as BatchError).retryable).toBe(true);
  });
});

describe("staleIdentifiers", () => {
  const changed = (key: string, fields: Record<string, unknown>, previous?: Record<string, unknown>) => ({
    ...add(key, fields),
    previous,
  });

  it("removes the old tuple of a changed row whose identifiers differ once hashed", () => {
    const stale = staleIdentifiers([
      changed("1", { EMAIL: "new@x.com", LN: "Lee" }, { EMAIL: "old@x.com", LN: "Lee" }),
      // Only the spelling changed: Meta receives the same hashes, nothing to remove.
      changed("2", { EMAIL: " Same@X.com" }, { EMAIL: "same@x.com" }),
      // Never delivered before: no previous fields.
      changed("3", { EMAIL: "first@x.com" }),
      // The new data has no usable identifier: the row is rejected, the old tuple stays.
      changed("4", { EMAIL: "not an email" }, { EMAIL: "kept@x.com" }),
    ]);
    expect(stale).toEqual([{ key: "1", op: "remove", fields: { EMAIL: "old@x.com", LN: "Lee" } }]);
  });

  it("a key added to the mapping changes the tuple: the old one (without it) is removed", () => {
    const stale = staleIdentifiers([
      changed("1", { EMAIL: "a@x.com", PHONE: "+16505551212" }, { EMAIL: "a@x.com" }),
    ]);
    expect(stale.map((r) => r.fields)).toEqual([{ EMAIL: "a@x.com" }]);
  });
});

describe("parseUsersResponse", () => {
  it("reads counts and samples (as a map or a list)", () => {
    expect(
      parseUsersResponse({
        audience_id: "1",
        session_id: "9",
        num_received: 3,
        num_invalid_entries: 1,
        invalid_entry_samples: { abc: "bad hash" },
      }),
    ).toEqual({
      audience_id: "1",
      session_id: "9",
      num_received: 3,
      num_invalid_entries: 1,
      invalid_entry_samples: { abc: "bad hash" },
    });
    expect(
      parseUsersResponse({ num_received: "2", invalid_entry_samples: ["x"] })?.invalid_entry_samples,
    ).toEqual({
      x: "invalid entry",
    });
    expect(parseUsersResponse({ success: true })).toBeUndefined();
  });
});
