import type { Relation, Warehouse } from "../../warehouse/types.ts";
import type { ValueKind } from "./checks.ts";
import { pairBudgetBound } from "./incremental-budget.ts";
import {
  HASH,
  pairColumns,
  recordColumns,
  recordHashSql,
  statePairs,
  statePending,
  stateRecords,
  weightColumnOf,
} from "./incremental-state.ts";
import { fixedWeightSql, pairsSql } from "./pairs-sql.ts";
import type { MatchParameters } from "./params.ts";
import { recordValueColumns, recordValuesSql, withHelpersSql } from "./records-sql.ts";
import type { MatchSettings } from "./settings.ts";
import { agreeSql, blockKey, RECORD_ID, ROW_NUMBER, SOURCE, termFrequencyColumn } from "./sql.ts";

/**
 * An incremental match (`incremental: true`) keeps its state next to its output:
 * - `<model>__match_records`: every record of the last run as `recordValuesSql` reads it (the
 *   source, the compared columns, the blocking and prior keys; not the helpers, made again for the
 *   few records a run reads), `cdp_rn` the record id as text (the order a full match numbers its
 *   records in) and `cdp_hash`, a hash of the record as the model selects it (`recordHashSql`);
 * - `<model>__match_pairs`: every blocked pair of the last run by record ids, with their sources
 *   (with a source column), each term-frequency comparison's value on the left, the levels, and
 *   `cdp_w_<parameters>`: the pair's match weight under the parameters the column is named by
 *   (`weightColumnOf`), or NULL where it depends on term frequencies (`fixedWeightSql`);
 * - `<model>__match_pending`, only while a run writes: the records whose pairs it is adding.
 * A record is new or changed when its id is not saved or its hash differs from the saved one:
 * read from the model rather than found by a watermark, because a match model selects records
 * and their attributes, not when they changed (a timestamp column would have to be trusted to move
 * with every edit, and would miss records that were removed or whose source row was rewritten
 * with an old timestamp). Comparing a hash joins two narrow columns; comparing the values would
 * join every column of the saved records.
 * A run then deletes the saved pairs and records of the changed and removed records (nothing when
 * only new records came), compares the new and changed records with every record, and adds those
 * pairs; the pairs between unchanged records stay as they are. Their levels do not change, and
 * their weights only where a term frequency enters them (a frequency is a share of all records):
 * the output is the saved pairs whose kept weight is at or over the threshold, and those without
 * one weighed again. With the saved parameters, that is what a full match with those parameters
 * gives; other parameters find no column named by them, and the run matches everything.
 * The statements run in an order that leaves the state right should a run stop between any two:
 * the pairs of the changed and removed records go first, those records next; then the ids of the
 * records being added are written to `__match_pending`, their pairs added, the records added, and
 * the pending ids dropped. A run that finds pending ids deletes their pairs and records and
 * compares them again.
 */

export interface IncrementalPairs {
  /** Records new or changed since the last run. */
  changed: number;
  /** Blocked pairs compared now (those of the changed records). */
  compared: number;
  /** All blocked pairs, in `<model>__match_pairs`. */
  pairs: number;
  /** All records, in `<model>__match_records`. */
  records: number;
  /** Per term-frequency comparison, a relation of `cdp_value, cdp_tf` over the records now. */
  frequencies: Map<number, Relation>;
  /** The saved pairs' weight column (`weightColumnOf`). */
  weight: string;
}

/**
 * Brings the saved pairs and records up to date with the model's records (`input`, with their
 * `columns`), comparing only the new and changed records, the pairs weighed with `parameters`.
 * Undefined, with nothing changed, when the saved state does not have the columns these settings
 * and parameters need (saved by other settings, other parameters or an older version): the
 * caller matches everything.
 */
