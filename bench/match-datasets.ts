import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type PairwiseQuality, pairwiseQuality } from "../src/identity/evaluate.ts";
import { appliedSettings, candidates } from "../src/identity/match/blocking-budget.ts";
import { blockingRecall } from "../src/identity/match/blocking-recall.ts";
import { cannotLinksTable } from "../src/identity/match/cannot-links.ts";
import { checkRecords } from "../src/identity/match/checks.ts";
import { type MatchResult, matchRecordsSql, runMatch } from "../src/identity/match/index.ts";
import type { MatchSettings } from "../src/identity/match/settings.ts";
import { runStitch } from "../src/identity/stitch/index.ts";
import { NO_RULES } from "../src/identity/stitch/rules.ts";
import type { Relation, Warehouse } from "../src/warehouse/types.ts";

/**
 * The public labelled data sets, read-only: `CDP_SHARED_DATA` when set, else `shared/data` beside
 * the repository (wherever it is cloned), else the workspace's copy.
 */
export const SHARED_DATA = ((): string => {
  const candidates = [
    process.env.CDP_SHARED_DATA,
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/data"),
    "/work/shared/data",
  ].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(path.join(c, "febrl/dataset1.csv"))) ?? candidates[0]!;
})();

/** Why the labelled data sets cannot be read here, or undefined when they can. */
export function sharedDataMissing(): string | undefined {
  return existsSync(path.join(SHARED_DATA, "febrl/dataset1.csv"))
    ? undefined
    : `the labelled data sets are not at ${SHARED_DATA} (set CDP_SHARED_DATA)`;
}

/** fake_1000's columns and records (and those of records written in its shape), `email` as given. */
function fakePeople(email: string): { columns: string[]; records: string; recordId: string; truth: string } {
  return {
    columns: ["unique_id", "first_name", "surname", "dob", "city", "email", "cluster"],
    records: `SELECT unique_id AS record_id, first_name, surname AS last_name, dob, ${email},
        CAST(NULL AS VARCHAR) AS phone, CAST(NULL AS VARCHAR) AS postcode, city,
        CAST(NULL AS VARCHAR) AS address, CAST(NULL AS VARCHAR) AS national_id`,
    recordId: "unique_id",
    truth: "cluster",
  };
}

/**
 * Each data set as the person-record shape of PERSON_SETTINGS (what a user's model would
 * select), plus its ground truth `person_id`. Loaded with the warehouse's CSV reader as text.
 */
export const DATASETS = {
  febrl: {
    file: "febrl/dataset1.csv",
    columns: [
      "rec_id",
      "given_name",
      "surname",
      "street_number",
      "address_1",
      "address_2",
      "suburb",
      "postcode",
      "state",
      "date_of_birth",
      "soc_sec_id",
    ],
    records: `SELECT TRIM(rec_id) AS record_id, TRIM(given_name) AS first_name, TRIM(surname) AS last_name,
        CASE WHEN LENGTH(TRIM(date_of_birth)) = 8 THEN CONCAT(SUBSTR(TRIM(date_of_birth), 1, 4), '-', SUBSTR(TRIM(date_of_birth), 5, 2), '-', SUBSTR(TRIM(date_of_birth), 7, 2)) END AS dob,
        CAST(NULL AS VARCHAR) AS email, CAST(NULL AS VARCHAR) AS phone, TRIM(postcode) AS postcode, TRIM(suburb) AS city,
        TRIM(CONCAT(TRIM(street_number), ' ', TRIM(address_1))) AS address, TRIM(soc_sec_id) AS national_id`,
    recordId: "TRIM(rec_id)",
    truth: "SPLIT_PART(TRIM(rec_id), '-', 2)",
  },
  fake_1000: {
    file: "splink/fake_1000.csv",
    ...fakePeople("email"),
  },
  // fake_1000 as person data without e-mail, phone or national id (the hard case: names, a birth
  // date and a town, each mistyped, swapped or missing on some records).
  fake_1000_no_email: {
    file: "splink/fake_1000.csv",
    ...fakePeople("CAST(NULL AS VARCHAR) AS email"),
  },
  // Records of the same kind at any size, written by `writePersonRecords` (bench/person-generator.ts):
  // evaluated with `csv` naming the file.
  generated_people: {
    file: "",
    ...fakePeople("CAST(NULL AS VARCHAR) AS email"),
  },
} as const;

export type DatasetName = keyof typeof DATASETS;

export interface DatasetQuality extends PairwiseQuality {
  match: MatchResult;
  /** The match's own pairs (before the stitch joins them into profiles) against the truth. */
  pairLevel: { precision: number; recall: number; f1: number };
  /** Share of the true pairs some blocking rule finds. */
  blockingRecall: number;
}

/**
 * Loads a data set, runs the match, the stitch over its pairs (edge type `match`), and scores
 * the final clusters against the truth: pairwise precision, recall and F1.
 */
