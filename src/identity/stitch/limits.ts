import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { connectedComponents } from "./components.ts";
import { withoutEither } from "./cuts.ts";
import { bothWaysSql, edgeColumn, type StitchGraph } from "./edges.ts";
import type { Ruleset } from "./rules.ts";

/**
 * The rank of an edge's source in `sourcePriority` (0 first; sources not listed after them all),
 * as SQL over the column `source`.
 */
export function sourcePrioritySql(d: Dialect, rules: Ruleset, source: string): string {
  if (!rules.sourcePriority.length) return "0";
  const ranks = rules.sourcePriority.map((s, i) => `WHEN ${source} = ${d.literal(s)} THEN ${i}`);
  return `CASE ${ranks.join(" ")} ELSE ${rules.sourcePriority.length} END`;
}

/**
 * Limits per identifier type per profile (e.g. at most one user_id). In a component over a
 * limit, the identifiers of that type are ranked (edges from sources earlier in
 * `sourcePriority` first, then most recently seen, then most linked, then smallest value); the
 * top `limit` stay, and each other one loses its edges to identifiers it shares with the winners'
 * side — its own exclusive identifiers stay with it. Components are then recomputed; this repeats
 * until no profile is over a limit. Every cut edge is recorded.
 */
export async function enforceLimits(
  wh: Warehouse,
  t: {
    nodes: Relation;
    edges: Relation;
    /** The optional columns `edges` holds (see `StitchGraph`). */
    optional: StitchGraph["optional"];
    labels: Relation;
    cuts: Relation;
    work: (name: string) => Relation;
    /** Components recomputed here keep the labels' identifiers (see `connectedComponents`). */
    named?: boolean;
  },
  rules: Ruleset,
): Promise<{ rounds: number; cutEdges: number }> {
  const limits = Object.entries(rules.limits);
  if (!limits.length) return { rounds: 0, cutEdges: 0 };
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const priority = sourcePrioritySql(d, rules, edgeColumn(d, t, "e", "source"));
  const limitCase = `CASE n.type ${limits.map(([type, n]) => `WHEN ${d.literal(type)} THEN ${n}`).join(" ")} END`;
  // An identifier's links, read by `src`.
  const links = bothWaysSql(d, t);
  let rounds = 0;
  let cutEdges = 0;
  for (let pass = 0; pass < 10; pass++) {
    // Rank each limited identifier inside its component; last by id, which within a type follows
    // the values in code point order (numberIdentifiers), on every warehouse.
    const ranked = t.work("limit_ranked");
    await wh.replaceTable(
      ranked,
      `WITH scored AS (
         SELECT n.id, n.type, n.value, l.label AS comp, ${limitCase} AS max_per_profile,
           MIN(${priority}) AS best_priority, MAX(${edgeColumn(d, t, "e", "seen_at")}) AS last_seen, COUNT(e.dst) AS degree
         FROM ${q(t.nodes)} AS n JOIN ${q(t.labels)} AS l ON l.id = n.id
         LEFT JOIN ${links} AS e ON e.src = n.id
         WHERE n.type IN (${limits.map(([type]) => d.literal(type)).join(", ")})
         GROUP BY n.id, n.type, n.value, l.label
       )
       SELECT id, type, value, comp, max_per_profile,
         ROW_NUMBER() OVER (PARTITION BY comp, type ORDER BY best_priority, last_seen DESC, degree DESC, id) AS rank_in_profile
       FROM scored`,
    );
    const losers = t.work("limit_losers");
    const over = (
      await wh.replaceTable(
        losers,
        `SELECT id, type, value, comp FROM ${q(ranked)} WHERE rank_in_profile > max_per_profile`,
      )
    ).rows;
    if (over === 0) break;
    // A loser keeps edges to identifiers that touch no other identifier of its type (its own
    // devices, say); edges to shared identifiers go.
    const cut = t.work("limit_cut");
    let cutNow = (
      await wh.replaceTable(
        cut,
        `SELECT e.src, e.dst FROM ${links} AS e JOIN ${q(losers)} AS x ON x.id = e.src
         WHERE EXISTS (
           SELECT 1 FROM ${links} AS o JOIN ${q(t.nodes)} AS on_ ON on_.id = o.dst
           WHERE o.src = e.dst AND on_.type = x.type AND o.dst <> x.id
         )`,
      )
    ).rows;
    if (cutNow === 0) {
      // Nothing shared to cut (the loser hangs on its own identifiers only): cut all its edges.
      cutNow = (
        await wh.replaceTable(
          cut,
          `SELECT e.src, e.dst FROM ${links} AS e JOIN ${q(losers)} AS x ON x.id = e.src`,
        )
      ).rows;
    }
    cutEdges += cutNow;
    const cutRows = t.work("limit_cut_rows");
    await wh.replaceTable(
      cutRows,
      `SELECT DISTINCT a.type AS identifier_type, a.value AS identifier, 'limit' AS reason,
         CONCAT('edge to ', b.type, ' ', b.value, ' cut: profile over its ', a.type, ' limit') AS detail
       FROM ${q(cut)} AS c JOIN ${q(t.nodes)} AS a ON a.id = c.src JOIN ${q(t.nodes)} AS b ON b.id = c.dst`,
    );
    await wh.insertInto(t.cuts, cutRows, ["identifier_type", "identifier", "reason", "detail"]);
    await wh.replaceTable(t.edges, `SELECT e.* FROM ${q(t.edges)} AS e ${withoutEither(q(cut))}`);
    rounds += (await connectedComponents(wh, { ...t, leafFlags: true }, rules.maxRounds)).rounds;
  }
  return { rounds, cutEdges };
}