export async function incrementalPairs(
  wh: Warehouse,
  output: Relation,
  model: { input: Relation; columns: Map<string, ValueKind> },
  settings: MatchSettings,
  parameters: MatchParameters,
  functionSchema: string,
  /** Names a work table (or, with "view", a work view). */
  work: (name: string, kind?: "view") => Relation,
  /** The pair budget's check over a relation of the records' blocking keys and sources. */
  checkBudget: (records: Relation) => Promise<unknown>,
): Promise<IncrementalPairs | undefined> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const names = async (r: Relation) => ((await wh.describe(r))?.columns ?? []).map((c) => c.name);
  const saved = stateRecords(output);
  const savedPairs = statePairs(output);
  const pending = statePending(output);
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((n) => b.includes(n));
  const values = recordValueColumns(settings);
  if (
    !sameSet(await names(savedPairs), pairColumns(settings, parameters)) ||
    !sameSet(await names(saved), recordColumns(settings))
  )
    return undefined;
  const wasPending = !!(await wh.describe(pending));
  const id = (alias: string) => `${alias}.${qi(RECORD_ID)}`;
  const list = (alias: string, columns: string[]) => columns.map((n) => `${alias}.${qi(n)}`).join(", ");

  // The records that differ from the saved ones: new (no saved id), removed (no current id),
  // changed (another hash), or pending (a run stopped while adding them). One join of two narrow
  // columns; the model's columns come along for the new and changed only.
  const diff = work("diff");
  const savedId = qi("cdp_saved");
  const modelColumns = [...model.columns.keys()];
  await wh.replaceTable(
    diff,
    `SELECT ${list("c", [...modelColumns, HASH])}, ${id("s")} AS ${savedId}
     FROM (SELECT inp.*, ${recordHashSql(d, model.columns, "inp")} AS ${qi(HASH)} FROM ${q(model.input)} AS inp) AS c
     FULL JOIN (SELECT ${qi(RECORD_ID)}, ${qi(HASH)} FROM ${q(saved)}) AS s ON ${id("s")} = ${id("c")}
     WHERE ${id("c")} IS NULL OR ${id("s")} IS NULL OR c.${qi(HASH)} <> s.${qi(HASH)}${
       wasPending ? ` OR ${id("s")} IN (SELECT ${qi(RECORD_ID)} FROM ${q(pending)})` : ""
     }`,
  );
  // The saved records to take out, with their pairs: removed, changed, and pending (whose pairs
  // may have been added before the records were).
  const gone = work("gone");
  const goneCount = (
    await wh.replaceTable(
      gone,
      `SELECT ${savedId} AS ${qi(RECORD_ID)} FROM ${q(diff)} WHERE ${savedId} IS NOT NULL${
        wasPending ? `\n       UNION SELECT ${qi(RECORD_ID)} FROM ${q(pending)}` : ""
      }`,
    )
  ).rows;
  if (goneCount > 0) {
    const goneIds = `SELECT ${qi(RECORD_ID)} FROM ${q(gone)}`;
    await wh.execute(
      `DELETE FROM ${q(savedPairs)} WHERE record_id_l IN (${goneIds}) OR record_id_r IN (${goneIds})`,
    );
    await wh.execute(`DELETE FROM ${q(saved)} WHERE ${qi(RECORD_ID)} IN (${goneIds})`);
  }
  // The new and changed records as the pairs read them, with their hashes and helpers.
  const changed = work("changed");
  const rows = `(SELECT ${list("f", modelColumns)} FROM ${q(diff)} AS f WHERE ${id("f")} IS NOT NULL)`;
  const changedCount = (
    await wh.replaceTable(
      changed,
      withHelpersSql(
        d,
        `SELECT ${list("v", [RECORD_ID, ...values])}, ${d.cast(id("v"), "string")} AS ${qi(ROW_NUMBER)}, f.${qi(HASH)}
         FROM (${recordValuesSql(d, `${rows} AS cdp_rows`, settings, model.columns)}) AS v
         JOIN ${q(diff)} AS f ON ${id("f")} = ${id("v")}`,
        settings,
        functionSchema,
      ),
    )
  ).rows;
  // What the pair budget reads: the blocking keys, and the sources (link-only pairs).
  const keys = [
    ...settings.blocking.flatMap((rule, i) => rule.map((_, j) => qi(blockKey(i, j)))),
    ...(settings.sourceColumn ? [qi(SOURCE)] : []),
  ];
  // The pair budget, checked before the pairs are compared (should it fail, the next run compares
  // the changed records again): a bound first, the blocks of all records counted only when the
  // bound is over the budget (the saved records are the unchanged ones now).
  if ((await pairBudgetBound(wh, { changed, saved, savedPairs }, settings)) > settings.pairBudget) {
    const all = work("all", "view");
    await wh.createView(
      all,
      `SELECT ${keys.join(", ")} FROM ${q(saved)} UNION ALL SELECT ${keys.join(", ")} FROM ${q(changed)}`,
    );
    await checkBudget(all);
  }

  let compared = 0;
  if (changedCount > 0) {
    // The unchanged records sharing a blocking key with a changed one, all the pairs need: their
    // ids by one hash join per rule on the keys alone, then their values, with the helpers made again.
    const near = work("near");
    const nearIds = settings.blocking
      .map((rule, i) => {
        const k = rule.map((_, j) => qi(blockKey(i, j)));
        return `SELECT s.${qi(RECORD_ID)} FROM ${q(saved)} AS s JOIN (SELECT DISTINCT ${k.join(", ")} FROM ${q(changed)}) AS c ON ${agreeSql(d, (j) => blockKey(i, j), rule.length, "c", "s")}`;
      })
      .join("\n UNION ");
    await wh.replaceTable(
      near,
      withHelpersSql(
        d,
        `SELECT ${list("s", [RECORD_ID, ...values, ROW_NUMBER])} FROM ${q(saved)} AS s JOIN (${nearIds}) AS n ON n.${qi(RECORD_ID)} = ${id("s")}`,
        settings,
        functionSchema,
      ),
    );
    // Each pair with a changed record once, the lower id on the left: two changed ones, a
    // changed one and an unchanged one, and the reverse.
    const sides = [
      { left: q(changed), right: q(changed) },
      { left: q(changed), right: q(near) },
      { left: q(near), right: q(changed) },
    ];
    const fresh = work("fresh");
    compared = (
      await wh.replaceTable(
        fresh,
        `SELECT f.*, ${fixedWeightSql(d, settings, parameters, "f")} AS ${qi(weightColumnOf(settings, parameters))}
FROM (
${sides
  .map(
    (s, i) =>
      `SELECT * FROM (${pairsSql(d, q(changed), settings, functionSchema, false, s)}) AS ${qi(`cdp_fresh_${i}`)}`,
  )
  .join("\nUNION ALL\n")}
) AS f`,
      )
    ).rows;
    await wh.replaceTable(pending, `SELECT ${qi(RECORD_ID)} FROM ${q(changed)}`);
    if (compared > 0) await wh.insertInto(savedPairs, fresh, pairColumns(settings, parameters));
    await wh.insertInto(saved, changed, recordColumns(settings));
  }
  if (changedCount > 0 || wasPending) await wh.dropRelation(pending);

  // The term frequencies over the records now, as `matchRecordsSql` computes them.
  const frequencies = new Map<number, Relation>();
  for (const [i, c] of settings.comparisons.entries()) {
    if (!c.termFrequency) continue;
    const table = work(`tf_${i}`);
    const v = qi(c.column);
    await wh.replaceTable(
      table,
      `SELECT s.${v} AS cdp_value, CAST(COUNT(*) AS ${d.typeName("float64")}) / NULLIF(MAX(t.n), 0) AS cdp_tf
       FROM ${q(saved)} AS s CROSS JOIN (SELECT COUNT(${v}) AS n FROM ${q(saved)}) AS t
       WHERE s.${v} IS NOT NULL GROUP BY s.${v}`,
    );
    frequencies.set(i, table);
  }
  const [counted] = await wh.query<{ n: number | bigint; records: number | bigint }>(
    `SELECT (SELECT COUNT(*) FROM ${q(savedPairs)}) AS n, (SELECT COUNT(*) FROM ${q(saved)}) AS records`,
  );
  return {
    changed: changedCount,
    compared,
    pairs: Number(counted?.n ?? 0),
    records: Number(counted?.records ?? 0),
    frequencies,
    weight: weightColumnOf(settings, parameters),
  };
}

