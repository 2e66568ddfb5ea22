import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkBudget, checkRecords } from "../src/identity/match/checks.ts";
import { BOTH_NAMES, NAME_A, NAME_B } from "../src/identity/match/person-settings.ts";
import { PERSON_SETTINGS } from "../src/identity/match/presets.ts";
import { recordValuesSql } from "../src/identity/match/records-sql.ts";
import { type MatchSettings, matchSettingsSchema } from "../src/identity/match/settings.ts";
import { agreeSql, blockKey, RECORD_ID } from "../src/identity/match/sql.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import type { Relation } from "../src/warehouse/types.ts";
import { DATASETS, SHARED_DATA } from "./match-datasets.ts";
import { table } from "./measure.ts";
import { writePersonRecords } from "./person-generator.ts";

const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work");

/**
 * Rules the recommended settings leave out, to weigh against them: one field alone, other parts of
 * the date, other prefixes and letters. Each is a list of expressions over the record, as in
 * `blocking`.
 */
const CANDIDATES: string[][] = [
  ["substr(dob, 1, 4)"],
  ["substr(dob, 1, 7)"],
  ["substr(dob, 6, 5)"],
  ["first_name"],
  ["last_name"],
  ["city"],
  ["first_name", "substr(dob, 1, 4)"],
  ["last_name", "substr(dob, 1, 4)"],
  ["first_name", "substr(dob, 6, 5)"],
  ["last_name", "substr(dob, 6, 5)"],
  ["city", "first_name"],
  ["city", "last_name"],
  ["substr(dob, 1, 4)", "substr(dob, 9, 2)"],
  [NAME_A, "substr(dob, 9, 2)"],
  [NAME_B, "substr(dob, 9, 2)"],
  [`substr(${NAME_A}, 1, 2)`, "substr(dob, 6, 5)"],
  [`substr(${NAME_B}, 1, 2)`, "substr(dob, 6, 5)"],
  [`substr(${NAME_A}, 1, 2)`, "substr(dob, 6, 2)"],
  [`substr(${NAME_B}, 1, 2)`, "substr(dob, 6, 2)"],
  [`substr(${NAME_A}, 1, 3)`, `substr(${NAME_B}, 1, 3)`],
  ["substr(first_name, 1, 2)", "substr(dob, 1, 4)"],
  ["substr(last_name, 1, 2)", "substr(dob, 1, 4)"],
  ["substr(first_name, 1, 2)", "substr(dob, 9, 2)"],
  ["substr(last_name, 1, 2)", "substr(dob, 9, 2)"],
  ["substr(city, 1, 2)", "substr(dob, 6, 2)"],
  ["substr(city, 1, 2)", "substr(dob, 9, 2)"],
  ["substr(first_name, 1, 1)", "substr(last_name, 1, 1)", "substr(dob, 6, 2)"],
  ["substr(first_name, 1, 1)", "substr(last_name, 1, 1)", "substr(city, 1, 2)"],
  ["city", "substr(dob, 9, 2)"],
];

/** The sizes whose pair counts are measured: the held-out size, the settings' sizing, a million. */
const SIZES = [50_000, 100_000, 1_000_000];

interface Rule {
  rule: string[];
  recommended: boolean;
  /** One of the recommended optional rules (`optionalBlocking`), in their order. */
  optional: boolean;
  /** Pairs per size, as the pair budget counts them (every pair of each block). */
  pairs: number[];
}

/**
 * `npm run bench -- --only match-blocking`: on person records without e-mail, phone or national id
 * (bench/person-generator.ts, seed 1), every recommended blocking rule and a set of other candidate
 * rules: the pairs each makes at 50,000, 100,000 and 1,000,000 records, the true pairs it finds
 * (at 50,000) and those no recommended rule finds; then the most recall any choice of these rules
 * reaches within the pair budget at each size (greedy: the rule finding the most true pairs not yet
 * found per pair it makes, while it fits). The true pairs are measured at 50,000 records: people
 * are drawn independently, so the share of one person's pairs a rule finds does not depend on how
 * many people there are, while a rule's pairs grow about with the square of the records.
 */
