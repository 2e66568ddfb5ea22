import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

function project() {
  return makeProject(
    { "seeds/people.csv": "id,email\n1,a@example.com\n2,b@example.com\n" },
    `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  syncs: {
    hook: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: { type: "webhook", url: secret("UNSET_HOOK_URL"), signingSecret: secret("UNSET_HOOK_SECRET") },
    },
    hook_off: {
      model: "people", primaryKey: "id", mode: "upsert", enabled: false,
      destination: { type: "webhook", url: secret("UNSET_OTHER_URL") },
    },
    files: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: { type: "file", dir: "exports", format: "jsonl" },
    },
  },
};
`,
  );
}

describe("a sync whose secrets are not set", () => {
  it("fails alone, when it runs, naming the variables; other commands and syncs work", () => {
    const dir = project();
    const env = { UNSET_HOOK_URL: "", UNSET_HOOK_SECRET: "", UNSET_OTHER_URL: "" };
    expect(cdp(dir, ["compile"], env).code).toBe(0);
    expect(cdp(dir, ["seed"], env).code).toBe(0);

    const ok = cdp(dir, ["sync", "files"], env);
    expect(ok.code).toBe(0);

    const all = cdp(dir, ["sync"], env);
    expect(all.code).toBe(1);
    expect(all.output).toMatch(
      /sync "hook" needs UNSET_HOOK_URL \(for destination\.url\), UNSET_HOOK_SECRET/,
    );
    expect(all.output).not.toMatch(/UNSET_OTHER_URL/);
    const results = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8"));
    const status = Object.fromEntries(
      results.results.map((r: { sync: string; status: string }) => [r.sync, r.status]),
    );
    expect(status).toEqual({ hook: "error", hook_off: "disabled", files: "success" });
  });
});
