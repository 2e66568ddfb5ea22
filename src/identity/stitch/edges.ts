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

/** The graph a stitch starts from: its identifiers (`nodes`), each link once (`edges`). */
export interface StitchGraph {
  /**
   * Every edge's two ends (`a_type, a_value, a_blocked, a_key`, the same for `b`, and the optional
   * columns), normalised, with why an end is blocked (NULL: it is not); a blocked end's value is
   * the one given, for the report.
   */
  norm: Relation;
  /**
   * `id, type, value, key, single` per surviving identifier (see `numberIdentifiers`); `single`:
   * it is an end of one row only, so it has one link at most.
   */
  nodes: Relation;
  /**
   * The identifiers' types in the warehouse's order, as numbered (setting hubs aside may leave
   * some without identifiers).
   */
  types: string[];
  /**
   * `src, dst, src_key, dst_key` and the optional columns (`seen_at, source, weight`): every link
   * between two surviving identifiers once, the smaller id first (what reads an identifier's
   * links reads `bothWaysSql`; one direction is half the memory, gigabytes at 10M people), with
   * their ends' keys (what `<model>__links` names them by, carried from the encoding rather than
   * joined back); `weight` is NULL for a deterministic link, the match weight (bits) of a
   * probabilistic one. `src_leaf, dst_leaf`: that end has no other link, here or in any table of
   * some of these links (its node is `single`), which lets the components merge it into the other
   * end before their rounds without counting every node's links.
   */
  edges: Relation;
  /** `src, dst, src_key, dst_key, weight`, both directions: pairs a source says are different people (weight < 0). */
  cannotLinks: Relation;
  /**
   * The optional columns the model selects. `norm` and `edges` hold only these: a column of
   * NULLs costs as much memory as one of values (DuckDB's work tables are not compressed), which
   * at 10M people is gigabytes. Read them through `edgeColumn`.
   */
  optional: ReadonlySet<OptionalColumn>;
}

/** The optional columns of a stitch model, and their types (read as these wherever a model's rows are). */
export const OPTIONAL = { seen_at: "timestamp", source: "string", weight: "float64" } as const;
export type OptionalColumn = keyof typeof OPTIONAL;

/** Both directions of `edges`' links (`src, dst` and the optional columns), as a subquery. */
export function bothWaysSql(d: Dialect, graph: Pick<StitchGraph, "edges" | "optional">): string {
  const e = d.quoteRelation(graph.edges);
  const kept = [...graph.optional].map((c) => `, ${c}`).join("");
  return `(SELECT src, dst${kept} FROM ${e} UNION ALL SELECT dst, src${kept} FROM ${e})`;
}

