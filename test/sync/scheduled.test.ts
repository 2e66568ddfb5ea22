import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { openPostgres, postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { makeProject, REPO, writeFiles } from "../helpers/project.ts";
import { startReceiver } from "./receiver.ts";

/**
 * Scheduled production runs as a CI job plays them: each run starts from a fresh clone of the
 * project and carries over only what the committed workflow (.github/workflows/cdp.yml) restores
 * and saves.
 */

type Person = [id: number, email: string, tier: string];
const PEOPLE: Person[] = Array.from({ length: 10 }, (_, i) => [
  i + 1,
  `p${i + 1}@example.org`,
  i < 6 ? "gold" : "silver",
]);

const seed = (people: Person[]) =>
  `id,email,tier,loaded_at\n${people.map((p) => `${p.join(",")},2026-01-01 00:00:00`).join("\n")}\n`;

function config(sync: string, extra = ""): string {
  return `import { secret } from "cdp";
export default {
  name: "sched",
  defaultTarget: "dev",
  targets: {
    dev: { type: "duckdb", path: ".cdp/dev.duckdb" },
    ci: { type: "duckdb", path: ":memory:" },
    staging: { type: "duckdb", path: ".cdp/staging.duckdb" },
    prod: { type: "duckdb", path: ".cdp/prod.duckdb" },
  },
  threads: 2,
  ${extra}
  syncs: { ${sync} },
};
`;
}

const goldSync = (extra = "") => `gold_audience: {
      targets: ["prod"],
      model: "gold",
      primaryKey: "id",
      mode: "audience",
      destination: { type: "webhook", url: secret("HOOK_URL") },
      fields: { email: "email" },
      ${extra}
    }`;

const MODEL = `select id, email from {{ref "people"}} where tier = 'gold'\n`;

function project(people: Person[], sync = goldSync(), extra = ""): string {
  return makeProject({ "seeds/people.csv": seed(people), "models/gold.sql": MODEL }, config(sync, extra));
}

type SyncResults = {
  metadata: { invocation_id: string; target_name: string };
  results: { sync: string; status: string; message?: string; counts: Record<string, number> }[];
};
const syncResults = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8")) as SyncResults;

/** The paths the committed workflow restores before the run and saves after it. */
function carriedPaths(): { restored: string[]; saved: string[]; workflow: Record<string, unknown> } {
  const workflow = parse(readFileSync(path.join(REPO, ".github/workflows/cdp.yml"), "utf8")) as {
    jobs: Record<string, { steps: { uses?: string; with?: { path?: string } }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const paths = (action: string) =>
    steps
      .filter((s) => s.uses?.startsWith(action))
      .flatMap((s) => (s.with?.path ?? "").split("\n"))
      .map((p) => p.trim())
      .filter(Boolean);
  return {
    restored: paths("actions/cache/restore"),
    saved: paths("actions/cache/save"),
    workflow,
  };
}

/** Copies the files a workflow's cache carries from one directory to another. */
function carry(from: string, to: string, paths: string[]): void {
  for (const p of paths) {
    mkdirSync(path.dirname(path.join(to, p)), { recursive: true });
    copyFileSync(path.join(from, p), path.join(to, p));
  }
}

describe("scheduled runs from fresh clones", () => {
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  const dirs: string[] = [];
  const track = (dir: string) => {
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    hook = await startReceiver();
  });
  afterAll(async () => {
    await hook.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const env = () => ({ HOOK_URL: `${hook.url}/hook` });

  it("the committed workflow carries the production DuckDB file, one run at a time", async () => {
    const { restored, saved, workflow } = carriedPaths();
    expect(restored).toEqual([".cdp/prod.duckdb"]);
    expect(saved).toEqual(restored);
    const w = workflow as {
      concurrency: { group: string; "cancel-in-progress": boolean };
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
    };
    expect(w.concurrency.group).toBeTruthy();
    expect(w.concurrency["cancel-in-progress"]).toBe(false);
    const steps = Object.values(w.jobs).flatMap((j) => j.steps);
    const restore = steps.find((s) => s.uses?.startsWith("actions/cache/restore"))!;
    const save = steps.find((s) => s.uses?.startsWith("actions/cache/save"))!;
    // A key of its own per run (never overwritten), the newest restored by prefix.
    expect(save.with!.key).toContain("github.run_id");
    expect(save.with!.key).toBe(restore.with!.key);
    expect(save.with!.key!.startsWith(restore.with!["restore-keys"]!)).toBe(true);
    expect(steps.some((s) => s.run?.includes('build --target "$CDP_TARGET"'))).toBe(true);
    // The demo's production target is the file the workflow carries.
    const demo = await loadConfig({ projectDir: REPO, target: "prod" });
    expect(demo.target.type === "duckdb" && demo.target.path).toBe(restored[0]);
  });

  it("the second run sends exactly the changes and removals", async () => {
    const { restored } = carriedPaths();
    const cache = track(mkdtempSync(path.join(tmpdir(), "cdp-cache-")));

    const first = track(project(PEOPLE));
    const r1 = await cdpAsync(first, ["build", "--target", "prod"], env());
    expect(r1.code, r1.output).toBe(0);
    expect(hook.take()).toEqual({ add: ["1", "2", "3", "4", "5", "6"] });
    carry(first, cache, restored);

    // The next day: 2 changed e-mail, 6 left the audience, 7 joined; a new clone, the cache restored.
    const changed = PEOPLE.map((p): Person => {
      if (p[0] === 2) return [2, "p2.new@example.org", "gold"];
      if (p[0] === 6) return [6, p[1], "silver"];
      if (p[0] === 7) return [7, p[1], "gold"];
      return p;
    });
    const second = track(project(changed));
    carry(cache, second, restored);
    const r2 = await cdpAsync(second, ["build", "--target", "prod"], env());
    expect(r2.code, r2.output).toBe(0);
    expect(hook.take()).toEqual({ add: ["2", "7"], remove: ["6"] });
    const results = syncResults(second);
    expect(results.metadata.target_name).toBe("prod");
    expect(results.results[0]).toMatchObject({
      status: "success",
      counts: { added: 1, changed: 1, removed: 1 },
    });

    // The day after, nothing changed: the third clone, with what the second run saved, sends nothing.
    const third = track(project(changed));
    carry(second, third, restored);
    const r3 = await cdpAsync(third, ["build", "--target", "prod"], env());
    expect(r3.code, r3.output).toBe(0);
    expect(hook.take()).toEqual({});
  });

  it("with the state in Postgres, a second clone carrying nothing sends exactly the changes", async () => {
    const server = postgresServer();
    if (server.unavailable) {
      warnSkipped("the Postgres scheduled-run test", server.unavailable);
      return;
    }
    const schema = `sched_${process.pid}`;
    const pg = `pg: { type: "postgres", connectionString: secret("PG_URL"), schema: ${JSON.stringify(schema)} },`;
    const clone = (people: Person[]) =>
      track(
        makeProject(
          { "seeds/people.csv": seed(people), "models/gold.sql": MODEL },
          config(
            goldSync(`stateSchema: "${schema}_state",`).replace('targets: ["prod"]', 'targets: ["pg"]'),
          ).replace("targets: {", `targets: { ${pg}`),
        ),
      );
    const pgEnv = { ...env(), PG_URL: server.url! };
    try {
      const r1 = await cdpAsync(clone(PEOPLE), ["build", "--target", "pg"], pgEnv);
      expect(r1.code, r1.output).toBe(0);
      expect(hook.take()).toEqual({ add: ["1", "2", "3", "4", "5", "6"] });
      const moved = PEOPLE.map(
        (p): Person => (p[0] === 1 ? [1, p[1], "silver"] : p[0] === 8 ? [8, p[1], "gold"] : p),
      );
      const r2 = await cdpAsync(clone(moved), ["build", "--target", "pg"], pgEnv);
      expect(r2.code, r2.output).toBe(0);
      expect(hook.take()).toEqual({ add: ["8"], remove: ["1"] });
    } finally {
      const wh = await openPostgres(server.url!, schema, 1);
      // The state in a schema of its own: other tests share this server.
      for (const s of [schema, `${schema}_state`]) {
        await wh.execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(s)} CASCADE`);
      }
      await wh.close();
    }
  });

  it("refuses a sync whose state would live in an in-memory database, saying how to keep it", async () => {
    const dir = track(project(PEOPLE, goldSync().replace('targets: ["prod"]', 'targets: ["ci"]')));
    const r = await cdpAsync(dir, ["build", "--target", "ci"], env());
    expect(r.code, r.output).toBe(1);
    expect(r.output).toContain("in-memory DuckDB database");
    expect(r.output).toContain("outlives the run");
    expect(hook.take()).toEqual({});
    expect(syncResults(dir).results[0]!.status).toBe("error");
  });

  it("stops when the state is lost, until --full-resync", async () => {
    const exports = track(mkdtempSync(path.join(tmpdir(), "cdp-exports-")));
    const fileSync = `gold_files: {
      targets: ["prod"], model: "gold", primaryKey: "id", mode: "audience",
      destination: { type: "file", dir: ${JSON.stringify(exports)}, format: "jsonl" },
    }`;
    const dir = track(project(PEOPLE, fileSync));
    expect((await cdpAsync(dir, ["build", "--target", "prod"])).code).toBe(0);

    // The cache was not restored: the file destination still holds the earlier export.
    rmSync(path.join(dir, ".cdp/prod.duckdb"));
    const lost = await cdpAsync(dir, ["build", "--target", "prod"]);
    expect(lost.code, lost.output).toBe(1);
    expect(lost.output).toMatch(/STOP\s+sync gold_files/);
    expect(lost.output).toContain("earlier export");
    expect(lost.output).toContain("--full-resync");
    expect(syncResults(dir).results[0]!.status).toBe("blocked");

    const resync = await cdpAsync(dir, ["sync", "--target", "prod", "--full-resync"]);
    expect(resync.code, resync.output).toBe(0);
    expect(syncResults(dir).results[0]!.counts.added).toBe(6);

    // The snapshot emptied while the run history stays: the history says the state was lost.
    const wh = await DuckdbWarehouse.open({
      path: path.join(dir, ".cdp/prod.duckdb"),
      schema: "main",
      connections: 1,
    });
    await wh.execute(`DELETE FROM cdp_state."gold_files__snapshot"`);
    await wh.close();
    const emptied = await cdpAsync(dir, ["sync", "--target", "prod"]);
    expect(emptied.code, emptied.output).toBe(1);
    expect(emptied.output).toMatch(/its last run \(\S+\) left 6 rows delivered/);
  });

  it("stops before sending more removals than maxRemoved, or an empty model, and says so", async () => {
    const alerts = await startReceiver();
    const failingAlerts = "http://127.0.0.1:9/unreachable";
    try {
      const dir = track(
        project(
          PEOPLE,
          `${goldSync(`notify: { onFailure: ${JSON.stringify(`${alerts.url}/alert`)} }`)},
          gold_copy: {
            targets: ["prod"], model: "gold", primaryKey: "id", mode: "mirror",
            destination: { type: "webhook", url: secret("HOOK_URL") },
            maxRemoved: 2,
            notify: { onFailure: ${JSON.stringify(failingAlerts)} },
          }`,
        ),
      );
      expect((await cdpAsync(dir, ["build", "--target", "prod"], env())).code).toBe(0);
      hook.take();

      // Three of six leave the audience: 50% is over the default 20%, 3 over gold_copy's 2.
      writeFiles(dir, {
        "seeds/people.csv": seed(PEOPLE.map((p): Person => (p[0] <= 3 ? [p[0], p[1], "silver"] : p))),
      });
      const r = await cdpAsync(dir, ["build", "--target", "prod"], env());
      expect(r.code, r.output).toBe(1);
      expect(hook.take()).toEqual({});
      expect(r.output).toContain("would remove 3 of the 6 rows");
      expect(r.output).toContain("maxRemoved (20%: 1 rows)");
      expect(r.output).toContain("maxRemoved (2: 2 rows)");
      expect(r.output).toContain("--allow-mass-removal");
      expect(syncResults(dir).results.map((x) => x.status)).toEqual(["blocked", "blocked"]);
      // The alert went out; the one whose receiver is unreachable is reported, and changes nothing.
      expect(alerts.bodies).toHaveLength(1);
      expect(String(alerts.bodies[0]!.body.text)).toContain(
        "sync gold_audience (project sched, target prod)",
      );
      expect(alerts.bodies[0]!.body).toMatchObject({ sync: "gold_audience", status: "blocked" });
      const results = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8")) as {
        results: { notification?: string; message?: string }[];
      };
      expect(results.results[0]!.notification).toMatch(/^sent/);
      expect(results.results[1]!.notification).toMatch(/^not sent/);
      expect(results.results[1]!.message).toContain("maxRemoved");

      const history = await cdpAsync(dir, [
        "sync",
        "history",
        "gold_audience",
        "--target",
        "prod",
        "--log-format",
        "json",
      ]);
      expect(history.code, history.output).toBe(0);
      const runs = (JSON.parse(history.stdout) as { runs: { status: string; message: string | null }[] })
        .runs;
      expect(runs.map((x) => x.status)).toEqual(["blocked", "success"]);
      expect(runs[0]!.message).toContain("would remove 3");

      const allowed = await cdpAsync(dir, ["sync", "--target", "prod", "--allow-mass-removal"], env());
      expect(allowed.code, allowed.output).toBe(0);
      expect(hook.take()).toEqual({ delete: ["1", "2", "3"], remove: ["1", "2", "3"] });

      // Everyone leaves: the model is empty while the state holds rows.
      writeFiles(dir, { "seeds/people.csv": seed(PEOPLE.map((p): Person => [p[0], p[1], "silver"])) });
      const empty = await cdpAsync(dir, ["build", "--target", "prod"], env());
      expect(empty.code, empty.output).toBe(1);
      expect(empty.output).toContain("model gold is empty, while the destination holds 3 rows");
      expect(hook.take()).toEqual({});
    } finally {
      await alerts.close();
    }
  });

  it("runs a sync only on its targets, with the destination of each, and lists the others as skipped", async () => {
    const staging = await startReceiver();
    try {
      const dir = track(
        project(
          PEOPLE,
          goldSync()
            .replace('targets: ["prod"]', 'targets: ["prod", "staging"]')
            .replace(
              "fields:",
              `destinationByTarget: { staging: { type: "webhook", url: ${JSON.stringify(`${staging.url}/hook`)} } },\n      fields:`,
            ),
        ),
      );
      const dev = await cdpAsync(dir, ["build"], env());
      expect(dev.code, dev.output).toBe(0);
      expect(dev.output).toMatch(
        /SKIP\s+sync gold_audience: skipped: runs on targets prod, staging, not on dev/,
      );
      const devResults = syncResults(dir);
      expect(devResults.results[0]).toMatchObject({ status: "skipped" });
      const runResults = JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8")) as {
        metadata: { invocation_id: string; target_name: string };
      };
      expect(runResults.metadata.invocation_id).toBe(devResults.metadata.invocation_id);
      expect(runResults.metadata.target_name).toBe("dev");
      const manifest = JSON.parse(readFileSync(path.join(dir, "target/manifest.json"), "utf8")) as {
        metadata: { invocation_id: string };
      };
      expect(manifest.metadata.invocation_id).toBe(devResults.metadata.invocation_id);
      expect(hook.take()).toEqual({});

      const st = await cdpAsync(dir, ["build", "--target", "staging"], env());
      expect(st.code, st.output).toBe(0);
      expect(staging.take()).toEqual({ add: ["1", "2", "3", "4", "5", "6"] });
      expect(hook.take()).toEqual({});

      const noSync = await cdpAsync(dir, ["build", "--target", "prod", "--no-sync"], env());
      expect(noSync.code, noSync.output).toBe(0);
      expect(noSync.output).toMatch(/SKIP\s+sync gold_audience: skipped: --no-sync/);
      expect(hook.take()).toEqual({});

      // A failed build sends nothing, and its sync_results.json says so.
      writeFiles(dir, { "models/broken.sql": `select no_such_column from {{ref "gold"}}\n` });
      const failed = await cdpAsync(dir, ["build", "--target", "prod"], env());
      expect(failed.code, failed.output).toBe(1);
      expect(failed.output).toMatch(/SKIP\s+sync gold_audience: skipped: the build did not succeed/);
      const after = syncResults(dir);
      expect(after.results[0]).toMatchObject({ status: "skipped" });
      expect(after.results[0]!.message).toContain("broken");
      expect(after.metadata.invocation_id).not.toBe(devResults.metadata.invocation_id);

      // One that does not compile, too.
      writeFiles(dir, { "models/broken.sql": `select * from {{ref "nope"}}\n` });
      const uncompiled = await cdpAsync(dir, ["build", "--target", "prod"], env());
      expect(uncompiled.code).toBe(2);
      expect(syncResults(dir).results[0]!.message).toContain("did not compile");
      expect(existsSync(path.join(dir, ".cdp/prod.duckdb"))).toBe(true);
      rmSync(path.join(dir, "models/broken.sql"));

      const selected = await cdpAsync(
        dir,
        ["sync", "--target", "prod", "--select", "gold", "--dry-run"],
        env(),
      );
      expect(selected.code, selected.output).toBe(0);
      expect(selected.output).toContain("sync gold_audience (dry run)");
      const none = await cdpAsync(dir, ["sync", "--target", "prod", "--select", "people"], env());
      expect(none.code).toBe(2);
      expect(none.output).toContain("no sync reads a model selected by --select people");
    } finally {
      await staging.close();
    }
  });

  it("skips a sync whose upstream source is stale; cdp source freshness says which", async () => {
    const sources = `sources: { crm: { schema: "main", tables: { people: "people" }, freshness: { loadedAt: "loaded_at", warnAfter: "12h", errorAfter: { count: 1, period: "day" } } } },`;
    const dir = track(
      makeProject(
        {
          "seeds/people.csv": seed(PEOPLE),
          "models/gold.sql": `select id, email from {{source "crm" "people"}} where tier = 'gold'\n`,
        },
        config(goldSync(), sources),
      ),
    );
    expect((await cdpAsync(dir, ["seed", "--target", "prod"])).code).toBe(0);
    const fresh = await cdpAsync(dir, ["source", "freshness", "--target", "prod"]);
    expect(fresh.code, fresh.output).toBe(1);
    expect(fresh.output).toMatch(
      /ERROR source crm\.people: newest loaded_at \d+ days \d+ h old, past errorAfter \(1 day 0 h\)/,
    );
    expect(existsSync(path.join(dir, "target/sources.json"))).toBe(true);

    const r = await cdpAsync(dir, ["build", "--target", "prod"], env());
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(/STOP\s+sync gold_audience/);
    expect(r.output).toContain("upstream source data is stale: crm.people");
    expect(hook.take()).toEqual({});

    const lenient = track(
      makeProject(
        { "seeds/people.csv": seed(PEOPLE), "models/gold.sql": `select id from {{source "crm" "people"}}\n` },
        config(goldSync(), sources.replace('loadedAt: "loaded_at"', 'loadedAt: "updated_at"')),
      ),
    );
    expect((await cdpAsync(lenient, ["seed", "--target", "prod"])).code).toBe(0);
    const missing = await cdpAsync(lenient, ["source", "freshness", "--target", "prod"]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain(
      `cdp.config.ts (sources.crm.freshness.loadedAt): source table crm.people has no column "updated_at"`,
    );
  });

  it("refuses bad guard and target settings as configuration errors naming the sync and key", async () => {
    const badTarget = track(project(PEOPLE, goldSync().replace('targets: ["prod"]', 'targets: ["prdo"]')));
    const r1 = await cdpAsync(badTarget, ["compile"]);
    expect(r1.code).toBe(2);
    expect(r1.output).toContain("syncs.gold_audience.targets.0");
    expect(r1.output).toContain('"prdo" is not a declared target');

    const badShare = track(project(PEOPLE, goldSync('maxRemoved: "150%",')));
    const r2 = await cdpAsync(badShare, ["compile"]);
    expect(r2.code).toBe(2);
    expect(r2.output).toContain("syncs.gold_audience.maxRemoved");
    expect(r2.output).toContain("at most 100%");
  });

  it("lists in each command's help only the flags it accepts", async () => {
    const dir = track(project(PEOPLE));
    const help = async (...args: string[]) => (await cdpAsync(dir, [...args, "--help"])).stdout;
    const test = await help("test");
    expect(test).toContain("--select");
    expect(test).not.toContain("--full-refresh");
    expect(test).not.toContain("--no-sync");
    const build = await help("build");
    for (const flag of ["--threads", "--full-refresh", "--no-sync", "--allow-mass-removal", "--full-resync"])
      expect(build).toContain(flag);
    const sync = await help("sync");
    for (const flag of ["--dry-run", "--full-resync", "--allow-mass-removal", "--select"])
      expect(sync).toContain(flag);
    expect(sync).not.toContain("--threads");
    expect(await help("debug")).not.toContain("--select");
    expect(await help("init")).not.toContain("--full-refresh");
  });
});
