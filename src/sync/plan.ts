import type { Operation } from "../connector-kit/connector.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";
import type { SyncMode } from "./config.ts";
import { SyncError } from "./errors.ts";
import { BASE, HASH, KEY, type MappedField, mappedSelectSql, OP, PREVIOUS, RETRY } from "./mapping-sql.ts";
import type { StateTables } from "./state.ts";

/**
 * How each kind of difference is sent in each mode; a kind missing from a mode is skipped.
 * `retired`: a key that left the model because identity resolution merged (or split) that profile
 * into another id; it is removed from the destination in every mode (remove-old/add-new), when the
 * sync names its identity model and the destination can delete.
 */
export const MODE_OPERATIONS: Record<
  SyncMode,
  Partial<Record<"added" | "changed" | "removed" | "retired", Operation>>
> = {
  upsert: { added: "upsert", changed: "upsert", retired: "delete" },
  update: { added: "update", changed: "update", retired: "delete" },
  insert: { added: "insert", retired: "delete" },
  mirror: { added: "upsert", changed: "upsert", removed: "delete", retired: "delete" },
  audience: { added: "add", changed: "add", removed: "remove", retired: "remove" },
};

export interface PlanCounts {
  added: number;
  changed: number;
  removed: number;
  /** Keys merged into another profile id by identity resolution, removed before the rest is sent. */
  retired: number;
  /** Planned rows the mode does not send (e.g. changes in `insert` mode). */
  skipped: number;
  /** Planned rows that failed in an earlier run. */
  retried: number;
  /** Rows to send. */
  planned: number;
}

export interface PlanInput {
  modelRelation: Relation;
  primaryKey: string;
  fields: MappedField[];
  mode: SyncMode;
  fullResync: boolean;
  /** Carry the fields last delivered (snapshot `fields`), for connectors that remove by data. */
  previousFields?: boolean;
  /** The identity model's merges table (old_profile_id → new_profile_id): retire merged keys. */
  merges?: Relation;
}

/**
 * Stops the sync when the key is NULL or repeated, before anything is sent, showing up to 10
 * offending keys.
 */
export async function checkKeys(wh: Warehouse, input: PlanInput, sync: string): Promise<void> {
  const d = wh.dialect;
  const k = d.quoteIdentifier(input.primaryKey);
  const bad = await wh.query<{ key: string | null; n: number }>(
    `SELECT ${d.cast(k, "string")} AS key, COUNT(*) AS n FROM ${d.quoteRelation(input.modelRelation)}
     GROUP BY ${k} HAVING ${k} IS NULL OR COUNT(*) > 1 ORDER BY COUNT(*) DESC, 1 LIMIT 10`,
  );
  if (!bad.length) return;
  const lines = bad.map((b) =>
    b.key === null ? `NULL (${b.n} rows)` : `${JSON.stringify(b.key)} (${b.n} rows)`,
  );
  throw new SyncError(
    `sync "${sync}": primary key ${input.primaryKey} of ${input.modelRelation.name} must be non-null and unique, but is not:\n      ${lines.join("\n      ")}\n    nothing was sent; fix the model (deduplicate, filter NULL keys) or the sync's primaryKey`,
  );
}

/**
 * The plan as SQL: the model's mapped rows joined with the snapshot of what was delivered.
 * `added` (key not in the snapshot), `changed` (hash differs), `removed` (in the snapshot, gone
 * from the model); with `--full-resync` every row of the model is sent again. Rows that failed
 * before are marked, since they come back through the same rules (their snapshot was not moved).
 * With `previousFields`, each row also carries what was last delivered for its key. `delivered`
 * replaces the snapshot table (a subquery from `deliveredSql`, for a journal not yet folded).
 * `part` keeps only the keys whose hash falls in that part of `of` (see `plan-parts.ts`).
 */