/**
 * After an incremental run, the records of the output's pairs as `matchRecordsSql` makes them (row
 * numbers in the same order, term frequencies from `frequencies`, the helpers), for the
 * cannot-links: those are found among the linked records only.
 */
export function linkedRecordsSql(
  wh: Warehouse,
  output: Relation,
  settings: MatchSettings,
  frequencies: Map<number, Relation>,
  functionSchema: string,
): string {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const f = (i: number) => qi(`cdp_f${i}`);
  const tfs = [...frequencies.keys()];
  const inner = `SELECT ROW_NUMBER() OVER (ORDER BY s.${qi(ROW_NUMBER)}) AS ${qi(ROW_NUMBER)}, ${[
    ...[RECORD_ID, ...recordValueColumns(settings)].map((n) => `s.${qi(n)}`),
    ...tfs.map((i) => `${f(i)}.cdp_tf AS ${qi(termFrequencyColumn(i))}`),
  ].join(", ")}
FROM ${q(stateRecords(output))} AS s
JOIN (SELECT record_id_l AS id FROM ${q(output)} UNION SELECT record_id_r FROM ${q(output)}) AS o ON o.id = s.${qi(RECORD_ID)}${tfs
    .map(
      (i) =>
        `\nLEFT JOIN ${q(frequencies.get(i)!)} AS ${f(i)} ON ${f(i)}.cdp_value = s.${qi(settings.comparisons[i]!.column)}`,
    )
    .join("")}`;
  return withHelpersSql(d, inner, settings, functionSchema);
}
