import { CdpError } from "../../errors.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";

export class StitchError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "StitchError";
  }
}

/** Node ids are packed under a priority in one 64-bit integer: they must stay below 2^32. */
export const MAX_NODE_ID = 2 ** 32 - 1;
const ID_SPAN = 2 ** 32;
/** Priorities are 31 bits of the hash: packed with a 32-bit id, the pair fits a signed BIGINT. */
const PRIORITY_SPAN = 2 ** 31;

/**
 * Connected components inside the warehouse by randomized contraction (Łącki et al., "Connected
 * Components at Scale via Local Contractions"): every round each node picks, among itself and its
 * neighbours, the one with the smallest pseudo-random priority, and is merged into it; edges are
 * rewritten between the chosen nodes, self-loops dropped. Each round shrinks the graph by a
 * constant factor in expectation, so any graph, a 100,000-link chain included, needs O(log n)
 * rounds; plain min-label propagation would need one round per link. Priorities are a hash of
 * (node, round): the result is the same on every run.
 *
 * Before the rounds, the leaves (nodes of one link) are merged into their neighbours, and the
 * rounds run on the links between the other nodes (see below): the first round's aggregate and
 * deduplication over the whole graph become two scans of the links where they flag their leaves
 * (`leafFlags`), else an aggregate and two joins, and the rounds' graph is what is left of a graph
 * of stars (a tenth of the benchmark's links). The leaves' picks are the first kept (a node they
 * do not list keeps its own id there).
 *
 * Three things keep a round cheap and the rounds few:
 * - the pick is one aggregate: priority and id packed in one integer (priority in the high bits,
 *   the id breaking ties), so the smallest packed value of a neighbourhood names the node, with
 *   no window or sort;
 * - a node is merged into its pick's pick (both hops are links of its component), which
 *   contracts more per round than the pick alone;
 * - labels are not rewritten every round: each round's picks are kept (they shrink with the
 *   graph), and composed from the last round back to the first once the graph is empty, so the
 *   whole node set is written once rather than once per round.
 *
 * Inputs: `nodes(id)` (ids in 1..MAX_NODE_ID), `edges(src, dst)` holding each link with src < dst
 * (only those rows are read: a table of both directions will do). Output:
 * `labels(id, label)`, one label per component (some node id of it); with `named`, also the nodes'
 * `type, value` (the statement writing the labels reads the nodes anyway: the stitch's output then
 * needs no join back to them).
 */
