import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS } from "./helpers.ts";
import { type SalesforceMock, startSalesforceMock } from "./mock-server.ts";

/** The mock refuses what the real API refuses: these tests keep it honest. */
describe("the Salesforce mock validates requests", () => {
  let mock: SalesforceMock;
  let token: string;
  const api = (path: string) => `${mock.url}/services/data/v68.0${path}`;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(api(path), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined
          ? {}
          : { "Content-Type": typeof body === "string" ? "text/csv" : "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, body: json as never, headers: res.headers };
  };
  const upsert = (records: unknown[], path = "/composite/sobjects/Contact/Cdp_Id__c") =>
    call("PATCH", path, { allOrNone: false, records });
  const contact = (id: string, extra: Record<string, unknown> = {}) => ({
    attributes: { type: "Contact" },
    Cdp_Id__c: id,
    LastName: `L${id}`,
    ...extra,
  });

  beforeAll(async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const form = new URLSearchParams({ grant_type: "refresh_token", ...toForm(CREDENTIALS) });
    const res = await fetch(`${mock.url}/services/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    const body = (await res.json()) as { access_token: string; instance_url: string; token_type: string };
    expect(body).toMatchObject({ instance_url: mock.url, token_type: "Bearer" });
    token = body.access_token;
  });
  afterAll(() => mock.close());

  it("token endpoint: form body, grant type and each credential checked", async () => {
    const post = (body: string, type = "application/x-www-form-urlencoded") =>
      fetch(`${mock.url}/services/oauth2/token`, {
        method: "POST",
        headers: { "Content-Type": type },
        body,
      }).then(async (r) => [r.status, await r.json()]);
    const form = (over: Record<string, string>) =>
      new URLSearchParams({ grant_type: "refresh_token", ...toForm(CREDENTIALS), ...over }).toString();
    expect(await post(JSON.stringify(toForm(CREDENTIALS)), "application/json")).toEqual([
      400,
      {
        error: "invalid_request",
        error_description: "must use Content-Type application/x-www-form-urlencoded",
      },
    ]);
    expect(await post(form({ grant_type: "password" }))).toEqual([
      400,
      { error: "unsupported_grant_type", error_description: "grant type not supported" },
    ]);
    expect(await post(form({ client_id: "other" }))).toEqual([
      400,
      { error: "invalid_client_id", error_description: "client identifier invalid" },
    ]);
    expect(await post(form({ client_secret: "other" }))).toEqual([
      400,
      { error: "invalid_client", error_description: "invalid client credentials" },
    ]);
    expect(await post(form({ refresh_token: "other" }))).toEqual([
      400,
      { error: "invalid_grant", error_description: "expired access/refresh token" },
    ]);
  });

  it("data API: Bearer token and API version required", async () => {
    const noToken = await fetch(api("/sobjects/Contact/describe"));
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual([
      { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" },
    ]);
    // Salesforce's End-of-Life Policy: 21.0-30.0 retired (410 GONE); a version newer than the
    // org's (68.0) does not exist there (404); the supported ones answer.
    const at = (v: string) =>
      fetch(`${mock.url}/services/data/v${v}/sobjects/Contact/describe`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    expect((await at("30.0")).status).toBe(410);
    expect((await at("69.0")).status).toBe(404);
    expect((await at("41.0")).status).toBe(200);
    const ok = await call("GET", "/sobjects/Contact/describe");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/1000000$/);
  });

  it("collections upsert: at most 200 records, typed, known fields, JSON only", async () => {
    const many = Array.from({ length: 201 }, (_, i) => contact(String(i)));
    expect(await upsert(many)).toEqual({
      status: 400,
      body: [
        {
          message: "record limit reached. cannot submit more than 200 records into this call",
          errorCode: "EXCEEDED_ID_LIMIT",
        },
      ],
      headers: expect.anything(),
    });
    const untyped = await upsert([{ Cdp_Id__c: "1", LastName: "x" }]);
    expect([untyped.status, untyped.body]).toEqual([
      400,
      [{ message: "Must send a concrete entity type.", errorCode: "INVALID_TYPE" }],
    ]);
    const wrongType = await upsert([{ ...contact("1"), attributes: { type: "Account" } }]);
    expect(wrongType.status).toBe(400);
    const unknown = await upsert([contact("1", { Shoe_Size__c: 44 })]);
    expect([unknown.status, unknown.body]).toEqual([
      400,
      [{ message: "No such column 'Shoe_Size__c' on sobject of type Contact", errorCode: "INVALID_FIELD" }],
    ]);
    const text = await call(
      "PATCH",
      "/composite/sobjects/Contact/Cdp_Id__c",
      JSON.stringify({ records: [] }),
      {
        "Content-Type": "text/plain",
      },
    );
    expect(text.status).toBe(415);
    const notExternal = await upsert([contact("1")], "/composite/sobjects/Contact/Email");
    expect(notExternal.status).toBe(400);
    expect(mock.contacts()).toHaveLength(0);
  });

  it("collections upsert: per-record errors in request order (missing External ID, email, required field)", async () => {
    const res = await upsert([
      contact("a1"),
      { attributes: { type: "Contact" }, LastName: "no key" },
      contact("a3", { Email: "nope" }),
      { attributes: { type: "Contact" }, Cdp_Id__c: "a4" },
      contact("a1", { FirstName: "again" }),
    ]);
    expect(res.status).toBe(200);
    const results = res.body as { success: boolean; created?: boolean; errors: { statusCode: string }[] }[];
    expect(results.map((r) => r.success)).toEqual([true, false, false, false, true]);
    expect(results.map((r) => r.errors[0]?.statusCode)).toEqual([
      undefined,
      "MISSING_ARGUMENT",
      "INVALID_EMAIL_ADDRESS",
      "REQUIRED_FIELD_MISSING",
      undefined,
    ]);
    expect(results.map((r) => r.created)).toEqual([true, undefined, undefined, undefined, false]);
  });

  it("faults: REQUEST_LIMIT_EXCEEDED as 403, 503, UNABLE_TO_LOCK_ROW once per record", async () => {
    mock.faults.limitExceeded = 1;
    const limited = await upsert([contact("f1")]);
    expect([limited.status, limited.body]).toEqual([
      403,
      [{ message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" }],
    ]);
    mock.faults.unavailable = 1;
    expect((await upsert([contact("f1")])).status).toBe(503);
    mock.faults.lock = new Set(["f1"]);
    const locked = await upsert([contact("f1")]);
    expect((locked.body as { errors: { statusCode: string }[] }[])[0]!.errors[0]!.statusCode).toBe(
      "UNABLE_TO_LOCK_ROW",
    );
    expect(((await upsert([contact("f1")])).body as { success: boolean }[])[0]!.success).toBe(true);
  });

  it("query: only the IN shape, escaped literals, unknown fields refused", async () => {
    await upsert([contact("O'Brien")]);
    const q = (soql: string) => call("GET", `/query?q=${encodeURIComponent(soql)}`);
    const found = await q("SELECT Id, Cdp_Id__c FROM Contact WHERE Cdp_Id__c IN ('o\\'brien', 'none')");
    expect(found.body).toMatchObject({ totalSize: 1, done: true, records: [{ Cdp_Id__c: "O'Brien" }] });
    expect((await q("SELECT Id FROM Contact WHERE Cdp_Id__c IN ('a'b')")).status).toBe(400);
    expect((await q("SELECT Id FROM Contact WHERE Nope__c IN ('a')")).body).toEqual([
      { message: "No such column 'Nope__c' on entity 'Contact'.", errorCode: "INVALID_FIELD" },
    ]);
    expect((await q("DELETE FROM Contact")).status).toBe(400);
  });

  it("collections delete: at most 200 ids; a deleted record says ENTITY_IS_DELETED", async () => {
    const created = await upsert([contact("d1")]);
    const id = (created.body as { id: string }[])[0]!.id;
    const del = () => call("DELETE", `/composite/sobjects?ids=${id}&allOrNone=false`);
    expect(((await del()).body as { success: boolean }[])[0]!.success).toBe(true);
    expect((await del()).body).toEqual([
      {
        id,
        success: false,
        errors: [{ statusCode: "ENTITY_IS_DELETED", message: "entity is deleted", fields: [] }],
      },
    ]);
    const many = Array.from({ length: 201 }, (_, i) => `003${i}`).join(",");
    expect((await call("DELETE", `/composite/sobjects?ids=${many}`)).status).toBe(400);
  });

  it("bulk: the job state machine refuses uploads in the wrong state", async () => {
    const job = await call("POST", "/jobs/ingest", {
      object: "Contact",
      operation: "upsert",
      externalIdFieldName: "Cdp_Id__c",
      contentType: "CSV",
      lineEnding: "LF",
    });
    expect(job.body).toMatchObject({ state: "Open", operation: "upsert", object: "Contact" });
    const id = (job.body as { id: string }).id;
    expect((await call("PATCH", `/jobs/ingest/${id}`, { state: "UploadComplete" })).status).toBe(409);
    expect((await call("PUT", `/jobs/ingest/${id}/batches`, "Cdp_Id__c,LastName\nb1,Bee\n")).status).toBe(
      201,
    );
    expect((await call("PATCH", `/jobs/ingest/${id}`, { state: "UploadComplete" })).body).toMatchObject({
      state: "UploadComplete",
    });
    const late = await call("PUT", `/jobs/ingest/${id}/batches`, "Cdp_Id__c,LastName\nb2,Bee\n");
    expect(late.status).toBe(409);
    expect((late.body as { errorCode: string }[])[0]!.errorCode).toBe("INVALIDJOBSTATE");
    expect((await call("GET", `/jobs/ingest/${id}/successfulResults`)).status).toBe(409);
    let state = "";
    for (let i = 0; i < 5 && state !== "JobComplete"; i++) {
      state = ((await call("GET", `/jobs/ingest/${id}`)).body as { state: string }).state;
    }
    expect(state).toBe("JobComplete");
    const ok = await call("GET", `/jobs/ingest/${id}/successfulResults`);
    expect(ok.body).toMatch(/^"sf__Id","sf__Created",Cdp_Id__c,LastName\n"003\w+","true","b1","Bee"\n$/);
  });

  it("bulk: an upsert job needs an External ID field, in the job and in the CSV header", async () => {
    const noExt = await call("POST", "/jobs/ingest", { object: "Contact", operation: "upsert" });
    expect(noExt.status).toBe(400);
    const job = await call("POST", "/jobs/ingest", {
      object: "Contact",
      operation: "upsert",
      externalIdFieldName: "Cdp_Id__c",
    });
    const id = (job.body as { id: string }).id;
    await call("PUT", `/jobs/ingest/${id}/batches`, "LastName\nNo Key\n");
    await call("PATCH", `/jobs/ingest/${id}`, { state: "UploadComplete" });
    let info = { state: "" } as { state: string; errorMessage?: string };
    for (let i = 0; i < 5 && info.state !== "Failed"; i++)
      info = (await call("GET", `/jobs/ingest/${id}`)).body;
    expect(info).toMatchObject({
      state: "Failed",
      errorMessage: "InvalidBatch : The External ID field Cdp_Id__c is missing from the header",
    });
  });
});

function toForm(c: typeof CREDENTIALS) {
  return { client_id: c.clientId, client_secret: c.clientSecret, refresh_token: c.refreshToken };
}
