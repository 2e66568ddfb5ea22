import type { Relation, Warehouse } from "../../warehouse/types.ts";
import type { MatchSettings } from "./settings.ts";
import { agreeSql, blockKey, pairScopeSql, RECORD_ID, ROW_NUMBER } from "./sql.ts";

/** How many of the true pairs blocking reaches, overall and rule by rule. */
export interface BlockingRecall {
  /** Records of the match found in the truth (by record id), of all its records. */
  recordsInTruth: number;
  /** Pairs of those records that are the same person (across sources with `link_only`). */
  truePairs: number;
  /** Per blocking rule, in order: the true pairs it finds, and those found by it or an earlier rule. */
  rules: { rule: string[]; truePairs: number; cumulative: number }[];
  /** Share of the true pairs some rule finds: the most recall the match can reach pair by pair. */
  recall: number;
}

/**
 * Blocking recall against a ground truth `truth(record_id, person_id)` (record ids as the match
 * model selects them), over `records` made by `matchRecordsSql`: for every pair of records of
 * one person, whether each rule's keys agree (NULL keys never agree), in one pass over the true
 * pairs, which grow with the persons' sizes, not with the records'.
 */
export async function blockingRecall(
  wh: Warehouse,
  records: Relation,
  truth: Relation,
  settings: MatchSettings,
): Promise<BlockingRecall> {
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const s = (x: string) => d.cast(x, "string");
  const agree = (i: number) =>
    `COALESCE(${agreeSql(d, (j) => blockKey(i, j), settings.blocking[i]!.length)}, FALSE)`;
  const sums = settings.blocking.flatMap((_, i) => [
    `SUM(CASE WHEN ${agree(i)} THEN 1 ELSE 0 END) AS ${qi(`rule_${i}`)}`,
    `SUM(CASE WHEN ${settings.blocking
      .slice(0, i + 1)
      .map((__, k) => agree(k))
      .join(" OR ")} THEN 1 ELSE 0 END) AS ${qi(`upto_${i}`)}`,
  ]);
  const known = `(SELECT rec.*, ${s("t.person_id")} AS ${qi("cdp_person")} FROM ${d.quoteRelation(records)} AS rec
      JOIN ${d.quoteRelation(truth)} AS t ON ${s(`rec.${qi(RECORD_ID)}`)} = ${s("t.record_id")})`;
  const [row] = await wh.query<Record<string, number | bigint | null>>(
    `SELECT COUNT(*) AS true_pairs, ${sums.join(",\n  ")}
     FROM ${known} AS l JOIN ${known} AS r
       ON l.${qi("cdp_person")} = r.${qi("cdp_person")} AND l.${qi(ROW_NUMBER)} < r.${qi(ROW_NUMBER)}${pairScopeSql(d, settings)}`,
  );
  const [found] = await wh.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${known} AS k`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  const truePairs = n("true_pairs");
  const rules = settings.blocking.map((rule, i) => ({
    rule,
    truePairs: n(`rule_${i}`),
    cumulative: n(`upto_${i}`),
  }));
  return {
    recordsInTruth: Number(found?.n ?? 0),
    truePairs,
    rules,
    recall: truePairs ? (rules.at(-1)?.cumulative ?? 0) / truePairs : 1,
  };
}
