import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import type { ValueKind } from "./checks.ts";
import { pairBudgetBound } from "./incremental-budget.ts";
import {
  HASH,
  pairColumns,
  recordColumns,
  recordHashSql,
  type SavedState,
  sameColumns,
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
 * A record is new or changed when its hash (of its id and values) is not among the saved ones,
 * and a saved record removed or changed when its hash is not among the model's: read from the
 * model rather than found by a watermark, because a match model selects records and their
 * attributes, not when they changed (a timestamp column would have to be trusted to move with
 * every edit, and would miss records that were removed or whose source row was rewritten with an
 * old timestamp). One join on the hashes (integers) finds both; comparing the values would join
 * every column of the saved records, and joining on the ids compares strings.
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
  /**
   * Whether any record was added, changed or removed (or a stopped run left records to repair):
   * else the term frequencies, and the output, are as the last run left them.
   */
  touched: boolean;
  /** Whether saved records went (removed, changed or left by a stopped run): their output rows go too. */
  gone: boolean;
  /** The pairs compared now, as saved (a work table), when records were new or changed. */
  fresh: Relation | undefined;
  /** Blocked pairs compared now (those of the changed records). */
  compared: number;
  /** All blocked pairs, in `<model>__match_pairs`. */
  pairs: number;
  /** All records, in `<model>__match_records`. */
  records: number;
  /**
   * Per term-frequency comparison, a parenthesised query of `cdp_value, cdp_tf` over the records
   * now (read where it is joined: a table of its own costs more statements than the grouping).
   */
  frequencies: Map<number, string>;
  /** The saved pairs' weight column (`weightColumnOf`). */
  weight: string;
}

/**
 * Brings the saved pairs and records up to date with the model's records (`input`, with their
 * `columns`), comparing only the new and changed records, the pairs weighed with `parameters`.
 * Undefined, with nothing changed, when the saved state (`state`, as `savedState` read it) does
 * not have the columns these settings and parameters need (saved by other settings, other
 * parameters or an older version): the caller matches everything.
 */
