import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { PAIR_LEFT, PAIR_RIGHT, pairsSql } from "./pairs-sql.ts";
import type { MatchSettings } from "./settings.ts";
import { blockKey, gammaColumn, RECORD_ID, ROW_NUMBER, termFrequencyColumn } from "./sql.ts";

/**
 * An incremental match (`incremental: true`) keeps two tables next to its output:
 * - `<model>__match_pairs`: every blocked pair of the last run by record id, with its levels;
 * - `<model>__match_records`: every record id of the last run with a hash of what its pairs read
 *   (the compared values as compared, and the blocking keys).
 * A record is new or changed when its id is not there or its hash differs: a hash rather than a
 * watermark, because a match model selects records and their attributes, not when they changed
 * (a timestamp column would have to be trusted to move with every edit, and would miss records
 * that were removed or whose source row was rewritten with an old timestamp); comparing the
 * hashes costs one join over the records, little next to comparing pairs.
 * The pairs are then the kept pairs between unchanged records (their levels read from the table,
 * their term frequencies from the records as they are now), plus the pairs of each new or changed
 * record with every record, compared now. Scored with the saved parameters, that is what a full
 * match with those parameters gives.
 */

export const statePairs = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_pairs`,
});
export const stateRecords = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__match_records`,
});

const HASH = "cdp_hash";

/** The hash of a row of `records` (aliased `alias`): the compared columns and blocking keys. */
function recordHashSql(wh: Warehouse, settings: MatchSettings, alias: string): string {
  const d = wh.dialect;
  const items = [
    ...settings.comparisons.map((c) => c.column),
    ...settings.blocking.flatMap((rule, i) => rule.map((_, j) => blockKey(i, j))),
  ];
  // Each value with its length, NULL as "~": no two different rows give the same text.
  const parts = items.map((name) => {
    const t = d.cast(`${alias}.${d.quoteIdentifier(name)}`, "string");
    return `COALESCE(${d.cast(`LENGTH(${t})`, "string")} || ':' || ${t}, '~')`;
  });
  return d.sha256(parts.join(" || ',' || "));
}

/** Each record's row number, id and hash. */
function hashesSql(wh: Warehouse, records: Relation, settings: MatchSettings): string {
  const qi = (n: string) => wh.dialect.quoteIdentifier(n);
  return `SELECT rec.${ROW_NUMBER}, rec.${qi(RECORD_ID)}, ${recordHashSql(wh, settings, "rec")} AS ${HASH}
    FROM ${wh.dialect.quoteRelation(records)} AS rec`;
}

/** True when an earlier run left both state tables. */
export async function hasState(wh: Warehouse, output: Relation): Promise<boolean> {
  return !!(await wh.describe(statePairs(output))) && !!(await wh.describe(stateRecords(output)));
}

/**
 * Saves the run's pairs (`pairs`, made by `pairsSql` or `incrementalPairs` over `records`) and
 * record hashes. The pairs first: should the run stop in between, the next one still sees the
 * records saved with the older pairs as changed and compares them again.
 */
export async function saveState(
  wh: Warehouse,
  output: Relation,
  pairs: Relation,
  records: Relation,
  settings: MatchSettings,
  /** The records' hashes, when `incrementalPairs` made them. */
  hashes?: Relation,
): Promise<void> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  await wh.replaceTable(
    statePairs(output),
    `SELECT l.${qi(RECORD_ID)} AS record_id_l, r.${qi(RECORD_ID)} AS record_id_r, ${settings.comparisons
      .map((c) => `p.${qi(gammaColumn(c))}`)
      .join(", ")}
     FROM ${q(pairs)} AS p
     JOIN ${q(records)} AS l ON l.${ROW_NUMBER} = p.${qi(PAIR_LEFT)}
     JOIN ${q(records)} AS r ON r.${ROW_NUMBER} = p.${qi(PAIR_RIGHT)}`,
  );
  await wh.replaceTable(
    stateRecords(output),
    hashes
      ? `SELECT ${qi(RECORD_ID)}, ${HASH} FROM ${q(hashes)}`
      : `SELECT ${qi(RECORD_ID)}, ${HASH} FROM (${hashesSql(wh, records, settings)}) AS h`,
  );
}

export interface IncrementalPairs {
  /** Records new or changed since the last run. */
  changed: number;
  /** Blocked pairs compared now (those of the changed records). */
  compared: number;
  /** All blocked pairs, in `pairs`. */
  pairs: number;
}

/**
 * Builds `pairs` (the columns of `pairsSql` without rule flags) from the last run's state and the
 * records now: the changed records go to `changed`, the others to `unchanged` (work tables).
 */
export async function incrementalPairs(
  wh: Warehouse,
  output: Relation,
  records: Relation,
  settings: MatchSettings,
  functionSchema: string,
  work: { hashes: Relation; changed: Relation; unchanged: Relation; pairs: Relation },
): Promise<IncrementalPairs> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  // Each record's hash once (the state saved at the end is this table).
  await wh.replaceTable(work.hashes, hashesSql(wh, records, settings));
  // Row numbers of the records saved with the same hash: plain hash joins, no correlated subquery.
  const same = `SELECT h.${ROW_NUMBER} FROM ${q(work.hashes)} AS h JOIN ${q(stateRecords(output))} AS s
    ON s.${qi(RECORD_ID)} = h.${qi(RECORD_ID)} AND s.${HASH} = h.${HASH}`;
  const changed = (
    await wh.replaceTable(
      work.changed,
      `SELECT rec.* FROM ${q(records)} AS rec LEFT JOIN (${same}) AS k ON k.${ROW_NUMBER} = rec.${ROW_NUMBER}
       WHERE k.${ROW_NUMBER} IS NULL`,
    )
  ).rows;
  await wh.replaceTable(
    work.unchanged,
    `SELECT rec.* FROM ${q(records)} AS rec JOIN (${same}) AS k ON k.${ROW_NUMBER} = rec.${ROW_NUMBER}`,
  );

  // Each pair with a changed record once: the changed one on the left (lower row number), or an
  // unchanged one on the left of a changed one.
  const fresh = [
    pairsSql(d, q(records), settings, functionSchema, false, { left: q(work.changed), right: q(records) }),
    pairsSql(d, q(records), settings, functionSchema, false, {
      left: q(work.unchanged),
      right: q(work.changed),
    }),
  ];
  const tfs = settings.comparisons.flatMap((c, i) =>
    c.termFrequency ? [`l.${qi(termFrequencyColumn(i))}`] : [],
  );
  const kept = `SELECT ${[
    `l.${ROW_NUMBER} AS ${qi(PAIR_LEFT)}`,
    `r.${ROW_NUMBER} AS ${qi(PAIR_RIGHT)}`,
    ...tfs,
    ...settings.comparisons.map((c) => `s.${qi(gammaColumn(c))}`),
  ].join(", ")}
    FROM ${q(statePairs(output))} AS s
    JOIN ${q(work.unchanged)} AS l ON l.${qi(RECORD_ID)} = s.record_id_l
    JOIN ${q(work.unchanged)} AS r ON r.${qi(RECORD_ID)} = s.record_id_r`;
  const compared = (
    await wh.replaceTable(
      work.pairs,
      fresh.map((sql, i) => `SELECT * FROM (${sql}) AS ${qi(`cdp_fresh_${i}`)}`).join("\nUNION ALL\n"),
    )
  ).rows;
  await wh.execute(`INSERT INTO ${q(work.pairs)} ${kept}`);
  const [counted] = await wh.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${q(work.pairs)}`);
  return { changed, compared, pairs: Number(counted?.n ?? 0) };
}
