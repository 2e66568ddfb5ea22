import { describe, expect, it } from "vitest";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { makeProject } from "../helpers/project.ts";
import { startWebhookServer } from "./webhook-server.ts";

const SECRET = "whsec_debug_value_77";

function project() {
  return makeProject(
    {},
    `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  syncs: {
    good: { model: "m", primaryKey: "id", mode: "upsert",
      destination: { type: "webhook", url: secret("DBG_URL"), signingSecret: secret("DBG_SECRET") } },
    wrong_secret: { model: "m", primaryKey: "id", mode: "upsert",
      destination: { type: "webhook", url: secret("DBG_URL"), signingSecret: secret("DBG_WRONG") } },
    unset: { model: "m", primaryKey: "id", mode: "upsert",
      destination: { type: "webhook", url: secret("DBG_UNSET_URL") } },
    off: { model: "m", primaryKey: "id", mode: "upsert", enabled: false,
      destination: { type: "webhook", url: secret("DBG_UNSET_URL") } },
  },
};
`,
  );
}

describe("cdp debug", () => {
  it("reports which destinations are ready, which fail and why, without leaking secrets", async () => {
    const dir = project();
    const server = await startWebhookServer(SECRET);
    const env = {
      DBG_URL: server.url,
      DBG_SECRET: SECRET,
      DBG_WRONG: "whsec_not_the_right_one",
      DBG_UNSET_URL: "",
    };
    try {
      const text = await cdpAsync(dir, ["debug"], env);
      expect(text.code).toBe(1);
      expect(text.output).toMatch(/ok\s+default: duckdb answers/);
      expect(text.stdout).toMatch(/ok\s+good → webhook: ready/);
      expect(text.stdout).toMatch(/FAIL wrong_secret → webhook: .*401.*bad signature/);
      expect(text.stdout).toMatch(/FAIL unset → webhook: needs DBG_UNSET_URL \(destination\.url\), not set/);
      expect(text.stdout).toMatch(/off\s+off → webhook: switched off; needs DBG_UNSET_URL to run/);
      expect(text.output).not.toContain(SECRET);
      expect(text.output).not.toContain("whsec_not_the_right_one");

      const json = await cdpAsync(dir, ["debug", "good", "--log-format", "json"], env);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout.trim().split("\n").at(-1)!);
      expect(report.ok).toBe(true);
      expect(report.checks.map((c: { kind: string; status: string }) => `${c.kind}:${c.status}`)).toEqual([
        "config:ok",
        "warehouse:ok",
        "sync:ok",
      ]);
      // A check is not a delivery: nothing was applied at the destination.
      expect(server.state.size).toBe(0);
    } finally {
      await server.close();
    }
  });
});
