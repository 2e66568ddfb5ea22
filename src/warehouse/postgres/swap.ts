import type { Relation } from "../types.ts";
import { postgresDialect as d } from "./dialect.ts";
import type { Session } from "./session.ts";

/**
 * Replacing a relation in place. PostgreSQL binds a view to the tables it reads by their internal
 * id: a table cannot be dropped while a view reads it (`DROP ... CASCADE` would drop the views,
 * including ones cdp does not manage), and a replaced table would leave the view reading nothing.
 *
 * So, inside the transaction that replaces the relation: note the views (and materialized views)
 * that depend on it, directly or through other views, with their definitions; drop them; swap the
 * relation; recreate them in dependency order. The definitions name relations by name, so they
 * now read the new relation. Readers never see a missing view: the transaction commits all of it.
 *
 * A view that no longer compiles against the new relation (it used a column that is gone) is left
 * dropped, like CASCADE would: when cdp manages it, the DAG rebuilds it from its model later in the
 * run. Grants and comments on recreated views are not carried over.
 */
type DependentView = {
  schema: string;
  name: string;
  /** `v` view, `m` materialized view. */
  kind: string;
  definition: string;
  options: string | null;
};

const DEPENDENTS_SQL = `
WITH RECURSIVE deps(oid, depth) AS (
  SELECT r.ev_class, 1
  FROM pg_depend dep JOIN pg_rewrite r ON r.oid = dep.objid
  WHERE dep.classid = 'pg_rewrite'::regclass AND dep.refclassid = 'pg_class'::regclass
    AND dep.refobjid = $1::oid AND r.ev_class <> $1::oid
  UNION ALL
  SELECT r.ev_class, deps.depth + 1
  FROM deps
  JOIN pg_depend dep ON dep.refobjid = deps.oid
    AND dep.classid = 'pg_rewrite'::regclass AND dep.refclassid = 'pg_class'::regclass
  JOIN pg_rewrite r ON r.oid = dep.objid AND r.ev_class <> deps.oid
)
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
  pg_get_viewdef(c.oid) AS definition, array_to_string(c.reloptions, ', ') AS options
FROM deps
JOIN pg_class c ON c.oid = deps.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
GROUP BY n.nspname, c.relname, c.relkind, c.oid
ORDER BY max(deps.depth), n.nspname, c.relname`;

const KINDS: Record<string, string> = { v: "VIEW", m: "MATERIALIZED VIEW", f: "FOREIGN TABLE" };

/** `DROP <kind> <relation>` for a `pg_class.relkind`. */
export function dropSql(kind: string, relation: Relation): string {
  return `DROP ${KINDS[kind] ?? "TABLE"} ${d.quoteRelation(relation)}`;
}

/** Advisory lock key serialising relation swaps ("cdpswap" in ASCII). */
const SWAP_LOCK = "x'63647073776170'::bigint";

/**
 * Drops `relation` if it exists and calls `install` to put the new one in its place, keeping the
 * views that read it. Runs inside the caller's transaction.
 */
export async function replaceWith(
  session: Session,
  relation: Relation,
  install: () => Promise<unknown>,
): Promise<void> {
  // One swap at a time per database, until the transaction ends: two seeds read by the same view
  // would otherwise both drop and recreate it, each from a catalog the other is changing. The
  // slow part (building the new relation) has already run, in parallel, before this point.
  await session.run(`SELECT pg_advisory_xact_lock(${SWAP_LOCK})`);
  const existing = await session.lookup(relation);
  const dependents = existing ? await session.rows<DependentView>(DEPENDENTS_SQL, [existing.oid]) : [];
  if (existing) {
    // The most dependent first.
    for (const v of [...dependents].reverse()) await session.run(dropSql(v.kind, v));
    await session.run(dropSql(existing.kind, relation));
  }
  await install();
  for (const v of dependents) await recreate(session, v);
}

/** Recreates a view from its saved definition; false when it no longer compiles. */
async function recreate(session: Session, v: DependentView): Promise<boolean> {
  const kind = KINDS[v.kind] ?? "VIEW";
  const options = v.options ? ` WITH (${v.options})` : "";
  const body = v.definition.trim().replace(/;$/, "");
  // A savepoint per view: one that fails is rolled back alone, the transaction goes on.
  await session.run("SAVEPOINT cdp_dependent");
  try {
    await session.client.query(`CREATE ${kind} ${d.quoteRelation(v)}${options} AS\n${body}`);
    await session.run("RELEASE SAVEPOINT cdp_dependent");
    return true;
  } catch {
    await session.run("ROLLBACK TO SAVEPOINT cdp_dependent");
    return false;
  }
}
