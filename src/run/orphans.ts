import type { Node } from "../project/types.ts";
import { machineId, processAlive } from "../sync/lock.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";
import { LEASE_TABLE, liveTokens, WORK_NAME } from "./work-lease.ts";

/**
 * Work-table names without an owner token, as versions before leases made them (incremental
 * stages, stitch, match and explain work tables, BigQuery's seed type probe, `identity evaluate`'s
 * truth table). Nothing tells whether their run is alive: only `cdp clean --orphans` removes them.
 */
const UNOWNED =
  /__cdp_(stage_[0-9a-f]{8}|stitch_[0-9a-f]{6}_[a-z_]+|match_[0-9a-f]{6}_[a-z_]+|explain_[0-9a-f]{6}|detect_[0-9a-f]{8}|truth)$/;

export interface OrphanReport {
  /** Work tables dropped: their run is gone. */
  removed: Relation[];
  /** Work tables left alone: their run is alive (or may be), with who holds them. */
  kept: (Relation & { owner: string })[];
}

type LeaseRow = {
  token: string;
  host: string | null;
  pid: number | bigint | null;
  expired: number | bigint | boolean;
};

/** Whether the run that holds this lease is gone. */
function ownerGone(lease: LeaseRow | undefined): boolean {
  // No lease: the run recorded it before making any table and deletes it only after dropping
  // them all, so a table without one is a leftover (its lease was cleaned up with an earlier
  // orphan of the same run).
  if (!lease) return true;
  if (Number(lease.expired)) return true;
  if (lease.host !== machineId() || lease.pid === null) return false;
  const pid = Number(lease.pid);
  // This process's pid with a token it does not hold: an earlier process that had the same pid.
  if (pid === process.pid) return !liveTokens.has(lease.token);
  return !processAlive(pid);
}

/**
 * Drops the work tables in `schemas` whose run is gone: its lease expired, or it ran on this
 * machine and its process no longer exists. A live run's work tables are left alone. With
 * `unowned`, also drops work tables named before leases existed (only when no older version of
 * `cdp` is running against this warehouse). Warehouses that cannot list relations are skipped.
 */
export async function removeOrphans(
  wh: Warehouse,
  schemas: Iterable<string>,
  options: { unowned?: boolean } = {},
): Promise<OrphanReport> {
  const report: OrphanReport = { removed: [], kept: [] };
  if (!wh.listRelations) return report;
  const d = wh.dialect;
  for (const schema of new Set(schemas)) {
    const names = (await wh.listRelations(schema)).filter((n) => n.includes("__cdp_"));
    if (!names.length) continue;
    const leaseTable = { schema, name: LEASE_TABLE };
    // Read after the listing: a table that was listed had its lease recorded before it existed.
    const leases = (await wh.describe(leaseTable))
      ? await wh.query<LeaseRow>(
          `SELECT token, host, pid, CASE WHEN expires_at < ${d.currentTimestamp()} THEN 1 ELSE 0 END AS expired
           FROM ${d.quoteRelation(leaseTable)}`,
        )
      : [];
    const byToken = new Map(leases.map((l) => [l.token, l]));
    const gone = new Set<string>();
    // A view over another work table must go first on PostgreSQL: failures are tried once more.
    const failed: Relation[] = [];
    const drop = async (relation: Relation) => {
      try {
        await wh.dropRelation(relation);
        report.removed.push(relation);
      } catch {
        failed.push(relation);
      }
    };
    for (const name of names) {
      const relation = { schema, name };
      const token = WORK_NAME.exec(name)?.[2];
      if (token === undefined) {
        if (options.unowned && UNOWNED.test(name)) await drop(relation);
        continue;
      }
      const lease = byToken.get(token);
      if (!ownerGone(lease)) {
        report.kept.push({ ...relation, owner: `${lease!.host ?? "?"} pid ${lease!.pid ?? "?"}` });
        continue;
      }
      await drop(relation);
      gone.add(token);
    }
    for (const relation of failed.splice(0)) {
      await wh.dropRelation(relation);
      report.removed.push(relation);
    }
    for (const lease of leases) if (ownerGone(lease)) gone.add(lease.token);
    if (gone.size) {
      await wh.execute(
        `DELETE FROM ${d.quoteRelation(leaseTable)} WHERE token IN (${[...gone].map((t) => d.literal(t)).join(", ")})`,
      );
    }
  }
  return report;
}

/** The schemas where these nodes make work tables: those of incremental, stitch and match models. */
export function workSchemas(nodes: Iterable<Node>): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) {
    if (n.resourceType === "model" && ["incremental", "stitch", "match"].includes(n.config.materialized)) {
      out.add(n.relation.schema);
    }
  }
  return out;
}
