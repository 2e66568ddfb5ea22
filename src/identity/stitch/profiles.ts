import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { connectedComponents } from "./components.ts";
import { bothWaysSql, type StitchGraph, type WorkTable } from "./edges.ts";

/**
 * Profiles that do not chain through weak links: greedy additive edge contraction (GAEC, Keuper et
 * al. 2015), the usual heuristic for weighted correlation clustering, with reciprocal-best merges
 * (Murtagh 1983) so that one round merges many pairs.
 *
 * Deterministic links (no weight) form components as always; those are the groups. The support
 * between two groups is the sum of the weights of their probabilistic links (a match weight) and
 * of their cannot-links (a negative weight: a source says two identifiers are different people).
 * Each round every group picks the group with the strongest positive support (ties to the smaller
 * group id); two groups that pick each other merge and add up their support to the others. The
 * strongest positive support is always picked from both ends, so every round merges something
 * until no positive support is left: the links left between groups are cut and recorded with the
 * cannot-link that outweighed them.
 *
 * Components without a cannot-link inside skip the rounds (they are most of them), so the cost
 * is that of plain components plus the conflicted part. Everything is ordered by weight then ids
 * (which follow the identifiers' order): the same input gives the same profiles on every warehouse.
 */
export async function constrainedComponents(
  wh: Warehouse,
  graph: StitchGraph,
  t: { labels: Relation; cuts: Relation; work: WorkTable; named?: boolean },
  maxRounds: number,
): Promise<{ rounds: number; cutLinks: number }> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const { nodes, edges, cannotLinks } = graph;
  const [contra] = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${q(cannotLinks)}`);
  if (!Number(contra?.n ?? 0)) {
    // No evidence against any pair: every link holds, as plain components.
    return {
      rounds: (await connectedComponents(wh, { nodes, edges, ...t, leafFlags: true }, maxRounds)).rounds,
      cutLinks: 0,
    };
  }
  const w = t.work;
  // 1. Groups: components of the deterministic links.
  const fixed = w("cl_fixed_edges");
  await wh.replaceTable(fixed, `SELECT src, dst, src_leaf, dst_leaf FROM ${q(edges)} WHERE weight IS NULL`);
  const anyGroup = w("cl_any_group");
  let rounds = (
    await connectedComponents(
      wh,
      { nodes, edges: fixed, labels: anyGroup, work: w, leafFlags: true },
      maxRounds,
    )
  ).rounds;
  // A group is named by its smallest identifier (ids follow the identifiers' order), so ties
  // between equal weights fall the same way on every warehouse.
  const group = w("cl_group");
  await wh.replaceTable(group, `SELECT id, MIN(id) OVER (PARTITION BY label) AS label FROM ${q(anyGroup)}`);
  // 2. Probabilistic links and cannot-links between groups (both directions).
  const links = w("cl_links");
  await wh.replaceTable(
    links,
    `SELECT g, h, SUM(weight) AS weight FROM (
       SELECT a.label AS g, b.label AS h, e.weight FROM ${bothWaysSql(d, graph)} AS e
       JOIN ${q(group)} AS a ON a.id = e.src JOIN ${q(group)} AS b ON b.id = e.dst
       WHERE e.weight IS NOT NULL AND a.label <> b.label
     ) AS l GROUP BY g, h`,
  );
  const apart = w("cl_apart");
  await wh.replaceTable(
    apart,
    `SELECT a.label AS g, b.label AS h, SUM(c.weight) AS weight FROM ${q(cannotLinks)} AS c
     JOIN ${q(group)} AS a ON a.id = c.src JOIN ${q(group)} AS b ON b.id = c.dst WHERE a.label <> b.label
     GROUP BY a.label, b.label`,
  );
  // 3. Components over the groups; only those holding a cannot-link need the rounds.
  const groupNodes = w("cl_group_nodes");
  await wh.replaceTable(groupNodes, `SELECT DISTINCT label AS id FROM ${q(group)}`);
  const linkEdges = w("cl_link_edges");
  await wh.replaceTable(linkEdges, `SELECT g AS src, h AS dst FROM ${q(links)}`);
  const comp = w("cl_comp");
  rounds += (
    await connectedComponents(wh, { nodes: groupNodes, edges: linkEdges, labels: comp, work: w }, maxRounds)
  ).rounds;
  const conflicted = w("cl_conflicted");
  const conflicts = (
    await wh.replaceTable(
      conflicted,
      `SELECT DISTINCT ca.label AS comp FROM ${q(apart)} AS x
       JOIN ${q(comp)} AS ca ON ca.id = x.g JOIN ${q(comp)} AS cb ON cb.id = x.h WHERE ca.label = cb.label`,
    )
  ).rows;
  // `cur`: each conflicted group's current merged group (a group id), starting as itself.
  const cur = w("cl_cur");
  await wh.replaceTable(
    cur,
    `SELECT c.id AS g, c.id AS cur FROM ${q(comp)} AS c JOIN ${q(conflicted)} AS k ON k.comp = c.label`,
  );
  let cutLinks = 0;
  if (conflicts) {
    // Support between two groups: their links' weights and their cannot-links' (negative) summed.
    const live = w("cl_live");
    await wh.replaceTable(
      live,
      `SELECT g, h, SUM(weight) AS weight FROM (
         SELECT g, h, weight FROM ${q(links)} UNION ALL SELECT g, h, weight FROM ${q(apart)}
       ) AS l WHERE EXISTS (SELECT 1 FROM ${q(cur)} AS c WHERE c.g = l.g) GROUP BY g, h`,
    );
    const best = w("cl_best");
    const merge = w("cl_merge");
    for (let round = 0; round < maxRounds * 4; round++) {
      await wh.replaceTable(
        best,
        `SELECT g, h FROM (
           SELECT g, h, ROW_NUMBER() OVER (PARTITION BY g ORDER BY weight DESC, h) AS r
           FROM ${q(live)} WHERE weight > 0
         ) AS ranked WHERE r = 1`,
      );
      const merged = (
        await wh.replaceTable(
          merge,
          `SELECT b.h AS gone, b.g AS keep FROM ${q(best)} AS b JOIN ${q(best)} AS o ON o.g = b.h AND o.h = b.g WHERE b.g < b.h`,
        )
      ).rows;
      if (!merged) break;
      rounds++;
      const to = (col: string, alias: string) => `COALESCE(${alias}.keep, ${col})`;
      await wh.replaceTable(
        live,
        `SELECT g, h, SUM(weight) AS weight FROM (
           SELECT ${to("l.g", "a")} AS g, ${to("l.h", "b")} AS h, l.weight FROM ${q(live)} AS l
           LEFT JOIN ${q(merge)} AS a ON a.gone = l.g LEFT JOIN ${q(merge)} AS b ON b.gone = l.h
         ) AS r WHERE g <> h GROUP BY g, h`,
      );
      await wh.replaceTable(
        cur,
        `SELECT c.g, ${to("c.cur", "m")} AS cur FROM ${q(cur)} AS c LEFT JOIN ${q(merge)} AS m ON m.gone = c.cur`,
      );
    }
  }
  // 4. Every identifier's profile: its group's merged group, or its component when unconflicted.
  await wh.replaceTable(
    t.labels,
    t.named
      ? `SELECT g.id, COALESCE(c.cur, k.label) AS label, n.type, n.value FROM ${q(group)} AS g
         JOIN ${q(nodes)} AS n ON n.id = g.id
         JOIN ${q(comp)} AS k ON k.id = g.label LEFT JOIN ${q(cur)} AS c ON c.g = g.label`
      : `SELECT g.id, COALESCE(c.cur, k.label) AS label FROM ${q(group)} AS g
         JOIN ${q(comp)} AS k ON k.id = g.label LEFT JOIN ${q(cur)} AS c ON c.g = g.label`,
  );
  if (conflicts) cutLinks = await recordCuts(wh, graph, t);
  return { rounds, cutLinks };
}

/**
 * Each probabilistic link whose ends landed in different profiles is cut; the cut names the
 * pair of different people (the strongest cannot-link between the two profiles) that stopped it.
 */
async function recordCuts(
  wh: Warehouse,
  { nodes, edges, cannotLinks }: StitchGraph,
  t: { labels: Relation; cuts: Relation; work: WorkTable },
): Promise<number> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const rows = t.work("cl_cut_rows");
  // A weight in bits with one decimal and its sign, written the same on every warehouse.
  const num = (x: string) => {
    const tenths = d.cast(`ROUND(ABS(${x}) * 10)`, "int64");
    return `CONCAT(CASE WHEN ${x} < 0 THEN '-' ELSE '+' END, ${d.cast(d.cast(`FLOOR(ROUND(ABS(${x}) * 10) / 10)`, "int64"), "string")}, '.', ${d.cast(`MOD(${tenths}, 10)`, "string")})`;
  };
  const cut = (
    await wh.replaceTable(
      rows,
      `WITH cut AS (
         SELECT e.src, e.dst, e.weight, la.label AS pa, lb.label AS pb FROM ${q(edges)} AS e
         JOIN ${q(t.labels)} AS la ON la.id = e.src JOIN ${q(t.labels)} AS lb ON lb.id = e.dst
         WHERE e.weight IS NOT NULL AND e.src < e.dst AND la.label <> lb.label
       ), why AS (
         SELECT cut.src, cut.dst, c.src AS x, c.dst AS y, c.weight AS against,
           ROW_NUMBER() OVER (PARTITION BY cut.src, cut.dst ORDER BY c.weight, c.src, c.dst) AS r
         FROM cut JOIN ${q(t.labels)} AS lx ON lx.label = cut.pa
         JOIN ${q(cannotLinks)} AS c ON c.src = lx.id
         JOIN ${q(t.labels)} AS ly ON ly.id = c.dst AND ly.label = cut.pb
       )
       SELECT na.type AS identifier_type, na.value AS identifier, 'cannot_link' AS reason,
         CONCAT('link to ', nb.type, ' ', nb.value, ' (weight ', ${num("cut.weight")}, ') cut: ',
           COALESCE(CONCAT(nx.type, ' ', nx.value, ' and ', ny.type, ' ', ny.value, ' are different people (weight ', ${num("w.against")}, ')'),
             'no merge allowed within the round limit')) AS detail
       FROM cut JOIN ${q(nodes)} AS na ON na.id = cut.src JOIN ${q(nodes)} AS nb ON nb.id = cut.dst
       LEFT JOIN why AS w ON w.src = cut.src AND w.dst = cut.dst AND w.r = 1
       LEFT JOIN ${q(nodes)} AS nx ON nx.id = w.x LEFT JOIN ${q(nodes)} AS ny ON ny.id = w.y`,
    )
  ).rows;
  if (cut) await wh.insertInto(t.cuts, rows, ["identifier_type", "identifier", "reason", "detail"]);
  return cut;
}
