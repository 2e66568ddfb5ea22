import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ValueKind } from "../../src/identity/match/checks.ts";
import { matchRecordsSql } from "../../src/identity/match/index.ts";
import { pairsSql, scoresSql } from "../../src/identity/match/pairs-sql.ts";
import { fingerprint, levelKind, type MatchParameters } from "../../src/identity/match/params.ts";
import { PERSON_SETTINGS } from "../../src/identity/match/presets.ts";
import { type MatchSettings, matchSettingsSchema } from "../../src/identity/match/settings.ts";
import { priorRulesSql, uSampleSql } from "../../src/identity/match/train.ts";
import { bigqueryDialect } from "../../src/warehouse/bigquery/dialect.ts";
import { duckdbDialect } from "../../src/warehouse/duckdb/dialect.ts";
import { postgresDialect } from "../../src/warehouse/postgres/dialect.ts";
import type { Dialect } from "../../src/warehouse/types.ts";
import { REPO } from "../helpers/project.ts";

/**
 * The SQL a match sends, per dialect, pinned in test/golden/<dialect>/match-*.sql: the records,
 * blocked pairs, training samples and scores of the recommended person settings (DuckDB, Postgres;
 * BigQuery's are pinned by test/bigquery/match.test.ts) and of a link-only match (every dialect).
 * Rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/golden/match.test.ts` after an intended
 * change and review the diff.
 */
function golden(dialect: string, name: string, sql: string): void {
  const dir = path.join(REPO, "test/golden", dialect);
  const file = path.join(dir, `${name}.sql`);
  const text = `${sql.trim()}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
  expect(text, `${dialect}/${name}.sql differs; run with UPDATE_GOLDEN=1 if the change is intended`).toBe(
    readFileSync(file, "utf8"),
  );
}

/** The person-record shape, the date of birth a DATE (rules read it as text). */
const KINDS = new Map<string, ValueKind>([
  ["record_id", "string"],
  ["source", "string"],
  ...["first_name", "last_name", "email", "phone", "postcode", "city", "address", "national_id"].map(
    (c): [string, ValueKind] => [c, "string"],
  ),
  ["dob", "date"],
]);

const LINK_ONLY = matchSettingsSchema.parse({
  blocking: [["last_name", "substr(dob, 1, 4)"], ["email"]],
  comparisons: [
    { column: "first_name", levels: [{ exact: true }, { swappedWith: "last_name" }, { jaroWinkler: 0.9 }] },
    { column: "last_name", levels: [{ exact: true }, { swappedWith: "first_name" }] },
    { column: "dob", levels: [{ exact: true }, { withinDays: 31 }], termFrequency: true },
    { column: "email", levels: [{ exact: true }, { levenshtein: 1 }] },
  ],
  linkType: "link_only",
  sourceColumn: "source",
  prior: { rules: [["email"]], recall: 0.7 },
  uSamplePairs: 100_000,
});

/** Parameters as training would leave them, with round numbers. */
function parametersFor(settings: MatchSettings): MatchParameters {
  return {
    fingerprint: fingerprint(settings),
    trainedAt: "2026-01-01T00:00:00.000Z",
    prior: 0.001,
    priorSource: "stated",
    records: 0,
    blockedPairs: 0,
    uSamplePairs: 0,
    emIterations: 0,
    comparisons: settings.comparisons.map((c) => ({
      column: c.column,
      label: c.column,
      termFrequency: c.termFrequency,
      levels: [
        ...c.levels.map((level, i) => ({
          kind: levelKind(level),
          label: `level ${i}`,
          m: 0.8 / 2 ** i,
          u: 0.01 * 2 ** i,
        })),
        { kind: "else" as const, label: "differ", m: 0.1, u: 0.97 },
      ],
    })),
  };
}

function statements(d: Dialect, settings: MatchSettings, prefix: string): [string, string][] {
  const rel = (name: string) => d.quoteRelation({ schema: "crm", name });
  return [
    [`${prefix}-records`, matchRecordsSql(d, rel("people_matches__input"), settings, KINDS, "crm")],
    [`${prefix}-pairs`, pairsSql(d, rel("people_matches__records"), settings, "crm", true)],
    [`${prefix}-u-sample`, uSampleSql(d, rel("people_matches__records"), 250_000, settings, "crm")],
    ...(settings.prior && "rules" in settings.prior
      ? [
          [
            `${prefix}-prior-rules`,
            priorRulesSql(d, rel("people_matches__records"), settings.prior.rules, settings),
          ] as [string, string],
        ]
      : []),
    [
      `${prefix}-scores`,
      scoresSql(
        d,
        rel("people_matches__pairs"),
        rel("people_matches__records"),
        settings,
        parametersFor(settings),
        250_000,
      ),
    ],
  ];
}

const dialects: [string, Dialect][] = [
  ["duckdb", duckdbDialect],
  ["postgres", postgresDialect],
  ["bigquery", bigqueryDialect("acme-analytics")],
];

for (const [name, d] of dialects) {
  describe(`${name} golden match SQL`, () => {
    if (name !== "bigquery") {
      it("the recommended person settings", () => {
        for (const [file, sql] of statements(d, PERSON_SETTINGS, "match-person")) golden(name, file, sql);
      });
    }
    it("a link-only match: pairs across sources only, their sources in the output", () => {
      for (const [file, sql] of statements(d, LINK_ONLY, "match-link-only")) golden(name, file, sql);
    });
  });
}
