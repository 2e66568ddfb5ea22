import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Row, Warehouse } from "../../src/warehouse/types.ts";
import { openPostgres, postgresServer, warnSkipped, withUrl } from "../helpers/postgres.ts";
import { cdp, REPO } from "../helpers/project.ts";

/**
 * The CLI against a real Postgres server: the demo project builds (twice: the second run replaces
 * every seed and view in place) with the same rows as on DuckDB, and connection failures end as
 * one line naming the target, without the password.
 */
const server = postgresServer();

/** A copy of the repository's demo project whose `pg` target builds in `schema`. */
function demoProject(schema: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-pg-demo-"));
  for (const name of ["models", "seeds", "tests", "partials"]) {
    if (existsSync(path.join(REPO, name)))
      cpSync(path.join(REPO, name), path.join(dir, name), { recursive: true });
  }
  const config = readFileSync(path.join(REPO, "cdp.config.ts"), "utf8");
  const target = /pg: \{ type: "postgres", schema: "demo" \}/;
  if (!target.test(config))
    throw new Error('cdp.config.ts has no `pg: { type: "postgres", schema: "demo" }` target');
  writeFileSync(
    path.join(dir, "cdp.config.ts"),
    config.replace(target, `pg: { type: "postgres", schema: "${schema}" }`),
  );
  return dir;
}

/** Rows in a form both warehouses agree on: sorted, decimals without trailing zeros, dates as text. */
function normalised(rows: Row[]): string[] {
  const value = (v: unknown) =>
    v instanceof Date
      ? v.toISOString()
      : typeof v === "string" && /^-?\d+\.\d+$/.test(v)
        ? v.replace(/\.?0+$/, "")
        : v;
  return rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, value(v)]))).sort();
}

