import { normalizeSql } from "../identity/stitch/normalize-sql.ts";
import type { Ruleset } from "../identity/stitch/rules.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";

/** What the profile API reads: relations resolved from `api:` in cdp.config.ts. */
export interface IndexSpec {
  identity: Relation;
  /** Per relation keyed by `profile_id`, the columns exposed as traits. */
  fields: { relation: Relation; columns: string[] }[];
  audiences: { name: string; relation: Relation }[];
  identifierTypes?: string[];
  /** The stitch model's rules: a looked-up value is normalised as the stitch normalised it. */
  rules?: Ruleset;
}

/** The answer to one lookup: only what `api:` exposes. */
export interface ProfileAnswer {
  profile_id: string;
  traits: Record<string, unknown>;
  audiences: string[];
}

const BATCH = 50_000;

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}

/**
 * Every identifier of every profile, in memory: a lookup is one hash probe, never a query. Built
 * from one pass over each relation after each build; the server swaps in the new index when done.
 */
export class ProfileIndex {
  private constructor(
    /** Per identifier type, the profile (an index into profileIds) of each value. */
    private readonly byIdentifier: Map<string, Map<string, number>>,
    private readonly profileIds: string[],
    private readonly traits: (Record<string, unknown> | undefined)[],
    private readonly memberships: (string[] | undefined)[],
    private readonly types: Set<string>,
    private readonly normalize: ((type: string, value: string) => Promise<string | null>) | undefined,
    readonly builtAt: Date,
  ) {}

  get size(): { profiles: number; identifiers: number } {
    let identifiers = 0;
    for (const m of this.byIdentifier.values()) identifiers += m.size;
    return { profiles: this.profileIds.length, identifiers };
  }

  /** Whether `type` may be looked up (and exists in the identity model). */
  hasType(type: string): boolean {
    return this.types.has(type);
  }

  /** The profile holding the identifier as stored (already normalised), without I/O. */
  lookupExact(type: string, value: string): ProfileAnswer | undefined {
    const ord = this.byIdentifier.get(type)?.get(value);
    return ord === undefined ? undefined : this.answer(ord);
  }

  /** The exact value first; else the value cleaned by the stitch's normaliser for its type. */
  async lookup(type: string, value: string): Promise<ProfileAnswer | undefined> {
    const exact = this.lookupExact(type, value);
    if (exact || !this.normalize) return exact;
    const cleaned = await this.normalize(type, value);
    return cleaned === null || cleaned === value ? undefined : this.lookupExact(type, cleaned);
  }

  private answer(ord: number): ProfileAnswer {
    return {
      profile_id: this.profileIds[ord]!,
      traits: this.traits[ord] ?? {},
      audiences: this.memberships[ord] ?? [],
    };
  }

  static async build(wh: Warehouse, spec: IndexSpec): Promise<ProfileIndex> {
    const d = wh.dialect;
    const q = (c: string) => d.quoteIdentifier(c);
    const byIdentifier = new Map<string, Map<string, number>>();
    const ordinals = new Map<string, number>();
    const profileIds: string[] = [];
    const ordinal = (id: string) => {
      let o = ordinals.get(id);
      if (o === undefined) {
        o = profileIds.length;
        profileIds.push(id);
        ordinals.set(id, o);
      }
      return o;
    };
    const types = new Set<string>();
    const allowed = spec.identifierTypes ? new Set(spec.identifierTypes) : undefined;
    const where = spec.identifierTypes
      ? ` WHERE ${q("identifier_type")} IN (${spec.identifierTypes.map((t) => d.literal(t)).join(", ")})`
      : "";
    const identitySql = `SELECT ${q("identifier_type")} AS t, ${q("identifier")} AS v, ${q("profile_id")} AS p FROM ${d.quoteRelation(spec.identity)}${where}`;
    for await (const rows of wh.stream<{ t: string; v: string; p: string }>(identitySql, {
      batchSize: BATCH,
    })) {
      for (const r of rows) {
        if (r.v === null || r.p === null) continue;
        let values = byIdentifier.get(r.t);
        if (!values) {
          values = new Map();
          byIdentifier.set(r.t, values);
          types.add(r.t);
        }
        values.set(String(r.v), ordinal(String(r.p)));
      }
    }
    if (allowed) for (const t of allowed) types.add(t);
    const traits: (Record<string, unknown> | undefined)[] = [];
    for (const { relation, columns } of spec.fields) {
      const sql = `SELECT ${q("profile_id")} AS ${q("__profile_id")}, ${columns.map(q).join(", ")} FROM ${d.quoteRelation(relation)}`;
      for await (const rows of wh.stream(sql, { batchSize: BATCH })) {
        for (const r of rows) {
          const o = ordinals.get(String(r.__profile_id));
          if (o === undefined) continue;
          const t = traits[o] ?? {};
          for (const c of columns) t[c] = jsonValue(r[c]);
          traits[o] = t;
        }
      }
    }
    const memberships: (string[] | undefined)[] = [];
    for (const { name, relation } of spec.audiences) {
      const sql = `SELECT DISTINCT ${q("profile_id")} AS p FROM ${d.quoteRelation(relation)}`;
      for await (const rows of wh.stream<{ p: string }>(sql, { batchSize: BATCH })) {
        for (const r of rows) {
          const o = ordinals.get(String(r.p));
          if (o === undefined) continue;
          const m = memberships[o] ?? [];
          m.push(name);
          memberships[o] = m;
        }
      }
    }
    const rules = spec.rules;
    const normalize = rules
      ? async (type: string, value: string) => {
          const sql = `SELECT ${normalizeSql(d, rules, d.literal(type), d.literal(value))} AS v`;
          const [row] = await wh.query<{ v: string | null }>(sql);
          return row?.v ?? null;
        }
      : undefined;
    return new ProfileIndex(byIdentifier, profileIds, traits, memberships, types, normalize, new Date());
  }
}
