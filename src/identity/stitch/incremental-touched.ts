import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { hubDetailSql, maxDegreeSql } from "./cuts.ts";
import { identifierKeySql } from "./edges.ts";
import { endSql, incrementalTables, STATE_COLUMNS } from "./incremental-state.ts";
import { stitchTables } from "./index.ts";
import type { Ruleset } from "./rules.ts";

/** What an incremental run stitches again (work tables), and how much. */
export interface Touched {
  /** `d_type, d_value`: the identifiers at the ends of the rows added or removed. */
  dirty: Relation;
  /** `h_type, h_value, h_detail`: every hub after this run's changes (with a hub rule). */
  hubs?: Relation;
  /** `t_profile`: the last run's profiles stitched again. */
  profiles: Relation;
  /** `identifier_type, identifier, profile_id`: their rows in the output. */
  previous: Relation;
  /** `t_type, t_value, t_key`: identifiers stitched again, or gone (their rows, their links, their cuts). */
  touch: Relation;
  /** The rows of `<model>__edges` with an end in `touch`. */
  rows: Relation;
  identifiers: number;
  previousRows: number;
  previousProfiles: number;
}

/**
 * The touched set, closed so the rest of the output is what a full stitch gives. A hub is decided
 * by its degree alone, so only the ends of changed rows (`dirty`) can become or stop being hubs.
 * The other rules (per-pair link limits, anti-chaining, per-profile limits) decide within a
 * cluster (a component of the links that survive the hub rule), and a cluster no dirty identifier
 * belonged to last run and none belongs to now is unchanged, rows, rules and all. Every cluster
 * that holds a dirty identifier now lies inside the last run's clusters of dirty identifiers (a
 * path out of them would use a link the changes did not touch, ending where it started), and each
 * last-run cluster is whole profiles: so the identifiers to stitch again are the dirty ones plus
 * every identifier of the last run's clusters that held one (`<model>__clusters` lists the
 * clusters of more than one profile). Their rows, with those of the last run's profile ids, give
 * the full stitch what it needs for ids, merges and splits exactly as a full run records them.
 */
