import type { Relation, Warehouse } from "../../warehouse/types.ts";
import type { MatchSettings } from "./settings.ts";
import { blockKey } from "./sql.ts";

/**
 * An upper bound, without counting every block, on the pairs the pair budget counts (per blocking
 * rule, n(n-1)/2 in each block of n records with all keys set) once the new and changed records
 * join the unchanged ones, whose blocked pairs are `savedPairs`. `near` holds the new and changed
 * records (`cdp_new` 1) and every unchanged record sharing a blocking key with one of them (0):
 * so, for each block a new record is in, all of that block's unchanged records.
 * Each saved pair agrees on at most every rule, so the unchanged records' blocks hold at most
 * the rules' number times the saved pairs; k new records joining a block of n unchanged ones
 * add k·n + k(k-1)/2 to it, counted over the blocks of `near` (one grouping per rule over the
 * records a run reads anyway). When the bound is within the budget, so is the count; otherwise
 * the caller counts the blocks.
 */
export async function pairBudgetBound(
  wh: Warehouse,
  { near, savedPairs }: { near: Relation; savedPairs: Relation },
  settings: MatchSettings,
): Promise<number> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const f = d.typeName("float64");
  const added = settings.blocking.map((rule, i) => {
    const keys = rule.map((_, j) => qi(blockKey(i, j)));
    const notNull = keys.map((k) => `${k} IS NOT NULL`).join(" AND ");
    return `SELECT SUM(b.k * b.n + b.k * (b.k - 1) / 2) FROM (
        SELECT CAST(SUM(cdp_new) AS ${f}) AS k, CAST(SUM(1 - cdp_new) AS ${f}) AS n
        FROM ${q(near)} WHERE ${notNull} GROUP BY ${keys.join(", ")}
      ) AS b`;
  });
  const [row] = await wh.query<Record<string, number | bigint | null>>(
    `SELECT (SELECT COUNT(*) FROM ${q(savedPairs)}) AS saved, ${added.map((sql, i) => `(${sql}) AS ${qi(`rule_${i}`)}`).join(", ")}`,
  );
  const value = (name: string) => Number(row?.[name] ?? 0);
  return (
    settings.blocking.length * value("saved") +
    settings.blocking.reduce((sum, _, i) => sum + value(`rule_${i}`), 0)
  );
}
