import { suggestion } from "../../did-you-mean.ts";
import { CdpError } from "../../errors.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { ruleSourceSql } from "./records-sql.ts";
import { describeLevel, type Level, type MatchSettings } from "./settings.ts";
import { blockKey, RECORD_ID, SOURCE } from "./sql.ts";

/** Settings that do not fit the records: raised before any heavy query, saying what to change. */
export class MatchSettingsError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "MatchSettingsError";
  }
}

export type ValueKind = "string" | "number" | "date" | "bool" | "other";

/** A warehouse type name, as the comparison kinds see it. */
export function kindOfType(type: string): ValueKind {
  const t = type.toUpperCase();
  if (/JSON|STRUCT|ARRAY|MAP|LIST|\[\]|UNION|GEOGRAPHY|BLOB|BYTE/.test(t)) return "other";
  if (/CHAR|TEXT|STRING|UUID/.test(t)) return "string";
  if (/BOOL/.test(t)) return "bool";
  if (/DATE|TIME/.test(t)) return "date";
  if (/INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL|HUGEINT/.test(t)) return "number";
  return "other";
}

/** Which kinds of values a level can compare. */
function accepts(level: Level): ValueKind[] {
  if ("exact" in level || "swappedWith" in level) return ["string", "number", "date", "bool"];
  if ("jaroWinkler" in level || "levenshtein" in level) return ["string", "number", "date"];
  if ("within" in level) return ["number"];
  return ["date"];
}

/**
 * Checks the model's records against the settings: `record_id` present, every compared column
 * selected and of a type its levels can compare, every blocking expression valid SQL over the
 * records. Returns each column's kind.
 */
export async function checkRecords(
  wh: Warehouse,
  input: Relation,
  settings: MatchSettings,
  where: string,
): Promise<Map<string, ValueKind>> {
  const info = await wh.describe(input);
  const columns = new Map(
    (info?.columns ?? []).map((c) => [c.name, { type: c.type, kind: kindOfType(c.type) }]),
  );
  const problems: string[] = [];
  const selected = [...columns.keys()];
  if (!columns.has(RECORD_ID)) {
    problems.push(
      `a match model must select a ${RECORD_ID} column (one row per record); it selects ${selected.join(", ")}`,
    );
  }
  settings.comparisons.forEach((c, i) => {
    const col = columns.get(c.column);
    if (!col) {
      problems.push(
        `${where}.comparisons[${i}] compares "${c.column}", which the model does not select.${suggestion(c.column, selected)} Select it in the model; when the records have no such value, select it as NULL (\`{{cast "null" "string"}} as ${c.column}\`): a comparison whose column is always NULL weighs nothing. Or change the comparison's column (the model selects ${selected.join(", ")})`,
      );
      return;
    }
    for (const level of c.levels) {
      if (!accepts(level).includes(col.kind)) {
        problems.push(
          `${where}.comparisons[${i}] (${c.column}) cannot compare ${col.type} values with level "${describeLevel(level)}": ${"within" in level ? "use it on a number column" : "withinDays" in level ? "use it on a date or timestamp column (cast the column in the model)" : "cast the column to text or a date in the model, or compare another column"}`,
        );
      }
    }
  });
  if (settings.sourceColumn && !columns.has(settings.sourceColumn)) {
    problems.push(
      `${where}.sourceColumn is "${settings.sourceColumn}", which the model does not select.${suggestion(settings.sourceColumn, selected)} Select the column naming each record's source (the model selects ${selected.join(", ")})`,
    );
  }
  if (problems.length) throw new MatchSettingsError(problems.join("\n"));
  const kinds = new Map([...columns].map(([name, c]) => [name, c.kind]));

  // Blocking expressions are SQL: let the warehouse say whether they read, on no rows at all, over
  // the records as the rules see them (compared columns as text).
  const d = wh.dialect;
  const source = ruleSourceSql(d, d.quoteRelation(input), settings, kinds);
  const rules = [
    ...settings.blocking.map((rule, i) => ({ rule, name: `blocking[${i}]` })),
    ...(settings.optionalBlocking ?? []).map((rule, i) => ({ rule, name: `optionalBlocking[${i}]` })),
  ];
  for (const [i, { rule, name }] of rules.entries()) {
    const select = rule.map((e, j) => `(${e}) AS ${d.quoteIdentifier(blockKey(i, j))}`).join(", ");
    try {
      await wh.query(`SELECT ${select} FROM ${source} WHERE 1 = 0`);
    } catch (error) {
      throw new MatchSettingsError(
        `${where}.${name} (${rule.join(", ")}) is not valid SQL over the model's records: ${(error as Error).message.split("\n")[0]}. Its expressions may use the columns ${selected.join(", ")}`,
      );
    }
  }
  return kinds;
}

