import { describe, expect, it } from "vitest";
import { cdpAsync, filesUnder, spawnCdp } from "../helpers/cdp-process.ts";
import { makeProject } from "../helpers/project.ts";
import { collectProject } from "./collect-project.ts";
import { basic, post, readLog } from "./collector.ts";
import { collected } from "./log-helper.ts";

const KEY = "cli-write-key-abcdef123456";

function project(extra = ""): string {
  return makeProject(
    {},
    `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  collect: { sources: { web: { writeKey: secret("CDP_TEST_WRITE_KEY_WEB") } }, logDir: "events-log"${extra} },
};
`,
  );
}

/** Resolves with the first stdout line holding `event`, parsed. */
function lineWith(child: ReturnType<typeof spawnCdp>, event: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split("\n")) {
        if (line.includes(`"event":"${event}"`)) resolve(JSON.parse(line) as Record<string, unknown>);
      }
    });
    void child.exited.then((e) =>
      reject(new Error(`cdp collect exited (${e.code}) before "${event}": ${e.output}`)),
    );
  });
}

describe("cdp collect", () => {
  it("refuses to start when a write key's environment variable is unset, naming it (exit 2)", async () => {
    const dir = project();
    const r = await cdpAsync(dir, ["collect", "--port", "0"], { CDP_TEST_WRITE_KEY_WEB: "" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("CDP_TEST_WRITE_KEY_WEB");
    expect(r.stderr).toContain("collect.sources.web.writeKey");
  });

  it("refuses a favour it does not know, naming the setting (exit 2)", async () => {
    const dir = project(', favour: "speed"');
    const r = await cdpAsync(dir, ["collect", "--port", "0"], { CDP_TEST_WRITE_KEY_WEB: KEY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("collect.favour");
  });

  it("collects on --host/--port, logs JSON, and on SIGTERM finishes what it accepted and exits 0", async () => {
    const dir = project();
    const child = spawnCdp(dir, ["collect", "--host", "127.0.0.1", "--port", "0", "--log-format", "json"], {
      CDP_TEST_WRITE_KEY_WEB: KEY,
    });
    const started = await lineWith(child, "collecting");
    // Memory before speed unless the project says otherwise.
    expect(started).toMatchObject({ level: "info", sources: ["web"], favour: "memory" });
    const url = String(started.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const posts = Array.from({ length: 20 }, (_, i) =>
      post(
        `${url}/v1/track`,
        { userId: `u${i}`, event: "CLI", messageId: `cli-${i}` },
        { authorization: basic(KEY) },
      ),
    );
    const statuses = (await Promise.all(posts)).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const rejected = await post(
      `${url}/v1/track`,
      { userId: "u", event: "E" },
      { authorization: basic("wrong-key-123456") },
    );
    expect(rejected.status).toBe(401);
    child.child.kill("SIGTERM");
    const exit = await child.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('"event":"request_rejected"');
    expect(exit.stdout).toContain('"event":"stopped"');
    expect(exit.stdout).not.toContain(KEY);
    const events = readLog(`${dir}/events-log`);
    expect(events.map((e) => e.messageId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `cli-${i}`).sort(),
    );
  });
});

/** Every stdout line of a running `cdp collect`, kept: `seen(event)` finds one whenever it came. */
function stdoutEvents(child: ReturnType<typeof spawnCdp>) {
  let out = "";
  const checks = new Set<() => void>();
  child.child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const check of [...checks]) check();
  });
  return (event: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const line = out.split("\n").find((l) => l.includes(`"event":"${event}"`));
        if (!line) return;
        checks.delete(check);
        resolve(JSON.parse(line) as Record<string, unknown>);
      };
      checks.add(check);
      check();
      void child.exited.then((e) =>
        reject(new Error(`cdp collect exited (${e.code}) before "${event}": ${e.output}`)),
      );
    });
}

describe("cdp collect's loader", () => {
  it("loads while the server runs, as soon as maxEvents were written, without waiting for its interval", async () => {
    const dir = makeProject(
      {
        "models/visits.sql": `{{config materialized="table"}}
select count(*) as n, count(distinct id) as ids from {{source "events" "tracks"}}`,
      },
      `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  // An interval no test waits for: only the writer's report of 5 events written can start a load.
  collect: {
    sources: { web: { writeKey: secret("CDP_TEST_WRITE_KEY_WEB") } },
    loader: { intervalMs: 3600000, maxEvents: 5 },
  },
  sources: { events: { schema: "events", tables: ["tracks"] } },
};
`,
    );
    const child = spawnCdp(dir, ["collect", "--port", "0", "--log-format", "json"], {
      CDP_TEST_WRITE_KEY_WEB: KEY,
    });
    const seen = stdoutEvents(child);
    try {
      const url = String((await seen("collecting")).url);
      expect(await seen("loader_started")).toMatchObject({ sink: "landing" });
      for (let i = 0; i < 5; i++) {
        const r = await post(
          `${url}/v1/track`,
          { userId: `u${i}`, event: "Loaded Early", messageId: `early-${i}` },
          { authorization: basic(KEY) },
        );
        expect(r.status).toBe(200);
      }
      // Two rows per track: `tracks` and `loaded_early`.
      expect(await seen("loaded")).toMatchObject({ events: 5, rows: 10 });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/^cdp_collect_loader_loaded_events 5$/m);
      expect(metrics).toMatch(/^cdp_collect_loader_restarts 0$/m);
      const landed = filesUnder(`${dir}/.cdp/collect/landing`);
      expect(landed.filter((f) => f.endsWith(".parquet"))).toHaveLength(1);
      expect(landed.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      child.child.kill("SIGTERM");
    }
    const exit = await child.exited;
    expect(exit.code, exit.output).toBe(0);
    const built = await cdpAsync(dir, ["build", "--log-format", "json"]);
    expect(built.code, built.output).toBe(0);
    const shown = await cdpAsync(dir, ["show", "visits", "--log-format", "json"]);
    expect(shown.code, shown.output).toBe(0);
    expect(shown.stdout).toMatch(/"n":\s*"?5"?/);
  });
});

describe("cdp collect load", () => {
  it("moves what the log holds into the warehouse once, and a second run loads nothing twice", async () => {
    const { dir, log } = collectProject('{ type: "duckdb", path: ".cdp/t.duckdb" }');
    log.append(
      ...Array.from({ length: 30 }, (_, i) => collected({ messageId: `load-${i}`, event: "Signed Up" })),
    );
    const first = await cdpAsync(dir, ["collect", "load", "--log-format", "json"]);
    expect(first.code, first.output).toBe(0);
    expect(first.stdout).toContain('"event":"loaded"');
    // The same events again (a client that retried): the next load keeps one of each.
    log.append(
      ...Array.from({ length: 30 }, (_, i) => collected({ messageId: `load-${i}`, event: "Signed Up" })),
    );
    const again = await cdpAsync(dir, ["collect", "load"]);
    expect(again.code, again.output).toBe(0);
    const built = await cdpAsync(dir, ["build", "--log-format", "json"]);
    expect(built.code, built.output).toBe(0);
    const shown = await cdpAsync(dir, ["show", "visits", "--log-format", "json"]);
    expect(shown.code, shown.output).toBe(0);
    expect(shown.stdout).toMatch(/"n":\s*"?30"?/);
    expect(shown.stdout).toMatch(/"ids":\s*"?30"?/);
  });
});
