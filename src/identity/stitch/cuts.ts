import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { bothWaysSql, edgeColumn, type StitchGraph, type WorkTable } from "./edges.ts";
import { sourcePrioritySql } from "./limits.ts";
import type { Ruleset } from "./rules.ts";

/**
 * Phase 4 of a stitch: what the rules set aside before components are computed, each recorded in
 * `cuts` with why (`identifier_type, identifier, reason, detail`).
 */

/**
 * The condition keeping the edges `e` that `cut` (src, dst) holds in neither direction: one NOT
 * EXISTS per direction, since BigQuery refuses a correlated [NOT] EXISTS whose condition is an OR
 * ("LEFT ANTI JOIN cannot be used without a condition that is an equality of fields").
 */
export function withoutEither(cut: string): string {
  return `WHERE NOT EXISTS (SELECT 1 FROM ${cut} AS c WHERE c.src = e.src AND c.dst = e.dst)
       AND NOT EXISTS (SELECT 1 FROM ${cut} AS c WHERE c.src = e.dst AND c.dst = e.src)`;
}

/**
 * The `cuts` table, holding the identifiers the blocked rules refused: from `norm`'s ends, whose
 * values as given are in `<end>_<given>` (`value` in a stitch's own `norm`, `raw` in the
 * incremental state).
 */
export async function recordBlocked(
  wh: Warehouse,
  norm: Relation,
  work: WorkTable,
  given: "value" | "raw" = "value",
): Promise<Relation> {
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const cuts = work("cuts");
  await wh.replaceTable(
    cuts,
    `SELECT DISTINCT identifier_type, identifier, 'blocked' AS reason, detail FROM (
       SELECT a_type AS identifier_type, a_${given} AS identifier, a_blocked AS detail FROM ${q(norm)} WHERE a_blocked IS NOT NULL
       UNION ALL
       SELECT b_type, b_${given}, b_blocked FROM ${q(norm)} WHERE b_blocked IS NOT NULL AND b_type IS NOT NULL
     ) AS blocked WHERE identifier IS NOT NULL AND TRIM(identifier) <> ''`,
  );
  return cuts;
}

/** The `maxDegree` of an identifier whose type is the SQL expression `type` (NULL: no limit). */
export function maxDegreeSql(d: Dialect, m: NonNullable<Ruleset["maxDegree"]>, type: string): string {
  return typeof m === "number"
    ? String(m)
    : `CASE ${type} ${Object.entries(m)
        .filter(([t]) => t !== "default")
        .map(([t, v]) => `WHEN ${d.literal(t)} THEN ${v}`)
        .join(" ")} ELSE ${m.default ?? "NULL"} END`;
}

/** A hub's `detail` in `cuts`. */
export function hubDetailSql(d: Dialect, degree: string, maxDegree: string): string {
  return `CONCAT('linked to ', ${d.cast(degree, "string")}, ' identifiers (limit ', ${d.cast(maxDegree, "string")}, ')')`;
}