export async function touchedSet(
  wh: Warehouse,
  t: {
    output: Relation;
    rules: Ruleset;
    edges: Relation;
    added: Relation;
    removed: Relation;
    work: (name: string) => Relation;
  },
): Promise<Touched> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const { work, rules } = t;
  const ends = (rel: Relation) =>
    `SELECT s.a_type AS d_type, s.a_value AS d_value, s.a_key AS d_key FROM ${q(rel)} AS s WHERE ${endSql("a")}
     UNION ALL SELECT s.b_type, s.b_value, s.b_key FROM ${q(rel)} AS s WHERE ${endSql("b")}`;
  const dirty = work("dirty");
  await wh.replaceTable(
    dirty,
    `SELECT DISTINCT d_type, d_value, d_key FROM (${ends(t.added)} UNION ALL ${ends(t.removed)}) AS e`,
  );

  const maxDegree = rules.maxDegree;
  const hubs = maxDegree ? work("hubs") : undefined;
  if (hubs && maxDegree) {
    // The degree of each dirty identifier over every row (the full stitch's: distinct identifiers
    // linked, cannot-links not counted); the other hubs are the last run's.
    const link = `${endSql("a")} AND ${endSql("b")} AND (s.weight IS NULL OR s.weight >= 0)
      AND NOT (s.a_type = s.b_type AND s.a_value = s.b_value)`;
    const degrees = work("degrees");
    await wh.replaceTable(
      degrees,
      `WITH pairs AS (
         SELECT s.a_type AS x_type, s.a_value AS x_value, s.b_type AS y_type, s.b_value AS y_value FROM ${q(t.edges)} AS s WHERE ${link}
         UNION ALL SELECT s.b_type, s.b_value, s.a_type, s.a_value FROM ${q(t.edges)} AS s WHERE ${link}
       ), near AS (
         SELECT DISTINCT p.x_type, p.x_value, p.y_type, p.y_value FROM pairs AS p
         JOIN ${q(dirty)} AS x ON x.d_type = p.x_type AND x.d_value = p.x_value
       )
       SELECT x_type, x_value, degree, ${maxDegreeSql(d, maxDegree, "x_type")} AS max_degree FROM (
         SELECT x_type, x_value, COUNT(*) AS degree FROM near GROUP BY x_type, x_value
       ) AS g`,
    );
    await wh.replaceTable(
      hubs,
      `SELECT c.identifier_type AS h_type, c.identifier AS h_value, c.detail AS h_detail
       FROM ${q(stitchTables(t.output).cuts)} AS c WHERE c.reason = 'hub'
         AND NOT EXISTS (SELECT 1 FROM ${q(dirty)} AS x WHERE x.d_type = c.identifier_type AND x.d_value = c.identifier)
       UNION ALL
       SELECT x_type, x_value, ${hubDetailSql(d, "degree", "max_degree")} FROM ${q(degrees)} WHERE degree > max_degree`,
    );
  }

  // The last run's profiles of dirty identifiers, and every profile of the clusters they were in
  // (a profile of a listed cluster finds itself among its cluster's), in one statement reading the
  // seeds once.
  const output = q(t.output);
  const clusters = q(incrementalTables(t.output).clusters);
  const profiles = work("profiles");
  await wh.replaceTable(
    profiles,
    `SELECT DISTINCT COALESCE(c2.profile_id, s.t_profile) AS t_profile FROM (
       SELECT DISTINCT o.profile_id AS t_profile FROM ${output} AS o
       JOIN ${q(dirty)} AS x ON x.d_type = o.identifier_type AND x.d_value = o.identifier
     ) AS s
     LEFT JOIN ${clusters} AS c1 ON c1.profile_id = s.t_profile
     LEFT JOIN ${clusters} AS c2 ON c2.cluster = c1.cluster`,
  );
  const previous = work("previous");
  const previousRows = (
    await wh.replaceTable(
      previous,
      `SELECT o.identifier_type, o.identifier, o.profile_id FROM ${output} AS o
       JOIN ${q(profiles)} AS p ON p.t_profile = o.profile_id`,
    )
  ).rows;
  const [counted] = await wh.query<{ n: number | bigint }>(
    `SELECT COUNT(DISTINCT profile_id) AS n FROM ${q(previous)}`,
  );
  const touch = work("touch");
  const identifiers = (
    await wh.replaceTable(
      touch,
      `SELECT DISTINCT t_type, t_value, t_key FROM (
         SELECT identifier_type AS t_type, identifier AS t_value, ${identifierKeySql(d, "identifier_type", "identifier")} AS t_key
         FROM ${q(previous)}
         UNION ALL SELECT d_type, d_value, d_key FROM ${q(dirty)}
       ) AS u`,
    )
  ).rows;

  // Their rows: each once, whichever end is touched; not through a hub, whose other ends are
  // not its (a hub has no profile, and its links none of its neighbours' clusters). Found in two
  // steps: the rows with an end's key among the touched ones (one pass over `<model>__edges`
  // comparing integers), then, among those few, the rows whose end is touched indeed (two
  // identifiers may share a key). Joining the strings over the whole table cost twice as much.
  // Without a hub rule there are no hubs: the touched identifiers as they are, no copy.
  const reach = hubs ? work("reach") : touch;
  if (hubs) {
    await wh.replaceTable(
      reach,
      `SELECT t.t_type, t.t_value, t.t_key FROM ${q(touch)} AS t
       WHERE NOT EXISTS (SELECT 1 FROM ${q(hubs)} AS h WHERE h.h_type = t.t_type AND h.h_value = t.t_value)`,
    );
  }
  const rows = work("rows");
  // `reach` lists each identifier once: a row matches each end at most once.
  const at = (e: "a" | "b", alias: string) =>
    `${alias}.t_key = s.${e}_key AND ${alias}.t_type = s.${e}_type AND ${alias}.t_value = s.${e}_value`;
  await wh.replaceTable(
    rows,
    // One statement, the rows that pass the integer comparison not kept in a table of their own.
    // Every column but `row_hash`, which nothing downstream reads: 8 random bytes a row that do
    // not compress, decoded for every row of the table.
    `WITH near AS (
       SELECT ${STATE_COLUMNS.split(", ")
         .filter((c) => c !== "row_hash")
         .map((c) => `s.${c}`)
         .join(", ")} FROM ${q(t.edges)} AS s
       WHERE s.a_key IN (SELECT t_key FROM ${q(reach)}) OR s.b_key IN (SELECT t_key FROM ${q(reach)})
     )
     SELECT s.* FROM near AS s
     LEFT JOIN ${q(reach)} AS ta ON ${at("a", "ta")} LEFT JOIN ${q(reach)} AS tb ON ${at("b", "tb")}
     WHERE ta.t_key IS NOT NULL OR tb.t_key IS NOT NULL`,
  );
  return {
    dirty,
    hubs,
    profiles,
    previous,
    touch,
    rows,
    identifiers,
    previousRows,
    previousProfiles: Number(counted?.n ?? 0),
  };
}