export async function connectedComponents(
  wh: Warehouse,
  tables: {
    nodes: Relation;
    edges: Relation;
    labels: Relation;
    work: (name: string) => Relation;
    named?: boolean;
    /**
     * `edges` has `src_leaf, dst_leaf`: that end has no other link (see `StitchGraph.edges`), so
     * the leaves are found without counting every node's links.
     */
    leafFlags?: boolean;
  },
  maxRounds: number,
): Promise<{ rounds: number }> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const graph = tables.work("cc_graph");
  const picks: Relation[] = [];
  // Each link once (smaller id first): rewriting the graph joins and deduplicates half the rows
  // the two directions would; the picks read both directions of it.
  let input = `SELECT src, dst FROM ${q(tables.edges)} WHERE src < dst`;
  // The picks read both directions.
  let bothWays = `${input} UNION ALL SELECT dst, src FROM ${q(tables.edges)} WHERE src < dst`;
  let rounds = 0;
  // Whether picks[0] is the leaves' (see below): nodes it does not list keep their own id there.
  let leafRound = false;
  // Each node's link count, where the links do not flag their leaves.
  let degrees: Relation | undefined;
  try {
    // First the leaves: an identifier with one link (a browser id, a phone) is merged into its
    // neighbour (a pair of leaves into the smaller id), and the links between two nodes of more
    // than one link are the graph left; it needs no deduplication (no two of them share both ends).
    // An identity graph is mostly stars around a person's e-mail: at 1M benchmark people 70% of the
    // nodes are leaves, and the rounds start from 334k links instead of 3.2M (1M people took 1.40x
    // the union-find baseline instead of 1.6-1.7x; with the encoding's flags, 1.2x).
    const leaves = tables.work("cc_pick_0");
    const e = q(tables.edges);
    let merged: number;
    let rest: string;
    if (tables.leafFlags) {
      // The edges say which ends have no other link: the leaves and the links left are two scans.
      const fromSrc = "src_leaf AND NOT dst_leaf";
      merged = (
        await wh.replaceTable(
          leaves,
          `SELECT CASE WHEN ${fromSrc} THEN src ELSE dst END AS node, CASE WHEN ${fromSrc} THEN dst ELSE src END AS target
           FROM ${e} WHERE src < dst AND (src_leaf OR dst_leaf)`,
        )
      ).rows;
      rest = `SELECT src, dst FROM ${e} WHERE src < dst AND NOT src_leaf AND NOT dst_leaf`;
    } else {
      degrees = tables.work("cc_degrees");
      await wh.replaceTable(
        degrees,
        `SELECT src AS node, COUNT(*) AS degree, MIN(dst) AS neighbour FROM (${bothWays}) AS g GROUP BY src`,
      );
      merged = (
        await wh.replaceTable(
          leaves,
          `SELECT l.node, CASE WHEN n.degree = 1 THEN LEAST(l.node, l.neighbour) ELSE l.neighbour END AS target
           FROM ${q(degrees)} AS l JOIN ${q(degrees)} AS n ON n.node = l.neighbour
           WHERE l.degree = 1 AND NOT (n.degree = 1 AND l.neighbour > l.node)`,
        )
      ).rows;
      rest = `SELECT g.src, g.dst FROM (${input}) AS g
         JOIN ${q(degrees)} AS a ON a.node = g.src JOIN ${q(degrees)} AS b ON b.node = g.dst
         WHERE a.degree > 1 AND b.degree > 1`;
    }
    if (merged) {
      picks.push(leaves);
      leafRound = true;
      rounds = 1;
      await wh.replaceTable(graph, rest);
      input = `SELECT src, dst FROM ${q(graph)}`;
      bothWays = `${input} UNION ALL SELECT dst, src FROM ${q(graph)}`;
    } else {
      await wh.dropRelation(leaves);
    }
    if (degrees) await wh.dropRelation(degrees);
    degrees = undefined;
    for (;;) {
      const round = rounds + 1;
      const priority = (x: string) =>
        d.cast(
          `MOD(MOD(${d.hashInt(`(${x} * 1000003 + ${round})`)}, ${PRIORITY_SPAN}) + ${PRIORITY_SPAN}, ${PRIORITY_SPAN})`,
          "int64",
        );
      const packed = (x: string) => `(${priority(x)} * ${ID_SPAN} + ${x})`;
      // Each node's pick: the lowest-priority node of its closed neighbourhood; then the pick's pick.
      const pick = tables.work(`cc_pick_${round}`);
      const nodes = (
        await wh.replaceTable(
          pick,
          `WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN(${packed("dst")}), ${packed("src")}), ${ID_SPAN}) AS target
             FROM (${bothWays}) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target`,
        )
      ).rows;
      if (!nodes) {
        await wh.dropRelation(pick);
        break;
      }
      picks.push(pick);
      rounds = round;
      const remaining = (
        await wh.replaceTable(
          graph,
          `SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (${input}) AS g
           JOIN ${q(pick)} AS a ON a.node = g.src
           JOIN ${q(pick)} AS b ON b.node = g.dst
           WHERE a.target <> b.target`,
        )
      ).rows;
      if (!remaining) break;
      if (rounds >= maxRounds) {
        throw new StitchError(
          `connected components did not converge in ${maxRounds} rounds (${remaining} edges left); raise maxRounds in the ruleset if the graph is that large`,
        );
      }
      input = `SELECT src, dst FROM ${q(graph)}`;
      bothWays = `${input} UNION ALL SELECT dst, src FROM ${q(graph)}`;
    }
    // The last round's picks are final; each earlier round's pick is followed to its final label,
    // the first round's (the most) as the labels are written, without a copy of its own.
    const resolved = tables.work("cc_resolved");
    let later = picks.at(-1);
    for (let r = picks.length - 2; r >= 1; r--) {
      await wh.replaceTable(
        resolved,
        `SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM ${q(picks[r]!)} AS p LEFT JOIN ${q(later!)} AS x ON x.node = p.target`,
      );
      later = resolved;
    }
    const n = q(tables.nodes);
    const named = tables.named ? ", n.type, n.value" : "";
    await wh.replaceTable(
      tables.labels,
      picks.length > 1
        ? `SELECT n.id, COALESCE(x.target, p.target, n.id) AS label${named} FROM ${n} AS n
           LEFT JOIN ${q(picks[0]!)} AS p ON p.node = n.id LEFT JOIN ${q(later!)} AS x ON x.node = ${leafRound ? "COALESCE(p.target, n.id)" : "p.target"}`
        : picks[0]
          ? `SELECT n.id, COALESCE(x.target, n.id) AS label${named} FROM ${n} AS n LEFT JOIN ${q(picks[0])} AS x ON x.node = n.id`
          : `SELECT n.id, n.id AS label${named} FROM ${n} AS n`,
    );
    await wh.dropRelation(resolved);
  } finally {
    for (const p of picks) await wh.dropRelation(p);
    await wh.dropRelation(graph);
    if (degrees) await wh.dropRelation(degrees);
  }
  return { rounds };
}
