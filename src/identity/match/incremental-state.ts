import { createHash } from "node:crypto";
import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { valuesHashSql } from "../../warehouse/values-hash.ts";
import type { ValueKind } from "./checks.ts";
import { fixedWeightSql, PAIR_LEFT, PAIR_RIGHT, termValueColumn } from "./pairs-sql.ts";
import { fingerprint, type MatchParameters } from "./params.ts";
import { recordValueColumns } from "./records-sql.ts";
import type { MatchSettings } from "./settings.ts";
import { gammaColumn, RECORD_ID, ROW_NUMBER, SOURCE } from "./sql.ts";

/** An incremental match's state tables (`incremental.ts` says what they hold and how runs use them). */
export const statePairs = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_pairs`,
});
export const stateRecords = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_records`,
});
export const statePending = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_pending`,
});
export const HASH = "cdp_hash";

/** The columns of the state tables an earlier run left, or undefined when one is missing. */
export interface SavedState {
  pairs: string[];
  records: string[];
}

/** The state an earlier run left (`SavedState`): described once a run, read by `incrementalPairs`. */
export async function savedState(wh: Warehouse, output: Relation): Promise<SavedState | undefined> {
  const pairs = await wh.describe(statePairs(output));
  const records = pairs && (await wh.describe(stateRecords(output)));
  if (!pairs || !records) return undefined;
  const names = (info: { columns: { name: string }[] }) => info.columns.map((c) => c.name);
  return { pairs: names(pairs), records: names(records) };
}

/** Drops the saved records: until a full run saves its state again, the next run is a full one. */
export async function dropState(wh: Warehouse, output: Relation): Promise<void> {
  await wh.dropRelation(stateRecords(output));
}

/**
 * Changes when what the state holds changes meaning: a state of another version is not read.
 * 3: text ordered by code point on every warehouse (`textOrder`): on a Postgres database of a
 * language collation, the saved records' keys and order were that collation's.
 */
const STATE_VERSION = 3;

/**
 * The saved pairs' weight column: named by a hash of what the weights are made of (each level's
 * m and u, the prior), of the settings (which the saved hashes of the records stand for: the
 * values the pairs read are made of the model's columns by them) and of the state's version, so
 * a state saved otherwise is never read as this one.
 */
export function weightColumnOf(settings: MatchSettings, parameters: MatchParameters): string {
  const made = {
    version: STATE_VERSION,
    settings: fingerprint(settings),
    prior: parameters.prior,
    comparisons: parameters.comparisons.map((c) => ({
      termFrequency: c.termFrequency,
      levels: c.levels.map((l) => [l.kind, l.m, l.u]),
    })),
  };
  return `cdp_w_${createHash("sha256").update(JSON.stringify(made)).digest("hex").slice(0, 12)}`;
}

/** The saved pairs' columns, in order. */
export function pairColumns(settings: MatchSettings, parameters: MatchParameters): string[] {
  return [
    "record_id_l",
    "record_id_r",
    ...(settings.sourceColumn ? ["source_l", "source_r"] : []),
    ...settings.comparisons.flatMap((c, i) => (c.termFrequency ? [termValueColumn(i)] : [])),
    ...settings.comparisons.map(gammaColumn),
    weightColumnOf(settings, parameters),
  ];
}

/** The saved records' columns, in order. */
export const recordColumns = (settings: MatchSettings) => [
  RECORD_ID,
  ...recordValueColumns(settings),
  ROW_NUMBER,
  HASH,
];

/** Whether saved columns are the ones settings make (in any order): a state saved by other settings is not reused. */
export const sameColumns = (saved: string[], made: string[]): boolean =>
  saved.length === made.length && made.every((n) => saved.includes(n));

/**
 * A hash of a record as the model selects it (`columns`, over the relation aliased `alias`;
 * `valuesHashSql`). The model's columns rather than the values the pairs
 * read: those are made of them (trimmed, cast, the blocking keys computed), which costs several
 * times the hash for every record.
 */
export function recordHashSql(d: Dialect, columns: Map<string, ValueKind>, alias: string): string {
  return valuesHashSql(
    d,
    [...columns.keys()].map((n) => `${alias}.${d.quoteIdentifier(n)}`),
  );
}

/**
 * Saves the state of a full run: its pairs (`pairs`, made by `pairsSql` over `records`) with their
 * weights under `parameters`, and its records. The saved records go first and come back last:
 * should the run stop in between, the next run finds no state and matches everything again.
 */
export async function saveState(
  wh: Warehouse,
  output: Relation,
  pairs: Relation,
  records: Relation,
  /** The model's records, with their `columns`, whose hashes are saved. */
  model: { input: Relation; columns: Map<string, ValueKind> },
  settings: MatchSettings,
  parameters: MatchParameters,
): Promise<void> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  await dropState(wh, output);
  await wh.dropRelation(statePending(output));
  const side = (s: "l" | "r", name: string) =>
    `${s}.${qi(name)} AS ${qi(`${name === SOURCE ? "source" : name}_${s}`)}`;
  await wh.replaceTable(
    statePairs(output),
    `SELECT ${[
      side("l", RECORD_ID),
      side("r", RECORD_ID),
      ...(settings.sourceColumn ? [side("l", SOURCE), side("r", SOURCE)] : []),
      ...settings.comparisons.flatMap((c, i) =>
        c.termFrequency ? [`l.${qi(c.column)} AS ${qi(termValueColumn(i))}`] : [],
      ),
      ...settings.comparisons.map((c) => `p.${qi(gammaColumn(c))}`),
      `${fixedWeightSql(d, settings, parameters, "p")} AS ${qi(weightColumnOf(settings, parameters))}`,
    ].join(", ")}
     FROM ${q(pairs)} AS p
     JOIN ${q(records)} AS l ON l.${qi(ROW_NUMBER)} = p.${qi(PAIR_LEFT)}
     JOIN ${q(records)} AS r ON r.${qi(ROW_NUMBER)} = p.${qi(PAIR_RIGHT)}`,
  );
  await wh.replaceTable(
    stateRecords(output),
    `SELECT ${[RECORD_ID, ...recordValueColumns(settings)].map((n) => `rec.${qi(n)}`).join(", ")},
       ${d.cast(`rec.${qi(RECORD_ID)}`, "string")} AS ${qi(ROW_NUMBER)}, h.${qi(HASH)}
     FROM ${q(records)} AS rec
     JOIN (SELECT inp.${qi(RECORD_ID)}, ${recordHashSql(d, model.columns, "inp")} AS ${qi(HASH)} FROM ${q(model.input)} AS inp) AS h
       ON h.${qi(RECORD_ID)} = rec.${qi(RECORD_ID)}`,
  );
}