export async function incrementalPairs(
  wh: Warehouse,
  output: Relation,
  model: { input: Relation; columns: Map<string, ValueKind> },
  settings: MatchSettings,
  parameters: MatchParameters,
  functionSchema: string,
  state: SavedState,
  /** Names a work table (or, with "view", a work view). */
  work: (name: string, kind?: "view") => Relation,
  /** The pair budget's check over a relation of the records' blocking keys and sources. */
  checkBudget: (records: Relation) => Promise<unknown>,
): Promise<IncrementalPairs | undefined> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const saved = stateRecords(output);
  const savedPairs = statePairs(output);
  const pending = statePending(output);
  if (
    !sameColumns(state.pairs, pairColumns(settings, parameters)) ||
    !sameColumns(state.records, recordColumns(settings))
  )
    return undefined;
  const wasPending = !!(await wh.describe(pending));
  const id = (alias: string) => `${alias}.${qi(RECORD_ID)}`;
  const list = (alias: string, columns: string[]) => columns.map((n) => `${alias}.${qi(n)}`).join(", ");

  // The records that differ from the saved ones, by one join on the records' hashes (a hash of the
  // record id and the values: an integer key, where a join on the ids compares strings): a model
  // record whose hash is not saved is new or changed, a saved one whose hash is not in the model
  // removed or changed; so is a pending one (a run stopped while adding it). The model's columns
  // come along for the new and changed only.
  const diff = work("diff");
  const savedId = qi("cdp_saved");
  const modelColumns = [...model.columns.keys()];
  const pendingIds = `SELECT ${qi(RECORD_ID)} FROM ${q(pending)}`;
  await wh.replaceTable(
    diff,
    `SELECT ${list("c", [...modelColumns, HASH])}, ${id("s")} AS ${savedId}
     FROM (SELECT inp.*, ${recordHashSql(d, model.columns, "inp")} AS ${qi(HASH)} FROM ${q(model.input)} AS inp) AS c
     FULL JOIN (SELECT ${qi(RECORD_ID)}, ${qi(HASH)} FROM ${q(saved)}) AS s ON s.${qi(HASH)} = c.${qi(HASH)}
     WHERE c.${qi(HASH)} IS NULL OR s.${qi(HASH)} IS NULL${wasPending ? ` OR ${id("s")} IN (${pendingIds})` : ""}`,
  );
  const [found] = await wh.query<{ changed: number | bigint; gone: number | bigint }>(
    `SELECT COUNT(${qi(RECORD_ID)}) AS changed, COUNT(${savedId}) AS gone FROM ${q(diff)}`,
  );
  const changedCount = Number(found?.changed ?? 0);
  const goneCount = Number(found?.gone ?? 0);
  // Before any write, the ids of every record whose pairs, saved record or output rows this run
  // changes (added to those of a run stopped before, which may be gone from the model and the
  // saved records by now, their output rows still there): until the output is written, they are
  // what the next run repairs.
  if (changedCount > 0 || goneCount > 0) {
    const ids = `SELECT ${qi(RECORD_ID)} FROM ${q(diff)} WHERE ${qi(RECORD_ID)} IS NOT NULL
     UNION ALL SELECT ${savedId} FROM ${q(diff)} WHERE ${savedId} IS NOT NULL`;
    if (wasPending) await wh.execute(`INSERT INTO ${q(pending)} (${qi(RECORD_ID)}) ${ids}`);
    else await wh.replaceTable(pending, ids);
  }
  // The saved records to take out, with their pairs: removed, changed, and pending (whose pairs
  // may have been added before the records were). Nothing when only new records came.
  const gone = goneCount > 0 || wasPending;
  if (gone) {
    await wh.execute(
      `DELETE FROM ${q(savedPairs)} WHERE record_id_l IN (${pendingIds}) OR record_id_r IN (${pendingIds})`,
    );
    await wh.execute(`DELETE FROM ${q(saved)} WHERE ${qi(RECORD_ID)} IN (${pendingIds})`);
  }

  let compared = 0;
  let freshPairs: Relation | undefined;
  if (changedCount > 0) {
    const near = await nearRecords(wh, { diff, saved, work }, settings, model.columns, functionSchema);
    // The pair budget, checked before the pairs are compared (should it fail, the next run compares
    // the changed records again): a bound first, the blocks of all records counted only when the
    // bound is over the budget (the saved records are the unchanged ones now).
    if ((await pairBudgetBound(wh, { near, savedPairs }, settings)) > settings.pairBudget) {
      const keys = [
        ...settings.blocking.flatMap((rule, i) => rule.map((_, j) => qi(blockKey(i, j)))),
        ...(settings.sourceColumn ? [qi(SOURCE)] : []),
      ].join(", ");
      const all = work("all", "view");
      await wh.createView(
        all,
        `SELECT ${keys} FROM ${q(saved)} UNION ALL SELECT ${keys} FROM ${q(near)} WHERE ${qi(NEW)} = 1`,
      );
      await checkBudget(all);
    }
    // The writes, in an order a stopped run leaves repairable (see above): the pairs (each with a
    // new record once, the lower id on the left), the records.
    const columns = pairColumns(settings, parameters);
    // Two sides, each joining the new records with the records of `near` per rule (a hash
    // table of the new ones, probed by the others): a new record on the left and any record on
    // the right, or a saved one on the left and a new one on the right. Joining `near` with itself
    // paired the saved records of a block with each other too, to be thrown away, and took twice
    // the CPU at 1M records.
    const fresh = `(SELECT * FROM ${q(near)} WHERE ${qi(NEW)} = 1)`;
    const pairs = [
      pairsSql(d, q(near), settings, functionSchema, false, { left: fresh, right: q(near) }),
      pairsSql(d, q(near), settings, functionSchema, false, {
        left: q(near),
        right: fresh,
        only: `l.${qi(NEW)} = 0`,
      }),
    ]
      .map((sql, k) => `SELECT * FROM (${sql}) AS ${qi(`cdp_side_${k}`)}`)
      .join("\nUNION ALL\n");
    // Into a work table first: the output's rows of these pairs are read from it, where reading
    // them back from the saved pairs scans every pair's record ids.
    freshPairs = work("fresh_pairs");
    compared = (
      await wh.replaceTable(
        freshPairs,
        `SELECT ${list("f", columns.slice(0, -1))}, ${fixedWeightSql(d, settings, parameters, "f")} AS ${qi(columns.at(-1)!)}
FROM (${pairs}) AS f`,
      )
    ).rows;
    const named = columns.map(qi).join(", ");
    await wh.execute(`INSERT INTO ${q(savedPairs)} (${named}) SELECT ${named} FROM ${q(freshPairs)}`);
    const kept = recordColumns(settings).map(qi).join(", ");
    await wh.execute(`INSERT INTO ${q(saved)} (${kept}) SELECT ${kept} FROM ${q(near)} WHERE ${qi(NEW)} = 1`);
  }

  // The term frequencies over the records now, as `matchRecordsSql` computes them.
  const frequencies = new Map<number, string>();
  for (const [i, c] of settings.comparisons.entries()) {
    if (!c.termFrequency) continue;
    const v = qi(c.column);
    frequencies.set(
      i,
      `(SELECT s.${v} AS cdp_value, CAST(COUNT(*) AS ${d.typeName("float64")}) / NULLIF(MAX(t.n), 0) AS cdp_tf
       FROM ${q(saved)} AS s CROSS JOIN (SELECT COUNT(${v}) AS n FROM ${q(saved)}) AS t
       WHERE s.${v} IS NOT NULL GROUP BY s.${v})`,
    );
  }
  const [counted] = await wh.query<{ n: number | bigint; records: number | bigint }>(
    `SELECT (SELECT COUNT(*) FROM ${q(savedPairs)}) AS n, (SELECT COUNT(*) FROM ${q(saved)}) AS records`,
  );
  return {
    changed: changedCount,
    touched: changedCount > 0 || gone,
    gone,
    fresh: freshPairs,
    compared,
    pairs: Number(counted?.n ?? 0),
    records: Number(counted?.records ?? 0),
    frequencies,
    weight: weightColumnOf(settings, parameters),
  };
}

