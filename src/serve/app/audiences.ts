import type { LoadedConfig } from "../../config/load.ts";
import type { ModelNode } from "../../project/types.ts";
import { readHistory } from "../../sync/history.ts";
import { stateTables } from "../../sync/state.ts";
import type { Warehouse } from "../../warehouse/types.ts";
import type { AudienceSummary } from "../ui/live-types.ts";

const count = async (wh: Warehouse, sql: string) => Number((await wh.query<{ n: unknown }>(sql))[0]?.n ?? 0);

/**
 * Each audience's size now, and over time: the members at the destination after each run of the
 * syncs that send it (the running sum of added minus removed rows of the runs that delivered),
 * read from the syncs' `sync_runs`.
 */
export async function audienceSummaries(
  wh: Warehouse,
  loaded: LoadedConfig,
  audiences: ModelNode[],
): Promise<AudienceSummary[]> {
  const d = wh.dialect;
  const out: AudienceSummary[] = [];
  for (const a of audiences) {
    if (!(await wh.describe(a.relation))) continue;
    const size = await count(
      wh,
      `SELECT COUNT(DISTINCT ${d.quoteIdentifier("profile_id")}) AS n FROM ${d.quoteRelation(a.relation)}`,
    );
    const history: AudienceSummary["history"] = [];
    const sync = Object.entries(loaded.config.syncs).find(([, s]) => s.model === a.name);
    if (sync) {
      const [name, s] = sync;
      const runs = await readHistory(wh, stateTables(s.stateSchema, name).runs, { sync: name, limit: 200 });
      let members = 0;
      for (const r of runs.reverse()) {
        if (r.status !== "success") continue;
        members += r.added - r.removed;
        history.push({ at: r.started_at, size: members });
      }
    }
    out.push({ name: a.name, size, history });
  }
  return out;
}

/** Profiles in both audiences, and in each. */
export async function audienceOverlap(wh: Warehouse, a: ModelNode, b: ModelNode) {
  const d = wh.dialect;
  const p = d.quoteIdentifier("profile_id");
  return {
    a: await count(wh, `SELECT COUNT(DISTINCT ${p}) AS n FROM ${d.quoteRelation(a.relation)}`),
    b: await count(wh, `SELECT COUNT(DISTINCT ${p}) AS n FROM ${d.quoteRelation(b.relation)}`),
    both: await count(
      wh,
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT ${p} FROM ${d.quoteRelation(a.relation)}) AS x
       WHERE ${p} IN (SELECT ${p} FROM ${d.quoteRelation(b.relation)})`,
    ),
  };
}

/** A few members of an audience, in a stable order. */
export async function audienceSample(wh: Warehouse, a: ModelNode, limit = 20) {
  const d = wh.dialect;
  const rows = await wh.query(
    `SELECT * FROM ${d.quoteRelation(a.relation)} ORDER BY ${d.quoteIdentifier("profile_id")} LIMIT ${limit}`,
  );
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Date ? v.toISOString() : typeof v === "bigint" ? Number(v) : v,
      ]),
    ),
  );
}
