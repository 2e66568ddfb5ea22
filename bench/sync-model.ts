import type { Connector, RowResult, SyncRecord } from "../src/connector-kit/connector.ts";
import type { UserSyncConfig } from "../src/sync/config.ts";

/**
 * The model every sync benchmark sends: people `from` ≤ id < `to`, with a messy email that the
 * sync normalises, names, a tier and a score, as a CRM sync would read them from a profile model.
 */
export function peopleSql(from: number, to: number): string {
  return `SELECT range AS id, 'User' || range || '@Example.com ' AS email,
    'first' || (range % 1000) AS first_name, 'last' || (range % 7919) AS last_name,
    ['gold', 'silver', 'bronze'][1 + range % 3] AS tier, CAST(hash(range) % 1000 AS INTEGER) AS score
  FROM range(${from}, ${to})`;
}

/** Destination fields: one transform computed in the warehouse, the rest copied. */
export const PEOPLE_FIELDS: NonNullable<UserSyncConfig["fields"]> = {
  email: { column: "email", transform: "email" },
  first_name: "first_name",
  last_name: "last_name",
  tier: "tier",
  score: "score",
};

/** A destination that acknowledges every row at once: delivery costs nothing but the engine's work. */
export function ackAll(batchSize: number): Connector {
  return {
    name: "ack",
    modes: ["upsert", "update", "insert", "mirror", "audience"],
    batchSize,
    rateLimit: 1_000_000,
    async check() {},
    async write(batch: SyncRecord[]): Promise<RowResult[]> {
      return batch.map((r) => ({ key: r.key, status: "delivered" }));
    },
  };
}

/** `met` when `value` satisfies the goal, with the figure for the table. */
export function verdict(ok: boolean): string {
  return ok ? "met" : "NOT met";
}