/** `nearRecords`' flag: 1 on a new or changed record, 0 on a saved one. */
const NEW = "cdp_new";

/**
 * One work table of what the new pairs read, with the helpers: the new and changed records (rows
 * of `diff` with a record id, as the pairs read them, with their hashes, flagged `cdp_new` 1), and
 * the saved records that share a blocking key with one of them (0): every record a pair with a
 * new one can have. The saved ones in one pass over the saved records, each rule's keys looked up
 * in the new records' distinct keys (a left join: a key set has each key once, and the join is
 * written alike everywhere), so a saved record whose columns are not needed is only read for its
 * keys. The pairs then join its new records with all of its records, one rule at a time, as a
 * full match joins all records.
 */
async function nearRecords(
  wh: Warehouse,
  t: { diff: Relation; saved: Relation; work: (name: string) => Relation },
  settings: MatchSettings,
  columns: Map<string, ValueKind>,
  functionSchema: string,
): Promise<Relation> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const id = (alias: string) => `${alias}.${qi(RECORD_ID)}`;
  const kept = [RECORD_ID, ...recordValueColumns(settings)];
  const list = (alias: string, names: string[]) => names.map((n) => `${alias}.${qi(n)}`).join(", ");
  const rows = `(SELECT ${list("f", [...columns.keys()])} FROM ${q(t.diff)} AS f WHERE ${id("f")} IS NOT NULL)`;
  const changed = `SELECT ${list("v", kept)}, ${d.cast(id("v"), "string")} AS ${qi(ROW_NUMBER)}, f.${qi(HASH)}
     FROM (${recordValuesSql(d, `${rows} AS cdp_rows`, settings, columns)}) AS v
     JOIN ${q(t.diff)} AS f ON ${id("f")} = ${id("v")}`;
  const hit = (i: number) => qi(`cdp_k${i}`);
  const lookups = settings.blocking.map((rule, i) => {
    const keys = rule.map((_, j) => qi(blockKey(i, j)));
    return `LEFT JOIN (SELECT DISTINCT ${keys.join(", ")}, 1 AS cdp_hit FROM cdp_changed) AS ${hit(i)} ON ${agreeSql(d, (j) => blockKey(i, j), rule.length, hit(i), "s")}`;
  });
  const near = t.work("near");
  await wh.replaceTable(
    near,
    withHelpersSql(
      d,
      `WITH cdp_changed AS (${changed})
SELECT cdp_changed.*, 1 AS ${qi(NEW)} FROM cdp_changed
UNION ALL
SELECT ${list("s", [...kept, ROW_NUMBER, HASH])}, 0 AS ${qi(NEW)}
FROM ${q(t.saved)} AS s
${lookups.join("\n")}
WHERE ${settings.blocking.map((_, i) => `${hit(i)}.cdp_hit IS NOT NULL`).join(" OR ")}`,
      settings,
      functionSchema,
    ),
  );
  return near;
}

