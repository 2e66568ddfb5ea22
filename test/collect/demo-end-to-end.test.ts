import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { replayWebEvents } from "../../scripts/demo/replay.ts";
import { cdpAsync, spawnCdp } from "../helpers/cdp-process.ts";
import { copyDemo } from "../helpers/demo.ts";

const KEY = "demo-web-write-key-0123456789";

/** Resolves with the first JSON stdout line of `event`. */
function lineWith(child: ReturnType<typeof spawnCdp>, event: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split("\n"))
        if (line.includes(`"event":"${event}"`)) resolve(JSON.parse(line) as Record<string, unknown>);
    });
    void child.exited.then((e) => reject(new Error(`cdp collect exited (${e.code}): ${e.output}`)));
  });
}

async function identity(dir: string) {
  const db = await DuckDBInstance.create(path.join(dir, ".cdp/demo.duckdb"), { access_mode: "READ_ONLY" });
  const c = await db.connect();
  const one = async (sql: string) =>
    (await c.runAndReadAll(sql)).getRowObjectsJson()[0] as Record<string, string>;
  try {
    return {
      web: await one("select count(*) as n, count(distinct event_id) as ids from stg_web_events"),
      collected: await one("select count(*) as n, count(distinct id) as ids from events.pages"),
      graph: await one(
        "select count(*) as identifiers, count(distinct profile_id) as profiles from identity_graph",
      ),
    };
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/**
 * The demo's web events sent as real Segment requests to `cdp collect`, which acknowledges them
 * once on disk and loads them (DuckDB: a landing area); the next build compacts them into the
 * event tables and, with `collected_web_events`, builds the same identity as from the seed.
 */
describe("the demo's web events through cdp collect", () => {
  it("acknowledged, loaded once, built into the same profiles as the seed gives", async () => {
    const dir = copyDemo("cdp-collect-demo-");
    const env = { CDP_WRITE_KEY_WEB: KEY };
    const seedBuild = await cdpAsync(dir, ["build", "--no-sync"], env);
    expect(seedBuild.code, seedBuild.output).toBe(0);
    const fromSeed = await identity(dir);

    const child = spawnCdp(dir, ["collect", "--port", "0", "--log-format", "json"], env);
    const started = await lineWith(child, "collecting");
    const sent = await replayWebEvents({
      url: String(started.url),
      writeKey: KEY,
      file: path.join(dir, "seeds/raw_web_events.csv"),
    });
    // Sent twice: a client retrying after a lost answer must not load anything twice.
    await replayWebEvents({
      url: String(started.url),
      writeKey: KEY,
      file: path.join(dir, "seeds/raw_web_events.csv"),
    });
    child.child.kill("SIGTERM");
    const exit = await child.exited;
    expect(exit.code, exit.output).toBe(0);
    expect(exit.stdout).toContain('"event":"loaded"');

    const collectedBuild = await cdpAsync(
      dir,
      ["build", "--no-sync", "--vars", '{"collected_web_events": true}'],
      env,
    );
    expect(collectedBuild.code, collectedBuild.output).toBe(0);
    const fromCollector = await identity(dir);
    expect(Number(fromCollector.collected.n)).toBe(Number(fromCollector.collected.ids));
    expect(Number(fromCollector.collected.n)).toBeGreaterThan(0);
    expect(fromCollector.web).toEqual(fromSeed.web);
    expect(fromCollector.graph).toEqual(fromSeed.graph);
    expect(sent).toBeTruthy();
  }, 600_000);
});
