import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ValueKind } from "../../src/identity/match/checks.ts";
import { matchRecordsSql, runMatch } from "../../src/identity/match/index.ts";
import { pairsSql, scoresSql } from "../../src/identity/match/pairs-sql.ts";
import { fingerprint, levelKind, type MatchParameters } from "../../src/identity/match/params.ts";
import { type MatchSettings, matchSettingsSchema } from "../../src/identity/match/settings.ts";
import { priorRulesSql, uSampleSql } from "../../src/identity/match/train.ts";
import { bigqueryDialect } from "../../src/warehouse/bigquery/dialect.ts";
import type { BigqueryWarehouse } from "../../src/warehouse/bigquery/index.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { REPO } from "../helpers/project.ts";
import { openOnStandIn } from "./helpers.ts";
import { StandIn } from "./stand-in/index.ts";

/**
 * The match materialization on BigQuery: the SQL it sends for a representative settings object,
 * pinned in test/golden/bigquery/match-*.sql (rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run test/bigquery/match.test.ts` after an intended change and review
 * the diff), and a small match run end to end on the stand-in, with the same pairs, levels and
 * weights as on DuckDB.
 */
const GOLDEN = path.join(REPO, "test/golden/bigquery");

function golden(name: string, sql: string): void {
  const file = path.join(GOLDEN, `${name}.sql`);
  const text = `${sql.trim()}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
  expect(text, `${name}.sql differs; run with UPDATE_GOLDEN=1 if the change is intended`).toBe(
    readFileSync(file, "utf8"),
  );
}

const PRIOR_RULES = [["email"], ["last_name", "dob"]];

/** Every kind of level, a term frequency, a blocking expression, prior rules. */
const SETTINGS = matchSettingsSchema.parse({
  blocking: [["last_name", "SUBSTR(first_name, 1, 1)"], ["dob"], ["email"]],
  comparisons: [
    {
      column: "first_name",
      levels: [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }],
      termFrequency: true,
    },
    { column: "last_name", levels: [{ exact: true }, { jaroWinkler: 0.9 }] },
    { column: "dob", levels: [{ exact: true }, { levenshtein: 1 }, { withinDays: 365 }] },
    { column: "email", levels: [{ exact: true }, { levenshtein: 2 }] },
    { column: "visits", levels: [{ within: 2 }] },
  ],
  prior: { rules: PRIOR_RULES, recall: 0.8 },
  threshold: 0.95,
});

const KINDS = new Map<string, ValueKind>([
  ["record_id", "string"],
  ["first_name", "string"],
  ["last_name", "string"],
  ["dob", "date"],
  ["email", "string"],
  ["visits", "number"],
]);

/** Parameters as training would leave them, with round numbers. */
function parametersFor(settings: MatchSettings, prior: number): MatchParameters {
  return {
    fingerprint: fingerprint(settings),
    trainedAt: "2026-01-01T00:00:00.000Z",
    prior,
    priorSource: "stated",
    records: 0,
    blockedPairs: 0,
    uSamplePairs: 0,
    emIterations: 0,
    comparisons: settings.comparisons.map((c) => {
      const n = c.levels.length;
      return {
        column: c.column,
        label: c.column,
        termFrequency: c.termFrequency,
        levels: [
          ...c.levels.map((level, i) => ({
            kind: levelKind(level),
            label: `level ${i}`,
            m: 0.9 / 2 ** i / n,
            u: 0.01 * 2 ** i,
          })),
          { kind: "else" as const, label: "differ", m: 0.1, u: 0.97 },
        ],
      };
    }),
  };
}

describe("match SQL for BigQuery (golden files)", () => {
  const d = bigqueryDialect("acme-analytics");
  const rel = (name: string) => d.quoteRelation({ schema: "crm", name });

  it("creates its Jaro-Winkler function in the model's dataset", () => {
    golden("match-jaro-winkler-function", d.jaroWinklerFunction("crm")!);
  });

  it("the records, the blocked pairs with their levels, the training samples, the scores", () => {
    golden("match-records", matchRecordsSql(d, rel("people_matches__input"), SETTINGS, KINDS, "crm"));
    golden("match-pairs", pairsSql(d, rel("people_matches__records"), SETTINGS, "crm", true));
    golden(
      "match-u-sample",
      uSampleSql(d, rel("people_matches__records"), 250_000, { ...SETTINGS, uSamplePairs: 100_000 }, "crm"),
    );
    golden("match-prior-rules", priorRulesSql(d, rel("people_matches__records"), PRIOR_RULES, SETTINGS));
    golden(
      "match-scores",
      scoresSql(
        d,
        rel("people_matches__pairs"),
        rel("people_matches__records"),
        SETTINGS,
        parametersFor(SETTINGS, 0.001),
        250_000,
      ),
    );
  });
});

/**
 * The stand-in runs BigQuery SQL on DuckDB but does not create functions, so the match it runs
 * compares without Jaro-Winkler (the golden files pin that SQL).
 */
const PEOPLE = [
  ["1", "Anna", "Schmidt", "1980-03-14", "anna@mail.test", 3],
  ["2", "Ana", "Schmidt", "1980-03-14", null, 3],
  ["3", "Anna", "Schmitt", "1980-03-41", "anna@mail.test", 4],
  ["4", "Robert", "Jones", "1975-01-02", "rj@mail.test", 1],
  ["5", "Bob", "Jones", "1975-01-02", "rj@mail.test", 8],
  ["6", "Maria", "Garcia", "1990-07-30", null, null],
  ["7", "Mario", "Rossi", "1966-11-11", "mario@mail.test", 2],
  ["8", "Anna", "Jones", "1990-07-30", "anna@mail.test", 3],
] as const;

const WITHOUT_JARO_WINKLER = matchSettingsSchema.parse({
  blocking: [["last_name"], ["dob"], ["email"]],
  comparisons: [
    {
      column: "first_name",
      levels: [{ exact: true }, { levenshtein: 1 }, { levenshtein: 3 }],
      termFrequency: true,
    },
    { column: "last_name", levels: [{ exact: true }, { levenshtein: 1 }] },
    { column: "dob", levels: [{ exact: true }, { levenshtein: 2 }] },
    { column: "email", levels: [{ exact: true }] },
    { column: "visits", levels: [{ within: 1 }] },
  ],
  prior: { rules: [["email"]], recall: 0.5 },
  threshold: 0.5,
  uSamplePairs: 2000,
});

describe("a match on the BigQuery stand-in", () => {
  let standIn: StandIn;
  let bq: BigqueryWarehouse;
  let duck: Warehouse;
  const rel = (name: string): Relation => ({ schema: "match_test", name });

  async function load(wh: Warehouse): Promise<void> {
    const d = wh.dialect;
    const s = d.typeName("string");
    const rows = PEOPLE.map(
      ([id, first, last, dob, email, visits]) =>
        `SELECT CAST(${d.literal(id)} AS ${s}) AS record_id, CAST(${d.literal(first)} AS ${s}) AS first_name, CAST(${d.literal(last)} AS ${s}) AS last_name, CAST(${d.literal(dob)} AS ${s}) AS dob, CAST(${d.literal(email)} AS ${s}) AS email, CAST(${d.literal(visits)} AS ${d.typeName("int64")}) AS visits`,
    );
    await wh.ensureSchema("match_test");
    await wh.replaceTable(rel("people"), rows.join(" UNION ALL "));
  }

  beforeAll(async () => {
    standIn = await StandIn.start();
    bq = await openOnStandIn(standIn, "match_test");
    duck = await DuckdbWarehouse.open({ path: ":memory:", schema: "match_test", connections: 2 });
    await load(bq);
    await load(duck);
  });
  afterAll(async () => {
    await duck?.close();
    await standIn?.close();
  });

  const scored = (wh: Warehouse) =>
    wh.query<Record<string, unknown>>(
      `SELECT * FROM ${wh.dialect.quoteRelation(rel("people_matches"))} ORDER BY record_id_l, record_id_r`,
    );

  it("trains, then scores the same pairs with the same levels and weights as DuckDB", async () => {
    const run = (wh: Warehouse, parameters?: MatchParameters) =>
      runMatch(
        wh,
        rel("people_matches"),
        `SELECT * FROM ${wh.dialect.quoteRelation(rel("people"))}`,
        WITHOUT_JARO_WINKLER,
        { settingsName: "people", ...(parameters ? { parameters } : {}) },
      );
    // Training runs every statement (random pairs, prior rules, EM) on the stand-in.
    const trained = await run(bq);
    expect(trained.trained).toBe(true);
    expect(trained.records).toBe(PEOPLE.length);
    expect(trained.parameters.priorSource).toBe("rules");
    expect(await bq.describe({ schema: "match_test", name: "people_matches__match_params" })).toBeDefined();

    // The random sample differs between warehouses (their hash functions do): score both with the
    // same parameters to compare what the SQL computes.
    const parameters = parametersFor(WITHOUT_JARO_WINKLER, 0.05);
    const onBigquery = await run(bq, parameters);
    const onDuckdb = await run(duck, parameters);
    expect(onBigquery.blockedPairs).toBe(onDuckdb.blockedPairs);
    expect(onBigquery.pairs).toBe(onDuckdb.pairs);
    expect(onBigquery.pairs).toBeGreaterThan(0);
    const [b, u] = [await scored(bq), await scored(duck)];
    expect(b.map((r) => `${r.record_id_l}-${r.record_id_r}`)).toEqual(
      u.map((r) => `${r.record_id_l}-${r.record_id_r}`),
    );
    expect(b.map((r) => `${r.record_id_l}-${r.record_id_r}`)).toContain("1-3");
    b.forEach((row, i) => {
      for (const [key, value] of Object.entries(u[i]!)) {
        if (typeof value === "number") expect(Number(row[key]), key).toBeCloseTo(value, 9);
        else expect(row[key], key).toEqual(value);
      }
    });
  });
});
