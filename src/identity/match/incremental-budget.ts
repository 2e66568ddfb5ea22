import type { Relation, Warehouse } from "../../warehouse/types.ts";
import type { MatchSettings } from "./settings.ts";
import { agreeSql, blockKey } from "./sql.ts";

/**
 * An upper bound, without counting every block, on the pairs the pair budget counts (per blocking
 * rule, n(n-1)/2 in each block of n records with all keys set) once `changed` (the new and
 * changed records) join `saved` (the unchanged ones, whose blocked pairs are `savedPairs`).
 * Each saved pair agrees on at most every rule, so the unchanged records' blocks hold at most
 * the rules' number times the saved pairs; k changed records joining a block of n unchanged ones
 * add k·n + k(k-1)/2 to it, counted over the blocks the changed records are in (the unchanged
 * records of those blocks found by a join on their keys alone). When the bound is within the
 * budget, so is the count; otherwise the caller counts the blocks.
 */
export async function pairBudgetBound(
  wh: Warehouse,
  { changed, saved, savedPairs }: { changed: Relation; saved: Relation; savedPairs: Relation },
  settings: MatchSettings,
): Promise<number> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const q = (r: Relation) => d.quoteRelation(r);
  const f = d.typeName("float64");
  const added = settings.blocking.map((rule, i) => {
    const keys = rule.map((_, j) => qi(blockKey(i, j)));
    const agree = (a: string, b: string) => agreeSql(d, (j) => blockKey(i, j), rule.length, a, b);
    const notNull = keys.map((k) => `${k} IS NOT NULL`).join(" AND ");
    const blocks = `SELECT ${keys.join(", ")}, CAST(COUNT(*) AS ${f}) AS k FROM ${q(changed)} WHERE ${notNull} GROUP BY ${keys.join(", ")}`;
    const unchanged = `SELECT ${keys.map((k) => `s.${k}`).join(", ")}, CAST(COUNT(*) AS ${f}) AS n
      FROM ${q(saved)} AS s JOIN (SELECT DISTINCT ${keys.join(", ")} FROM ${q(changed)}) AS x ON ${agree("x", "s")}
      GROUP BY ${keys.map((k) => `s.${k}`).join(", ")}`;
    return `SELECT SUM(c.k * COALESCE(u.n, 0) + c.k * (c.k - 1) / 2)
      FROM (${blocks}) AS c LEFT JOIN (${unchanged}) AS u ON ${agree("c", "u")}`;
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
