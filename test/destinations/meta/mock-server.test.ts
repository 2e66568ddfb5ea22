import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/connector-kit/normalize-hash.ts";
import { type MetaMock, memberKey, startMetaMock } from "./mock-server.ts";

const TOKEN = "EAAB-mock-token-0123456789";
const AUDIENCE = "23851234567890123";
const SECRET = "app-secret-for-proof";
const proof = createHmac("sha256", SECRET).update(TOKEN).digest("hex");
/** A Graph answer: an error body, or the node / update result. */
type GraphBody = Record<string, unknown> & {
  error: { message: string; code: number; type?: string; error_subcode?: number; fbtrace_id?: string };
};
const session = (seq = 1) => ({ session_id: 77, batch_seq: seq, last_batch_flag: false });

describe("the Meta mock enforces the Graph API contract", () => {
  let mock: MetaMock;
  beforeAll(async () => {
    mock = await startMetaMock({ token: TOKEN, audienceId: AUDIENCE, appSecret: SECRET });
  });
  afterAll(() => mock.close());

  const call = async (
    method: string,
    body: unknown,
    opts: { token?: string; path?: string; proof?: string } = {},
  ) => {
    const path = opts.path ?? `/v27.0/${AUDIENCE}/users`;
    const res = await fetch(
      `${mock.baseUrl}${path}${path.includes("?") ? "&" : "?"}appsecret_proof=${opts.proof ?? proof}`,
      {
        method,
        headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    return { status: res.status, body: (await res.json()) as GraphBody };
  };
  const email = (s: string) => sha256Hex(s);

  it("adds and removes members by their hashed values", async () => {
    const data = [
      [email("a@x.com"), ""],
      [email("b@x.com"), sha256Hex("14155552671")],
    ];
    const added = await call("POST", { payload: { schema: ["EMAIL", "PHONE"], data }, session: session() });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      audience_id: AUDIENCE,
      session_id: "77",
      num_received: 2,
      num_invalid_entries: 0,
    });
    expect(mock.members.has(memberKey({ EMAIL: email("a@x.com"), PHONE: "" }))).toBe(true);
    expect(mock.members.size).toBe(2);
    const removed = await call("DELETE", {
      payload: { schema: ["EMAIL", "PHONE"], data: [data[0]] },
      session: session(2),
    });
    expect(removed.status).toBe(200);
    expect(mock.members.size).toBe(1);
  });

  it("EXTERN_ID and MADID are taken unhashed; other keys must be SHA-256 hex", async () => {
    const ok = await call("POST", {
      payload: { schema: ["EXTERN_ID", "MADID"], data: [["crm-1", "ab-cd"]] },
      session: session(),
    });
    expect(ok.status).toBe(200);
    const bad = await call("POST", {
      payload: { schema: ["EMAIL"], data: [["a@x.com"]] },
      session: session(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 100, type: "OAuthException" });
    expect(bad.body.error.message).toContain("not a SHA-256 hash");
    expect(bad.body.error.fbtrace_id).toBeTruthy();
    const upper = await call("POST", {
      payload: { schema: ["EMAIL"], data: [[email("a@x.com").toUpperCase()]] },
      session: session(),
    });
    expect(upper.status).toBe(400);
  });

  it("refuses more than 10,000 rows, an empty data list, a wrong arity and unknown keys", async () => {
    const row = [email("a@x.com")];
    const big = await call("POST", {
      payload: { schema: ["EMAIL"], data: Array.from({ length: 10_001 }, () => row) },
      session: session(),
    });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain("maximum is 10000");
    const max = await call("POST", {
      payload: { schema: ["EMAIL"], data: Array.from({ length: 10_000 }, () => row) },
      session: session(),
    });
    expect(max.status).toBe(200);
    const empty = await call("POST", { payload: { schema: ["EMAIL"], data: [] }, session: session() });
    expect(empty.status).toBe(400);
    const arity = await call("POST", {
      payload: { schema: ["EMAIL", "PHONE"], data: [row] },
      session: session(),
    });
    expect(arity.body.error.message).toContain("has 1 values; the schema has 2 keys");
    const key = await call("POST", { payload: { schema: ["email"], data: [row] }, session: session() });
    expect(key.body.error.message).toContain("Invalid schema field: email");
    const twice = await call("POST", {
      payload: { schema: ["EMAIL", "EMAIL"], data: [[row[0], row[0]]] },
      session: session(),
    });
    expect(twice.status).toBe(400);
  });

  it("requires a well-formed session", async () => {
    const payload = { schema: ["EMAIL"], data: [[email("a@x.com")]] };
    expect((await call("POST", { payload })).body.error.message).toContain("session is required");
    expect((await call("POST", { payload, session: { ...session(), session_id: "abc" } })).status).toBe(400);
    expect((await call("POST", { payload, session: { ...session(), batch_seq: 0 } })).status).toBe(400);
    expect(
      (await call("POST", { payload, session: { session_id: 1, batch_seq: 1 } })).body.error.message,
    ).toContain("last_batch_flag");
  });

  it("rejects a wrong token, a wrong appsecret_proof and an unknown audience with Meta's errors", async () => {
    const body = { payload: { schema: ["EMAIL"], data: [[email("a@x.com")]] }, session: session() };
    const token = await call("POST", body, { token: "EAAB-wrong" });
    expect(token.status).toBe(400);
    expect(token.body.error).toMatchObject({ code: 190, type: "OAuthException" });
    const badProof = await call("POST", body, { proof: "0".repeat(64) });
    expect(badProof.body.error.message).toContain("appsecret_proof");
    const unknown = await call("POST", body, { path: "/v27.0/111/users" });
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it("reads the audience node's requested fields", async () => {
    const res = await call("GET", undefined, {
      path: `/v27.0/${AUDIENCE}?fields=id,name,subtype,operation_status`,
    });
    expect(res.body).toEqual({
      id: AUDIENCE,
      name: "CDP audience",
      subtype: "CUSTOM",
      operation_status: { code: 200, description: "Normal" },
    });
    const bad = await call("GET", undefined, { path: `/v27.0/${AUDIENCE}?fields=id,secret_field` });
    expect(bad.body.error.code).toBe(100);
  });

  it("injects throttling in the body with HTTP 400/403, 5xx, and expired tokens", async () => {
    const body = { payload: { schema: ["EMAIL"], data: [[email("t@x.com")]] }, session: session() };
    mock.faults.throttle = () => ({ code: 80003, status: 403 });
    const throttled = await call("POST", body);
    expect(throttled.status).toBe(403);
    expect(throttled.body.error.code).toBe(80003);
    mock.faults.throttle = undefined;
    mock.faults.expiredToken = true;
    const expired = await call("POST", body);
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463 });
    mock.faults.expiredToken = false;
    mock.faults.invalidValues = new Map([[email("t@x.com"), "Invalid email hash"]]);
    const invalid = await call("POST", body);
    expect(invalid.body).toMatchObject({
      num_received: 1,
      num_invalid_entries: 1,
      invalid_entry_samples: { [email("t@x.com")]: "Invalid email hash" },
    });
    mock.faults.invalidValues = undefined;
  });
});
