import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { PAIR_LEFT, PAIR_RIGHT, pairsSql, termValueColumn } from "./pairs-sql.ts";
import { withHelpersSql } from "./records-sql.ts";
import type { MatchSettings } from "./settings.ts";
import {
  agreeSql,
  blockKey,
  gammaColumn,
  RECORD_ID,
  ROW_NUMBER,
  SOURCE,
  termFrequencyColumn,
} from "./sql.ts";

/**
 * An incremental match (`incremental: true`) keeps two tables next to its output:
 * - `<model>__match_pairs`: every blocked pair of the last run by record ids, with their sources
 *   (with a source column), each term-frequency comparison's value on the left and the levels;
 * - `<model>__match_records`: every record of the last run as the pairs read it (`matchRecordsSql`
 *   without the row number and term frequencies, the helpers included), with `cdp_rn` the record id
 *   as text (the order a full match numbers its records in).
 * A record is new or changed when its id is not saved or any of its values differs: read from the
 * model rather than found by a watermark, because a match model selects records and their
 * attributes, not when they changed (a timestamp column would have to be trusted to move with
 * every edit, and would miss records that were removed or whose source row was rewritten with an
 * old timestamp); comparing the values costs one join over the records, little next to comparing
 * pairs, and no hash to compute.
 * A run then deletes the saved pairs of the changed and removed records, compares the changed
 * records with every record, and adds those pairs; the pairs between unchanged records stay as they
 * are. Their levels do not change, but their weights may: a term frequency is a share of all
 * records, so every run scores the saved pairs again, looking the frequencies up by value (one pass
 * over the pairs, no record joined). With the saved parameters, that is what a full match with
 * those parameters gives.
 * The statements run in an order that leaves the state right should a run stop between any two:
 * the pairs of the changed and removed records go first, those records next, the new pairs, and
 * the changed records last (until then the next run sees them as new and compares them again).
 */

export const statePairs = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_pairs`,
});
export const stateRecords = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_records`,
});

/** True when an earlier run left both state tables. */
export async function hasState(wh: Warehouse, output: Relation): Promise<boolean> {
  return !!(await wh.describe(statePairs(output))) && !!(await wh.describe(stateRecords(output)));
}

/** The saved pairs' columns, in order. */
function pairColumns(settings: MatchSettings): string[] {
  return [
    "record_id_l",
    "record_id_r",
    ...(settings.sourceColumn ? ["source_l", "source_r"] : []),
    ...settings.comparisons.flatMap((c, i) => (c.termFrequency ? [termValueColumn(i)] : [])),
    ...settings.comparisons.map(gammaColumn),
  ];
}

/**
 * Saves the state of a full run: its pairs (`pairs`, made by `pairsSql` over `records`) and its
 * records. The pairs first: should the run stop in between, the records saved with the older pairs
 * no longer match them, and the next run finds no state it can use and matches everything again.
 */
