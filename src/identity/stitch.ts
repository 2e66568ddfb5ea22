import { type WorkLease, withLease } from "../run/work-lease.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";
import { connectedComponents, StitchError } from "./components.ts";
import { enforceLimits, sourcePrioritySql } from "./limits.ts";
import { blockedSql, normalizeSql } from "./normalize-sql.ts";
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

const REQUIRED = ["a_type", "a_value", "b_type", "b_value"];

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
    // 1. The model's edges, checked for the columns the contract needs.
    // A view: the model's query runs once, inside the normalisation below.
    const input = work("input");
    await wh.createView(input, `SELECT * FROM (\n${edgesSql}\n) AS edges`);
    const columns = new Set((await wh.describe(input))!.columns.map((c) => c.name));
    const missing = REQUIRED.filter((c) => !columns.has(c));
    if (missing.length) {
      throw new StitchError(
        `a stitch model must select ${REQUIRED.join(", ")}[, seen_at, source]; missing: ${missing.join(", ")}`,
      );
    }
    const seenAt = columns.has("seen_at") ? d.cast("seen_at", "timestamp") : d.cast("NULL", "timestamp");
    const source = columns.has("source") ? d.cast("source", "string") : d.cast("NULL", "string");

    // 2. Both ends of every edge normalised and checked against the blocked rules, in one pass.
    const norm = work("norm");
    const end = (
      e: "a" | "b",
    ) => `${d.cast(`${e}_type`, "string")} AS ${e}_type, ${d.cast(`${e}_value`, "string")} AS ${e}_raw,
           ${normalizeSql(d, rules, d.cast(`${e}_type`, "string"), `${e}_value`)} AS ${e}_value`;
    await wh.replaceTable(
      norm,
      `SELECT a_type, a_raw, a_value, ${blockedSql(d, rules, "a_type", "a_value").reason} AS a_blocked,
         b_type, b_raw, b_value, ${blockedSql(d, rules, "b_type", "b_value").reason} AS b_blocked, seen_at, source
       FROM (SELECT ${end("a")}, ${end("b")}, ${seenAt} AS seen_at, ${source} AS source FROM ${q(input)}) AS n
       WHERE a_type IS NOT NULL`,
    );

    // 3. Dictionary-encode the surviving identifiers. Which integer an identifier gets does not
    // matter: components are a partition, and profile ids come from the identifiers themselves.
    const nodes = work("nodes");
    await wh.replaceTable(
      nodes,
      `SELECT ROW_NUMBER() OVER () AS id, type, value, first_seen, last_seen
       FROM (SELECT type, value, MIN(seen_at) AS first_seen, MAX(seen_at) AS last_seen FROM (
               SELECT a_type AS type, a_value AS value, seen_at FROM ${q(norm)} WHERE a_blocked IS NULL
               UNION ALL
               SELECT b_type, b_value, seen_at FROM ${q(norm)} WHERE b_blocked IS NULL AND b_type IS NOT NULL
             ) AS ends GROUP BY type, value) AS v`,
    );
    const edges = work("edges");
    await wh.replaceTable(
      edges,
      `WITH pairs AS (
         SELECT na.id AS src, nb.id AS dst, e.seen_at, e.source FROM ${q(norm)} AS e
         JOIN ${q(nodes)} AS na ON na.type = e.a_type AND na.value = e.a_value
         JOIN ${q(nodes)} AS nb ON nb.type = e.b_type AND nb.value = e.b_value
         WHERE e.a_blocked IS NULL AND e.b_blocked IS NULL AND na.id <> nb.id
       )
       SELECT src, dst, MAX(seen_at) AS seen_at, MIN(source) AS source FROM (
         SELECT src, dst, seen_at, source FROM pairs UNION ALL SELECT dst, src, seen_at, source FROM pairs
       ) AS both_ways GROUP BY src, dst`,
    );

    // 4. Hubs: identifiers linked to too many others are set aside.
    const cuts = work("cuts");
    await wh.replaceTable(
      cuts,
      `SELECT DISTINCT identifier_type, identifier, 'blocked' AS reason, detail FROM (
         SELECT a_type AS identifier_type, a_raw AS identifier, a_blocked AS detail FROM ${q(norm)} WHERE a_blocked IS NOT NULL
         UNION ALL
         SELECT b_type, b_raw, b_blocked FROM ${q(norm)} WHERE b_blocked IS NOT NULL AND b_type IS NOT NULL
       ) AS blocked WHERE identifier IS NOT NULL AND TRIM(identifier) <> ''`,
    );
    let hubs = 0;
    if (rules.maxDegree) {
      const hubTable = work("hubs");
      const m = rules.maxDegree;
      const limit =
        typeof m === "number"
          ? String(m)
          : `CASE n.type ${Object.entries(m)
              .filter(([type]) => type !== "default")
              .map(([type, v]) => `WHEN ${d.literal(type)} THEN ${v}`)
              .join(" ")} ELSE ${m.default ?? "NULL"} END`;
      hubs = (
        await wh.replaceTable(
          hubTable,
          `SELECT id, degree, max_degree FROM (
             SELECT e.src AS id, COUNT(*) AS degree, ${limit} AS max_degree
             FROM ${q(edges)} AS e JOIN ${q(nodes)} AS n ON n.id = e.src GROUP BY e.src, n.type
           ) AS d WHERE degree > max_degree`,
        )
      ).rows;
      if (hubs) {
        await wh.replaceTable(
          work("hub_rows"),
          `SELECT n.type AS identifier_type, n.value AS identifier, 'hub' AS reason,
             CONCAT('linked to ', ${d.cast("h.degree", "string")}, ' identifiers (limit ', ${d.cast("h.max_degree", "string")}, ')') AS detail
           FROM ${q(hubTable)} AS h JOIN ${q(nodes)} AS n ON n.id = h.id`,
        );
        await wh.insertInto(cuts, work("hub_rows"), ["identifier_type", "identifier", "reason", "detail"]);
        await wh.replaceTable(
          edges,
          `SELECT e.* FROM ${q(edges)} AS e WHERE NOT EXISTS (SELECT 1 FROM ${q(hubTable)} AS h WHERE h.id = e.src OR h.id = e.dst)`,
        );
        await wh.replaceTable(
          nodes,
          `SELECT n.* FROM ${q(nodes)} AS n WHERE NOT EXISTS (SELECT 1 FROM ${q(hubTable)} AS h WHERE h.id = n.id)`,
        );
      }
    }

    // 4b. Links per type pair: an identifier keeps at most N links to identifiers of a type.
    const pairs = Object.entries(rules.maxLinks ?? {}).flatMap(([a, byType]) =>
      Object.entries(byType).map(([b, n]) => ({ a, b, n })),
    );
    if (pairs.length) {
      const priority = sourcePrioritySql(d, rules, "e.source");
      const limitCase = `CASE ${pairs.map((p) => `WHEN na.type = ${d.literal(p.a)} AND nb.type = ${d.literal(p.b)} THEN ${p.n}`).join(" ")} END`;
      const linkCut = work("link_cut");
      const cutLinks = (
        await wh.replaceTable(
          linkCut,
          `SELECT src, dst, a_type, a_value, b_type, b_value, max_links FROM (
             SELECT e.src, e.dst, na.type AS a_type, na.value AS a_value, nb.type AS b_type, nb.value AS b_value,
               ${limitCase} AS max_links,
               ROW_NUMBER() OVER (PARTITION BY e.src, nb.type ORDER BY ${priority}, e.seen_at DESC, nb.value) AS r
             FROM ${q(edges)} AS e JOIN ${q(nodes)} AS na ON na.id = e.src JOIN ${q(nodes)} AS nb ON nb.id = e.dst
             WHERE ${pairs.map((p) => `(na.type = ${d.literal(p.a)} AND nb.type = ${d.literal(p.b)})`).join(" OR ")}
           ) AS ranked WHERE r > max_links`,
        )
      ).rows;
      if (cutLinks) {
        await wh.replaceTable(
          work("link_rows"),
          `SELECT a_type AS identifier_type, a_value AS identifier, 'link_limit' AS reason,
             CONCAT('link to ', b_type, ' ', b_value, ' cut: at most ', ${d.cast("max_links", "string")}, ' ', b_type, ' per ', a_type) AS detail
           FROM ${q(linkCut)}`,
        );
        await wh.insertInto(cuts, work("link_rows"), ["identifier_type", "identifier", "reason", "detail"]);
        await wh.replaceTable(
          edges,
          `SELECT e.* FROM ${q(edges)} AS e WHERE NOT EXISTS (
             SELECT 1 FROM ${q(linkCut)} AS c WHERE (c.src = e.src AND c.dst = e.dst) OR (c.src = e.dst AND c.dst = e.src))`,
        );
      }
    }

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
