import { PERSON_SETTINGS } from "../src/identity/match/presets.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { type DatasetName, evaluateDataset } from "./match-datasets.ts";
import { table } from "./measure.ts";

/**
 * Records that chain two people: for every eighth person of fake_1000 (by cluster number), one
 * record with that person's names and date of birth and the next person's e-mail and city (a
 * form filled in with someone else's address). It links to both; the two people's own records
 * disagree on everything. It belongs to the first person.
 */
const BRIDGES = `SELECT CONCAT('bridge', p.cluster) AS unique_id, p.first_name, p.surname, p.dob, q.city, q.email, p.cluster
  FROM (SELECT cluster, first_name, surname, dob, ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY CAST(unique_id AS INTEGER)) AS k
        FROM {raw} WHERE first_name IS NOT NULL AND surname IS NOT NULL AND dob IS NOT NULL) AS p
  JOIN (SELECT cluster, city, email, ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY CAST(unique_id AS INTEGER)) AS k
        FROM {raw} WHERE city IS NOT NULL AND email IS NOT NULL) AS q
    ON CAST(q.cluster AS INTEGER) = CAST(p.cluster AS INTEGER) + 1 AND q.k = 1
  WHERE p.k = 1 AND CAST(p.cluster AS INTEGER) % 8 = 0`;

/**
 * `npm run bench -- --only profiles`: profile-level quality (match, then stitch) with the
 * recommended person settings unchanged, before (every match pair links: plain connected
 * components) and after (greedy additive edge contraction: two groups merge only while the match
 * weights of the links between them outweigh their cannot-links), on the labelled data sets and
 * on fake_1000 with records that chain two people.
 */
export async function benchProfiles(): Promise<string> {
  const rows: Record<string, string | number>[] = [];
  const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
  try {
    const cases: { label: string; name: DatasetName; extraRows?: string }[] = [
      { label: "Febrl dataset1", name: "febrl" },
      { label: "Splink fake_1000", name: "fake_1000" },
      { label: "fake_1000 + chaining records", name: "fake_1000", extraRows: BRIDGES },
    ];
    for (const c of cases) {
      for (const chaining of [true, false]) {
        const q = await evaluateDataset(wh, "main", c.name, PERSON_SETTINGS, {
          chaining,
          extraRows: c.extraRows,
        });
        const [cannot] = await wh.query<{ n: number }>(
          `SELECT COUNT(*) AS n FROM main.${c.name}_matches__cannot_links`,
        );
        rows.push({
          "data set": c.label,
          stitch: chaining ? "before: every pair links" : "after: cannot-links",
          records: q.records,
          "pairs over threshold": q.match.pairs,
          "cannot-links": chaining ? "-" : Number(cannot?.n ?? 0),
          profiles: q.profiles,
          precision: q.precision.toFixed(4),
          recall: q.recall.toFixed(4),
          F1: q.f1.toFixed(4),
        });
      }
    }
  } finally {
    await wh.close();
  }
  return `## Profiles that resist chaining (recommended person settings, DuckDB)

Pairwise quality of the final profiles (match, then stitch) against the ground truth:

${table(rows)}
`;
}
