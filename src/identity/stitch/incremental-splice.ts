import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { recordBlocked } from "./cuts.ts";
import { identifierKeySql } from "./edges.ts";
import { clustersSql } from "./incremental-clusters.ts";
import { endSql, incrementalTables } from "./incremental-state.ts";
import type { Touched } from "./incremental-touched.ts";
import type { StitchTables } from "./index.ts";
import { stitchTables } from "./index.ts";
import type { Ruleset } from "./rules.ts";

/**
 * Puts what the stitch of the touched clusters wrote (`sub`) into the model's output and side
 * tables: the touched identifiers' output rows that changed replaced, their links and cluster
 * entries replaced, new profile ids
 * registered, merges and splits appended, and `cuts` rewritten (it is small: blocked values,
 * hubs, cut links) with this run's id, as a full run writes it. The row moves run in one
 * transaction where the warehouse has them (DuckDB); elsewhere a run stopped between them left no
 * state, so the next run is a full one.
 */
export async function spliceResult(
  wh: Warehouse,
  t: {
    output: Relation;
    sub: StitchTables;
    touched: Touched;
    columns: Set<string>;
    rules: Ruleset;
    runId: string;
    work: (name: string) => Relation;
  },
): Promise<{ blocked: number; hubs: number }> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const { sub, touched, work } = t;
  const real = stitchTables(t.output);
  const inc = incrementalTables(t.output);
  const touchedAt = (type: string, value: string) =>
    `EXISTS (SELECT 1 FROM ${q(touched.touch)} AS t WHERE t.t_type = ${type} AND t.t_value = ${value})`;

  // Cannot-links between an identifier stitched again and one left as it was: the stitch of the
  // touched clusters saw only one end, but `<model>__links` lists every cannot-link between two
  // identifiers (smaller first), with the strongest weight against.
  const across = t.columns.has("weight") ? work("across") : undefined;
  const none = d.cast("NULL", "string");
  if (across) {
    const contra = `s.weight < 0 AND ${endSql("a")} AND ${endSql("b")}`;
    // Smaller first, as the identifiers are numbered (by type, then value, in code point order).
    const [xt, yt, xv, yv] = ["c.x_type", "c.y_type", "c.x_value", "c.y_value"].map((e) => d.textOrder(e));
    const first = `(${xt} < ${yt} OR (c.x_type = c.y_type AND ${xv} < ${yv}))`;
    const pick = (x: string, y: string) => `CASE WHEN ${first} THEN c.${x} ELSE c.${y} END`;
    await wh.replaceTable(
      across,
      `WITH c AS (
         SELECT s.a_type AS x_type, s.a_value AS x_value, s.b_type AS y_type, s.b_value AS y_value, s.weight FROM ${q(touched.rows)} AS s WHERE ${contra}
         UNION ALL SELECT s.b_type, s.b_value, s.a_type, s.a_value, s.weight FROM ${q(touched.rows)} AS s WHERE ${contra}
       ), kept AS (
         SELECT c.* FROM c
         JOIN ${q(sub.output)} AS r ON r.identifier_type = c.x_type AND r.identifier = c.x_value
         JOIN ${q(t.output)} AS o ON o.identifier_type = c.y_type AND o.identifier = c.y_value
         WHERE NOT ${touchedAt("c.y_type", "c.y_value")}
       )
       SELECT ${identifierKeySql(d, "a_type", "a_value")} AS a_key, ${identifierKeySql(d, "b_type", "b_value")} AS b_key,
         MIN(weight) AS weight, ${none} AS source, 'cannot_link' AS status FROM (
         SELECT ${pick("x_type", "y_type")} AS a_type, ${pick("x_value", "y_value")} AS a_value,
           ${pick("y_type", "x_type")} AS b_type, ${pick("y_value", "x_value")} AS b_value, c.weight FROM kept AS c
       ) AS o GROUP BY a_type, a_value, b_type, b_value`,
    );
  }
  // A query over a work table of its own: inserted as it is, not copied first.
  const clusters = await clustersSql(wh, touched.rows, sub.output, work, t.rules.maxRounds);

  // `cuts`: blocked values from every row, hubs as decided, the other cuts of untouched
  // identifiers as they were and of touched ones as stitched now.
  // `<model>__edges` holds the rows with their values as given (`a_raw`, `b_raw`).
  const blocked = await recordBlocked(wh, inc.edges, (name) => work(`blocked_${name}`), "raw");
  const others = "c.reason NOT IN ('blocked', 'hub')";
  await wh.replaceTable(
    real.cuts,
    `SELECT identifier_type, identifier, reason, detail, ${d.literal(t.runId)} AS run_id FROM (
       SELECT identifier_type, identifier, reason, detail FROM ${q(blocked)}
       ${touched.hubs ? `UNION ALL SELECT h_type, h_value, 'hub', h_detail FROM ${q(touched.hubs)}` : ""}
       UNION ALL SELECT c.identifier_type, c.identifier, c.reason, c.detail FROM ${q(real.cuts)} AS c
         WHERE ${others} AND NOT ${touchedAt("c.identifier_type", "c.identifier")}
       UNION ALL SELECT c.identifier_type, c.identifier, c.reason, c.detail FROM ${q(sub.cuts)} AS c WHERE ${others}
     ) AS c`,
  );

  // Only the output rows that changed are written: most identifiers stitched again keep their
  // profile id, and rows deleted and written again would each cost the checkpoint.
  const row = "identifier_type, identifier, profile_id";
  const gone = work("out_gone");
  const goneRows = await wh.replaceTable(
    gone,
    `SELECT ${row} FROM ${q(touched.previous)} EXCEPT DISTINCT SELECT ${row} FROM ${q(sub.output)}`,
  );
  const fresh = work("out_fresh");
  const freshRows = await wh.replaceTable(
    fresh,
    `SELECT ${row} FROM ${q(sub.output)} EXCEPT DISTINCT SELECT ${row} FROM ${q(touched.previous)}`,
  );
  // `<model>__links` names identifiers by key: the touched ones' keys (`t_key`), to find their
  // links (an untouched identifier sharing a 64-bit key with a touched one, odds of about touched x
  // all / 2^64 a run, would lose its links until a full run, like two rows sharing a row hash).
  const keyTouched = (key: string) =>
    `EXISTS (SELECT 1 FROM ${q(touched.touch)} AS t WHERE t.t_key = ${key})`;
  const links = "a_key, b_key, weight, source, status";
  const merges = "old_profile_id, new_profile_id, reason, run_id, recorded_at";
  // Statements with nothing to do are left out: each is a scan of a large table (the output, the
  // links) even when it deletes nothing.
  const statements = [
    // An identifier has one row: its old row goes when its profile changed or it is gone.
    goneRows.rows
      ? `DELETE FROM ${q(t.output)} AS o WHERE EXISTS (
       SELECT 1 FROM ${q(gone)} AS g WHERE g.identifier_type = o.identifier_type AND g.identifier = o.identifier)`
      : "",
    freshRows.rows ? `INSERT INTO ${q(t.output)} (${row}) SELECT ${row} FROM ${q(fresh)}` : "",
    `INSERT INTO ${q(real.profiles)} (profile_id, created_at, created_run)
     SELECT s.profile_id, s.created_at, s.created_run FROM ${q(sub.profiles)} AS s
     WHERE NOT EXISTS (SELECT 1 FROM ${q(real.profiles)} AS p WHERE p.profile_id = s.profile_id)`,
    `INSERT INTO ${q(real.merges)} (${merges}) SELECT ${merges} FROM ${q(sub.merges)}`,
    // The links of touched identifiers. A `link` joins two identifiers of one profile and a `cut`
    // two profiles of one cluster: both ends are touched or neither, so the first end tells. A
    // `cannot_link` may cross clusters: those are looked up by either end (two statements:
    // DuckDB runs `EXISTS (..) OR EXISTS (..)` as a nested join, 15 times slower). A model
    // without weights has no cannot-links: a cannot-link of an earlier run came from a row whose
    // weight is now NULL, a changed row, both of whose ends are touched (the first statement).
    `DELETE FROM ${q(real.links)} AS l WHERE ${keyTouched("l.a_key")}`,
    across
      ? `DELETE FROM ${q(real.links)} AS l WHERE l.status = 'cannot_link' AND ${keyTouched("l.b_key")}`
      : "",
    `INSERT INTO ${q(real.links)} (${links}) SELECT ${links} FROM ${q(sub.links)}`,
    across ? `INSERT INTO ${q(real.links)} (${links}) SELECT ${links} FROM ${q(across)}` : "",
    `DELETE FROM ${q(inc.clusters)} AS c
     WHERE EXISTS (SELECT 1 FROM ${q(touched.profiles)} AS t WHERE t.t_profile = c.profile_id)`,
    `INSERT INTO ${q(inc.clusters)} (profile_id, cluster) SELECT profile_id, cluster FROM (${clusters}) AS c`,
  ].filter((sql) => sql);
  if (wh.executeInTransaction) await wh.executeInTransaction(statements);
  else for (const s of statements) await wh.execute(s);

  const [counts] = await wh.query<{ blocked: number | bigint; hubs: number | bigint }>(
    `SELECT COALESCE(SUM(CASE WHEN reason = 'blocked' THEN 1 ELSE 0 END), 0) AS blocked,
            COALESCE(SUM(CASE WHEN reason = 'hub' THEN 1 ELSE 0 END), 0) AS hubs FROM ${q(real.cuts)}`,
  );
  return { blocked: Number(counts?.blocked ?? 0), hubs: Number(counts?.hubs ?? 0) };
}