export async function benchMatchBlocking(): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
  const recommended = PERSON_SETTINGS.blocking.map((r) => r.join("|"));
  const optional = PERSON_SETTINGS.optionalBlocking ?? [];
  const listed = [...recommended, ...optional.map((r) => r.join("|"))];
  const rules: string[][] = [
    ...PERSON_SETTINGS.blocking,
    ...optional,
    ...CANDIDATES.filter((c) => !listed.includes(c.join("|"))),
  ];
  const settings: MatchSettings = matchSettingsSchema.parse({
    ...PERSON_SETTINGS,
    blocking: rules,
    optionalBlocking: undefined,
    trainingBlocking: undefined,
    pairBudget: Number.MAX_SAFE_INTEGER,
  });
  const d = wh.dialect;
  const qi = (n: string) => d.quoteIdentifier(n);
  const rel = (n: string): Relation => ({ schema: "main", name: n });
  const q = (r: Relation) => d.quoteRelation(r);
  const pairs: number[][] = [];
  try {
    for (const size of SIZES) {
      const csv = path.join(WORK, `generated_people_${size}.csv`);
      writePersonRecords(csv, { records: size, seed: 1, sharedData: SHARED_DATA });
      const ds = DATASETS.generated_people;
      await wh.loadCsv(rel("raw"), csv, {
        columnTypes: Object.fromEntries(ds.columns.map((c) => [c, "VARCHAR"])),
      });
      rmSync(csv, { force: true });
      await wh.replaceTable(rel("people"), `${ds.records}, ${ds.truth} AS person_id FROM ${q(rel("raw"))}`);
      const columns = await checkRecords(wh, rel("people"), settings, "bench");
      columns.delete("person_id");
      await wh.replaceTable(
        rel(`keys_${size}`),
        `SELECT v.*, p.person_id FROM (${recordValuesSql(d, q(rel("people")), settings, columns)}) AS v
         JOIN ${q(rel("people"))} AS p ON p.${qi(RECORD_ID)} = v.${qi(RECORD_ID)}`,
      );
      pairs.push(await checkBudget(wh, rel(`keys_${size}`), settings, "bench"));
    }
    // Each true pair of the first size: which rules find it, grouped by that pattern.
    const keys = q(rel(`keys_${SIZES[0]}`));
    const flags = rules.map(
      (rule, i) =>
        `CASE WHEN COALESCE(${agreeSql(d, (j) => blockKey(i, j), rule.length)}, FALSE) THEN '1' ELSE '0' END`,
    );
    const patterns = await wh.query<{ found: string; n: number | bigint }>(
      `SELECT ${flags.join(" || ")} AS found, COUNT(*) AS n FROM ${keys} AS l JOIN ${keys} AS r
         ON l.person_id = r.person_id AND l.${qi(RECORD_ID)} < r.${qi(RECORD_ID)} GROUP BY 1`,
    );
    return report(
      rules.map((rule, i) => ({
        rule,
        recommended: i < recommended.length,
        optional: i >= recommended.length && i < recommended.length + optional.length,
        pairs: pairs.map((p) => p[i]!),
      })),
      patterns.map((p) => ({ found: p.found, n: Number(p.n) })),
    );
  } finally {
    await wh.close();
  }
}

/** Short names for the long expressions, in the tables. */
const LABELS: [string, string][] = [
  [NAME_A, "name_a"],
  [NAME_B, "name_b"],
  [BOTH_NAMES[0]!, "names_sorted_1"],
  [BOTH_NAMES[1]!, "names_sorted_2"],
];
const label = (rule: string[]) =>
  `[${rule.map((e) => LABELS.reduce((x, [long, short]) => x.replaceAll(long, short), e)).join(", ")}]`;

function report(rules: Rule[], patterns: { found: string; n: number }[]): string {
  const truePairs = patterns.reduce((a, p) => a + p.n, 0);
  const count = (test: (found: string) => boolean) =>
    patterns.reduce((a, p) => a + (test(p.found) ? p.n : 0), 0);
  const byRecommended = (found: string) => rules.some((r, i) => r.recommended && found[i] === "1");
  const pct = (x: number) => `${((100 * x) / truePairs).toFixed(1)}%`;
  const perRule = rules.map((r, i) => ({
    rule: `${r.recommended ? "" : r.optional ? "(optional) " : "(other) "}${label(r.rule)}`,
    ...Object.fromEntries(SIZES.map((s, k) => [`pairs at ${s.toLocaleString("en-US")}`, r.pairs[k]!])),
    "true pairs found": pct(count((f) => f[i] === "1")),
    // What the rule adds: for a recommended rule, the pairs only it finds; for another, the pairs
    // it would add to the recommended ones.
    "found by no other recommended rule": count(
      (f) => f[i] === "1" && !rules.some((o, j) => j !== i && o.recommended && f[j] === "1"),
    ),
  }));
  const budget = 50_000_000;
  const total = (k: number, pick: (r: Rule) => boolean) =>
    rules.filter(pick).reduce((a, r) => a + r.pairs[k]!, 0);
  const ceilings = SIZES.flatMap((size, k) =>
    [false, true].map((compoundOnly) => {
      const chosen = greedy(rules, patterns, k, budget, compoundOnly);
      // The first rules of the choice that reach 95% of the true pairs, and what they make.
      const upTo95 = chosen.findIndex(
        (_, n) => count((f) => chosen.slice(0, n + 1).some((i) => f[i] === "1")) >= 0.95 * truePairs,
      );
      return {
        records: size,
        rules: compoundOnly ? "of two or more parts" : "any",
        "rules chosen": chosen.length,
        pairs: chosen.reduce((a, i) => a + rules[i]!.pairs[k]!, 0),
        "blocking recall": pct(count((f) => chosen.some((i) => f[i] === "1"))),
        "pairs to reach 95%":
          upTo95 < 0 ? "-" : chosen.slice(0, upTo95 + 1).reduce((a, i) => a + rules[i]!.pairs[k]!, 0),
      };
    }),
  );
  const byOptional = (found: string, upTo: number) =>
    byRecommended(found) || rules.some((r, i) => r.optional && i < upTo && found[i] === "1");
  const recommendedRow = SIZES.map((size, k) => {
    // The optional rules a run applies at this size: in order, while the total fits.
    const required = total(k, (r) => r.recommended);
    const optional = rules.flatMap((r, i) => (r.optional ? [i] : []));
    let spent = required;
    let applied = 0;
    while (applied < optional.length && spent + rules[optional[applied]!]!.pairs[k]! <= budget)
      spent += rules[optional[applied++]!]!.pairs[k]!;
    const upTo = applied ? optional[applied - 1]! + 1 : 0;
    return {
      records: size,
      pairs: required,
      "within the budget": required <= budget ? "yes" : "no",
      "optional rules applied": `${applied} of ${optional.length}`,
      "pairs with them": spent,
      "blocking recall with them (true pairs of 50,000)": pct(count((f) => byOptional(f, upTo))),
    };
  });
  return `## Blocking rules on person data without e-mail, phone or national id (generated, seed 1)

name_a and name_b: a record's first and last name in alphabetical order, its only name as both;
names_sorted_1 and _2: both names in alphabetical order (NULL unless both are there).
${truePairs.toLocaleString("en-US")} true pairs at ${SIZES[0]!.toLocaleString("en-US")} records; the recommended rules find ${pct(count(byRecommended))}.

${table(perRule)}

The recommended rules' pairs (as the pair budget counts them), and the optional rules a run adds while they fit:

${table(recommendedRow)}

Rules to add to the recommended ones at ${SIZES[0]!.toLocaleString("en-US")} records, in the greedy order (true pairs not yet found per pair made, within what the recommended rules leave of the budget): the candidates for optional rules, which a run applies in this order while they fit.

${table(extension(rules, patterns, budget, pct))}

The most recall these ${rules.length} rules reach within the pair budget of ${budget.toLocaleString("en-US")} (greedy by true pairs found per pair made):

${table(ceilings)}
`;
}

