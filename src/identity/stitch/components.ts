import { CdpError } from "../../errors.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";

export class StitchError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "StitchError";
  }
}

/**
 * Connected components inside the warehouse by randomized contraction (Łącki et al., "Connected
 * Components at Scale via Local Contractions"): every round each node picks, among itself and its
 * neighbours, the one with the smallest pseudo-random priority, and is merged into it; edges are
 * rewritten between the chosen nodes, self-loops dropped. Each round shrinks the graph by a
 * constant factor in expectation, so any graph, a 100,000-link chain included, needs O(log n)
 * rounds; plain min-label propagation would need one round per link. Priorities are a hash of
 * (node, round): the result is the same on every run.
 *
 * Inputs: `nodes(id)`, `edges(src, dst)` holding both directions. Output: `labels(id, label)`,
 * one label per component (some node id of it).
 */
export async function connectedComponents(
  wh: Warehouse,
  tables: { nodes: Relation; edges: Relation; labels: Relation; work: (name: string) => Relation },
  maxRounds: number,
): Promise<{ rounds: number }> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const labels = tables.labels;
  const graph = tables.work("cc_graph");
  const choice = tables.work("cc_choice");
  await wh.replaceTable(labels, `SELECT id, id AS label FROM ${q(tables.nodes)}`);
  let remaining = (await wh.replaceTable(graph, `SELECT src, dst FROM ${q(tables.edges)} WHERE src <> dst`))
    .rows;
  let rounds = 0;
  while (remaining > 0) {
    if (rounds >= maxRounds) {
      throw new StitchError(
        `connected components did not converge in ${maxRounds} rounds (${remaining} edges left); raise maxRounds in the ruleset if the graph is that large`,
      );
    }
    rounds++;
    const priority = (x: string) => d.hashInt(`(${x} * 1000003 + ${rounds})`);
    // Each node's choice: the lowest-priority node of its closed neighbourhood.
    await wh.replaceTable(
      choice,
      `SELECT node, target FROM (
         SELECT src AS node, dst AS target,
           ROW_NUMBER() OVER (PARTITION BY src ORDER BY ${priority("dst")}, dst) AS r
         FROM (SELECT src, dst FROM ${q(graph)} UNION ALL SELECT DISTINCT src, src FROM ${q(graph)}) AS closed
       ) AS ranked WHERE r = 1`,
    );
    remaining = (
      await wh.replaceTable(
        graph,
        `SELECT DISTINCT a.target AS src, b.target AS dst
         FROM ${q(graph)} AS g
         JOIN ${q(choice)} AS a ON a.node = g.src
         JOIN ${q(choice)} AS b ON b.node = g.dst
         WHERE a.target <> b.target`,
      )
    ).rows;
    await wh.replaceTable(
      labels,
      `SELECT l.id, COALESCE(c.target, l.label) AS label FROM ${q(labels)} AS l LEFT JOIN ${q(choice)} AS c ON c.node = l.label`,
    );
  }
  await wh.dropRelation(graph);
  await wh.dropRelation(choice);
  return { rounds };
}
