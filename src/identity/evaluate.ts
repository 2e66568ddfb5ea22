import type { Relation, Warehouse } from "../warehouse/types.ts";

export interface PairwiseQuality {
  records: number;
  matchedRecords: number;
  persons: number;
  profiles: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Pairwise precision and recall of predicted clusters against ground truth, in the warehouse.
 * `truth(source, record_id, person_id)` names the real person of every record;
 * `predicted(source, record_id, profile_id)` the profile the model gave it. A record without a
 * prediction is a cluster of its own. Precision: share of record pairs put together that belong
 * together; recall: share of record pairs that belong together and were put together.
 */
export async function pairwiseQuality(
  wh: Warehouse,
  truth: Relation,
  predicted: Relation,
  /** A condition on the truth's rows (alias `t`) restricting which records are scored. */
  truthFilter?: string,
): Promise<PairwiseQuality> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const s = (x: string) => d.cast(x, "string");
  const [row] = await wh.query<Record<string, number>>(
    `WITH joined AS (
       SELECT ${s("t.person_id")} AS person_id,
         COALESCE(${s("p.profile_id")}, CONCAT('unmatched:', ${s("t.source")}, ':', ${s("t.record_id")})) AS profile_id,
         CASE WHEN p.profile_id IS NULL THEN 0 ELSE 1 END AS matched
       FROM ${q(truth)} AS t
       LEFT JOIN ${q(predicted)} AS p ON ${s("p.source")} = ${s("t.source")} AND ${s("p.record_id")} = ${s("t.record_id")}
       ${truthFilter ? `WHERE ${truthFilter}` : ""}
     ),
     cells AS (SELECT person_id, profile_id, COUNT(*) AS n FROM joined GROUP BY person_id, profile_id),
     persons AS (SELECT person_id, COUNT(*) AS n FROM joined GROUP BY person_id),
     profiles AS (SELECT profile_id, COUNT(*) AS n FROM joined GROUP BY profile_id)
     SELECT
       (SELECT COUNT(*) FROM joined) AS records,
       (SELECT SUM(matched) FROM joined) AS matched_records,
       (SELECT COUNT(*) FROM persons) AS persons,
       (SELECT COUNT(*) FROM profiles) AS profiles,
       (SELECT SUM(n * (n - 1) / 2) FROM persons) AS true_pairs,
       (SELECT SUM(n * (n - 1) / 2) FROM profiles) AS predicted_pairs,
       (SELECT SUM(n * (n - 1) / 2) FROM cells) AS correct_pairs`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  const precision = n("predicted_pairs") ? n("correct_pairs") / n("predicted_pairs") : 1;
  const recall = n("true_pairs") ? n("correct_pairs") / n("true_pairs") : 1;
  return {
    records: n("records"),
    matchedRecords: n("matched_records"),
    persons: n("persons"),
    profiles: n("profiles"),
    truePairs: n("true_pairs"),
    predictedPairs: n("predicted_pairs"),
    correctPairs: n("correct_pairs"),
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