/**
 * The greedy choice at the first size, starting from the recommended rules: each rule it adds,
 * its pairs at every size and the blocking recall with it and those before.
 */
function extension(
  rules: Rule[],
  patterns: { found: string; n: number }[],
  budget: number,
  pct: (x: number) => string,
): Record<string, string | number>[] {
  const required = rules.flatMap((r, i) => (r.recommended ? [i] : []));
  let left = patterns.filter((p) => !required.some((i) => p.found[i] === "1"));
  const truePairs = patterns.reduce((a, p) => a + p.n, 0);
  let found = truePairs - left.reduce((a, p) => a + p.n, 0);
  let spent = required.reduce((a, i) => a + rules[i]!.pairs[0]!, 0);
  const rows: Record<string, string | number>[] = [];
  const chosen = new Set(required);
  for (;;) {
    let best: { i: number; gain: number } | undefined;
    for (const [i, r] of rules.entries()) {
      if (chosen.has(i) || spent + r.pairs[0]! > budget) continue;
      const gain = left.reduce((a, p) => a + (p.found[i] === "1" ? p.n : 0), 0);
      const ratio = (x: { i: number; gain: number }) => x.gain / Math.max(rules[x.i]!.pairs[0]!, 1);
      if (gain > 0 && (!best || ratio({ i, gain }) > ratio(best))) best = { i, gain };
    }
    if (!best) return rows;
    const i = best.i;
    chosen.add(i);
    spent += rules[i]!.pairs[0]!;
    found += best.gain;
    left = left.filter((p) => p.found[i] !== "1");
    rows.push({
      rule: label(rules[i]!.rule),
      ...Object.fromEntries(
        SIZES.map((s, k) => [`pairs at ${s.toLocaleString("en-US")}`, rules[i]!.pairs[k]!]),
      ),
      "adds true pairs": best.gain,
      "blocking recall": pct(found),
      "pairs so far": spent,
    });
  }
}

/** Rules picked greedily by the true pairs not yet found per pair made, while they fit the budget. */
function greedy(
  rules: Rule[],
  patterns: { found: string; n: number }[],
  size: number,
  budget: number,
  compoundOnly: boolean,
): number[] {
  const chosen: number[] = [];
  let spent = 0;
  let left = patterns;
  for (;;) {
    let best: { i: number; gain: number } | undefined;
    for (const [i, r] of rules.entries()) {
      if (chosen.includes(i) || (compoundOnly && r.rule.length < 2)) continue;
      if (spent + r.pairs[size]! > budget) continue;
      const gain = left.reduce((a, p) => a + (p.found[i] === "1" ? p.n : 0), 0);
      const ratio = (x: { i: number; gain: number }) => x.gain / Math.max(rules[x.i]!.pairs[size]!, 1);
      if (gain > 0 && (!best || ratio({ i, gain }) > ratio(best))) best = { i, gain };
    }
    if (!best) return chosen;
    chosen.push(best.i);
    spent += rules[best.i]!.pairs[size]!;
    left = left.filter((p) => p.found[best.i] !== "1");
  }
}
