import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { MAX_NODE_ID, StitchError } from "./components.ts";
import { blockedSql, normalizeSql } from "./normalize-sql.ts";
import type { Ruleset } from "./rules.ts";

/**
 * Names a work table of this stitch run (dropped at the end, whatever happens); a view is named
 * next to the output, where the names in its query are read.
 */
export type WorkTable = (name: string, kind?: "view") => Relation;

const REQUIRED = ["a_type", "a_value", "b_type", "b_value"];

/** The graph a stitch starts from: its identifiers (`nodes`), both ways of each link (`edges`). */
export interface StitchGraph {
  /** Every edge's two ends, normalised, with why an end is blocked (NULL: it is not). */
  norm: Relation;
  /** `id, type, value, key, first_seen, last_seen` per surviving identifier (see `numberedIdentifiersSql`). */
  nodes: Relation;
  /**
   * `src, dst, src_key, dst_key, seen_at, source, weight`, both directions of every link between
   * two surviving identifiers, with their ends' keys (what `<model>__links` names them by, carried
   * from the encoding rather than joined back); `weight` is NULL for a deterministic link, the
   * match weight (bits) of a probabilistic one.
   */
  edges: Relation;
  /** `src, dst, src_key, dst_key, weight`, both directions: pairs a source says are different people (weight < 0). */
  cannotLinks: Relation;
}

/**
 * Phases 1 to 3 of a stitch: the model's edges (checked for the columns the contract needs),
 * both ends normalised and checked against the blocked rules in one pass, then the surviving
 * identifiers dictionary-encoded into `nodes` and their links into `edges`.
 */
export async function loadGraph(
  wh: Warehouse,
  edgesSql: string,
  rules: Ruleset,
  work: WorkTable,
): Promise<StitchGraph> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  // A view: the model's query runs once, inside the normalisation below.
  const input = work("input", "view");
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
  // Probabilistic links carry their match weight; a negative weight says "different people".
  const weight = columns.has("weight") ? d.cast("weight", "float64") : d.cast("NULL", "float64");

  const norm = work("norm");
  const end = (
    e: "a" | "b",
  ) => `${d.cast(`${e}_type`, "string")} AS ${e}_type, ${d.cast(`${e}_value`, "string")} AS ${e}_raw,
           ${normalizeSql(d, rules, d.cast(`${e}_type`, "string"), `${e}_value`)} AS ${e}_value`;
  await wh.replaceTable(
    norm,
    // The value as given is kept only where it is blocked, for the report: the rest need only the normalised one.
    // Each end's key is hashed here, once: the numbering and the encoding join on it.
    `SELECT a_type, CASE WHEN a_blocked IS NOT NULL THEN a_raw END AS a_raw, a_value, a_blocked,
         ${identifierKeySql(d, "a_type", "a_value")} AS a_key,
         b_type, CASE WHEN b_blocked IS NOT NULL THEN b_raw END AS b_raw, b_value, b_blocked,
         ${identifierKeySql(d, "b_type", "b_value")} AS b_key, seen_at, source, weight
       FROM (
         SELECT a_type, a_raw, a_value, ${blockedSql(d, rules, "a_type", "a_value").reason} AS a_blocked,
           b_type, b_raw, b_value, ${blockedSql(d, rules, "b_type", "b_value").reason} AS b_blocked, seen_at, source, weight
         FROM (SELECT ${end("a")}, ${end("b")}, ${seenAt} AS seen_at, ${source} AS source, ${weight} AS weight FROM ${q(input)}) AS n
         WHERE a_type IS NOT NULL
       ) AS checked`,
  );

  // A cannot-link row asserts nothing about who exists: its ends become identifiers only through
  // other rows.
  const notContra = "(weight IS NULL OR weight >= 0)";
  const nodes = work("nodes");
  const identifiers = await wh.replaceTable(
    nodes,
    numberedIdentifiersSql(
      wh,
      `SELECT a_type AS type, a_value AS value, a_key AS key, seen_at FROM ${q(norm)} WHERE a_blocked IS NULL AND ${notContra}
       UNION ALL
       SELECT b_type, b_value, b_key, seen_at FROM ${q(norm)} WHERE b_blocked IS NULL AND b_type IS NOT NULL AND ${notContra}`,
      columns.has("seen_at"),
    ),
  );
  if (identifiers.rows > MAX_NODE_ID) {
    throw new StitchError(
      `a stitch takes at most ${MAX_NODE_ID.toLocaleString("en-US")} identifiers; this model has ${identifiers.rows.toLocaleString("en-US")}`,
    );
  }
  // Edges find their ends' ids by the integer key where no two identifiers share one (a hash
  // join on strings cost as much as the rest of the encoding); else by the strings themselves.
  const [shared] = await wh.query<{ n: number }>(
    `SELECT COUNT(*) - COUNT(DISTINCT key) AS n FROM ${q(nodes)}`,
  );
  const byKey = Number(shared?.n ?? 0) === 0;
  const endOf = (n: string, e: "a" | "b") =>
    byKey ? `${n}.key = e.${e}_key` : `${n}.type = e.${e}_type AND ${n}.value = e.${e}_value`;
  // Each pair once (smaller id first) is aggregated, then written both ways: half the rows to group.
  const pairs = (where: string, aggregates: string) => `WITH pairs AS (
         SELECT LEAST(na.id, nb.id) AS src, GREATEST(na.id, nb.id) AS dst,
           CASE WHEN na.id < nb.id THEN na.key ELSE nb.key END AS src_key,
           CASE WHEN na.id < nb.id THEN nb.key ELSE na.key END AS dst_key, e.seen_at, e.source, e.weight FROM ${q(norm)} AS e
         JOIN ${q(nodes)} AS na ON ${endOf("na", "a")}
         JOIN ${q(nodes)} AS nb ON ${endOf("nb", "b")}
         WHERE e.a_blocked IS NULL AND e.b_blocked IS NULL AND na.id <> nb.id AND ${where}
       ), links AS (
         SELECT src, dst, src_key, dst_key, ${aggregates} FROM pairs GROUP BY src, dst, src_key, dst_key
       )`;
  const edges = work("edges");
  // One link per pair: deterministic when any source asserts it without a weight, else the
  // strongest match weight. A column the model does not select is not aggregated.
  await wh.replaceTable(
    edges,
    `${pairs(
      "(e.weight IS NULL OR e.weight >= 0)",
      [
        columns.has("seen_at") ? "MAX(seen_at)" : d.cast("NULL", "timestamp"),
        columns.has("source") ? "MIN(source)" : d.cast("NULL", "string"),
        columns.has("weight")
          ? "CASE WHEN COUNT(*) > COUNT(weight) THEN NULL ELSE MAX(weight) END"
          : d.cast("NULL", "float64"),
      ]
        .map((x, i) => `${x} AS ${["seen_at", "source", "weight"][i]}`)
        .join(", "),
    )}
       SELECT src, dst, src_key, dst_key, seen_at, source, weight FROM links
       UNION ALL SELECT dst, src, dst_key, src_key, seen_at, source, weight FROM links`,
  );
  const cannotLinks = work("cannot_links");
  await wh.replaceTable(
    cannotLinks,
    // Without a weight column there is nothing to read: no pass over the edges for it.
    columns.has("weight")
      ? `${pairs("e.weight < 0", "MIN(weight) AS weight")}
       SELECT src, dst, src_key, dst_key, weight FROM links UNION ALL SELECT dst, src, dst_key, src_key, weight FROM links`
      : `SELECT src, dst, src_key, dst_key, weight FROM ${q(edges)} WHERE 1 = 0`,
  );
  return { norm, nodes, edges, cannotLinks };
}