/** An optional column of `norm` or `edges` (alias `alias`), NULL of its type where the model has none. */
export function edgeColumn(
  d: Dialect,
  graph: Pick<StitchGraph, "optional">,
  alias: string,
  column: OptionalColumn,
): string {
  return graph.optional.has(column) ? `${alias}.${column}` : d.cast("NULL", OPTIONAL[column]);
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
  const optional = new Set((Object.keys(OPTIONAL) as OptionalColumn[]).filter((c) => columns.has(c)));
  // Only the optional columns the model has are carried (see `optional`).
  const carried = [...optional].map((c) => `, ${d.cast(c, OPTIONAL[c])} AS ${c}`).join("");
  const kept = [...optional].map((c) => `, ${c}`).join("");
  const weight = (alias: string) => edgeColumn(d, { optional }, alias, "weight");

  const norm = work("norm");
  const end = (
    e: "a" | "b",
  ) => `${d.cast(`${e}_type`, "string")} AS ${e}_type, ${d.cast(`${e}_value`, "string")} AS ${e}_raw,
           ${normalizeSql(d, rules, d.cast(`${e}_type`, "string"), `${e}_value`)} AS ${e}_value`;
  await wh.replaceTable(
    norm,
    // A blocked end keeps its value as given, for the report (nothing else reads a blocked end's
    // value); the others their normalised value. Each end's key is hashed here, once: the
    // numbering and the encoding join on it.
    `SELECT a_type, CASE WHEN a_blocked IS NULL THEN a_value ELSE a_raw END AS a_value, a_blocked,
         ${identifierKeySql(d, "a_type", "a_value")} AS a_key,
         b_type, CASE WHEN b_blocked IS NULL THEN b_value ELSE b_raw END AS b_value, b_blocked,
         ${identifierKeySql(d, "b_type", "b_value")} AS b_key${kept}
       FROM (
         SELECT a_type, a_raw, a_value, ${blockedSql(d, rules, "a_type", "a_value").reason} AS a_blocked,
           b_type, b_raw, b_value, ${blockedSql(d, rules, "b_type", "b_value").reason} AS b_blocked${kept}
         FROM (SELECT ${end("a")}, ${end("b")}${carried} FROM ${q(input)}) AS n
         WHERE a_type IS NOT NULL
       ) AS checked`,
  );

  // A cannot-link row asserts nothing about who exists: its ends become identifiers only through
  // other rows.
  const notContra = `(${weight("norm")} IS NULL OR ${weight("norm")} >= 0)`;
  const nodes = work("nodes");
  const { count: identifiers, types } = await numberIdentifiers(
    wh,
    nodes,
    (only) =>
      `SELECT a_type AS type, a_value AS value, a_key AS key FROM ${q(norm)} AS norm WHERE a_blocked IS NULL AND ${notContra}${only("a_type")}
       UNION ALL
       SELECT b_type, b_value, b_key FROM ${q(norm)} AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND ${notContra}${only("b_type")}`,
  );
  if (identifiers > MAX_NODE_ID) {
    throw new StitchError(
      `a stitch takes at most ${MAX_NODE_ID.toLocaleString("en-US")} identifiers; this model has ${identifiers.toLocaleString("en-US")}`,
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
  // Each pair once (smaller id first), with which of its ends has no other link (both ends of
  // a pair given by two rows are ends of two rows: the flags are the same in every row of a pair).
  const pairs = (where: string, carried: string, aggregates: string[]) => `WITH pairs AS (
         SELECT LEAST(na.id, nb.id) AS src, GREATEST(na.id, nb.id) AS dst,
           CASE WHEN na.id < nb.id THEN na.key ELSE nb.key END AS src_key,
           CASE WHEN na.id < nb.id THEN nb.key ELSE na.key END AS dst_key,
           CASE WHEN na.id < nb.id THEN na.single ELSE nb.single END AS src_leaf,
           CASE WHEN na.id < nb.id THEN nb.single ELSE na.single END AS dst_leaf${carried} FROM ${q(norm)} AS e
         JOIN ${q(nodes)} AS na ON ${endOf("na", "a")}
         JOIN ${q(nodes)} AS nb ON ${endOf("nb", "b")}
         WHERE e.a_blocked IS NULL AND e.b_blocked IS NULL AND na.id <> nb.id AND ${where}
       ), links AS (
         SELECT src, dst, src_key, dst_key, src_leaf, dst_leaf${aggregates.map((a) => `, ${a}`).join("")}
         FROM pairs GROUP BY src, dst, src_key, dst_key, src_leaf, dst_leaf
       )`;
  const edges = work("edges");
  // One link per pair: deterministic when any source asserts it without a weight, else the
  // strongest match weight.
  const aggregates = {
    seen_at: "MAX(seen_at) AS seen_at",
    source: "MIN(source) AS source",
    weight: "CASE WHEN COUNT(*) > COUNT(weight) THEN NULL ELSE MAX(weight) END AS weight",
  };
  await wh.replaceTable(
    edges,
    `${pairs(
      `(${weight("e")} IS NULL OR ${weight("e")} >= 0)`,
      kept,
      [...optional].map((c) => aggregates[c]),
    )}
       SELECT src, dst, src_key, dst_key, src_leaf, dst_leaf${kept} FROM links`,
  );
  const cannotLinks = work("cannot_links");
  await wh.replaceTable(
    cannotLinks,
    // Without a weight column there is nothing to read: no pass over the edges for it.
    optional.has("weight")
      ? `${pairs("e.weight < 0", ", weight", ["MIN(weight) AS weight"])}
       SELECT src, dst, src_key, dst_key, weight FROM links UNION ALL SELECT dst, src, dst_key, src_key, weight FROM links`
      : `SELECT src, dst, src_key, dst_key, ${d.cast("NULL", "float64")} AS weight FROM ${q(edges)} WHERE 1 = 0`,
  );
  return { norm, nodes, types, edges, cannotLinks, optional };
}

/**
 * Writes `nodes` (`id, type, value, key, single`): the distinct identifiers of `ends` (`type, value,
 * key`, the key being `identifierKeySql` of the two, hashed where the ends are read), numbered from
 * 1 in their (type, value) order, `single` where the identifier is one end only (of one row);
 * returns how many, and the types in the warehouse's order. Components are a partition and
 * profile ids come from the identifiers themselves, but the anti-chaining step breaks ties between equal weights by
 * these ids, so they must be the same on every run and warehouse. `ends(only)` is the ends' query,
 * `only(column)` a condition to add to each of its branches (`AND column = <type>`).
 *
 * One statement per type, in the warehouse's order of the types, each after the types before it:
 * each groups and sorts one type's values, a fraction of the whole (at 10M people, 31 s against
 * 51 s for one statement grouping all ends and sorting each type in a window: the one statement's
 * hash table and sort spilled, the largest type's alone much less; 2.3 s against 3.0 s at 1M).
 */
export async function numberIdentifiers(
  wh: Warehouse,
  nodes: Relation,
  ends: (only: (column: string) => string) => string,
): Promise<{ count: number; types: string[] }> {
  const d = wh.dialect;
  const all = ends(() => "");
  const types = (
    await wh.query<{ type: string }>(
      `SELECT type FROM (${all}) AS ends GROUP BY type ORDER BY ${d.textOrder("type")}`,
    )
  ).map((r) => r.type);
  const numbered = (base: number, only: (column: string) => string) =>
    `SELECT ${d.cast(`${base} + ROW_NUMBER() OVER (ORDER BY ${d.textOrder("value")})`, "int64")} AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (${ends(only)}) AS ends GROUP BY type, value, key) AS v`;
  // No identifiers: an empty table of the same columns.
  if (!types.length)
    return {
      count: (
        await wh.replaceTable(
          nodes,
          numbered(0, () => " AND 1 = 0"),
        )
      ).rows,
      types,
    };
  let count = 0;
  for (const [i, type] of types.entries()) {
    const sql = numbered(count, (column) => ` AND ${column} = ${d.literal(type)}`);
    if (i === 0) {
      count = (await wh.replaceTable(nodes, sql)).rows;
      continue;
    }
    const inserted = await wh.execute(
      `INSERT INTO ${d.quoteRelation(nodes)} (id, type, value, key, single) ${sql}`,
    );
    if (inserted.rowsAffected === undefined) {
      throw new StitchError(`the warehouse did not say how many ${type} identifiers it numbered`);
    }
    count += inserted.rowsAffected;
  }
  return { count, types };
}

/**
 * An identifier's key: a 64-bit hash of its type and value. The stitch joins on it (where no two
 * identifiers share one), and `<model>__links` names a link's ends by it, so an identifier has
 * the same key in every run and a link table needs no strings.
 */
export function identifierKeySql(d: Dialect, type: string, value: string): string {
  return d.hashText([type, value]);
}
