import { UsageError } from "../../errors.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { identifierKeySql } from "./edges.ts";
import { stitchTables } from "./index.ts";

export interface IdentifierRef {
  type: string;
  value: string;
}

/** One link on a path: `weight` null for a deterministic link. */
export interface PathLink {
  from: IdentifierRef;
  to: IdentifierRef;
  weight: number | null;
  source: string | null;
  /** `link`: inside a profile; `cut`: the stitch cut it (see `cut`). */
  status: "link" | "cut";
  /** Why a cut link was cut, from `<model>__cuts`. */
  cut?: string;
}

export interface ProfilePathExplanation {
  model: string;
  a: IdentifierRef & { profileId: string };
  b: IdentifierRef & { profileId: string };
  sameProfile: boolean;
  /**
   * The fewest links from a to b: inside the profile when they share one; otherwise across the
   * cut links that separated them (empty when nothing links them at all).
   */
  path: PathLink[];
  /** Pairs said to be different people, one in each of the two profiles (when they differ). */
  cannotLinks: { a: IdentifierRef; b: IdentifierRef; weight: number }[];
}

/** "email:ann@x.test" -> { type: "email", value: "ann@x.test" } (the value may hold colons). */
export function parseIdentifier(text: string): IdentifierRef {
  const at = text.indexOf(":");
  if (at <= 0 || at === text.length - 1) {
    throw new UsageError(`"${text}" is not an identifier: write it as type:value, e.g. email:ann@mail.test`);
  }
  return { type: text.slice(0, at), value: text.slice(at + 1) };
}

const key = (r: IdentifierRef) => `${r.type}:${r.value}`;

/**
 * Why two identifiers are, or are not, in the same profile of a stitch: the shortest path of links
 * between them (each with its weight), read from the stitch's `<model>__links` and `__cuts`. Only
 * the two profiles' identifiers are read from the output (and hashed into the keys the links name
 * their ends by); the links table is read for the links between two of them.
 */
export async function explainProfilePath(
  wh: Warehouse,
  output: Relation,
  model: string,
  a: IdentifierRef,
  b: IdentifierRef,
): Promise<ProfilePathExplanation> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const t = stitchTables(output);
  const linkTable = await wh.describe(t.links);
  if (!linkTable) {
    throw new UsageError(`${model} has no link table yet; rebuild it (\`cdp build --select ${model}\`)`);
  }
  if (!linkTable.columns.some((c) => c.name === "a_key")) {
    throw new UsageError(
      `${model}'s link table was written by an older version (ends as strings); rebuild it (\`cdp build --select ${model} --full-refresh\`)`,
    );
  }
  const profileOf = async (r: IdentifierRef): Promise<string> => {
    const [row] = await wh.query<{ profile_id: string }>(
      `SELECT profile_id FROM ${q(output)} WHERE identifier_type = ${d.literal(r.type)} AND identifier = ${d.literal(r.value)}`,
    );
    if (!row)
      throw new UsageError(`${key(r)} is not an identifier of ${model} (blocked, set aside or unknown)`);
    return String(row.profile_id);
  };
  const pa = await profileOf(a);
  const pb = await profileOf(b);
  const profiles = [...new Set([pa, pb])].map((p) => d.literal(p)).join(", ");
  // The identifiers of the two profiles with their keys, then the links between two of them.
  const members = `(SELECT identifier_type, identifier, profile_id, ${identifierKeySql(d, "identifier_type", "identifier")} AS k
     FROM ${q(output)} WHERE profile_id IN (${profiles}))`;
  const rows = await wh.query<Record<string, unknown>>(
    `SELECT pa.identifier_type AS a_type, pa.identifier AS a_value, pb.identifier_type AS b_type, pb.identifier AS b_value,
       l.weight, l.source, l.status, pa.profile_id AS pa, pb.profile_id AS pb
     FROM ${q(t.links)} AS l JOIN ${members} AS pa ON pa.k = l.a_key JOIN ${members} AS pb ON pb.k = l.b_key
     ORDER BY pa.identifier_type, pa.identifier, pb.identifier_type, pb.identifier`,
  );
  const ref = (type: unknown, value: unknown): IdentifierRef => ({
    type: String(type),
    value: String(value),
  });
  const weightOf = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  // Breadth-first over the links (cut ones too when the profiles differ): the fewest links.
  const adjacent = new Map<string, PathLink[]>();
  for (const r of rows) {
    if (r.status === "cannot_link") continue;
    const link = {
      from: ref(r.a_type, r.a_value),
      to: ref(r.b_type, r.b_value),
      weight: weightOf(r.weight),
      source: r.source === null ? null : String(r.source),
      status: r.status === "cut" ? ("cut" as const) : ("link" as const),
    };
    if (pa === pb && link.status === "cut") continue;
    for (const [from, to] of [
      [link.from, link.to],
      [link.to, link.from],
    ] as const) {
      const list = adjacent.get(key(from)) ?? [];
      list.push({ ...link, from, to });
      adjacent.set(key(from), list);
    }
  }
  const came = new Map<string, PathLink | null>([[key(a), null]]);
  const queue = [key(a)];
  while (queue.length && !came.has(key(b))) {
    const at = queue.shift()!;
    for (const link of adjacent.get(at) ?? []) {
      if (came.has(key(link.to))) continue;
      came.set(key(link.to), link);
      queue.push(key(link.to));
    }
  }
  const path: PathLink[] = [];
  for (let at = came.get(key(b)); at; at = came.get(key(at.from))) path.unshift(at);
  for (const link of path.filter((l) => l.status === "cut")) {
    const [why] = await wh.query<{ detail: string }>(
      `SELECT detail FROM ${q(t.cuts)} WHERE identifier_type IN (${d.literal(link.from.type)}, ${d.literal(link.to.type)})
         AND identifier IN (${d.literal(link.from.value)}, ${d.literal(link.to.value)})
         AND (detail LIKE ${d.literal(`%${link.to.type} ${link.to.value} %`)} OR detail LIKE ${d.literal(`%${link.from.type} ${link.from.value} %`)})
       ORDER BY ${d.textOrder("detail")} LIMIT 1`,
    );
    if (why) link.cut = String(why.detail);
  }
  const cannotLinks =
    pa === pb
      ? []
      : rows
          .filter((r) => r.status === "cannot_link" && r.pa !== r.pb)
          .map((r) => ({
            a: ref(r.a_type, r.a_value),
            b: ref(r.b_type, r.b_value),
            weight: Number(r.weight),
          }));
  return {
    model,
    a: { ...a, profileId: pa },
    b: { ...b, profileId: pb },
    sameProfile: pa === pb,
    path,
    cannotLinks,
  };
}
