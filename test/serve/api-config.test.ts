import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCdp } from "../helpers/cdp-process.ts";
import { cdp, writeFiles } from "../helpers/project.ts";
import { apiProject, TOKENS } from "./fixture.ts";

function editConfig(dir: string, from: string, to: string): void {
  const file = path.join(dir, "cdp.config.ts");
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFiles(dir, { "cdp.config.ts": text.replace(from, to) });
}

describe("api: in cdp.config.ts", () => {
  it("refuses a token bound to an undeclared target, naming the key (exit 2)", () => {
    const dir = apiProject();
    editConfig(dir, 'targets: ["prod"]', 'targets: ["staging"]');
    const r = cdp(dir, ["compile"], TOKENS);
    expect(r.code).toBe(2);
    expect(r.output).toContain("cdp.config.ts");
    expect(r.output).toMatch(/api\.tokens\.prod_only\.targets/);
    expect(r.output).toContain('"staging" is not a declared target');
  });

  it("refuses a token shorter than 16 characters and a field exposed twice", () => {
    const dir = apiProject();
    editConfig(
      dir,
      'fields: { profiles: ["first_name", "ltv"] }',
      'fields: { profiles: ["first_name"], aud_high_value: ["first_name"] }',
    );
    const r = cdp(dir, ["compile"], { ...TOKENS, CDP_TEST_TOKEN_WEB: "short-token" });
    expect(r.code).toBe(2);
    expect(r.output).toContain("at least 16 characters");
    expect(r.output).toContain('field "first_name" is exposed by both');
  });

  it("lets other commands run without the API's secrets, but not `cdp serve`", async () => {
    const dir = apiProject();
    expect(cdp(dir, ["compile"]).code).toBe(0);
    const served = await spawnCdp(dir, ["serve", "--port", "0"], {
      CDP_TEST_TOKEN_WEB: "",
      CDP_TEST_TOKEN_PROD: "",
      CDP_TEST_TOKEN_SLOW: "",
    }).exited;
    expect(served.code).toBe(2);
    expect(served.output).toContain("CDP_TEST_TOKEN_WEB");
  }, 60_000);

  it("`cdp serve` refuses an api model that does not exist (exit 2)", async () => {
    const dir = apiProject();
    editConfig(dir, 'audiences: ["aud_high_value"]', 'audiences: ["aud_missing"]');
    const served = await spawnCdp(dir, ["serve", "--port", "0"], TOKENS).exited;
    expect(served.code).toBe(2);
    expect(served.output).toContain('api.audiences names "aud_missing"');
  }, 60_000);
});

describe("cdp serve, the command", () => {
  it("prints where it serves, answers, and stops cleanly on SIGTERM (exit 0)", async () => {
    const dir = apiProject();
    expect(cdp(dir, ["build"], TOKENS).code).toBe(0);
    const served = spawnCdp(dir, ["serve", "--port", "0", "--log-format", "json"], TOKENS);
    const event = await new Promise<{ url: string; api: string; tokens: string[] }>((resolve, reject) => {
      let out = "";
      served.child.stdout!.on("data", (c) => {
        out += c;
        const line = out.split("\n").find((l) => l.includes('"serving"'));
        if (line) resolve(JSON.parse(line));
      });
      served.child.once("exit", (code) => reject(new Error(`cdp serve exited with ${code}`)));
    });
    expect(event.tokens).toEqual(["web", "prod_only", "slow"]);
    const res = await fetch(`${event.api}/profiles/user_id/u1`, {
      headers: { authorization: `Bearer ${TOKENS.CDP_TEST_TOKEN_WEB}` },
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${event.url}/app/`)).headers.get("content-type")).toContain("text/html");
    served.child.kill("SIGTERM");
    const exit = await served.exited;
    expect(exit.code).toBe(0);
    expect(exit.output).not.toContain(TOKENS.CDP_TEST_TOKEN_WEB);
  }, 90_000);
});
