import type { Relation, Warehouse } from "../../warehouse/types.ts";

/**
 * Profile ids that survive runs. Each component (from `labels`) looks up the ids its identifiers
 * had last run (the current output table):
 * - an old id whose identifiers all landed in this one component is "intact"; the component keeps
 *   the oldest intact id (by the registry's created_at, then id), so a profile keeps its id as it
 *   grows, and on a merge the older one survives;
 * - with no intact id (a new person, or a split caused by new rules or data), the id is derived
 *   from the component's smallest identifier (and, for a split, the id it split from), so the same
 *   input gives the same ids whatever the row order or thread count.
 * Every old id that is not carried forward is recorded in `merges` as merge or split.
 */
export async function assignProfileIds(
  wh: Warehouse,
  t: {
    /** `id, label, type, value`: each identifier with its component (see `connectedComponents`' `named`). */
    labels: Relation;
    /** The identifier types (`StitchGraph.types`; a type without identifiers left does no harm). */
    types: string[];
    output: Relation;
    profiles: Relation;
    merges: Relation;
    work: (name: string) => Relation;
  },
  runId: string,
): Promise<{ merges: number; splits: number; identifiers: number; profiles: number }> {
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const hasPrevious = (await wh.describe(t.output)) !== undefined;
  if (!(await wh.describe(t.profiles))) {
    await wh.replaceTable(
      t.profiles,
      `SELECT ${d.cast("NULL", "string")} AS profile_id, ${d.cast("NULL", "timestamp")} AS created_at, ${d.cast("NULL", "string")} AS created_run WHERE 1 = 0`,
      // Each run inserts its new profiles: at 1M, ~0.18 s against ~0.28 without the dictionary's trial.
      { distinctText: ["profile_id"] },
    );
  }
  if (!(await wh.describe(t.merges))) {
    await wh.replaceTable(
      t.merges,
      `SELECT ${d.cast("NULL", "string")} AS old_profile_id, ${d.cast("NULL", "string")} AS new_profile_id, ${d.cast("NULL", "string")} AS reason, ${d.cast("NULL", "string")} AS run_id, ${d.cast("NULL", "timestamp")} AS recorded_at WHERE 1 = 0`,
    );
  }
  // Every identifier with its component: the labels carry the identifiers' strings, which are
  // written once, into the output.
  const current = `(SELECT type, value, label AS comp FROM ${q(t.labels)})`;
  const candidates = t.work("candidates");
  await wh.replaceTable(
    candidates,
    hasPrevious
      ? `SELECT DISTINCT c.comp, o.profile_id AS old_id FROM ${current} AS c
         JOIN ${q(t.output)} AS o ON o.identifier_type = c.type AND o.identifier = c.value`
      : `SELECT label AS comp, ${d.cast("NULL", "string")} AS old_id FROM ${q(t.labels)} WHERE 1 = 0`,
  );
  const assigned = t.work("assigned");
  const profiles = await wh.replaceTable(
    assigned,
    `WITH spread AS (
       SELECT old_id, COUNT(*) AS parts FROM ${q(candidates)} GROUP BY old_id
     ), intact AS (
       SELECT c.comp, c.old_id, p.created_at FROM ${q(candidates)} AS c
       JOIN spread AS s ON s.old_id = c.old_id AND s.parts = 1
       LEFT JOIN ${q(t.profiles)} AS p ON p.profile_id = c.old_id
     ), ranked AS (
       SELECT comp, old_id, ROW_NUMBER() OVER (PARTITION BY comp ORDER BY created_at, old_id) AS r FROM intact
     ), keys AS (${smallestKeys(wh, t.labels, t.types, current)}), split_from AS (
       SELECT comp, MIN(old_id) AS old_id FROM ${q(candidates)} GROUP BY comp
     )
     SELECT k.comp,
       COALESCE(r.old_id, CONCAT('p_', SUBSTR(${d.sha256(`CONCAT(k.min_key, COALESCE(CONCAT('|', sf.old_id), ''))`)}, 1, 20))) AS profile_id
     FROM keys AS k
     LEFT JOIN ranked AS r ON r.comp = k.comp AND r.r = 1
     LEFT JOIN split_from AS sf ON sf.comp = k.comp`,
  );
  // Record what happened to every old id that is not carried forward.
  const changes = t.work("changes");
  await wh.replaceTable(
    changes,
    `WITH spread AS (SELECT old_id, COUNT(*) AS parts FROM ${q(candidates)} GROUP BY old_id)
     SELECT DISTINCT c.old_id AS old_profile_id, a.profile_id AS new_profile_id,
       CASE WHEN s.parts > 1 THEN 'split' ELSE 'merge' END AS reason,
       ${d.literal(runId)} AS run_id, ${d.currentTimestamp()} AS recorded_at
     FROM ${q(candidates)} AS c JOIN ${q(assigned)} AS a ON a.comp = c.comp
     JOIN spread AS s ON s.old_id = c.old_id
     WHERE a.profile_id <> c.old_id`,
  );
  const fresh = t.work("fresh");
  await wh.replaceTable(
    fresh,
    `SELECT DISTINCT a.profile_id, ${d.currentTimestamp()} AS created_at, ${d.literal(runId)} AS created_run
     FROM ${q(assigned)} AS a WHERE NOT EXISTS (SELECT 1 FROM ${q(t.profiles)} AS p WHERE p.profile_id = a.profile_id)`,
  );
  const [counts] = await wh.query<{ merges: number; splits: number }>(
    `SELECT COALESCE(SUM(CASE WHEN reason = 'merge' THEN 1 ELSE 0 END), 0) AS merges,
            COALESCE(SUM(CASE WHEN reason = 'split' THEN 1 ELSE 0 END), 0) AS splits FROM ${q(changes)}`,
  );
  // History first, then the output: a crash in between re-derives the same ids next run.
  await wh.insertInto(t.profiles, fresh, ["profile_id", "created_at", "created_run"]);
  await wh.insertInto(t.merges, changes, [
    "old_profile_id",
    "new_profile_id",
    "reason",
    "run_id",
    "recorded_at",
  ]);
  const identifiers = await wh.replaceTable(
    t.output,
    `SELECT c.type AS identifier_type, c.value AS identifier, a.profile_id
     FROM ${current} AS c JOIN ${q(assigned)} AS a ON a.comp = c.comp`,
    { distinctText: ["identifier", "profile_id"] },
  );
  return {
    merges: Number(counts?.merges ?? 0),
    splits: Number(counts?.splits ?? 0),
    identifiers: identifiers.rows,
    // One row per component, each with its own id (an intact old id belongs to one component;
    // a new one hashes the component's own smallest identifier).
    profiles: profiles.rows,
  };
}

