import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { type WebEventRow, webEventMessage } from "../../scripts/demo/web-messages.ts";
import { CDP_BIN, REPO } from "../helpers/project.ts";
import { writeEventTables } from "./segment-tables.ts";

/**
 * The demo's web events read from the collector's tables instead of the seed: the same rows,
 * as the replay sends them and the loader lands them, give the same identity graph; and what only
 * the collector has (server-side identify, alias) joins the graph too.
 */
function demoCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-demo-collected-"));
  for (const part of ["cdp.config.ts", "models", "partials", "seeds", "tests"]) {
    cpSync(path.join(REPO, part), path.join(dir, part), { recursive: true });
  }
  return dir;
}

/** `cdp build` of the identity part of the demo: about a minute alone, several on 2 busy cores. */
function build(dir: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [CDP_BIN, "build", "--select", "+profiles", ...args, "--project-dir", dir],
    {
      encoding: "utf8",
      env: { ...process.env, CI: "true", NO_COLOR: "1" },
      timeout: 600_000,
    },
  );
  return { code: r.status, stdout: r.stdout, output: r.stdout + r.stderr };
}

async function query(file: string, sql: string): Promise<Record<string, string | null>[]> {
  const db = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, string | null>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

// An existing demo user (from the app signups) whom an alias links to a new browser.
const ALIASED_BROWSER = "0f1e2d3c-aaaa-4bbb-8ccc-000000000001";

const extraMessages = (userId: string) => [
  // A browser seen only through an alias to the account, and one page view from it.
  {
    type: "alias",
    messageId: "extra-alias-1",
    anonymousId: ALIASED_BROWSER,
    userId,
    previousId: ALIASED_BROWSER,
    timestamp: "2026-10-01T10:00:00.000Z",
    context: { page: { url: "https://shop.example.com/account/login" } },
  },
  {
    type: "page",
    messageId: "extra-page-1",
    anonymousId: ALIASED_BROWSER,
    userId: null,
    name: null,
    timestamp: "2026-10-01T10:00:05.000Z",
    context: { page: { url: "https://shop.example.com/" } },
    properties: { url: "https://shop.example.com/" },
  },
  // A server's identify: no browser, a user id and its email.
  {
    type: "identify",
    messageId: "extra-identify-1",
    anonymousId: null,
    userId: "srv_user_1",
    timestamp: "2026-10-02T09:00:00.000Z",
    context: { library: { name: "analytics-node" } },
    traits: { email: "Server.Side@Fastmail.com" },
  },
];

describe("the demo's web events from the collector's tables", () => {
  const seedDir = demoCopy();
  const collectedDir = demoCopy();
  const graph = `select identifier_type, identifier, profile_id from identity_graph order by 1, 2`;
  let seedGraph: Record<string, string | null>[];
  let collectedGraph: Record<string, string | null>[];
  let aliasedUser: string;

  beforeAll(async () => {
    const rows = parse(readFileSync(path.join(REPO, "seeds/raw_web_events.csv")), {
      columns: true,
    }) as WebEventRow[];
    const signups = parse(readFileSync(path.join(REPO, "seeds/raw_app_signups.csv")), { columns: true }) as {
      user_id: string;
    }[];
    aliasedUser = signups[0]!.user_id;
    mkdirSync(path.join(collectedDir, ".cdp"), { recursive: true });
    await writeEventTables(path.join(collectedDir, ".cdp/demo.duckdb"), "events", [
      ...rows.map(webEventMessage),
      ...extraMessages(aliasedUser),
    ]);
  });

  it("builds the identity models from either, every test passing", { timeout: 1_300_000 }, () => {
    const seed = build(seedDir);
    expect(seed.code, seed.output).toBe(0);
    const collected = build(collectedDir, "--vars", '{"collected_web_events": true}');
    expect(collected.code, collected.output).toBe(0);
    // The web events' own tests ran on the collected rows too.
    expect(collected.stdout).toMatch(/accepted_values_stg_web_events_event_type/);
    expect(collected.stdout).not.toMatch(/raw_web_events/);
  });

  it("reads the same web events as the seed gives", async () => {
    const events = `select event_id, anonymous_id, user_id, event_type, page_url, utm_source, utm_medium,
      cast(occurred_at as varchar) as occurred_at, email from stg_web_events
      where event_id not like 'extra-%' order by event_id`;
    const fromSeed = await query(path.join(seedDir, ".cdp/demo.duckdb"), events);
    const fromCollected = await query(path.join(collectedDir, ".cdp/demo.duckdb"), events);
    expect(fromSeed.length).toBe(25_515);
    expect(fromCollected).toEqual(fromSeed);
  });

  it("stitches the same profiles from the same identifiers", async () => {
    seedGraph = await query(path.join(seedDir, ".cdp/demo.duckdb"), graph);
    collectedGraph = await query(path.join(collectedDir, ".cdp/demo.duckdb"), graph);
    // The extra alias and identify add identifiers (and may change the id of the profile an
    // identifier joins): beside them, the same identifiers grouped into the same profiles, under
    // the same ids wherever nothing was added.
    const extras = new Set([ALIASED_BROWSER, "srv_user_1", "server.side@fastmail.com"]);
    const touched = new Set(
      collectedGraph.filter((r) => extras.has(String(r.identifier))).map((r) => r.profile_id),
    );
    const groups = (rows: Record<string, string | null>[]) => {
      const byProfile = new Map<string, string[]>();
      for (const r of rows) {
        if (extras.has(String(r.identifier))) continue;
        const key = String(r.profile_id);
        byProfile.set(key, [...(byProfile.get(key) ?? []), `${r.identifier_type}:${r.identifier}`]);
      }
      return [...byProfile.values()].map((ids) => ids.sort().join(" ")).sort();
    };
    expect(seedGraph.length).toBeGreaterThan(12_000);
    expect(collectedGraph.length).toBe(seedGraph.length + extras.size);
    expect(groups(collectedGraph)).toEqual(groups(seedGraph));
    const key = (r: Record<string, string | null>) => `${r.identifier_type}:${r.identifier}`;
    const inTouched = new Set(collectedGraph.filter((r) => touched.has(r.profile_id)).map(key));
    expect(touched.size).toBe(2);
    expect(collectedGraph.filter((r) => !inTouched.has(key(r)))).toEqual(
      seedGraph.filter((r) => !inTouched.has(key(r))),
    );
    const profiles = `select count(*)::varchar as n from profiles`;
    const [seedProfiles] = await query(path.join(seedDir, ".cdp/demo.duckdb"), profiles);
    const [collectedProfiles] = await query(path.join(collectedDir, ".cdp/demo.duckdb"), profiles);
    // Golden records are made from source records: the server's identify adds an identity to the
    // graph, no record, so no profile row; the aliased browser's page view joins an existing one.
    expect(collectedProfiles!.n).toBe(seedProfiles!.n);
  });

  it("turns an alias and a server's identify into identity edges", () => {
    const profileOf = (type: string, value: string) =>
      collectedGraph.find((r) => r.identifier_type === type && r.identifier === value)?.profile_id;
    const user = profileOf("user_id", aliasedUser);
    expect(user).toBeDefined();
    expect(profileOf("anon", ALIASED_BROWSER)).toBe(user);
    const server = profileOf("user_id", "srv_user_1");
    expect(server).toBeDefined();
    const serverEmails = collectedGraph.filter(
      (r) => r.identifier_type === "email" && r.profile_id === server,
    );
    expect(serverEmails.map((r) => r.identifier)).toHaveLength(1);
  });
});
