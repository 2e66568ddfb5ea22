import { randomBytes } from "node:crypto";
import type { WarehouseError } from "../../errors.ts";
import type { Relation, Row } from "../types.ts";
import type { PgClient, PgResult } from "./connection.ts";
import { postgresDialect as d } from "./dialect.ts";

/** PostgreSQL truncates identifiers to 63 bytes; catalog lookups must use the same name. */
const NAME_BYTES = 63;

export function clip(name: string, bytes = NAME_BYTES): string {
  if (Buffer.byteLength(name) <= bytes) return name;
  let out = "";
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/** A unique scratch name next to `relation`, short enough that PostgreSQL keeps all of it. */
export function scratch(relation: Relation, tag: string): Relation {
  const suffix = `__cdp_${tag}_${randomBytes(4).toString("hex")}`;
  return { ...relation, name: clip(relation.name, NAME_BYTES - suffix.length) + suffix };
}

/** The result of the last statement, when pg ran several. */
export function last(result: PgResult | PgResult[]): PgResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

/** One pooled client: statements run on it, their errors come back as WarehouseErrors. */
export class Session {
  constructor(
    readonly client: PgClient,
    readonly wrap: (error: unknown, sql: string | undefined) => WarehouseError,
  ) {}

  async run(sql: string, values?: unknown[]): Promise<PgResult> {
    try {
      return last(await this.client.query(sql, values));
    } catch (error) {
      throw this.wrap(error, sql);
    }
  }

  async rows<T extends Row = Row>(sql: string, values?: unknown[]): Promise<T[]> {
    return (await this.run(sql, values)).rows as T[];
  }

  /** The relation's id and kind (`r` table, `v` view, ...), or undefined when it does not exist. */
  async lookup(relation: Relation): Promise<{ oid: number; kind: string } | undefined> {
    const [found] = await this.rows<{ oid: number; kind: string }>(
      `SELECT c.oid, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
      [clip(relation.schema), clip(relation.name)],
    );
    return found;
  }

  /**
   * A new table has no statistics until autovacuum reaches it; meanwhile the planner guesses row
   * counts and may pick nested loops for large joins (the demo's identity stitch took minutes
   * instead of seconds). ANALYZE reads a sample, so it costs little.
   */
  analyze(relation: Relation): Promise<PgResult> {
    return this.run(`ANALYZE ${d.quoteRelation(relation)}`);
  }

  rename(from: Relation, to: Relation): Promise<PgResult> {
    return this.run(`ALTER TABLE ${d.quoteRelation(from)} RENAME TO ${d.quoteIdentifier(to.name)}`);
  }
}