/**
 * `comp, min_key`: each component's smallest `type:value`. Node ids follow the identifiers'
 * (type, value) order, and while no type is another type followed by a character that sorts
 * before ':' ("web" and "web-2"), that order is the order of `type:value` too: the smallest key
 * is then the smallest id's, an integer aggregate and one join. Otherwise the keys are compared
 * as text. `types` are those numbered: one more than the labels hold can only choose the text
 * comparison, which gives the same keys.
 */
function smallestKeys(wh: Warehouse, labels: Relation, types: string[], current: string): string {
  const q = (r: Relation) => wh.dialect.quoteRelation(r);
  const keyOrderIsIdOrder = types.every((a) =>
    types.every(
      (b) => b.length <= a.length || !b.startsWith(a) || b.charCodeAt(a.length) > ":".charCodeAt(0),
    ),
  );
  if (!keyOrderIsIdOrder) {
    return `SELECT comp, MIN(CONCAT(type, ':', value)) AS min_key FROM ${current} AS c GROUP BY comp`;
  }
  return `SELECT m.comp, CONCAT(n.type, ':', n.value) AS min_key
       FROM (SELECT label AS comp, MIN(id) AS id FROM ${q(labels)} GROUP BY label) AS m
       JOIN ${q(labels)} AS n ON n.id = m.id`;
}
