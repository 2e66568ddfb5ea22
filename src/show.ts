import { suggestion } from "./did-you-mean.ts";
import { UsageError } from "./errors.ts";
import { openProject, type ProjectOptions } from "./project/open.ts";
import type { Node } from "./project/types.ts";
import { jsonSafe } from "./run/node-runner.ts";
import type { Relation, Warehouse } from "./warehouse/types.ts";

export interface ShowOptions extends ProjectOptions {
  /** A model, seed or test name, or (with `inline`, or when it holds a space) a SQL template. */
  what: string;
  inline?: boolean;
  /** Rows to fetch (default 5, dbt's). */
  limit?: number;
  warehouse?: Warehouse;
}

export interface ShowResult {
  /** `model.x`, `seed.x`, `test.x`, or `inline`. */
  source: string;
  /** What ran, before the limit. */
  sql: string;
  columns: string[];
  rows: Record<string, unknown>[];
  limit: number;
}

/** Materializations whose compiled SQL is their input (edges, records, current rows), not what they hold. */
const READ_BUILT = new Set(["stitch", "match", "snapshot"]);

/** The query that previews `node`: its compiled SQL, or its table when that is what holds its rows. */
function nodeSql(node: Node, quote: (relation: Relation) => string): string {
  if (node.resourceType === "seed") return `SELECT * FROM ${quote(node.relation)}`;
  if (node.resourceType === "model" && READ_BUILT.has(node.config.materialized)) {
    return `SELECT * FROM ${quote(node.relation)}`;
  }
  // Ephemeral models included: their compiled SQL is a query like any other.
  return node.compiledSql;
}

/**
 * `cdp show`: compiles the project and runs a model's (seed's, test's) query, or an inline
 * template with refs, returning the first `limit` rows. Builds nothing.
 *
 * @example await show({ what: "profile_traits", limit: 10 })
 * @example await show({ what: 'select * from {{ref "profiles"}} where email is null' })
 */
export async function show(options: ShowOptions): Promise<ShowResult> {
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`--limit must be a whole number of rows, 1 or more; got ${options.limit}`);
  }
  const project = await openProject({ ...options, threads: () => 1 });
  try {
    const { compilation, warehouse } = project;
    const byName = new Map([...compilation.nodes.values()].map((n) => [n.name, n]));
    const node = options.inline ? undefined : byName.get(options.what.trim());
    let sql: string;
    if (node) {
      sql = nodeSql(node, (relation) => compilation.dialect.quoteRelation(relation));
    } else if (options.inline || /\s/.test(options.what.trim())) {
      sql = compilation.renderInline(options.what);
    } else {
      throw new UsageError(
        `"${options.what}" is not a model, seed or test.${suggestion(options.what, byName.keys())} To preview SQL, pass it quoted: cdp show "select ..." (or --inline)`,
      );
    }
    const rows = await warehouse.query(`SELECT * FROM (\n${sql}\n) AS cdp_show LIMIT ${limit}`);
    const safe = rows.map(jsonSafe);
    return {
      source: node ? node.id : "inline",
      sql,
      columns: safe.length ? Object.keys(safe[0]!) : [],
      rows: safe,
      limit,
    };
  } finally {
    await project.close();
  }
}
