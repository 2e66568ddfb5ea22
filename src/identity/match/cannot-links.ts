import type { Dialect, Relation, Warehouse } from "../../warehouse/types.ts";
import { connectedComponents } from "../stitch/components.ts";
import type { MatchParameters } from "./params.ts";
import type { MatchSettings } from "./settings.ts";
import {
  floatSql,
  levelsSql,
  RECORD_ID,
  ROW_NUMBER,
  termFrequencyColumn,
  weightOf,
  weightSql,
} from "./sql.ts";

/** `<model>__cannot_links`: pairs of a match's records that its own comparison says are different people. */
export const cannotLinksTable = (output: Relation): Relation => ({
  ...output,
  name: `${output.name}__cannot_links`,
});

/**
 * The cannot-link bar, in bits of evidence (the comparisons alone, before the prior), derived from
 * the settings' own threshold: a pair is written as a link when its match probability reaches
 * `threshold`, and as a cannot-link when, taken as even odds (the prior left out: two records both
 * linked to a third are no longer a random pair, and the base rate of random pairs, which falls as
 * the data grows, would call a record with a typo a different person), its probability of being
 * one person is below `1 - threshold`: evidence below `-log2(threshold / (1 - threshold))`.
 * At the default 0.9 that is -3.17 bits (9 times likelier two people than one); at 0.5, any pair
 * whose comparisons lean towards two people. The stitch weighs each cannot-link against the links
 * across the same two groups, so one person's records that disagree (a typo, a swapped name) are
 * outweighed by the links that join them, while two people chained through one weak link are not.
 */
export function cannotLinkBar(threshold: number): number {
  return -Math.log2(threshold / (1 - threshold));
}

/**
 * Components of at most this many records have every pair of their records compared; in larger
 * ones, the pairs linked through a common third. That bounds the work by records times this
 * number over two (the default pair budget for a million records) however the links fall.
 */
export const WHOLE_COMPONENT = 100;

/**
 * After scoring: the pairs of records the links chain together but that are not linked (in a
 * component of at most WHOLE_COMPONENT records, every such pair; in a larger one, those linked
 * through a common third: A~B, B~C), compared with the same levels and weights as the pairs. The
 * ones whose own comparison says they are different people are written to
 * `<model>__cannot_links` (`record_id_l, record_id_r, match_weight, evidence`: the weight with and
 * without the prior). A stitch fed these as negative-weight edges will not chain A and C into one
 * profile through B.
 */
export async function writeCannotLinks(
  wh: Warehouse,
  t: { records: Relation; output: Relation; work: (name: string) => Relation },
  settings: MatchSettings,
  parameters: MatchParameters,
  recordCount: number,
  functionSchema: string,
): Promise<number> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const qi = (n: string) => d.quoteIdentifier(n);
  const ends = t.work("cl_ends");
  const linked = `SELECT l.${ROW_NUMBER} AS a, r.${ROW_NUMBER} AS b FROM ${q(t.output)} AS o
       JOIN ${q(t.records)} AS l ON l.${qi(RECORD_ID)} = o.record_id_l
       JOIN ${q(t.records)} AS r ON r.${qi(RECORD_ID)} = o.record_id_r`;
  await wh.replaceTable(
    ends,
    `SELECT a AS src, b AS dst FROM (${linked}) AS x UNION ALL SELECT b, a FROM (${linked}) AS y`,
  );
  // A component of three or more records has a record in two links; without one, every
  // component is one linked pair and has no candidates (nothing to number or group).
  const [chained] = await wh.query<{ n: number | bigint }>(
    `SELECT COUNT(*) AS n FROM (SELECT src FROM ${q(ends)} GROUP BY src HAVING COUNT(*) > 1) AS c`,
  );
  let candidates = `(SELECT src AS l_rn, dst AS r_rn FROM ${q(ends)} WHERE 1 = 0)`;
  if (Number(chained?.n ?? 0) > 0) {
    const table = t.work("cl_candidates");
    await writeCandidates(wh, ends, table, t.work);
    candidates = q(table);
  }
  return (
    await wh.replaceTable(
      cannotLinksTable(t.output),
      scoreCandidatesSql(d, candidates, q(t.records), settings, parameters, recordCount, functionSchema),
    )
  ).rows;
}

/**
 * The candidate pairs of the records the links `ends` (both directions) chain together, into
 * `candidates` (`l_rn, r_rn`): every unlinked pair of a component of at most WHOLE_COMPONENT
 * records, those linked through a common third in larger ones.
 */
async function writeCandidates(
  wh: Warehouse,
  ends: Relation,
  candidates: Relation,
  work: (name: string) => Relation,
): Promise<void> {
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const nodes = work("cl_nodes");
  await wh.replaceTable(nodes, `SELECT DISTINCT src AS id FROM ${q(ends)}`);
  const labels = work("cl_labels");
  await connectedComponents(wh, { nodes, edges: ends, labels, work }, 64);
  const sized = work("cl_sized");
  await wh.replaceTable(
    sized,
    `SELECT id, label, COUNT(*) OVER (PARTITION BY label) AS size FROM ${q(labels)}`,
  );
  await wh.replaceTable(
    candidates,
    `SELECT l_rn, r_rn FROM (
       SELECT a.id AS l_rn, b.id AS r_rn FROM ${q(sized)} AS a JOIN ${q(sized)} AS b ON b.label = a.label AND a.id < b.id
       WHERE a.size <= ${WHOLE_COMPONENT}
       UNION
       SELECT a.dst, b.dst FROM ${q(ends)} AS a JOIN ${q(ends)} AS b ON b.src = a.src AND a.dst < b.dst
       JOIN ${q(sized)} AS s ON s.id = a.src WHERE s.size > ${WHOLE_COMPONENT}
     ) AS pairs
     WHERE NOT EXISTS (SELECT 1 FROM ${q(ends)} AS e WHERE e.src = pairs.l_rn AND e.dst = pairs.r_rn)`,
  );
}

function scoreCandidatesSql(
  d: Dialect,
  candidates: string,
  records: string,
  settings: MatchSettings,
  parameters: MatchParameters,
  recordCount: number,
  functionSchema: string,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const levels = levelsSql(d, settings.comparisons, functionSchema);
  const evidence = settings.comparisons
    .map((c, i) =>
      weightSql(
        d,
        parameters,
        i,
        `(${levels.gammas[i]})`,
        c.termFrequency ? { value: `tf_${i}`, minimum: 1 / Math.max(recordCount, 1) } : undefined,
      ),
    )
    .join(" + ");
  const tfs = settings.comparisons.flatMap((c, i) =>
    c.termFrequency ? [`l.${qi(termFrequencyColumn(i))} AS tf_${i}`] : [],
  );
  return `SELECT record_id_l, record_id_r, ${floatSql(d, weightOf(parameters.prior))} + evidence AS match_weight, evidence
FROM (
  SELECT record_id_l, record_id_r, ${evidence || floatSql(d, 0)} AS evidence
  FROM (
    SELECT l.${qi(RECORD_ID)} AS record_id_l, r.${qi(RECORD_ID)} AS record_id_r${tfs.map((x) => `, ${x}`).join("")}${levels.values.map((v) => `,\n      ${v}`).join("")}
    FROM ${candidates} AS c
    JOIN ${records} AS l ON l.${ROW_NUMBER} = c.l_rn
    JOIN ${records} AS r ON r.${ROW_NUMBER} = c.r_rn
  ) AS compared
) AS weighed
WHERE evidence < ${floatSql(d, cannotLinkBar(settings.threshold))}`;
}
