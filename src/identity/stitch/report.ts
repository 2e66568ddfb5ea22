import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { stitchTables } from "./index.ts";

export interface IdentityReport {
  model: string;
  profiles: number;
  identifiers: number;
  identifiersByType: { type: string; identifiers: number }[];
  /** Profiles by how many identifiers they hold. */
  sizeHistogram: { size: string; profiles: number }[];
  largest: { profileId: string; identifiers: number; byType: string }[];
  cuts: { reason: string; detail: string; identifiers: number }[];
  lastRun?: string;
  mergesLastRun: { reason: string; count: number }[];
}

/** What a stitch produced, read from its output and side tables. */
export async function identityReport(
  wh: Warehouse,
  output: Relation,
  model: string,
): Promise<IdentityReport> {
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const t = stitchTables(output);
  const num = (v: unknown) => Number(v ?? 0);
  const [totals] = await wh.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT profile_id) AS p FROM ${q(output)}`);
  const byType = await wh.query(
    `SELECT identifier_type AS type, COUNT(*) AS n FROM ${q(output)} GROUP BY identifier_type ORDER BY n DESC, type`,
  );
  const sizes = await wh.query(
    `SELECT CASE WHEN n = 1 THEN '1' WHEN n = 2 THEN '2' WHEN n <= 5 THEN '3-5' WHEN n <= 10 THEN '6-10'
                 WHEN n <= 50 THEN '11-50' ELSE '>50' END AS size, MIN(n) AS lo, COUNT(*) AS profiles
     FROM (SELECT profile_id, COUNT(*) AS n FROM ${q(output)} GROUP BY profile_id) AS s GROUP BY 1 ORDER BY lo`,
  );
  const largest = await wh.query(
    `SELECT profile_id, COUNT(*) AS n FROM ${q(output)} GROUP BY profile_id ORDER BY n DESC, profile_id LIMIT 5`,
  );
  const largestDetail = [];
  for (const l of largest) {
    const parts = await wh.query(
      `SELECT identifier_type AS type, COUNT(*) AS n FROM ${q(output)} WHERE profile_id = ${wh.dialect.literal(l.profile_id)} GROUP BY identifier_type ORDER BY n DESC`,
    );
    largestDetail.push({
      profileId: String(l.profile_id),
      identifiers: num(l.n),
      byType: parts.map((p) => `${p.n} ${p.type}`).join(", "),
    });
  }
  const cuts = (await wh.describe(t.cuts))
    ? await wh.query(
        `SELECT reason, CASE WHEN reason = 'limit' THEN 'edges cut to keep a profile within its limit' ELSE detail END AS detail,
           COUNT(*) AS n FROM ${q(t.cuts)} GROUP BY 1, 2 ORDER BY n DESC LIMIT 20`,
      )
    : [];
  let lastRun: string | undefined;
  let merges: { reason: string; count: number }[] = [];
  if (await wh.describe(t.profiles)) {
    const [run] = await wh.query(`SELECT MAX(created_run) AS r FROM ${q(t.profiles)}`);
    lastRun = run?.r ? String(run.r) : undefined;
  }
  if (await wh.describe(t.merges)) {
    const [run] = await wh.query(`SELECT MAX(run_id) AS r FROM ${q(t.merges)}`);
    if (run?.r) {
      merges = (
        await wh.query(
          `SELECT reason, COUNT(*) AS n FROM ${q(t.merges)} WHERE run_id = ${wh.dialect.literal(run.r)} GROUP BY reason ORDER BY reason`,
        )
      ).map((m) => ({ reason: String(m.reason), count: num(m.n) }));
    }
  }
  return {
    model,
    profiles: num(totals?.p),
    identifiers: num(totals?.n),
    identifiersByType: byType.map((r) => ({ type: String(r.type), identifiers: num(r.n) })),
    sizeHistogram: sizes.map((r) => ({ size: String(r.size), profiles: num(r.profiles) })),
    largest: largestDetail,
    cuts: cuts.map((c) => ({ reason: String(c.reason), detail: String(c.detail), identifiers: num(c.n) })),
    lastRun,
    mergesLastRun: merges,
  };
}