/**
 * `id, type, value, key, first_seen, last_seen`: the distinct identifiers of `ends` (`type,
 * value, key, seen_at`, the key being `identifierKeySql` of the two, hashed where the ends are read), numbered from 1 in their (type, value) order. Components are a partition and
 * profile ids come from the identifiers themselves, but the anti-chaining step breaks ties between
 * equal weights by these ids, so they must be the same on every run and warehouse. Each type is
 * numbered on its own after the types before it (a window partitioned by type sorts only values,
 * in parallel, where one window over all would sort (type, value) in one piece).
 */
export function numberedIdentifiersSql(wh: Warehouse, ends: string, seen: boolean): string {
  const d = wh.dialect;
  const times = seen
    ? "MIN(seen_at) AS first_seen, MAX(seen_at) AS last_seen"
    : `${d.cast("NULL", "timestamp")} AS first_seen, ${d.cast("NULL", "timestamp")} AS last_seen`;
  return `WITH v AS (
       SELECT type, value, key, ${times} FROM (${ends}) AS ends GROUP BY type, value, key
     ), offsets AS (
       SELECT type, ${d.cast("SUM(COUNT(*)) OVER (ORDER BY type) - COUNT(*)", "int64")} AS id_base FROM v GROUP BY type
     )
     SELECT o.id_base + ROW_NUMBER() OVER (PARTITION BY v.type ORDER BY v.value) AS id, v.type, v.value,
       v.key, v.first_seen, v.last_seen
     FROM v JOIN offsets AS o ON o.type = v.type`;
}

/**
 * An identifier's key: a 64-bit hash of its type and value. The stitch joins on it (where no two
 * identifiers share one), and `<model>__links` names a link's ends by it, so an identifier has
 * the same key in every run and a link table needs no strings.
 */
export function identifierKeySql(d: Dialect, type: string, value: string): string {
  return d.hashText([type, value]);
}
