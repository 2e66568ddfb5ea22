import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, serve } from "../../src/serve/serve.ts";
import { cdp } from "../helpers/project.ts";
import { apiProject, TOKENS } from "./fixture.ts";

let dir: string;
let server: RunningServer;

const get = (url: string, token?: string, method = "GET") =>
  fetch(`${server.url}${url}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  Object.assign(process.env, TOKENS);
  dir = apiProject();
  const built = cdp(dir, ["build"]);
  expect(built.code, built.output).toBe(0);
  server = await serve({ projectDir: dir, port: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  for (const k of Object.keys(TOKENS)) delete process.env[k];
});

describe("GET /v1/profiles/{identifier_type}/{value}", () => {
  it("answers with the profile id and only the exposed traits and audiences", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await get("/v1/profiles/email/ann.work@example.com", TOKENS.CDP_TEST_TOKEN_WEB);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.profile_id).toMatch(/^p_/);
    expect(body.traits).toEqual({ first_name: "Ann", ltv: 500 });
    expect(body.audiences).toEqual(["aud_high_value"]);
    expect(JSON.stringify(body)).not.toContain("do-not-share");
    // The other identifiers of the same person lead to the same profile.
    const byUser = await (await get("/v1/profiles/user_id/u1", TOKENS.CDP_TEST_TOKEN_WEB)).json();
    expect(byUser).toEqual(body);
    const bob = (await (
      await get("/v1/profiles/user_id/u2", TOKENS.CDP_TEST_TOKEN_WEB)
    ).json()) as typeof body;
    expect(bob.profile_id).not.toBe(body.profile_id);
    expect(bob.audiences).toEqual([]);
  });

  it("normalises the value as the stitch did (e-mail case and spaces)", async () => {
    const exact = await (await get("/v1/profiles/email/ann@example.com", TOKENS.CDP_TEST_TOKEN_WEB)).json();
    const res = await get(
      `/v1/profiles/email/${encodeURIComponent(" Ann@EXAMPLE.com")}`,
      TOKENS.CDP_TEST_TOKEN_WEB,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(exact);
  });

  it("404s an unknown identifier or identifier type, as JSON", async () => {
    const res = await get("/v1/profiles/email/nobody@example.com", TOKENS.CDP_TEST_TOKEN_WEB);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "no profile has this identifier" },
    });
    const type = await get("/v1/profiles/passport/X1", TOKENS.CDP_TEST_TOKEN_WEB);
    expect(type.status).toBe(404);
    expect(((await type.json()) as { error: { code: string } }).error.code).toBe("unknown_identifier_type");
  });

  it("refuses a missing, wrong or other-environment token", async () => {
    const missing = await get("/v1/profiles/user_id/u1");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const wrong = await get("/v1/profiles/user_id/u1", `${TOKENS.CDP_TEST_TOKEN_WEB}x`);
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(TOKENS.CDP_TEST_TOKEN_WEB);
    const basic = await fetch(`${server.url}/v1/profiles/user_id/u1`, {
      headers: { authorization: `Basic ${TOKENS.CDP_TEST_TOKEN_WEB}` },
    });
    expect(basic.status).toBe(401);
    // A valid token of the prod environment does not open the dev server.
    const prod = await get("/v1/profiles/user_id/u1", TOKENS.CDP_TEST_TOKEN_PROD);
    expect(prod.status).toBe(403);
    expect(((await prod.json()) as { error: { message: string } }).error.message).toContain("prod_only");
  });

  it("is read-only", async () => {
    const res = await get("/v1/profiles/user_id/u1", TOKENS.CDP_TEST_TOKEN_WEB, "DELETE");
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });

  it("rate-limits per token with 429 and Retry-After, without touching other tokens", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push((await get("/v1/profiles/user_id/u1", TOKENS.CDP_TEST_TOKEN_SLOW)).status);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await get("/v1/profiles/user_id/u1", TOKENS.CDP_TEST_TOKEN_SLOW);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await get("/v1/profiles/user_id/u1", TOKENS.CDP_TEST_TOKEN_WEB)).status).toBe(200);
  });

  it("does not block a build on the same DuckDB file, and serves its data once it finishes", async () => {
    const before = (await (await fetch(`${server.url}/health`)).json()) as { generation: string };
    appendFileSync(path.join(dir, "seeds/contacts.csv"), "\nc4,cara@example.com,u3,Cara,900,");
    const built = cdp(dir, ["build"]);
    expect(built.code, built.output).toBe(0);
    await server.refresh();
    const after = (await (await fetch(`${server.url}/health`)).json()) as {
      generation: string;
      index: { profiles: number };
    };
    expect(after.generation).not.toBe(before.generation);
    expect(after.index.profiles).toBe(3);
    const cara = await get("/v1/profiles/email/cara@example.com", TOKENS.CDP_TEST_TOKEN_WEB);
    expect(cara.status).toBe(200);
    expect(((await cara.json()) as { audiences: string[] }).audiences).toEqual(["aud_high_value"]);
  }, 120_000);
});
