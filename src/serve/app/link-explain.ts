import { levelWords, likelihoodWords } from "../../identity/match/explain.ts";
import type { MatchSettings } from "../../identity/match/settings.ts";
import { gammaColumn, RECORD_ID, weightColumn, weightOf } from "../../identity/match/sql.ts";
import type { ModelNode } from "../../project/types.ts";
import type { Row, Warehouse } from "../../warehouse/types.ts";
import type { Profile360 } from "../ui/live-types.ts";
import type { ProfileContext } from "./profile360.ts";

const signed = (w: number) => `${w >= 0 ? "+" : ""}${w.toFixed(2)}`;
const percent = (p: number) => `${(p * 100).toFixed(p > 0.999 || p < 0.001 ? 4 : 1)}%`;

/**
 * The probabilistic links behind a profile: pairs of a match model whose records are among the
 * profile's identifiers (`<type>:<value>`, as match models name records) or source records, each
 * explained with the words of `cdp identity explain`, from the levels and weights the build saved
 * and the values compared, read from the match model's records.
 */
export async function explainLinks(
  ctx: ProfileContext,
  ids: { type: string; value: string }[],
  records: { source: string; record_id: string }[],
): Promise<Profile360["links"]> {
  const { wh } = ctx;
  const d = wh.dialect;
  const candidates = [
    ...new Set([
      ...ids.map((i) => `${i.type}:${i.value}`),
      ...ids.map((i) => i.value),
      ...records.map((r) => r.record_id),
    ]),
  ];
  if (!candidates.length) return [];
  const list = candidates.map((c) => d.literal(c)).join(", ");
  const links: Profile360["links"] = [];
  for (const model of ctx.models.matches) {
    const settings = model.config.settings ? ctx.matchSettings[model.config.settings] : undefined;
    if (!settings || !(await wh.describe(model.relation))) continue;
    const rows = await wh.query(
      `SELECT * FROM ${d.quoteRelation(model.relation)}
       WHERE ${d.cast("record_id_l", "string")} IN (${list}) OR ${d.cast("record_id_r", "string")} IN (${list})
       ORDER BY match_weight DESC LIMIT 50`,
    );
    const values = await comparedValues(
      wh,
      model,
      settings,
      rows.flatMap((r) => [String(r.record_id_l), String(r.record_id_r)]),
    );
    for (const r of rows) {
      const left = values.get(String(r.record_id_l));
      const right = values.get(String(r.record_id_r));
      const matchWeight = Number(r.match_weight);
      const lines = [`Why ${model.name} scores ${r.record_id_l} and ${r.record_id_r} as it does`];
      let comparisonsWeight = 0;
      for (const c of settings.comparisons) {
        const gamma = Number(r[gammaColumn(c)] ?? -1);
        const weight = gamma >= 0 ? Number(r[weightColumn(c)] ?? 0) : 0;
        comparisonsWeight += weight;
        lines.push(
          `  ${levelWords(c.label ?? c.column, c.levels, gamma)}: ${shown(left?.[c.column])} and ${shown(right?.[c.column])}`,
        );
        if (gamma >= 0) lines.push(`    ${likelihoodWords(2 ** weight)}: weight ${signed(weight)}`);
      }
      const prior = matchWeight - comparisonsWeight;
      lines.splice(
        1,
        0,
        `  Before looking at any detail: prior weight ${signed(prior)}`,
        "  Then each comparison:",
      );
      lines.push(
        `  Total match weight ${signed(matchWeight)}: match probability ${percent(Number(r.match_probability))}, ${matchWeight >= weightOf(settings.threshold) ? "at or above" : "below"} the threshold ${settings.threshold}`,
        `  A match: the pair is in ${model.name} and becomes an identity edge.`,
      );
      links.push({
        model: model.name,
        record_a: String(r.record_id_l),
        record_b: String(r.record_id_r),
        probability: Number(r.match_probability),
        explanation: lines.join("\n"),
      });
    }
  }
  return links;
}

/** A compared value as the explanation quotes it. */
function shown(value: unknown): string {
  if (value == null) return "(none)";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(typeof value === "bigint" ? Number(value) : value);
}

/**
 * The compared columns of `ids` in the match model's records (its compiled SQL, read only: the
 * app never writes), by record id. Empty when the records cannot be read (a source gone since the
 * build): the explanation then goes without values.
 */
async function comparedValues(
  wh: Warehouse,
  model: ModelNode,
  settings: MatchSettings,
  ids: string[],
): Promise<Map<string, Row>> {
  const d = wh.dialect;
  const columns = [...new Set(settings.comparisons.map((c) => c.column))];
  const id = d.cast(d.quoteIdentifier(RECORD_ID), "string");
  try {
    const rows = await wh.query(
      `SELECT ${id} AS ${d.quoteIdentifier("__id")}, ${columns.map((c) => d.quoteIdentifier(c)).join(", ")}
       FROM (${model.compiledSql}) AS records
       WHERE ${id} IN (${[...new Set(ids)].map((v) => d.literal(v)).join(", ")})`,
    );
    return new Map(rows.map((r) => [String(r.__id), r]));
  } catch {
    return new Map();
  }
}
