import { randomBytes } from "node:crypto";
import type { ModelNode } from "../../project/types.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { ModelRunError } from "./incremental.ts";

/**
 * The columns a snapshot adds to the query's, dbt's `dbt_*` under our prefix: the version's id,
 * when it became and stopped being current (NULL: it still is), and the source's `updated_at`
 * (timestamp strategy) or the run's time (check strategy) it was taken at.
 */
export const SNAPSHOT_COLUMNS = {
  scdId: "cdp_scd_id",
  validFrom: "cdp_valid_from",
  validTo: "cdp_valid_to",
  updatedAt: "cdp_updated_at",
} as const;
const CHANGE = "cdp_change_type";
const RESERVED = new Set<string>([...Object.values(SNAPSHOT_COLUMNS), CHANGE]);

/** Why a snapshot's query or config cannot be snapshotted, checked on the staged rows. */
async function checkStaged(
  wh: Warehouse,
  stage: Relation,
  model: ModelNode,
  keys: string[],
  columns: string[],
): Promise<void> {
  const d = wh.dialect;
  const q = (c: string) => d.quoteIdentifier(c);
  const have = new Set(columns.map((c) => c.toLowerCase()));
  const missing = [...keys, ...(model.config.updated_at ? [model.config.updated_at] : [])]
    .concat(model.config.check_cols === "all" ? [] : (model.config.check_cols ?? []))
    .filter((c) => !have.has(c.toLowerCase()));
  if (missing.length) {
    throw new ModelRunError(
      `snapshot ${model.name}: the query has no column ${missing.join(", ")} (named by its unique_key, updated_at or check_cols)`,
    );
  }
  const reserved = columns.filter((c) => RESERVED.has(c.toLowerCase()));
  if (reserved.length) {
    throw new ModelRunError(
      `snapshot ${model.name}: the query selects ${reserved.join(", ")}, which the snapshot adds itself; rename them`,
    );
  }
  const cols = keys.map(q).join(", ");
  const nullable = [...keys, ...(model.config.updated_at ? [model.config.updated_at] : [])];
  const [bad] = await wh.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT ${cols} FROM ${d.quoteRelation(stage)} GROUP BY ${cols} HAVING COUNT(*) > 1) AS dup`,
  );
  const [nulls] = await wh.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${d.quoteRelation(stage)} WHERE ${nullable.map((c) => `${q(c)} IS NULL`).join(" OR ")}`,
  );
  if (Number(bad?.n ?? 0) || Number(nulls?.n ?? 0)) {
    throw new ModelRunError(
      `snapshot ${model.name}: unique_key (${keys.join(", ")}) must be unique and, with updated_at, non-null in the query's rows (${Number(bad?.n ?? 0)} duplicated keys, ${Number(nulls?.n ?? 0)} rows with NULL); nothing was written`,
    );
  }
}

/**
 * `snapshot`: slowly changing dimension, type 2. Each run compares the query's rows with the
 * current versions (`cdp_valid_to` NULL) by `unique_key`: a new key gets a version; a changed one
 * (timestamp: `updated_at` later than the version's; check: a `check_cols` column distinct) gets
 * its version closed and a new one; with `hard_deletes="invalidate"`, a key gone from the query
 * gets its version closed. The changes are staged, then applied by one MERGE: all or nothing.
 */