/** Hubs: identifiers linked to too many others are set aside, with their links. Returns how many. */
export async function setAsideHubs(
  wh: Warehouse,
  graph: StitchGraph,
  cuts: Relation,
  rules: Ruleset,
  work: WorkTable,
): Promise<number> {
  const { nodes, edges } = graph;
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  if (!rules.maxDegree) return 0;
  const hubTable = work("hubs");
  const limit = maxDegreeSql(d, rules.maxDegree, "n.type");
  const hubs = (
    await wh.replaceTable(
      hubTable,
      `SELECT id, degree, max_degree FROM (
         SELECT e.src AS id, COUNT(*) AS degree, ${limit} AS max_degree
         FROM ${bothWaysSql(d, graph)} AS e JOIN ${q(nodes)} AS n ON n.id = e.src GROUP BY e.src, n.type
       ) AS d WHERE degree > max_degree`,
    )
  ).rows;
  if (!hubs) return 0;
  await wh.replaceTable(
    work("hub_rows"),
    `SELECT n.type AS identifier_type, n.value AS identifier, 'hub' AS reason,
       ${hubDetailSql(d, "h.degree", "h.max_degree")} AS detail
     FROM ${q(hubTable)} AS h JOIN ${q(nodes)} AS n ON n.id = h.id`,
  );
  await wh.insertInto(cuts, work("hub_rows"), ["identifier_type", "identifier", "reason", "detail"]);
  await wh.replaceTable(
    edges,
    // One NOT EXISTS per end: BigQuery refuses a correlated [NOT] EXISTS whose condition is an OR
    // ("LEFT ANTI JOIN cannot be used without a condition that is an equality of fields").
    `SELECT e.* FROM ${q(edges)} AS e WHERE NOT EXISTS (SELECT 1 FROM ${q(hubTable)} AS h WHERE h.id = e.src)
       AND NOT EXISTS (SELECT 1 FROM ${q(hubTable)} AS h WHERE h.id = e.dst)`,
  );
  await wh.replaceTable(
    nodes,
    `SELECT n.* FROM ${q(nodes)} AS n WHERE NOT EXISTS (SELECT 1 FROM ${q(hubTable)} AS h WHERE h.id = n.id)`,
  );
  return hubs;
}

/** Links per type pair: an identifier keeps at most N links to identifiers of a type. */
export async function limitLinks(
  wh: Warehouse,
  graph: StitchGraph,
  cuts: Relation,
  rules: Ruleset,
  work: WorkTable,
): Promise<void> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const { nodes, edges } = graph;
  const pairs = Object.entries(rules.maxLinks ?? {}).flatMap(([a, byType]) =>
    Object.entries(byType).map(([b, n]) => ({ a, b, n })),
  );
  if (!pairs.length) return;
  const priority = sourcePrioritySql(d, rules, edgeColumn(d, graph, "e", "source"));
  const limitCase = `CASE ${pairs.map((p) => `WHEN na.type = ${d.literal(p.a)} AND nb.type = ${d.literal(p.b)} THEN ${p.n}`).join(" ")} END`;
  // Ties go to the smaller id: within a type, the values' code point order (numberIdentifiers).
  const linkCut = work("link_cut");
  const cutLinks = (
    await wh.replaceTable(
      linkCut,
      `SELECT src, dst, a_type, a_value, b_type, b_value, max_links FROM (
         SELECT e.src, e.dst, na.type AS a_type, na.value AS a_value, nb.type AS b_type, nb.value AS b_value,
           ${limitCase} AS max_links,
           ROW_NUMBER() OVER (PARTITION BY e.src, nb.type ORDER BY ${priority}, ${edgeColumn(d, graph, "e", "seen_at")} DESC, nb.id) AS r
         FROM ${bothWaysSql(d, graph)} AS e JOIN ${q(nodes)} AS na ON na.id = e.src JOIN ${q(nodes)} AS nb ON nb.id = e.dst
         WHERE ${pairs.map((p) => `(na.type = ${d.literal(p.a)} AND nb.type = ${d.literal(p.b)})`).join(" OR ")}
       ) AS ranked WHERE r > max_links`,
    )
  ).rows;
  if (!cutLinks) return;
  await wh.replaceTable(
    work("link_rows"),
    `SELECT a_type AS identifier_type, a_value AS identifier, 'link_limit' AS reason,
       CONCAT('link to ', b_type, ' ', b_value, ' cut: at most ', ${d.cast("max_links", "string")}, ' ', b_type, ' per ', a_type) AS detail
     FROM ${q(linkCut)}`,
  );
  await wh.insertInto(cuts, work("link_rows"), ["identifier_type", "identifier", "reason", "detail"]);
  await wh.replaceTable(edges, `SELECT e.* FROM ${q(edges)} AS e ${withoutEither(q(linkCut))}`);
}
