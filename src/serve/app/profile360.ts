import type { MatchSettings } from "../../identity/match/settings.ts";
import { normalizeSql } from "../../identity/stitch/normalize-sql.ts";
import type { Ruleset } from "../../identity/stitch/rules.ts";
import type { ModelNode } from "../../project/types.ts";
import type { Row, Warehouse } from "../../warehouse/types.ts";
import type { Profile360, SearchMatch } from "../ui/live-types.ts";
import type { ProfileModels } from "./discover.ts";
import { explainLinks } from "./link-explain.ts";

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));
const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? Number(v) : v);

export interface ProfileContext {
  wh: Warehouse;
  models: ProfileModels;
  rules: Ruleset;
  matchSettings: Record<string, MatchSettings>;
}

/**
 * The profiles holding `query`: as an identifier of `type` (or of any type), normalised as the
 * stitch normalised it, or as a source record id.
 */
export async function searchProfiles(
  ctx: ProfileContext,
  query: string,
  type?: string,
): Promise<SearchMatch[]> {
  const { wh, models } = ctx;
  const d = wh.dialect;
  const q = (c: string) => d.quoteIdentifier(c);
  if (!models.graph || !query) return [];
  const graph = d.quoteRelation(models.graph.relation);
  const types = type
    ? [type]
    : (await wh.query<{ t: string }>(`SELECT DISTINCT ${q("identifier_type")} AS t FROM ${graph}`)).map((r) =>
        String(r.t),
      );
  if (!types.length) return [];
  const conditions = types.map(
    (t) =>
      `(${q("identifier_type")} = ${d.literal(t)} AND ${q("identifier")} = ${normalizeSql(d, ctx.rules, d.literal(t), d.literal(query))})`,
  );
  const rows = await wh.query(
    `SELECT ${q("profile_id")} AS p, ${q("identifier_type")} AS t, ${q("identifier")} AS v FROM ${graph} WHERE ${conditions.join(" OR ")} LIMIT 20`,
  );
  const matches = rows.map((r) => ({
    profile_id: String(r.p),
    identifier_type: String(r.t),
    identifier: String(r.v),
  }));
  if (!type && models.records) {
    const records = await wh.query(
      `SELECT ${q("profile_id")} AS p, ${q("source")} AS s, ${q("record_id")} AS r FROM ${d.quoteRelation(models.records.relation)}
       WHERE ${d.cast(q("record_id"), "string")} = ${d.literal(query)} LIMIT 20`,
    );
    for (const r of records)
      matches.push({ profile_id: String(r.p), identifier_type: `record of ${r.s}`, identifier: String(r.r) });
  }
  return matches;
}

async function rowsOf(wh: Warehouse, model: ModelNode, profileId: string, limit = 1000): Promise<Row[]> {
  const d = wh.dialect;
  return wh.query(
    `SELECT * FROM ${d.quoteRelation(model.relation)} WHERE ${d.quoteIdentifier("profile_id")} = ${d.literal(profileId)} LIMIT ${limit}`,
  );
}

/** Where each identifier came from: the stitch's input edges, normalised as it normalised them. */
async function identifierSources(
  ctx: ProfileContext,
  graph: ModelNode,
  ids: { type: string; value: string }[],
) {
  const { wh } = ctx;
  const d = wh.dialect;
  const out = new Map<string, { sources: string[]; first: string | null; last: string | null }>();
  if (!ids.length) return out;
  const side = (s: "a" | "b") =>
    `SELECT ${d.cast(`e.${s}_type`, "string")} AS ty, ${normalizeSql(d, ctx.rules, d.cast(`e.${s}_type`, "string"), `e.${s}_value`)} AS val, e.source AS src, e.seen_at AS seen FROM (${graph.compiledSql}) AS e`;
  const wanted = ids.map((i) => `(ty = ${d.literal(i.type)} AND val = ${d.literal(i.value)})`).join(" OR ");
  try {
    const rows = await wh.query(
      `SELECT ty, val, src, MIN(seen) AS first_seen, MAX(seen) AS last_seen FROM (${side("a")} UNION ALL ${side("b")}) AS x
       WHERE ${wanted} GROUP BY ty, val, src ORDER BY ty, val, src`,
    );
    for (const r of rows) {
      const key = `${r.ty}\u0001${r.val}`;
      const entry = out.get(key) ?? { sources: [], first: null, last: null };
      if (r.src != null) entry.sources.push(String(r.src));
      const first = text(r.first_seen);
      const last = text(r.last_seen);
      if (first && (!entry.first || first < entry.first)) entry.first = first;
      if (last && (!entry.last || last > entry.last)) entry.last = last;
      out.set(key, entry);
    }
  } catch {
    // The stitch's input has no `source` or `seen_at` column: the identifiers are shown without them.
  }
  return out;
}