/**
 * After an incremental run, the records the cannot-links can concern, as `matchRecordsSql` makes
 * them (row numbers in the same order, term frequencies from `frequencies`, the helpers). Only a
 * component of three or more linked records has candidates, and each of its records is in two
 * links or linked to one that is: those records alone, not every linked record (on data of pairs,
 * nearly all records are linked and almost none chained, and rebuilding every linked record's
 * helpers took most of a run).
 */
export function linkedRecordsSql(
  wh: Warehouse,
  output: Relation,
  settings: MatchSettings,
  frequencies: Map<number, string>,
  functionSchema: string,
): string {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const f = (i: number) => qi(`cdp_f${i}`);
  const tfs = [...frequencies.keys()];
  const inner = `SELECT ROW_NUMBER() OVER (ORDER BY ${d.textOrder(`s.${qi(ROW_NUMBER)}`)}) AS ${qi(ROW_NUMBER)}, ${[
    ...[RECORD_ID, ...recordValueColumns(settings)].map((n) => `s.${qi(n)}`),
    ...tfs.map((i) => `${f(i)}.cdp_tf AS ${qi(termFrequencyColumn(i))}`),
  ].join(", ")}
FROM ${q(stateRecords(output))} AS s
JOIN (${chainedRecordsSql(d, q(output))}) AS o ON o.id = s.${qi(RECORD_ID)}${tfs
    .map(
      (i) =>
        `\nLEFT JOIN ${frequencies.get(i)!} AS ${f(i)} ON ${f(i)}.cdp_value = s.${qi(settings.comparisons[i]!.column)}`,
    )
    .join("")}`;
  return withHelpersSql(d, inner, settings, functionSchema);
}

/**
 * The record ids of `pairs` (`record_id_l, record_id_r`) in a component of three or more: the
 * records in two pairs (hubs) and those paired with one. Hubs are looked for by the ids' 64-bit
 * hashes first (grouping every end of every pair by a string took most of this): a record in two
 * pairs has a hash in two, so the pairs with such a hash on either side hold every pair of every
 * hub, and the hubs are counted exactly, by id, among those few.
 */
function chainedRecordsSql(d: Dialect, pairs: string): string {
  const h = (column: string) => d.hashText([column]);
  return `WITH hashed AS (SELECT record_id_l, record_id_r, ${h("record_id_l")} AS hl, ${h("record_id_r")} AS hr FROM ${pairs}),
  hot AS (SELECT h FROM (SELECT hl AS h FROM hashed UNION ALL SELECT hr FROM hashed) AS e GROUP BY h HAVING COUNT(*) > 1),
  near AS (SELECT record_id_l, record_id_r FROM hashed WHERE hl IN (SELECT h FROM hot) OR hr IN (SELECT h FROM hot)),
  ends AS (SELECT record_id_l AS a, record_id_r AS b FROM near UNION ALL SELECT record_id_r, record_id_l FROM near),
  hubs AS (SELECT a FROM ends GROUP BY a HAVING COUNT(*) > 1)
  SELECT a AS id FROM hubs UNION SELECT e.b FROM ends AS e JOIN hubs AS h ON h.a = e.a`;
}
