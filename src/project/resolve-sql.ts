import type { Dialect, Relation } from "../warehouse/types.ts";
import { prependCtes, stripTrailingSemicolons } from "./inline-ctes.ts";
import { SIDE } from "./template-helpers.ts";
import { REF_MARKER } from "./templates.ts";
import type { ModelNode, Node, SeedNode } from "./types.ts";

type Cte = { name: string; sql: string };
const ephemeralName = (name: string) => `__cdp_ephemeral__${name}`;

/**
 * The last phase of a compile: the ref markers a render left become quoted relations, and refs to
 * ephemeral models become CTEs inlined into the query (with what they inline themselves). Models
 * are resolved in dependency order (`resolveModels`) so an ephemeral model is ready when inlined.
 *
 * @example
 * const sql = new SqlResolver(dialect, byName);
 * sql.resolveModels(order, nodes, (id) => renders.get(id)!.sql);
 * sql.resolve(model.relation, renderedAgain);
 */
export class SqlResolver {
  private readonly ephemeralCtes = new Map<string, Cte[]>();

  constructor(
    private readonly dialect: Dialect,
    private readonly byName: Map<string, ModelNode | SeedNode>,
  ) {}

  /** Sets `compiledSql` of every model in `order`, from its render. */
  resolveModels(order: string[], nodes: Map<string, Node>, rendered: (id: string) => string): void {
    for (const id of order) {
      const node = nodes.get(id)!;
      if (node.resourceType !== "model") continue;
      const sql = rendered(id).trim();
      node.compiledSql = this.resolve(node.relation, sql);
      if (node.config.materialized === "ephemeral") {
        // What it inlines itself comes first, then its own body.
        const { body, ctes } = this.resolveBody(node.relation, sql);
        this.ephemeralCtes.set(id, [...ctes, { name: ephemeralName(node.name), sql: body }]);
      }
    }
  }

  /** `sql` with its refs resolved (`self` for `{{self}}`) and the ephemeral models it refs inlined. */
  resolve(self: Relation, sql: string): string {
    const { body, ctes } = this.resolveBody(self, sql);
    return prependCtes(body, ctes);
  }

  private resolveBody(self: Relation, sql: string): { body: string; ctes: Cte[] } {
    const ctes: Cte[] = [];
    const seen = new Set<string>();
    const body = sql.replace(REF_MARKER, (_m, marked: string) => {
      if (marked === "") return this.dialect.quoteRelation(self);
      const [name, side] = marked.split(SIDE) as [string, string | undefined];
      const target = this.byName.get(name)!;
      if (side)
        return this.dialect.quoteRelation({ ...target.relation, name: `${target.relation.name}__${side}` });
      if (target.resourceType === "model" && target.config.materialized === "ephemeral") {
        for (const cte of this.ephemeralCtes.get(target.id) ?? []) {
          if (!seen.has(cte.name)) {
            seen.add(cte.name);
            ctes.push(cte);
          }
        }
        return ephemeralName(target.name);
      }
      return this.dialect.quoteRelation(target.relation);
    });
    return { body: stripTrailingSemicolons(body), ctes };
  }
}
