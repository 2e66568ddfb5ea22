import { type WorkLease, withLeaseIn } from "../../run/work-lease.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { limitLinks, recordBlocked, setAsideHubs } from "./cuts.ts";
import { edgeColumn, loadGraph, type StitchGraph } from "./edges.ts";
import { type IncrementalRun, incrementalStitch } from "./incremental.ts";
import { enforceLimits } from "./limits.ts";
import { constrainedComponents } from "./profiles.ts";
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
  /** With `incremental: true` in the ruleset: what this run recomputed, or why it ran in full. */
  incremental?: IncrementalRun;
}

/** Where a stitch writes: its output and side tables (see `stitchTables`). */
export type StitchTables = ReturnType<typeof stitchTables>;

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
    /**
     * Every link of the last run between two identifiers that survived the rules (`a_key, b_key,
     * weight, source, status`): `link` inside a profile, `cut` between two, `cannot_link` for a
     * pair a source says are different people. An end is named by its key, the dialect's
     * `hashText` of its type and value (`identifierKeySql`), not by its strings: written into the
     * database file, four strings a link cost more than the rest of the stitch's output. What
     * `cdp identity explain` walks.
     */
    links: side("links"),
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
  options: { fullRefresh?: boolean } = {},
): Promise<StitchResult> {
  return withLeaseIn(wh, lease, output.schema, (own) =>
    // An incremental ruleset recomputes only what the changed edges touch (see incremental.ts).
    rules.incremental
      ? incrementalStitch({ wh, output, edgesSql, rules, runId, lease: own, ...options }, stitch)
      : stitch(wh, output, edgesSql, rules, runId, own),
  );
}

async function stitch(
  wh: Warehouse,
  output: Relation,
  edgesSql: string,
  rules: Ruleset,
  runId: string,
  lease: WorkLease,
  t: StitchTables = stitchTables(output),
): Promise<StitchResult> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const made: Relation[] = [];
  // Work tables where the warehouse keeps them cheapest (DuckDB: in memory, not compressed into the file).
  const space = wh.workSpace ? await wh.workSpace() : undefined;
  const work = (name: string, kind?: "view"): Relation => {
    const r = lease.name(kind === "view" || !space ? output : { ...output, ...space }, "stitch", name);
    if (!made.some((m) => m.name === r.name && m.database === r.database)) made.push(r);
    return r;
  };
  try {
    // 1-3. The model's edges checked, normalised, blocked ends left out, identifiers encoded.
    const graph = await loadGraph(wh, edgesSql, rules, work);
    const { nodes, edges } = graph;
    // 4. What the rules set aside: blocked identifiers, hubs, links over a type pair's limit.
    const cuts = await recordBlocked(wh, graph.norm, work);
    // The rows as read are not needed past here: dropped now, they stop holding memory (at 10M
    // people, gigabytes DuckDB would otherwise spill to disk for the rest of the run).
    await wh.dropRelation(graph.norm);
    const hubs = await setAsideHubs(wh, graph, cuts, rules, work);
    await limitLinks(wh, graph, cuts, rules, work);

    // 5. Components (probabilistic links kept only where no cannot-link forbids them), then the
    // per-type limits (which may cut edges and recompute).
    // The labels carry each identifier's type and value: the output is written from them and the
    // profile ids, one join.
    const labels = work("labels");
    const profiles = await constrainedComponents(
      wh,
      graph,
      { labels, cuts, work, named: true },
      rules.maxRounds,
    );
    let rounds = profiles.rounds;
    // The links as the profiles saw them, for `<model>__links` (a copy only when some were cut).
    let allLinks = edges;
    if (profiles.cutLinks) {
      allLinks = work("all_links");
      await wh.replaceTable(allLinks, `SELECT * FROM ${q(edges)}`);
      // The limits below see only the links the profiles kept.
      await wh.replaceTable(
        edges,
        `SELECT e.* FROM ${q(edges)} AS e JOIN ${q(labels)} AS a ON a.id = e.src JOIN ${q(labels)} AS b ON b.id = e.dst WHERE a.label = b.label`,
      );
    }
    const limited = await enforceLimits(
      wh,
      { nodes, edges, optional: graph.optional, labels, cuts, work, named: true },
      rules,
    );
    rounds += limited.rounds;
    // The labels carry what is left to read of the identifiers.
    await wh.dropRelation(nodes);

    // 6. Profile ids, stable across runs; merges and splits recorded.
    const ids = await assignProfileIds(wh, { labels, types: graph.types, work, ...t }, runId);

    // 7. Swap in the results.
    await wh.replaceTable(
      t.cuts,
      `SELECT identifier_type, identifier, reason, detail, ${d.literal(runId)} AS run_id FROM ${q(cuts)}`,
    );
    // Without cut links every kept link lies inside one profile: no labels to compare.
    await writeLinks(wh, {
      ...graph,
      allLinks,
      labels: allLinks === edges ? undefined : labels,
      links: t.links,
    });
    const [blocked] = await wh.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${q(cuts)} WHERE reason = 'blocked'`,
    );
    return {
      identifiers: ids.identifiers,
      profiles: ids.profiles,
      rounds,
      blocked: Number(blocked?.n ?? 0),
      hubs,
      cutEdges: limited.cutEdges + profiles.cutLinks,
      merges: ids.merges,
      splits: ids.splits,
      runId,
    };
  } finally {
    for (const r of made) await wh.dropRelation(r).catch(() => undefined);
  }
}

/**
 * The `<model>__links` side table (see `stitchTables`), from the run's links and final labels;
 * without labels, every link is inside a profile (the links are the edges the profiles were
 * computed from). Each link once, its smaller id first (ids follow the identifiers' order), its
 * ends named by the keys the edges carry: no join back to the identifiers.
 */
async function writeLinks(
  wh: Warehouse,
  t: Pick<StitchGraph, "cannotLinks" | "optional"> & {
    allLinks: Relation;
    labels?: Relation;
    links: Relation;
  },
): Promise<void> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const status = t.labels ? `CASE WHEN la.label = lb.label THEN 'link' ELSE 'cut' END` : "'link'";
  const labelled = t.labels
    ? `JOIN ${q(t.labels)} AS la ON la.id = e.src JOIN ${q(t.labels)} AS lb ON lb.id = e.dst`
    : "";
  await wh.replaceTable(
    t.links,
    `SELECT e.src_key AS a_key, e.dst_key AS b_key, ${edgeColumn(d, t, "e", "weight")} AS weight,
       ${edgeColumn(d, t, "e", "source")} AS source, ${status} AS status
     FROM ${q(t.allLinks)} AS e ${labelled}
     WHERE e.src < e.dst
     UNION ALL
     SELECT e.src_key, e.dst_key, e.weight, ${d.cast("NULL", "string")}, 'cannot_link'
     FROM ${q(t.cannotLinks)} AS e WHERE e.src < e.dst`,
  );
}
