import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "../../src/warehouse/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { openPostgres, postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { cdp, makeProject } from "../helpers/project.ts";

/**
 * `cdp identity explain` on a small match model, on DuckDB and on a real Postgres server (its
 * Jaro-Winkler is a PL/pgSQL function): the same levels and weights as the build wrote.
 */
interface ExplainTarget {
  name: string;
  /** Why it cannot run here, or undefined. */
  unavailable?: string;
  /** The `targets` entry of cdp.config.ts. */
  config: string;
  /** Flags and environment for every `cdp` command. */
  flags: string[];
  env: Record<string, string>;
  /** The warehouse the build wrote to, for reading the model's output table. */
  open(dir: string): Promise<Warehouse>;
  cleanup(): Promise<void>;
}

const server = postgresServer();
const pgSchema = `cdp_explain_${Math.random().toString(36).slice(2, 8)}`;
const TARGETS: ExplainTarget[] = [
  {
    name: "duckdb",
    config: `dev: { type: "duckdb", path: ".cdp/t.duckdb", schema: "main" }`,
    flags: [],
    env: {},
    open: (dir) =>
      connect(
        { type: "duckdb", path: ".cdp/t.duckdb", schema: "main" },
        { projectDir: dir, projectName: "t", threads: 1 },
      ),
    cleanup: async () => {},
  },
  {
    name: "postgres",
    unavailable: server.unavailable,
    config: `pg: { type: "postgres", schema: "${pgSchema}" }`,
    flags: ["--target", "pg"],
    env: server.url ? { DATABASE_URL: server.url } : {},
    open: () => openPostgres(server.url!, pgSchema),
    cleanup: async () => {
      const wh = await openPostgres(server.url!, pgSchema);
      await wh.execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(pgSchema)} CASCADE`);
      await wh.close();
    },
  },
];

for (const target of TARGETS) {
  if (target.unavailable) {
    warnSkipped(`cdp identity explain on ${target.name}`, target.unavailable);
    describe.skip(`cdp identity explain on ${target.name} (${target.unavailable})`, () => {
      it("is skipped", () => {});
    });
    continue;
  }
  describe(`cdp identity explain on ${target.name}`, () => defineTests(target));
}

function defineTests(target: ExplainTarget): void {
  const dir = makeProject(
    {
      "seeds/people.csv": [
        "record_id,first_name,last_name,dob,email",
        "p1,Anna,Schmidt,1980-03-14,anna@mail.test",
        "p2,Ana,Schmidt,1980-03-14,",
        "p3,Anna,Schmitt,1980-03-41,anna@mail.test",
        "p4,Robert,Jones,1975-01-02,rj@mail.test",
        "p5,Bob,Jones,1975-01-02,rj@mail.test",
        "p6,Maria,Garcia,1990-07-30,",
        "p7,Mario,Rossi,1966-11-11,mario@mail.test",
        "p8,Anna,Jones,1990-07-30,",
      ].join("\n"),
      "models/people_matches.sql": `{{config materialized="match" settings="small"}}
select record_id, first_name, last_name, dob, email from {{ref "people"}}
`,
    },
    `export default {
  name: "t",
  targets: { ${target.config} },
  threads: 2,
  seeds: { people: { columnTypes: { dob: "VARCHAR" } } },
  identity: { match: { small: {
    blocking: [["last_name"], ["dob"], ["email"]],
    comparisons: [
      { column: "first_name", label: "first name", levels: [{ exact: true }, { jaroWinkler: 0.85 }], termFrequency: true },
      { column: "last_name", label: "last name", levels: [{ exact: true }, { jaroWinkler: 0.9 }] },
      { column: "dob", label: "date of birth", levels: [{ exact: true }, { levenshtein: 2 }] },
      { column: "email", levels: [{ exact: true }] },
    ],
    prior: { probability: 0.1 },
    threshold: 0.5,
    uSamplePairs: 2000,
  } } },
};
`,
  );
  const run = (args: string[]) => cdp(dir, [...args, ...target.flags], target.env);
  afterAll(async () => {
    await target.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the levels and weights the model's output table has for the pair", async () => {
    const build = run(["build"]);
    expect(build.code, build.output).toBe(0);

    const wh = await target.open(dir);
    const matches = wh.dialect.quoteRelation({ schema: wh.defaultSchema, name: "people_matches" });
    const rows = await wh.query<Record<string, unknown>>(
      `SELECT * FROM ${matches} ORDER BY match_weight DESC`,
    );
    await wh.close();
    expect(rows.length).toBeGreaterThan(0);
    const columns = ["first_name", "last_name", "dob", "email"];

    for (const pair of rows) {
      const [a, b] = [String(pair.record_id_l), String(pair.record_id_r)];
      // Either order on the command line explains the same pair.
      const r = run(["identity", "explain", b, a, "--log-format", "json"]);
      expect(r.code, r.output).toBe(0);
      const e = JSON.parse(r.stdout);
      expect(e.model).toBe("people_matches");
      expect(e.comparisons.map((c: { column: string }) => c.column)).toEqual(columns);
      columns.forEach((column, i) => {
        expect(e.comparisons[i].gamma).toBe(Number(pair[`gamma_${column}`]));
        expect(e.comparisons[i].weight).toBeCloseTo(Number(pair[`weight_${column}`]), 9);
        expect(e.comparisons[i].bayesFactor).toBeCloseTo(2 ** Number(pair[`weight_${column}`]), 6);
      });
      expect(e.prior).toBeCloseTo(0.1, 9);
      expect(e.matchWeight).toBeCloseTo(Number(pair.match_weight), 9);
      expect(e.matchProbability).toBeCloseTo(Number(pair.match_probability), 9);
      expect(e.aboveThreshold).toBe(true);
      expect(e.inOutput).toBe(true);
    }

    // p1 / p3: a shared email, a first name exactly the same, a last name with one letter changed.
    const text = run(["identity", "explain", "p1", "p3"]);
    expect(text.code, text.output).toBe(0);
    const pair = rows.find((x) => x.record_id_l === "p1" && x.record_id_r === "p3")!;
    expect(pair).toBeDefined();
    expect(text.stdout).toMatch(/Why people_matches scores p1 and p3/);
    expect(text.stdout).toMatch(/prior 0\.100, weight −3\.17/);
    expect(text.stdout).toMatch(/first name is exactly the same: "Anna" \/ "Anna"/);
    expect(text.stdout).toMatch(/last names are similar \(Jaro-Winkler ≥ 0\.9\): "Schmidt" \/ "Schmitt"/);
    expect(text.stdout).toContain(
      `weight ${Number(pair.weight_email) >= 0 ? "+" : "−"}${Math.abs(Number(pair.weight_email)).toFixed(2)}`,
    );
    expect(text.stdout).toMatch(/times more likely for the same person/);
    expect(text.stdout).toMatch(/at or above the threshold 0\.5/);
    expect(text.stdout).toMatch(/A match: the pair is in people_matches/);

    // A pair never compared (no shared blocking key) is explained too, and is not a match.
    const apart = run(["identity", "explain", "p1", "p7", "--log-format", "json"]);
    expect(apart.code, apart.output).toBe(0);
    const e = JSON.parse(apart.stdout);
    expect(e.blockingRules).toEqual([]);
    expect(e.inOutput).toBe(false);
    expect(e.comparisons[3].level).toBe("emails differ");
    const missing = run(["identity", "explain", "p2", "p6", "--log-format", "json"]);
    expect(JSON.parse(missing.stdout).comparisons[3]).toMatchObject({ gamma: -1, weight: 0 });
  });

  it("names the model when a record id is unknown", () => {
    const r = run(["identity", "explain", "p1", "p99"]);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(
      /no record "p99" in the match model people_matches \(its record ids look like "p1"\)/,
    );
    const one = run(["identity", "explain", "p1"]);
    expect(one.code).not.toBe(0);
    expect(one.output).toMatch(/identity explain needs two record ids/);
  });
}