export function planSql(
  wh: Warehouse,
  t: StateTables,
  input: PlanInput,
  delivered?: string,
  part?: { index: number; of: number },
): string {
  const d = wh.dialect;
  const q = d.quoteIdentifier;
  const inPart = (key: string) => (part ? ` WHERE ${d.hashInt(key)} % ${part.of} = ${part.index}` : "");
  // A part's rows are picked before their fields are mapped and hashed.
  const model = part
    ? `(SELECT * FROM ${d.quoteRelation(input.modelRelation)} AS mp${inPart(d.cast(`mp.${q(input.primaryKey)}`, "string"))}) AS m0`
    : d.quoteRelation(input.modelRelation);
  const cur = mappedSelectSql(d, model, input.primaryKey, input.fields);
  const removals = MODE_OPERATIONS[input.mode].removed !== undefined;
  const fieldCols = input.fields.map((f) => `c.${q(f.name)}`).join(", ");
  const changedCondition = input.fullResync ? "c.__k IS NOT NULL" : `s.key IS NULL OR s.hash <> c.${q(HASH)}`;
  // A key gone from the model that identity resolution merged into another id is "retired".
  const merged = input.merges
    ? `LEFT JOIN (SELECT DISTINCT old_profile_id FROM ${d.quoteRelation(input.merges)}) AS mg ON c.__k IS NULL AND mg.old_profile_id = s.key`
    : "";
  const gone = input.merges
    ? "CASE WHEN mg.old_profile_id IS NOT NULL THEN 'retired' ELSE 'removed' END"
    : "'removed'";
  const snapshot = delivered ?? d.quoteRelation(t.snapshot);
  const goneCondition = removals ? "c.__k IS NULL" : input.merges ? "mg.old_profile_id IS NOT NULL" : "";
  return `SELECT p.*, CASE WHEN e.key IS NULL THEN FALSE ELSE TRUE END AS ${q(RETRY)} FROM (
  SELECT CASE WHEN c.__k IS NULL THEN ${gone} WHEN s.key IS NULL THEN 'added' ELSE 'changed' END AS ${q(OP)},
    COALESCE(c.__k, s.key) AS ${q(KEY)}, c.${q(HASH)}, s.hash AS ${q(BASE)}${fieldCols ? `, ${fieldCols}` : ""}${input.previousFields ? `, s.fields AS ${q(PREVIOUS)}` : ""}
  FROM (SELECT cm.*, cm.${q(KEY)} AS __k FROM (${cur}) AS cm) AS c
  FULL OUTER JOIN ${part ? `(SELECT * FROM ${snapshot} AS sp${inPart("sp.key")})` : snapshot} AS s ON s.key = c.__k
  ${merged}
  WHERE (c.__k IS NOT NULL AND (${changedCondition}))${goneCondition ? ` OR (${goneCondition})` : ""}
) AS p LEFT JOIN ${d.quoteRelation(t.errors)} AS e ON e.key = p.${q(KEY)}`;
}

/** Counts of a plan (a table or a subquery), by kind, against the mode's operations. */
export async function countPlan(wh: Warehouse, planFrom: string, mode: SyncMode): Promise<PlanCounts> {
  const d = wh.dialect;
  const rows = await wh.query<{ op: string; n: number; retried: number }>(
    `SELECT ${d.quoteIdentifier(OP)} AS op, COUNT(*) AS n,
       SUM(CASE WHEN ${d.quoteIdentifier(RETRY)} THEN 1 ELSE 0 END) AS retried
     FROM ${planFrom} GROUP BY 1`,
  );
  const counts: PlanCounts = {
    added: 0,
    changed: 0,
    removed: 0,
    retired: 0,
    skipped: 0,
    retried: 0,
    planned: 0,
  };
  for (const r of rows) {
    const kind = r.op as "added" | "changed" | "removed" | "retired";
    counts[kind] = Number(r.n);
    if (MODE_OPERATIONS[mode][kind]) {
      counts.planned += Number(r.n);
      counts.retried += Number(r.retried ?? 0);
    } else counts.skipped += Number(r.n);
  }
  return counts;
}

/**
 * The SQL condition selecting the plan rows the mode sends, in two phases: retired keys first
 * (removing the old id before the new one arrives keeps a destination that is unique on, say,
 * email from refusing the new record or holding the person twice), then everything else.
 */
export function sentCondition(wh: Warehouse, mode: SyncMode, phase: "retired" | "rest"): string {
  const kinds = Object.keys(MODE_OPERATIONS[mode])
    .filter((k) => (phase === "retired") === (k === "retired"))
    .map((k) => wh.dialect.literal(k));
  return `${wh.dialect.quoteIdentifier(OP)} IN (${kinds.join(", ")})`;
}
