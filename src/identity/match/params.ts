import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { artifactFile } from "../../project/artifacts.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { describeLevel, type Level, type MatchSettings } from "./settings.ts";
import { floatSql } from "./sql.ts";

/** What training learned, per comparison level; weights are log2(m / u). */
export interface TrainedLevel {
  kind: "exact" | "jaroWinkler" | "levenshtein" | "within" | "withinDays" | "swappedWith" | "else";
  /** Words for explanations: "exactly equal", "differ". */
  label: string;
  /** P(level | same person). */
  m: number;
  /** P(level | different people). */
  u: number;
}

export interface TrainedComparison {
  column: string;
  label: string;
  termFrequency: boolean;
  /** The settings' levels, then "else". */
  levels: TrainedLevel[];
}

export interface MatchParameters {
  /** Hash of the settings they were trained with: reused only while the settings are the same. */
  fingerprint: string;
  trainedAt: string;
  /** Probability that two random records are the same person. */
  prior: number;
  priorSource: "stated" | "rules" | "em";
  records: number;
  blockedPairs: number;
  uSamplePairs: number;
  emIterations: number;
  comparisons: TrainedComparison[];
}

export const paramsTable = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_params`,
});

export function fingerprint(settings: MatchSettings): string {
  const { reuseParameters: _, threshold: __, pairBudget: ___, incremental: ____, ...trained } = settings;
  return createHash("sha256").update(JSON.stringify(trained)).digest("hex").slice(0, 16);
}

export function levelKind(level: Level): TrainedLevel["kind"] {
  return Object.keys(level)[0] as TrainedLevel["kind"];
}

/** Saves the parameters as a table reviewers can read (one row per comparison level, then the prior). */
export async function saveParameters(wh: Warehouse, output: Relation, p: MatchParameters): Promise<void> {
  const d = wh.dialect;
  const row = (
    c: number,
    column: string,
    level: number,
    label: string,
    m: number | null,
    u: number | null,
    weight: number,
  ) =>
    `SELECT ${c} AS comparison, ${d.literal(column)} AS column_name, ${level} AS level, ${d.literal(label)} AS level_label,
       ${floatSql(d, m)} AS m, ${floatSql(d, u)} AS u, ${floatSql(d, weight)} AS weight,
       ${d.literal(p.fingerprint)} AS fingerprint, ${d.literal(p.trainedAt)} AS trained_at, ${d.literal(p.priorSource)} AS prior_source`;
  const rows = p.comparisons.flatMap((c, i) =>
    c.levels.map((l, j) => row(i, c.column, j, l.label, l.m, l.u, Math.log2(l.m / l.u))),
  );
  rows.push(
    row(
      -1,
      "prior",
      -1,
      "two random records are the same person",
      p.prior,
      null,
      Math.log2(p.prior / (1 - p.prior)),
    ),
  );
  await wh.replaceTable(paramsTable(output), rows.join("\nUNION ALL\n"));
}

/** The parameters an earlier run saved, when they were trained with the same settings. */
export async function loadParameters(
  wh: Warehouse,
  output: Relation,
  settings: MatchSettings,
): Promise<MatchParameters | undefined> {
  const table = paramsTable(output);
  if (!(await wh.describe(table))) return undefined;
  const rows = await wh.query<{
    comparison: number;
    level: number;
    m: number;
    u: number | null;
    fingerprint: string;
    trained_at: string;
    prior_source: MatchParameters["priorSource"];
  }>(
    `SELECT comparison, level, m, u, fingerprint, trained_at, prior_source FROM ${wh.dialect.quoteRelation(table)}`,
  );
  const fp = fingerprint(settings);
  if (!rows.length || rows.some((r) => r.fingerprint !== fp)) return undefined;
  const prior = rows.find((r) => Number(r.comparison) === -1);
  if (!prior) return undefined;
  const comparisons = settings.comparisons.map((c, i): TrainedComparison => {
    const levels = [
      ...c.levels.map((l) => ({ kind: levelKind(l), label: describeLevel(l) })),
      { kind: "else" as const, label: describeLevel("else") },
    ];
    return {
      column: c.column,
      label: c.label ?? c.column,
      termFrequency: c.termFrequency,
      levels: levels.map((l, j) => {
        const r = rows.find((x) => Number(x.comparison) === i && Number(x.level) === j);
        return { ...l, m: Number(r?.m ?? Number.NaN), u: Number(r?.u ?? Number.NaN) };
      }),
    };
  });
  if (comparisons.some((c) => c.levels.some((l) => !Number.isFinite(l.m) || !Number.isFinite(l.u))))
    return undefined;
  return {
    fingerprint: fp,
    trainedAt: prior.trained_at,
    prior: Number(prior.m),
    priorSource: prior.prior_source,
    records: 0,
    blockedPairs: 0,
    uSamplePairs: 0,
    emIterations: 0,
    comparisons,
  };
}

/** `target/match/<model>.json`: the parameters, for review in a pull request or a CI artifact. */
export function writeParametersFile(targetDir: string, model: string, p: MatchParameters): string {
  const file = artifactFile(targetDir, `match/${model}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const withWeights = {
    ...p,
    priorWeight: Math.log2(p.prior / (1 - p.prior)),
    comparisons: p.comparisons.map((c) => ({
      ...c,
      levels: c.levels.map((l) => ({ ...l, weight: Math.log2(l.m / l.u) })),
    })),
  };
  writeFileSync(file, `${JSON.stringify(withWeights, null, 2)}\n`);
  return file;
}