export async function runSnapshot(
  wh: Warehouse,
  model: ModelNode,
  sql: string,
): Promise<{ rows: number; message: string }> {
  if (!wh.capabilities.merge) {
    throw new ModelRunError(
      `snapshot ${model.name}: snapshots apply their changes with one MERGE statement, which this warehouse lacks (PostgreSQL 15 or later has it)`,
    );
  }
  const d = wh.dialect;
  const q = (c: string) => d.quoteIdentifier(c);
  const { scdId, validFrom, validTo, updatedAt } = SNAPSHOT_COLUMNS;
  const keys = model.config.unique_key ?? [];
  const suffix = randomBytes(4).toString("hex");
  const stage: Relation = { ...model.relation, name: `${model.relation.name}__cdp_stage_${suffix}` };
  const changes: Relation = { ...model.relation, name: `${model.relation.name}__cdp_changes_${suffix}` };
  const target = d.quoteRelation(model.relation);
  // One instant for the whole run: every version it opens or closes carries the same time.
  const now = d.cast(d.literal(new Date().toISOString().replace("T", " ").replace("Z", "")), "timestamp");
  try {
    await wh.replaceTable(stage, sql);
    const columns = (await wh.describe(stage))!.columns.map((c) => c.name);
    await checkStaged(wh, stage, model, keys, columns);
    const timestamp = model.config.strategy === "timestamp";
    const taken = (alias: string) =>
      timestamp ? d.cast(`${alias}.${q(model.config.updated_at!)}`, "timestamp") : now;
    const scd = (alias: string) =>
      d.sha256(
        [...keys.map((k) => d.cast(`${alias}.${q(k)}`, "string")), d.cast(taken(alias), "string")].join(
          " || '|' || ",
        ),
      );
    const existing = await wh.describe(model.relation);
    if (!existing) {
      const built = await wh.replaceTable(
        model.relation,
        `SELECT s.*, ${scd("s")} AS ${q(scdId)}, ${taken("s")} AS ${q(validFrom)}, ${d.cast("NULL", "timestamp")} AS ${q(validTo)}, ${taken("s")} AS ${q(updatedAt)} FROM ${d.quoteRelation(stage)} AS s`,
      );
      return { rows: built.rows, message: `created, ${built.rows} versions` };
    }
    // Columns the query gained since the last run are added (older versions have them NULL).
    const have = new Set(existing.columns.map((c) => c.name.toLowerCase()));
    const stageInfo = (await wh.describe(stage))!;
    const added = stageInfo.columns.filter((c) => !have.has(c.name.toLowerCase()));
    if (added.length) await wh.addColumns(model.relation, added);

    const on = keys.map((k) => `s.${q(k)} = c.${q(k)}`).join(" AND ");
    const checked = model.config.check_cols === "all" ? columns : (model.config.check_cols ?? []);
    const changed = timestamp
      ? `${taken("s")} > c.${q(updatedAt)}`
      : `(${checked.map((col) => `s.${q(col)} IS DISTINCT FROM c.${q(col)}`).join(" OR ")})`;
    const current = `(SELECT * FROM ${target} WHERE ${q(validTo)} IS NULL)`;
    const list = (alias: string) => columns.map((c) => `${alias}.${q(c)}`).join(", ");
    const branches = [
      // New versions: keys the snapshot has no current version of, and changed ones.
      `SELECT ${list("s")}, ${scd("s")} AS ${q(scdId)}, ${taken("s")} AS ${q(validFrom)}, ${taken("s")} AS ${q(updatedAt)}, ${d.cast("NULL", "timestamp")} AS ${q(validTo)}, 'insert' AS ${q(CHANGE)}
       FROM ${d.quoteRelation(stage)} AS s LEFT JOIN ${current} AS c ON ${on}
       WHERE c.${q(scdId)} IS NULL OR ${changed}`,
      // The versions they replace, closed when the new one starts.
      `SELECT ${list("c")}, c.${q(scdId)}, c.${q(validFrom)}, c.${q(updatedAt)}, ${taken("s")} AS ${q(validTo)}, 'update' AS ${q(CHANGE)}
       FROM ${d.quoteRelation(stage)} AS s JOIN ${current} AS c ON ${on}
       WHERE ${changed}`,
    ];
    if (model.config.hard_deletes === "invalidate") {
      branches.push(
        `SELECT ${list("c")}, c.${q(scdId)}, c.${q(validFrom)}, c.${q(updatedAt)}, ${now} AS ${q(validTo)}, 'delete' AS ${q(CHANGE)}
         FROM ${current} AS c LEFT JOIN ${d.quoteRelation(stage)} AS s ON ${on}
         WHERE s.${q(keys[0]!)} IS NULL`,
      );
    }
    await wh.replaceTable(changes, branches.join("\nUNION ALL\n"));
    const counts = await wh.query<{ kind: string; n: number }>(
      `SELECT ${q(CHANGE)} AS kind, COUNT(*) AS n FROM ${d.quoteRelation(changes)} GROUP BY ${q(CHANGE)}`,
    );
    const count = (kind: string) => Number(counts.find((c) => c.kind === kind)?.n ?? 0);
    const inserted = count("insert");
    const closed = count("update") + count("delete");
    if (inserted || closed) {
      const all = [...columns, scdId, validFrom, updatedAt, validTo];
      await wh.execute(
        [
          `MERGE INTO ${target} AS t`,
          `USING ${d.quoteRelation(changes)} AS s`,
          `ON t.${q(scdId)} = s.${q(scdId)}`,
          `WHEN MATCHED AND t.${q(validTo)} IS NULL AND s.${q(CHANGE)} IN ('update', 'delete') THEN UPDATE SET ${q(validTo)} = s.${q(validTo)}`,
          `WHEN NOT MATCHED AND s.${q(CHANGE)} = 'insert' THEN INSERT (${all.map(q).join(", ")}) VALUES (${all.map((c) => `s.${q(c)}`).join(", ")})`,
        ].join("\n"),
      );
    }
    const deleted = count("delete");
    return {
      rows: inserted + closed,
      message: `${inserted} new versions, ${closed} closed${deleted ? ` (${deleted} deleted at the source)` : ""}`,
    };
  } finally {
    await wh.dropRelation(stage).catch(() => undefined);
    await wh.dropRelation(changes).catch(() => undefined);
  }
}
