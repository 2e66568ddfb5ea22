import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { CDP_BIN, cdp, makeProject } from "../helpers/project.ts";
import { startWebhookServer } from "./webhook-server.ts";

const SECRET = "whsec_cli_secret_value_42";
const ROWS = 3000;

function project() {
  const csv = [
    "id,email,tier",
    ...Array.from({ length: ROWS }, (_, i) => `${i + 1},user${i + 1}@example.com,t${i % 3}`),
  ];
  return makeProject(
    { "seeds/people.csv": `${csv.join("\n")}\n` },
    `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  threads: 2,
  syncs: {
    people_hook: {
      model: "people", primaryKey: "id", mode: "mirror",
      destination: { type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"), batchSize: 50, rateLimit: 40 },
      fields: { email: { column: "email", transform: "email" }, tier: "tier" },
      concurrency: 2,
    },
    people_file: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: { type: "file", dir: "exports", format: "csv", batchSize: 1000 },
    },
  },
};
`,
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

describe("cdp sync (CLI)", () => {
  it("a run killed mid-sync (SIGKILL) loses nothing: the rerun makes the destination equal the model", async () => {
    const dir = project();
    const server = await startWebhookServer(SECRET);
    const env = { HOOK_URL: server.url, HOOK_SECRET: SECRET };
    try {
      expect(cdp(dir, ["seed"], env).code).toBe(0);
      const child = spawn(process.execPath, [CDP_BIN, "sync", "people_hook", "--project-dir", dir], {
        env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      // Kill it once some batches were delivered, without waiting on a timer.
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (server.batches >= 10) {
            clearInterval(check);
            child.kill("SIGKILL");
            resolve();
          }
        }, 5);
        child.on("exit", () => {
          clearInterval(check);
          if (server.batches < 10) reject(new Error("the sync finished before it could be killed"));
        });
      });
      await exited;
      const atKill = server.state.size;
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(ROWS);

      const rerun = await cdpAsync(dir, ["sync", "people_hook"], env);
      expect(rerun.code, rerun.output).toBe(0);
      expect(server.state.size).toBe(ROWS);
      for (let i = 1; i <= ROWS; i++) {
        expect(server.state.get(String(i))).toEqual({
          email: `user${i}@example.com`,
          tier: `t${(i - 1) % 3}`,
        });
      }
      // Rows sent twice: at most those in flight at the kill (2 batches of 50, plus the rate
      // limiter's queue), reported for the record.
      const twice = [...server.applied.values()].filter((n) => n > 1).length;
      console.log(`crash test: ${atKill} rows delivered before SIGKILL, ${twice} rows delivered twice`);
      expect(twice).toBeLessThanOrEqual(100);

      // A third run has nothing to send.
      const third = await cdpAsync(dir, ["sync", "people_hook", "--log-format", "json"], env);
      expect(third.code).toBe(0);
      const summary = third.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .find((e) => e.event === "sync_summary");
      expect(summary.results[0].counts.planned).toBe(0);

      // Secrets: never on stdout/stderr, never in target/.
      for (const text of [
        rerun.output,
        third.output,
        ...walk(path.join(dir, "target")).map((f) => readFileSync(f, "utf8")),
      ]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(server.url);
      }
    } finally {
      await server.close();
    }
  }, 120_000);

  it("dry run sends nothing; the file connector writes atomic CSV parts; results in target/", () => {
    const dir = project();
    const env = { HOOK_URL: "http://127.0.0.1:9/never", HOOK_SECRET: SECRET };
    expect(cdp(dir, ["seed"], env).code).toBe(0);
    const dry = cdp(dir, ["sync", "people_file", "--dry-run"], env);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.stdout).toMatch(/people_file \(dry run\): 3,000 to send: 3,000 added/);
    expect(dry.stdout).toContain('"key":"1"');
    expect(() => readdirSync(path.join(dir, "exports"))).toThrow();

    const run = cdp(dir, ["sync", "people_file"], env);
    expect(run.code, run.output).toBe(0);
    const files = walk(path.join(dir, "exports"));
    expect(files).toHaveLength(3);
    expect(files.every((f) => /people_file\/[^/]+\/part-\d{5}\.csv$/.test(f))).toBe(true);
    const lines = files.flatMap((f) => readFileSync(f, "utf8").trim().split("\n").slice(1));
    expect(lines).toHaveLength(ROWS);
    expect(readFileSync(files[0]!, "utf8").split("\n")[0]).toBe("op,key,idempotency_key,email,id,tier");
    const results = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8"));
    expect(results.results[0]).toMatchObject({ sync: "people_file", status: "success", delivered: ROWS });

    const unknown = cdp(dir, ["sync", "nope"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown sync nope; cdp.config.ts declares: people_hook, people_file/);
  });
});