/**
 * The pairs each blocking rule finds in `records` (made by `matchRecordsSql`), counted from block
 * sizes (one GROUP BY per rule); with `link_only`, only the pairs across sources: a block of n
 * records, n_s of them from source s, holds (n² - Σ n_s²) / 2 of them.
 */
export async function rulePairCounts(
  wh: Warehouse,
  records: Relation,
  settings: MatchSettings,
): Promise<number[]> {
  const d = wh.dialect;
  const f = d.typeName("float64");
  const counts: number[] = [];
  for (const [i, rule] of settings.blocking.entries()) {
    const keys = rule.map((_, j) => d.quoteIdentifier(blockKey(i, j)));
    const notNull = keys.map((k) => `${k} IS NOT NULL`).join(" AND ");
    const src = d.quoteIdentifier(SOURCE);
    const sql =
      settings.linkType === "link_only"
        ? `SELECT SUM((n * n - nn) / 2) AS pairs FROM (
             SELECT SUM(ns) AS n, SUM(ns * ns) AS nn FROM (
               SELECT ${keys.join(", ")}, CAST(COUNT(*) AS ${f}) AS ns FROM ${d.quoteRelation(records)}
               WHERE ${notNull} AND ${src} IS NOT NULL GROUP BY ${keys.join(", ")}, ${src}
             ) AS per_source GROUP BY ${keys.join(", ")}
           ) AS blocks`
        : `SELECT SUM(n * (n - 1) / 2) AS pairs FROM (
             SELECT CAST(COUNT(*) AS ${f}) AS n FROM ${d.quoteRelation(records)}
             WHERE ${notNull} GROUP BY ${keys.join(", ")}
           ) AS blocks`;
    const [row] = await wh.query<{ pairs: number | null }>(sql);
    counts.push(Number(row?.pairs ?? 0));
  }
  return counts;
}

/**
 * The pairs each blocking rule would produce, counted from block sizes (cheap: one GROUP BY per
 * rule), against the pair budget. A rule over budget fails with its biggest blocks.
 */
export async function checkBudget(
  wh: Warehouse,
  records: Relation,
  settings: MatchSettings,
  where: string,
): Promise<number[]> {
  const counts = await rulePairCounts(wh, records, settings);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= settings.pairBudget) return counts;
  throw await overBudgetError(wh, records, settings, counts, where);
}

/**
 * The error of blocking rules whose pairs (`counts`, one per rule of `settings.blocking`) pass the
 * budget: the total, the largest rule and its biggest blocks, what to change.
 */
export async function overBudgetError(
  wh: Warehouse,
  records: Relation,
  settings: MatchSettings,
  counts: number[],
  where: string,
): Promise<MatchSettingsError> {
  const d = wh.dialect;
  const total = counts.reduce((a, b) => a + b, 0);
  const worst = counts.indexOf(Math.max(...counts));
  const rule = settings.blocking[worst]!;
  const keys = rule.map((_, j) => d.quoteIdentifier(blockKey(worst, j)));
  const big = await wh.query<Record<string, unknown>>(
    `SELECT ${keys.join(", ")}, COUNT(*) AS n FROM ${d.quoteRelation(records)}
     WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(" AND ")}
     GROUP BY ${keys.join(", ")} ORDER BY n DESC LIMIT 3`,
  );
  const blocks = big
    .map(
      (b) =>
        `${rule.map((_, j) => String(b[blockKey(worst, j)])).join(" / ")} (${Number(b.n).toLocaleString("en-US")} records)`,
    )
    .join(", ");
  const optional = settings.optionalBlocking?.length
    ? " (optionalBlocking's rules not counted: they are applied only within the budget)"
    : "";
  return new MatchSettingsError(
    `blocking would compare ${total.toLocaleString("en-US")} pairs, over ${where}.pairBudget (${settings.pairBudget.toLocaleString("en-US")})${optional}; ` +
      `the largest is blocking[${worst}] (${rule.join(", ")}) with ${counts[worst]!.toLocaleString("en-US")} pairs, biggest blocks: ${blocks}. ` +
      `Make that rule stricter (add an expression, e.g. a second column), move it to optionalBlocking, turn frequent placeholder values into NULL in the model, or raise pairBudget`,
  );
}
