import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { connectedComponents } from "./components.ts";
import { endSql } from "./incremental-state.ts";

/**
 * `profile_id, cluster` for the profiles of `output` that share a cluster with others: profiles
 * joined by a link of `rows` (rows of `<model>__edges`) that the rules cut (a per-pair link limit,
 * anti-chaining, a per-profile limit). A link to a hub is none: hubs are not in the output. The
 * cluster is named by its smallest profile id, which no other cluster has.
 * Returns a query over a work table.
 */
export async function clustersSql(
  wh: Warehouse,
  rows: Relation,
  output: Relation,
  work: (name: string) => Relation,
  maxRounds: number,
): Promise<string> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const cross = work("cl_cross");
  const crossing = (
    await wh.replaceTable(
      cross,
      `SELECT DISTINCT oa.profile_id AS p, ob.profile_id AS q FROM ${q(rows)} AS s
       JOIN ${q(output)} AS oa ON oa.identifier_type = s.a_type AND oa.identifier = s.a_value
       JOIN ${q(output)} AS ob ON ob.identifier_type = s.b_type AND ob.identifier = s.b_value
       WHERE ${endSql("a")} AND ${endSql("b")} AND (s.weight IS NULL OR s.weight >= 0) AND oa.profile_id <> ob.profile_id`,
    )
  ).rows;
  const none = d.cast("NULL", "string");
  if (!crossing) return `SELECT ${none} AS profile_id, ${none} AS cluster WHERE 1 = 0`;
  const ids = work("cl_ids");
  await wh.replaceTable(
    ids,
    `SELECT ROW_NUMBER() OVER (ORDER BY profile_id) AS id, profile_id FROM (
       SELECT p AS profile_id FROM ${q(cross)} UNION ALL SELECT q FROM ${q(cross)}
     ) AS u GROUP BY profile_id`,
  );
  const edges = work("cl_edges");
  await wh.replaceTable(
    edges,
    `SELECT a.id AS src, b.id AS dst FROM ${q(cross)} AS c
     JOIN ${q(ids)} AS a ON a.profile_id = c.p JOIN ${q(ids)} AS b ON b.profile_id = c.q
     UNION ALL
     SELECT b.id, a.id FROM ${q(cross)} AS c
     JOIN ${q(ids)} AS a ON a.profile_id = c.p JOIN ${q(ids)} AS b ON b.profile_id = c.q`,
  );
  const labels = work("cl_labels");
  await connectedComponents(wh, { nodes: ids, edges, labels, work }, maxRounds);
  const named = work("cl_named");
  await wh.replaceTable(
    named,
    `SELECT i.profile_id, MIN(i.profile_id) OVER (PARTITION BY l.label) AS cluster
     FROM ${q(ids)} AS i JOIN ${q(labels)} AS l ON l.id = i.id`,
  );
  return `SELECT profile_id, cluster FROM ${q(named)}`;
}
