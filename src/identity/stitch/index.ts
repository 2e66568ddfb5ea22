import { type WorkLease, withLease } from "../../run/work-lease.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { connectedComponents } from "./components.ts";
import { limitLinks, recordBlocked, setAsideHubs } from "./cuts.ts";
import { loadGraph } from "./edges.ts";
import { enforceLimits } from "./limits.ts";
import type { Ruleset } from "./rules.ts";
import { assignProfileIds } from "./stable-ids.ts";

export interface StitchResult {
  identifiers: number;
  profiles: number;
  rounds: number;
  blocked: number;
  hubs: number;
  cutEdges: number;
  merges: number;
  splits: number;
  runId: string;
}

/** The side tables a stitch keeps next to its output. */
export function stitchTables(output: Relation) {
  const side = (suffix: string): Relation => ({ ...output, name: `${output.name}__${suffix}` });
  return {
    output,
    /** Every profile id ever issued, with when. */
    profiles: side("profiles"),
    /** old_profile_id -> new_profile_id, per run, with the reason (merge or split). */
    merges: side("merges"),
    /** Identifiers set aside and edges cut by the rules in the last run, with why. */
    cuts: side("cuts"),
  };
}

/**
 * The `stitch` materialization. The model selects identity edges
 * (`a_type, a_value, b_type, b_value[, seen_at, source]`); this computes who is who inside the
 * warehouse and writes `identifier_type, identifier, profile_id`, keeping profile ids stable
 * across runs. Work tables are dropped when it ends, failed or not (a killed run's are removed by
 * the next run, see `WorkLease`); the output is swapped in at the end.
 */
export async function runStitch(
  wh: Warehouse,
  output: Relation,
  edgesSql: string,
  rules: Ruleset,
  runId = new Date().toISOString(),
  lease?: WorkLease,
): Promise<StitchResult> {
  return withLease(wh, lease, async (own) => {
    await own.register(output.schema);
    return stitch(wh, output, edgesSql, rules, runId, own);
  });
}

async function stitch(
  wh: Warehouse,
  output: Relation,
  edgesSql: string,
  rules: Ruleset,
  runId: string,
  lease: WorkLease,
): Promise<StitchResult> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const made: Relation[] = [];
  const work = (name: string): Relation => {
    const r = lease.name(output, "stitch", name);
    if (!made.some((m) => m.name === r.name)) made.push(r);
    return r;
  };
  const t = stitchTables(output);
  try {
    // 1-3. The model's edges checked, normalised, blocked ends left out, identifiers encoded.
    const graph = await loadGraph(wh, edgesSql, rules, work);
    const { nodes, edges } = graph;
    // 4. What the rules set aside: blocked identifiers, hubs, links over a type pair's limit.
    const cuts = await recordBlocked(wh, graph, work);
    const hubs = await setAsideHubs(wh, graph, cuts, rules, work);
    await limitLinks(wh, graph, cuts, rules, work);

    // 5. Connected components, then the per-type limits (which may cut edges and recompute).
    const labels = work("labels");
    let { rounds } = await connectedComponents(wh, { nodes, edges, labels, work }, rules.maxRounds);
    const limited = await enforceLimits(wh, { nodes, edges, labels, cuts, work }, rules);
    rounds += limited.rounds;

    // 6. Profile ids, stable across runs; merges and splits recorded.
    const ids = await assignProfileIds(wh, { nodes, labels, work, ...t }, runId);

    // 7. Swap in the results.
    await wh.replaceTable(
      t.cuts,
      `SELECT identifier_type, identifier, reason, detail, ${d.literal(runId)} AS run_id FROM ${q(cuts)}`,
    );
    const [counts] = await wh.query<{ n: number; p: number }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT profile_id) AS p FROM ${q(t.output)}`,
    );
    const [blocked] = await wh.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${q(cuts)} WHERE reason = 'blocked'`,
    );
    return {
      identifiers: Number(counts?.n ?? 0),
      profiles: Number(counts?.p ?? 0),
      rounds,
      blocked: Number(blocked?.n ?? 0),
      hubs,
      cutEdges: limited.cutEdges,
      merges: ids.merges,
      splits: ids.splits,
      runId,
    };
  } finally {
    for (const r of made) await wh.dropRelation(r).catch(() => undefined);
  }
}
