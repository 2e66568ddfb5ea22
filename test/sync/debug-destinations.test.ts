import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetaMock } from "../destinations/meta/mock-server.ts";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { makeProject } from "../helpers/project.ts";

const TOKEN = "EAAB-debug-token-123456";
const AUDIENCE = "23851234567890123";

/**
 * `cdp debug` names every variable a destination still needs at once, whether the sync is on or
 * switched off by one of them, and warns about an API version near its sunset.
 */
describe("cdp debug and destinations' variables and versions", () => {
  let mock: Awaited<ReturnType<typeof startMetaMock>>;
  beforeAll(async () => {
    mock = await startMetaMock({ token: TOKEN, audienceId: AUDIENCE });
  });
  afterAll(() => mock.close());

  const project = (apiVersion = "") =>
    makeProject(
      {},
      `import { env, secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  syncs: {
    meta_on: { model: "m", primaryKey: "id", mode: "audience", enabled: !!process.env.DBG_META_TOKEN,
      destination: { type: "meta", accessToken: secret("DBG_META_TOKEN"), audienceId: env("DBG_META_AUDIENCE"),
        baseUrl: ${JSON.stringify(mock.baseUrl)}${apiVersion ? `, apiVersion: "${apiVersion}"` : ""} } },
  },
};
`,
    );

  it("a sync switched off by its token names every variable it needs, not the token alone", async () => {
    const r = await cdpAsync(project(), ["debug"], { DBG_META_TOKEN: "", DBG_META_AUDIENCE: "" });
    expect(r.stdout).toMatch(/meta_on → meta: switched off; needs DBG_META_TOKEN, DBG_META_AUDIENCE to run/);
  });

  it("with the token set, the missing audience id is named (not 'switched off'), and Meta is not called", async () => {
    const before = mock.requests.length;
    const r = await cdpAsync(project(), ["debug"], { DBG_META_TOKEN: TOKEN, DBG_META_AUDIENCE: "" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL meta_on → meta: needs DBG_META_AUDIENCE \(destination\.audienceId\), not set/,
    );
    expect(mock.requests.length).toBe(before);
  });

  it("with both set, the destination is checked; the audience id is not redacted like a secret", async () => {
    const r = await cdpAsync(project(), ["debug"], { DBG_META_TOKEN: TOKEN, DBG_META_AUDIENCE: AUDIENCE });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok\s+meta_on → meta: ready/);
    expect(r.output).not.toContain(TOKEN);
  });

  it("a version within 90 days of its expiration passes with a warning naming the date and the fix", async () => {
    // Meta's table: v25.0 expires 2027-02-23. Which branch applies depends on today's date.
    const days = Math.round((Date.parse("2027-02-23T00:00:00Z") - Date.now()) / 86_400_000);
    const r = await cdpAsync(project("v25.0"), ["debug"], {
      DBG_META_TOKEN: TOKEN,
      DBG_META_AUDIENCE: AUDIENCE,
    });
    if (days > 1 && days <= 89) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /warning: meta API version v25\.0 is sunset on 2027-02-23, in \d+ days .*destination\.apiVersion/,
      );
    } else if (days < -1) {
      expect(r.stdout).toMatch(/FAIL meta_on → meta: meta API version v25\.0 was sunset on 2027-02-23/);
    } else if (days > 91) expect(r.stdout).not.toContain("warning:");
  });

  it("an expired version fails the check, naming the version and the setting", async () => {
    const r = await cdpAsync(project("v21.0"), ["debug"], {
      DBG_META_TOKEN: TOKEN,
      DBG_META_AUDIENCE: AUDIENCE,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL meta_on → meta: meta API version v21\.0 was sunset on 2025-09-09 .*destination\.apiVersion/,
    );
  });
});
