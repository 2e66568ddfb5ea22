import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdpAsync, filesUnder } from "../helpers/cdp-process.ts";
import { cdp, makeProject } from "../helpers/project.ts";
import { startWebhookServer, type WebhookServer } from "./webhook-server.ts";

/**
 * A webhook's credentials (a token in the URL's path, another in its query, the signing secret,
 * an Authorization header) never reach stdout, stderr, `target/` or the state tables, in text or
 * JSON logs, on success and on the error paths where a destination echoes them back.
 * (test/sync/cli.test.ts covers the plain signing secret and URL on a successful run.)
 */
const PATH_TOKEN = "tok_path_9f8e7d6c5b4a3921";
const QUERY_TOKEN = "qk_4a5b6c7d8e9f0123";
const AUTH_TOKEN = "at_live_0a1b2c3d4e5f6789";
const WRONG_TOKEN = "at_live_ffff0000eeee1111";
const SIGNING = "whsec_sign_abcdef012345";
const ROWS = 20;

function project(): string {
  const csv = ["id,email", ...Array.from({ length: ROWS }, (_, i) => `${i + 1},user${i + 1}@example.com`)];
  return makeProject(
    { "seeds/people.csv": `${csv.join("\n")}\n` },
    `import { secret } from "cdp";
export default {
  name: "secrets",
  warehouse: { type: "duckdb", path: ".cdp/secrets.duckdb" },
  threads: 2,
  syncs: {
    people_hook: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: {
        type: "webhook", url: secret("HOOK_URL"), signingSecret: secret("HOOK_SECRET"),
        headers: { Authorization: secret("HOOK_AUTH") },
        batchSize: 10, rateLimit: 1000, timeout: 5,
      },
      maxAttempts: 2,
    },
  },
};
`,
  );
}

/** What a careless API answers to bad credentials: the token it got, and the URL it was called on. */
function echoingServer(when: "always" | "writes") {
  return startWebhookServer(SIGNING, {
    respond: (req, request) => {
      const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
      if (token === AUTH_TOKEN && when === "always") return undefined;
      if (when === "writes" && !request.keys.length) return undefined;
      return {
        status: 401,
        body: JSON.stringify({ message: `invalid token ${token} for ${req.url}` }),
      };
    },
  });
}

describe("secrets stay out of output, artifacts and state", () => {
  let dir: string;
  const servers: WebhookServer[] = [];
  beforeAll(() => {
    dir = project();
    const seeded = cdp(dir, ["seed"]);
    expect(seeded.code, seeded.output).toBe(0);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  const env = (server: WebhookServer | undefined, token = AUTH_TOKEN) => {
    const base = server?.url ?? "http://127.0.0.1:9/hook";
    return {
      HOOK_URL: `${base}/${PATH_TOKEN}?api_key=${QUERY_TOKEN}`,
      HOOK_SECRET: SIGNING,
      HOOK_AUTH: `Bearer ${token}`,
    };
  };

  /** Every place a secret could be written: the run's output, target/, the state tables. */
  async function everything(output: string): Promise<[string, string][]> {
    const places: [string, string][] = [["output", output]];
    for (const file of filesUnder(path.join(dir, "target"))) places.push([file, readFileSync(file, "utf8")]);
    const wh = await DuckdbWarehouse.open({
      path: path.join(dir, ".cdp/secrets.duckdb"),
      schema: "main",
      connections: 1,
    });
    try {
      for (const table of ["people_hook__errors", "sync_runs"]) {
        const rows = await wh.query(`SELECT * FROM cdp_state.${table}`).catch(() => []);
        places.push([`cdp_state.${table}`, JSON.stringify(rows)]);
      }
    } finally {
      await wh.close();
    }
    return places;
  }

  async function expectNoSecrets(output: string, extra: string[] = []) {
    const secrets = [PATH_TOKEN, QUERY_TOKEN, AUTH_TOKEN, SIGNING, ...extra];
    for (const [where, text] of await everything(output)) {
      for (const s of secrets) expect(text.includes(s), `${s} in ${where}:\n${text}`).toBe(false);
    }
  }

  it("a successful run, in text and JSON logs, and a dry run", async () => {
    const server = await echoingServer("always");
    servers.push(server);
    const text = await cdpAsync(dir, ["sync", "--full-resync"], env(server));
    expect(text.code, text.output).toBe(0);
    expect(server.state.size).toBe(ROWS);
    await expectNoSecrets(text.output);
    const json = await cdpAsync(dir, ["sync", "--full-resync", "--log-format", "json"], env(server));
    expect(json.code, json.output).toBe(0);
    await expectNoSecrets(json.output);
    const dry = await cdpAsync(dir, ["sync", "--dry-run", "--full-resync"], env(server));
    expect(dry.code, dry.output).toBe(0);
    await expectNoSecrets(dry.output);
  });

  it("a 401 on the credentials check whose message echoes the token and the URL", async () => {
    const server = await echoingServer("always");
    servers.push(server);
    for (const format of ["text", "json"]) {
      const r = await cdpAsync(
        dir,
        ["sync", "--full-resync", "--log-format", format],
        env(server, WRONG_TOKEN),
      );
      expect(r.code, r.output).toBe(1);
      // The failure is still explained: what was called and what the API said.
      expect(r.output).toMatch(/401: invalid token \*\*\* for \/hook\/\*\*\*\?api_key=\*\*\*/);
      await expectNoSecrets(r.output, [WRONG_TOKEN]);
    }
  });

  it("401s on every batch: the run stops at once, rows left planned, the echoed credentials redacted", async () => {
    const server = await echoingServer("writes");
    servers.push(server);
    const r = await cdpAsync(dir, ["sync", "--full-resync"], env(server));
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(/POST \*\*\* → 401: invalid token \*\*\* for \/hook\/\*\*\*\?api_key=\*\*\*/);
    // One refusal per batch in flight: no batch split down to single rows to be refused again.
    expect(server.log.filter((q) => q.status === 401).length).toBeLessThanOrEqual(ROWS / 10);
    const wh = await DuckdbWarehouse.open({
      path: path.join(dir, ".cdp/secrets.duckdb"),
      schema: "main",
      connections: 1,
    });
    try {
      expect(await wh.query("SELECT key FROM cdp_state.people_hook__errors")).toEqual([]);
    } finally {
      await wh.close();
    }
    await expectNoSecrets(r.output);
  });

  it("a destination that cannot be reached: the error names the URL without its tokens", async () => {
    const r = await cdpAsync(dir, ["sync", "--full-resync", "--log-format", "json"], env(undefined));
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(/ECONNREFUSED/);
    await expectNoSecrets(r.output);
  });
});