export async function saveState(
  wh: Warehouse,
  output: Relation,
  pairs: Relation,
  records: Relation,
  settings: MatchSettings,
): Promise<void> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  await wh.dropRelation(stateRecords(output));
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
    ].join(", ")}
     FROM ${q(pairs)} AS p
     JOIN ${q(records)} AS l ON l.${qi(ROW_NUMBER)} = p.${qi(PAIR_LEFT)}
     JOIN ${q(records)} AS r ON r.${qi(ROW_NUMBER)} = p.${qi(PAIR_RIGHT)}`,
  );
  const frequencies = new Set(settings.comparisons.map((_, i) => termFrequencyColumn(i)));
  const kept = ((await wh.describe(records))?.columns ?? [])
    .map((c) => c.name)
    .filter((n) => n !== ROW_NUMBER && !frequencies.has(n));
  await wh.replaceTable(
    stateRecords(output),
    `SELECT ${kept.map(qi).join(", ")}, ${d.cast(qi(RECORD_ID), "string")} AS ${qi(ROW_NUMBER)} FROM ${q(records)}`,
  );
}

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
}

/**
 * Brings the saved pairs and records up to date with `current` (made by `recordValuesSql`),
 * comparing only the new and changed records. Undefined, with nothing changed, when the saved
 * state does not have the columns these settings need (saved by other settings or an older
 * version): the caller matches everything.
 */
export async function incrementalPairs(
  wh: Warehouse,
  output: Relation,
  current: Relation,
  settings: MatchSettings,
  functionSchema: string,
  work: (name: string) => Relation,
  /** The pair budget's check over a relation of the records' blocking keys and sources. */
  checkBudget: (records: Relation) => Promise<unknown>,
): Promise<IncrementalPairs | undefined> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const names = async (r: Relation) => ((await wh.describe(r))?.columns ?? []).map((c) => c.name);
  const saved = stateRecords(output);
  const savedPairs = statePairs(output);
  const savedColumns = await names(saved);
  const values = (await names(current)).filter((n) => n !== RECORD_ID);
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((n) => b.includes(n));
  if (
    !sameSet(await names(savedPairs), pairColumns(settings)) ||
    ![RECORD_ID, ROW_NUMBER, ...values].every((n) => savedColumns.includes(n))
  )
    return undefined;
  const id = (alias: string) => `${alias}.${qi(RECORD_ID)}`;
  // What the pair budget reads: the blocking keys, and the sources (link-only pairs).
  const keys = [
    ...settings.blocking.flatMap((rule, i) => rule.map((_, j) => qi(blockKey(i, j)))),
    ...(settings.sourceColumn ? [qi(SOURCE)] : []),
  ];

  // New records, and those whose values differ from the saved ones, with their helpers.
  const changed = work("changed");
  const differs = values.map((n) => `c.${qi(n)} IS DISTINCT FROM s.${qi(n)}`).join(" OR ");
  const changedCount = (
    await wh.replaceTable(
      changed,
      withHelpersSql(
        d,
        `SELECT c.*, ${d.cast(id("c"), "string")} AS ${qi(ROW_NUMBER)}
         FROM ${q(current)} AS c LEFT JOIN ${q(saved)} AS s ON ${id("s")} = ${id("c")}
         WHERE ${id("s")} IS NULL OR ${differs}`,
        settings,
        functionSchema,
      ),
    )
  ).rows;
  const changedColumns = await names(changed);
  if (!sameSet(changedColumns, savedColumns)) return undefined;
  // Their ids, and those of the records removed since.
  const gone = work("gone");
  const goneCount = (
    await wh.replaceTable(
      gone,
      `SELECT ${id("s")} FROM ${q(saved)} AS s LEFT JOIN ${q(current)} AS c ON ${id("c")} = ${id("s")}
       WHERE ${id("c")} IS NULL
       UNION ALL SELECT ${qi(RECORD_ID)} FROM ${q(changed)}`,
    )
  ).rows;

  const fresh = work("fresh");
  let compared = 0;
  if (goneCount > 0) {
    const goneIds = `SELECT ${qi(RECORD_ID)} FROM ${q(gone)}`;
    await wh.execute(
      `DELETE FROM ${q(savedPairs)} WHERE record_id_l IN (${goneIds}) OR record_id_r IN (${goneIds})`,
    );
    await wh.execute(`DELETE FROM ${q(saved)} WHERE ${qi(RECORD_ID)} IN (${goneIds})`);
  }
  // The records now, for the pair budget: the saved ones are the unchanged ones now. Checked
  // before the pairs are compared; should it fail, the next run compares the changed again.
  const all = work("all");
  await wh.createView(
    all,
    `SELECT ${keys.join(", ")} FROM ${q(saved)} UNION ALL SELECT ${keys.join(", ")} FROM ${q(changed)}`,
  );
  await checkBudget(all);
  if (goneCount > 0) {
    // The unchanged records sharing a blocking key with a changed one: all the pairs need, one
    // hash join per rule on the keys alone rather than the records' every column.
    const near = work("near");
    const nearIds = settings.blocking
      .map((rule, i) => {
        const k = rule.map((_, j) => qi(blockKey(i, j)));
        return `SELECT s.${qi(RECORD_ID)} FROM ${q(saved)} AS s JOIN (SELECT DISTINCT ${k.join(", ")} FROM ${q(changed)}) AS c ON ${agreeSql(d, (j) => blockKey(i, j), rule.length, "c", "s")}`;
      })
      .join("\n UNION ");
    await wh.replaceTable(
      near,
      `SELECT s.* FROM ${q(saved)} AS s JOIN (${nearIds}) AS n ON n.${qi(RECORD_ID)} = ${id("s")}`,
    );
    // Each pair with a changed record once, the lower id on the left: two changed ones, a
    // changed one and an unchanged one, and the reverse.
    const sides = [
      { left: q(changed), right: q(changed) },
      { left: q(changed), right: q(near) },
      { left: q(near), right: q(changed) },
    ];
    compared = (
      await wh.replaceTable(
        fresh,
        sides
          .map(
            (s, i) =>
              `SELECT * FROM (${pairsSql(d, q(changed), settings, functionSchema, false, s)}) AS ${qi(`cdp_fresh_${i}`)}`,
          )
          .join("\nUNION ALL\n"),
      )
    ).rows;
    if (compared > 0) await wh.insertInto(savedPairs, fresh, pairColumns(settings));
    if (changedCount > 0) await wh.insertInto(saved, changed, changedColumns);
  }

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
  };
}

/**
 * After an incremental run, the records of the output's pairs as `matchRecordsSql` makes them (row
 * numbers in the same order, term frequencies from `frequencies`), for the cannot-links: those
 * are found among the linked records only.
 */
export function linkedRecordsSql(
  wh: Warehouse,
  output: Relation,
  savedColumns: string[],
  settings: MatchSettings,
  frequencies: Map<number, Relation>,
): string {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const f = (i: number) => qi(`cdp_f${i}`);
  const tfs = [...frequencies.keys()];
  return `SELECT ROW_NUMBER() OVER (ORDER BY s.${qi(ROW_NUMBER)}) AS ${qi(ROW_NUMBER)}, ${[
    ...savedColumns.filter((n) => n !== ROW_NUMBER).map((n) => `s.${qi(n)}`),
    ...tfs.map((i) => `${f(i)}.cdp_tf AS ${qi(termFrequencyColumn(i))}`),
  ].join(", ")}
FROM ${q(stateRecords(output))} AS s
JOIN (SELECT record_id_l AS id FROM ${q(output)} UNION SELECT record_id_r FROM ${q(output)}) AS o ON o.id = s.${qi(RECORD_ID)}${tfs
    .map(
      (i) =>
        `\nLEFT JOIN ${q(frequencies.get(i)!)} AS ${f(i)} ON ${f(i)}.cdp_value = s.${qi(settings.comparisons[i]!.column)}`,
    )
    .join("")}`;
}