if (server.unavailable) {
  warnSkipped("Postgres CLI tests", server.unavailable);
  describe.skip(`cdp on Postgres (${server.unavailable})`, () => {
    it("is skipped", () => {});
  });
} else {
  const url = server.url!;
  const password = new URL(url).password;
  const database = decodeURIComponent(new URL(url).pathname.slice(1));

  describe("cdp build --target pg", () => {
    const schema = `cdp_demo_${Math.random().toString(36).slice(2, 8)}`;
    let dir: string;
    let pgWh: Warehouse | undefined;

    beforeAll(() => {
      dir = demoProject(schema);
    });
    afterAll(async () => {
      if (pgWh) {
        await pgWh.execute(`DROP SCHEMA IF EXISTS ${pgWh.dialect.quoteIdentifier(schema)} CASCADE`);
        await pgWh.close();
      }
      rmSync(dir, { recursive: true, force: true });
    });

    // Two whole builds of the demo on Postgres, matches included: ~70 s each on a quiet 2-core
    // machine, so the suite's 120 s default is not enough for both.
    it("builds the whole demo project, twice in a row, every node succeeding", () => {
      for (const run of [1, 2]) {
        const r = cdp(dir, ["build", "--target", "pg"], { DATABASE_URL: url });
        expect(r.code, `run ${run}:\n${r.output}`).toBe(0);
        const results = JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8")) as {
          results: { unique_id?: string; status: string }[];
        };
        expect(results.results.length).toBeGreaterThan(50);
        const bad = results.results.filter((x) => x.status !== "success" && x.status !== "pass");
        expect(bad, `run ${run}`).toEqual([]);
        expect(r.output).not.toContain(password);
      }
    }, 360_000);

    it("builds the same rows as DuckDB in every staging model and the revenue mart", async () => {
      const duck = cdp(dir, ["build", "--target", "dev", "--select", "+tag:staging", "+daily_revenue"]);
      expect(duck.code, duck.output).toBe(0);
      const duckWh = await DuckdbWarehouse.open({
        path: path.join(dir, ".cdp/demo.duckdb"),
        schema: "main",
        connections: 1,
      });
      pgWh = await openPostgres(url, schema, 2);
      try {
        const models = readdirSync(path.join(dir, "models/staging"))
          .map((f) => f.replace(/\.sql$/, ""))
          .concat("daily_revenue");
        expect(models.length).toBeGreaterThan(5);
        for (const model of models) {
          const fromDuck = await duckWh.query(`SELECT * FROM main.${duckWh.dialect.quoteIdentifier(model)}`);
          const fromPg = await pgWh.query(
            `SELECT * FROM ${pgWh.dialect.quoteRelation({ schema, name: model })}`,
          );
          expect(fromPg.length, model).toBe(fromDuck.length);
          expect(Object.keys(fromPg[0] ?? {}), model).toEqual(Object.keys(fromDuck[0] ?? {}));
          const a = normalised(fromPg);
          const b = normalised(fromDuck);
          const first = a.findIndex((row, i) => row !== b[i]);
          expect(first === -1 ? undefined : { model, postgres: a[first], duckdb: b[first] }).toBeUndefined();
        }
      } finally {
        await duckWh.close();
      }
    });
  });

  describe("connection failures", () => {
    let dir: string;
    let silent: Server;
    let silentPort = 0;

    beforeAll(async () => {
      dir = demoProject("demo");
      // Accepts connections and never answers: a connection attempt that times out.
      silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      silentPort = (silent.address() as { port: number }).port;
    });
    afterAll(() => {
      silent?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Runs `command` against `databaseUrl` and checks the one-line error; returns it. */
    function failing(command: string, databaseUrl: string, secret: string): string {
      const r = cdp(dir, [command, "--target", "pg"], { DATABASE_URL: databaseUrl });
      expect(r.code, r.output).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines, r.stderr).toHaveLength(1);
      expect(r.output).not.toContain(secret);
      expect(r.output).not.toMatch(/^\s+at /m);
      const written = existsSync(path.join(dir, "target"))
        ? readdirSync(path.join(dir, "target"), { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"))
            .join("\n")
        : "";
      expect(written).not.toContain(secret);
      return lines[0]!;
    }

    it("names the target and the cause when nothing listens on the port", async () => {
      const port = await new Promise<number>((resolve) => {
        const s = createServer();
        s.listen(0, "127.0.0.1", () => {
          const p = (s.address() as { port: number }).port;
          s.close(() => resolve(p));
        });
      });
      const line = failing(
        "run",
        withUrl(url, (u) => {
          u.hostname = "127.0.0.1";
          u.port = String(port);
        }),
        password,
      );
      expect(line).toBe(
        `Error: cannot connect to Postgres target "pg" (127.0.0.1:${port}, database ${database}): connection refused (is the server running and accepting TCP connections on that port?)`,
      );
    });

    it.skipIf(!server.own)("reports a wrong password without printing it", () => {
      const wrong = "not-the-right-password-123";
      const line = failing(
        "build",
        withUrl(url, (u) => {
          u.password = wrong;
        }),
        wrong,
      );
      expect(line).toMatch(
        /^Error: cannot connect to Postgres target "pg" \(127\.0\.0\.1:\d+, database cdp_test\): password authentication failed for user "cdp"$/,
      );
    });

    it("reports a database that does not exist", () => {
      const line = failing(
        "seed",
        withUrl(url, (u) => {
          u.pathname = "/no_such_db";
        }),
        password,
      );
      expect(line).toMatch(
        /^Error: cannot connect to Postgres target "pg" \(.+:\d+, database no_such_db\): database "no_such_db" does not exist$/,
      );
    });

    it("gives up after connectTimeout when the server does not answer", () => {
      const config = readFileSync(path.join(dir, "cdp.config.ts"), "utf8");
      writeFileSync(
        path.join(dir, "cdp.config.ts"),
        config.replace(
          /pg: \{ type: "postgres", schema: "demo" \}/,
          `pg: { type: "postgres", schema: "demo", connectTimeout: 1 }`,
        ),
      );
      try {
        const line = failing(
          "run",
          withUrl(url, (u) => {
            u.hostname = "127.0.0.1";
            u.port = String(silentPort);
          }),
          password,
        );
        expect(line).toBe(
          `Error: cannot connect to Postgres target "pg" (127.0.0.1:${silentPort}, database ${database}): timed out after 1s`,
        );
      } finally {
        writeFileSync(path.join(dir, "cdp.config.ts"), config);
      }
    });
  });
}