/** Which sources hold each value of the golden record, read from the golden model's inputs. */
async function goldenSources(ctx: ProfileContext, parents: ModelNode[], values: Row, profileId: string) {
  const out: Record<string, { value: unknown; source?: string }> = {};
  for (const [k, v] of Object.entries(values)) out[k] = { value: plain(v) };
  const d = ctx.wh.dialect;
  for (const parent of parents) {
    let rows: Row[];
    try {
      rows = await ctx.wh.query(
        `SELECT * FROM (${parent.compiledSql}) AS r WHERE ${d.quoteIdentifier("profile_id")} = ${d.literal(profileId)} LIMIT 500`,
      );
    } catch {
      continue;
    }
    if (!rows.length || !("source" in rows[0]!)) continue;
    for (const [k, entry] of Object.entries(out)) {
      if (k === "profile_id" || entry.value == null) continue;
      const from = new Set(
        rows
          .filter(
            (r) => r[k] != null && String(plain(r[k])).toLowerCase() === String(entry.value).toLowerCase(),
          )
          .map((r) => String(r.source)),
      );
      if (from.size) entry.source = [...from].join(", ");
    }
    break;
  }
  return out;
}

export async function profile360(
  ctx: ProfileContext,
  profileId: string,
  parentsOf: (m: ModelNode) => ModelNode[],
): Promise<Profile360 | undefined> {
  const { wh, models } = ctx;
  const d = wh.dialect;
  const q = (c: string) => d.quoteIdentifier(c);
  if (!models.graph) return undefined;
  const idRows = await rowsOf(wh, models.graph, profileId);
  if (!idRows.length) return undefined;
  const ids = idRows.map((r) => ({ type: String(r.identifier_type), value: String(r.identifier) }));
  const sources = await identifierSources(ctx, models.graph, ids);
  const [golden, ...traitTables] = models.profileTables;
  const goldenRow = golden ? (await rowsOf(wh, golden, profileId, 1))[0] : undefined;
  const traits: Record<string, unknown> = {};
  for (const t of traitTables) {
    const [row] = await rowsOf(wh, t, profileId, 1);
    for (const [k, v] of Object.entries(row ?? {})) if (k !== "profile_id") traits[k] = plain(v);
  }
  const audiences: string[] = [];
  for (const a of models.audiences) if ((await rowsOf(wh, a, profileId, 1)).length) audiences.push(a.name);
  const records = models.records
    ? (await rowsOf(wh, models.records, profileId)).map((r) => ({
        source: String(r.source),
        record_id: String(r.record_id),
      }))
    : [];
  const mergesRel = { ...models.graph.relation, name: `${models.graph.relation.name}__merges` };
  const merges = (await wh.describe(mergesRel))
    ? (
        await wh.query(
          `SELECT * FROM ${d.quoteRelation(mergesRel)} WHERE ${q("old_profile_id")} = ${d.literal(profileId)} OR ${q("new_profile_id")} = ${d.literal(profileId)} ORDER BY ${q("recorded_at")} DESC LIMIT 100`,
        )
      ).map((r) => ({
        at: text(r.recorded_at),
        from: String(r.old_profile_id),
        to: String(r.new_profile_id),
        reason: String(r.reason),
      }))
    : [];
  return {
    profile_id: profileId,
    identifiers: ids.map((i) => {
      const s = sources.get(`${i.type}\u0001${i.value}`);
      return { ...i, sources: s?.sources ?? [], first_seen: s?.first ?? null, last_seen: s?.last ?? null };
    }),
    records,
    golden:
      golden && goldenRow ? await goldenSources(ctx, parentsOf(golden), goldenRow, profileId) : undefined,
    traits,
    audiences,
    merges,
    links: await explainLinks(ctx, ids, records),
  };
}