export async function evaluateDataset(
  wh: Warehouse,
  schema: string,
  name: DatasetName,
  settings: MatchSettings,
  options: {
    /** Every match pair links, as plain connected components (the stitch before cannot-links). */
    chaining?: boolean;
    /** More raw rows: a SELECT of the file's columns, `{raw}` standing for the raw table. */
    extraRows?: string;
    /** The data set's CSV file, instead of its file in the shared data (a generated one). */
    csv?: string;
  } = {},
): Promise<DatasetQuality> {
  const ds = DATASETS[name];
  const rel = (n: string): Relation => ({ schema, name: `${name}_${n}` });
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const types = Object.fromEntries(ds.columns.map((c) => [c, "VARCHAR"]));
  // A copy with a clean header (Febrl's has a space after each comma); the original stays untouched.
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdp-match-"));
  try {
    const [header, ...lines] = readFileSync(options.csv ?? path.join(SHARED_DATA, ds.file), "utf8").split(
      "\n",
    );
    const copy = path.join(dir, "data.csv");
    writeFileSync(
      copy,
      [
        header!
          .split(",")
          .map((h) => h.trim())
          .join(","),
        ...lines,
      ].join("\n"),
    );
    await wh.loadCsv(rel("raw"), copy, { columnTypes: types });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (options.extraRows) {
    await wh.replaceTable(
      rel("raw"),
      `SELECT * FROM ${q(rel("raw"))} UNION ALL ${options.extraRows.replaceAll("{raw}", q(rel("raw")))}`,
    );
  }
  const records = rel("records");
  await wh.replaceTable(records, `${ds.records} FROM ${q(rel("raw"))}`);
  await wh.replaceTable(
    rel("truth"),
    `SELECT 'r' AS source, ${ds.recordId} AS record_id, ${ds.truth} AS person_id FROM ${q(rel("raw"))}`,
  );
  const match = await runMatch(wh, rel("matches"), `SELECT * FROM ${q(records)}`, settings, {
    settingsName: "people",
  });
  // match -> edges -> stitch, as a project chains three models: each pair a link with its
  // weight, each cannot-link a negative weight (`chaining: true` leaves both out, as before).
  const weighted = !options.chaining;
  const nullWeight = wh.dialect.cast("NULL", "float64");
  await runStitch(
    wh,
    rel("profiles"),
    `SELECT 'record' AS a_type, record_id_l AS a_value, 'record' AS b_type, record_id_r AS b_value, 'match' AS source, ${weighted ? "match_weight" : nullWeight} AS weight FROM ${q(rel("matches"))}
     UNION ALL SELECT 'record', record_id, 'record', NULL, 'records', ${nullWeight} FROM ${q(records)}
     ${weighted ? `UNION ALL SELECT 'record', record_id_l, 'record', record_id_r, 'match', evidence FROM ${q(cannotLinksTable(rel("matches")))}` : ""}`,
    NO_RULES,
    "eval",
  );
  await wh.replaceTable(
    rel("predicted"),
    `SELECT 'r' AS source, identifier AS record_id, profile_id FROM ${q(rel("profiles"))}`,
  );
  const quality = await pairwiseQuality(wh, rel("truth"), rel("predicted"));
  const columns = await checkRecords(wh, records, settings, "identity.match.people");
  await wh.replaceTable(
    rel("match_records"),
    matchRecordsSql(wh.dialect, q(records), candidates(settings), columns, records.schema),
  );
  // Of the rules the match applied (the optional ones that fit in the pair budget).
  const applied = appliedSettings(settings, match.blocking.applied);
  const blocking = await blockingRecall(wh, rel("match_records"), rel("truth"), applied);
  const correct = await truePairsIn(wh, rel("matches"), rel("truth"));
  const precision = match.pairs ? correct / match.pairs : 1;
  const recall = quality.truePairs ? correct / quality.truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...quality, match, pairLevel: { precision, recall, f1 }, blockingRecall: blocking.recall };
}

/**
 * How many of the true pairs that could link does blocking find? The match is run again over
 * every pair of records (one rule of a constant key) with the parameters `q` trained, and the true
 * pairs over the threshold there are held against those over the threshold with the settings'
 * blocking. Blocking recall counts every true pair, also those whose comparison could never reach
 * the threshold (two records of one person sharing only a first name); a pair blocking leaves out
 * costs recall only when it would have linked. Only for small data sets: n² / 2 pairs.
 */
export async function linkableBlockingRecall(
  wh: Warehouse,
  schema: string,
  name: DatasetName,
  settings: MatchSettings,
  q: DatasetQuality,
): Promise<{ linkable: number; blocked: number; recall: number }> {
  const rel = (n: string): Relation => ({ schema, name: `${name}_${n}` });
  const quoted = (r: Relation) => wh.dialect.quoteRelation(r);
  const everyPair: MatchSettings = {
    ...settings,
    blocking: [["'every pair'"]],
    optionalBlocking: undefined,
    pairBudget: Number.MAX_SAFE_INTEGER,
  };
  await runMatch(wh, rel("all_pairs"), `SELECT * FROM ${quoted(rel("records"))}`, everyPair, {
    settingsName: "people",
    parameters: q.match.parameters,
  });
  const linkable = await truePairsIn(wh, rel("all_pairs"), rel("truth"));
  const blocked = await truePairsIn(wh, rel("matches"), rel("truth"));
  return { linkable, blocked, recall: linkable ? blocked / linkable : 1 };
}

/** How many pairs of a match output (`record_id_l`, `record_id_r`) are one person in `truth`. */
async function truePairsIn(wh: Warehouse, matches: Relation, truth: Relation): Promise<number> {
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const s = (x: string) => wh.dialect.cast(x, "string");
  const [row] = await wh.query<{ n: number | bigint }>(
    `SELECT COUNT(*) AS n FROM ${q(matches)} AS m
     JOIN ${q(truth)} AS a ON ${s("a.record_id")} = ${s("m.record_id_l")}
     JOIN ${q(truth)} AS b ON ${s("b.record_id")} = ${s("m.record_id_r")}
     WHERE a.person_id = b.person_id`,
  );
  return Number(row?.n ?? 0);
}
