import type { Dialect, Warehouse } from "../../warehouse/types.ts";
import type { ValueKind } from "./checks.ts";
import type { MatchSettings } from "./settings.ts";
import {
  blockKey,
  priorKey,
  RECORD_ID,
  ROW_NUMBER,
  recordHelpersSql,
  SOURCE,
  termFrequencyColumn,
} from "./sql.ts";

/** A compared column's value with its own type, while the rules see it as text. */
const typedColumn = (comparison: number) => `cdp_typed_${comparison}`;

/**
 * The model's records as blocking (and prior) rules read them: every column the model selects,
 * the compared ones as text, trimmed, empty as NULL (so `substr(dob, 1, 4)` is the birth year
 * whether the model selects the date of birth as text or as a date, in every warehouse), and each
 * compared column of another type also under `cdp_typed_<i>` for the comparisons. The text orders
 * by code point (`textOrder`), so a rule that orders two columns (the first of two names
 * alphabetically) keys a record alike on every warehouse, whatever the database's collation.
 */
export function ruleSourceSql(
  d: Dialect,
  from: string,
  settings: MatchSettings,
  columns: Map<string, ValueKind>,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const text = (x: string) => d.textOrder(`NULLIF(TRIM(${d.cast(x, "string")}), '')`);
  const compared = new Map(settings.comparisons.map((c, i) => [c.column, i]));
  const select = [...columns.keys()].flatMap((name) => {
    const i = compared.get(name);
    if (i === undefined) return [qi(name)];
    const typed = columns.get(name) === "string" ? [] : [`${qi(name)} AS ${qi(typedColumn(i))}`];
    return [...typed, `${text(qi(name))} AS ${qi(name)}`];
  });
  return `(SELECT ${select.join(", ")} FROM ${from}) AS src`;
}

/**
 * The select-list items of a record as the pairs read it, over `ruleSourceSql`: the source
 * (`cdp_source`, when the settings name a source column), each compared column (text trimmed, empty
 * as NULL), the frequency of each term-frequency column's value (`cdp_tf_<i>`, unless
 * `frequencies` is false) and the blocking (and prior rule) keys.
 */
function recordItems(
  d: Dialect,
  settings: MatchSettings,
  columns: Map<string, ValueKind>,
  frequencies: boolean,
): string[] {
  const qi = (n: string) => d.quoteIdentifier(n);
  const text = (x: string) => `NULLIF(TRIM(${d.cast(x, "string")}), '')`;
  const attribute = (c: string, i: number) =>
    columns.get(c) === "string" ? qi(c) : `${qi(typedColumn(i))} AS ${qi(c)}`;
  const keys = (rules: string[][], key: (i: number, j: number) => string) =>
    rules.flatMap((rule, i) => rule.map((e, j) => `${text(`(${e})`)} AS ${qi(key(i, j))}`));
  const source = settings.sourceColumn ? [`${text(qi(settings.sourceColumn))} AS ${qi(SOURCE)}`] : [];
  return [
    ...source,
    ...settings.comparisons.map((c, i) => attribute(c.column, i)),
    // How common each value is, for term-frequency comparisons (carried into the pairs).
    ...settings.comparisons.flatMap((c, i) =>
      c.termFrequency && frequencies
        ? [
            `CAST(COUNT(*) OVER (PARTITION BY ${qi(c.column)}) AS ${d.typeName("float64")}) / NULLIF(COUNT(${qi(c.column)}) OVER (), 0) AS ${qi(termFrequencyColumn(i))}`,
          ]
        : [],
    ),
    ...keys(settings.blocking, blockKey),
    ...(settings.prior && "rules" in settings.prior ? keys(settings.prior.rules, priorKey) : []),
  ];
}

/**
 * The records as the pairs read them, from `from` (a relation or a parenthesised query): a row
 * number, `record_id`, the source (`cdp_source`, when the settings name a source column), each
 * compared column (text trimmed, empty as NULL), the frequency of each term-frequency column's
 * value (`cdp_tf_<i>`), the blocking (and prior rule) keys, and what the pairs' similarity
 * functions read off each record (`recordHelpersSql`, with the warehouse's functions in
 * `functionSchema`).
 */
export function matchRecordsSql(
  d: Dialect,
  from: string,
  settings: MatchSettings,
  columns: Map<string, ValueKind>,
  functionSchema: string,
): string {
  const qi = (n: string) => d.quoteIdentifier(n);
  const inner = `SELECT ROW_NUMBER() OVER (ORDER BY ${d.textOrder(d.cast(qi(RECORD_ID), "string"))}) AS ${qi(ROW_NUMBER)}, ${qi(RECORD_ID)},
           ${recordItems(d, settings, columns, true).join(", ")}
         FROM ${ruleSourceSql(d, from, settings, columns)}`;
  return withHelpersSql(d, inner, settings, functionSchema);
}

/**
 * `matchRecordsSql` without what depends on the other records (the row number and the term
 * frequencies) or costs per record (the helpers): what an incremental match saves of each record,
 * made for the new and changed records only.
 */
export function recordValuesSql(
  d: Dialect,
  from: string,
  settings: MatchSettings,
  columns: Map<string, ValueKind>,
): string {
  return `SELECT ${d.quoteIdentifier(RECORD_ID)}, ${recordItems(d, settings, columns, false).join(", ")}
         FROM ${ruleSourceSql(d, from, settings, columns)}`;
}

/**
 * The names of the columns `recordValuesSql` selects after `record_id`, in order: the source, the
 * compared columns, the blocking (and prior rule) keys.
 */
export function recordValueColumns(settings: MatchSettings): string[] {
  const keys = (rules: string[][], key: (i: number, j: number) => string) =>
    rules.flatMap((rule, i) => rule.map((_, j) => key(i, j)));
  return [
    ...(settings.sourceColumn ? [SOURCE] : []),
    ...settings.comparisons.map((c) => c.column),
    ...keys(settings.blocking, blockKey),
    ...(settings.prior && "rules" in settings.prior ? keys(settings.prior.rules, priorKey) : []),
  ];
}

/** The rows of the query `inner` with the helpers (`recordHelpersSql`) after their columns. */
export function withHelpersSql(
  d: Dialect,
  inner: string,
  settings: MatchSettings,
  functionSchema: string,
): string {
  // The helpers read the values as compared (trimmed), so over the records above.
  const helpers = recordHelpersSql(d, settings.comparisons, functionSchema, "rec");
  return helpers.length ? `SELECT rec.*, ${helpers.join(", ")} FROM (${inner}) AS rec` : inner;
}

/**
 * Creates the similarity functions the records' helpers and the pairs call, in `schema`, where
 * the warehouse has none built in (Postgres, BigQuery); nothing on DuckDB.
 */
export async function ensureMatchFunctions(
  wh: Warehouse,
  settings: MatchSettings,
  schema: string,
): Promise<void> {
  if (!settings.comparisons.some((c) => c.levels.some((l) => "jaroWinkler" in l))) return;
  const ddl = wh.dialect.jaroWinklerFunction(schema);
  if (ddl) await wh.execute(ddl);
}
