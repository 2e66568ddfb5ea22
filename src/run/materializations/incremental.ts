import { CdpError } from "../../errors.ts";
import type { ModelNode } from "../../project/types.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { type WorkLease, withLease } from "../work-lease.ts";

export class ModelRunError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "ModelRunError";
  }
}

/** Fails with the offending keys when the new rows have NULL or duplicated unique keys. */
async function checkUniqueKey(
  wh: Warehouse,
  stage: Relation,
  keys: string[],
  model: ModelNode,
): Promise<void> {
  const d = wh.dialect;
  const cols = keys.map((k) => d.quoteIdentifier(k)).join(", ");
  const anyNull = keys.map((k) => `${d.quoteIdentifier(k)} IS NULL`).join(" OR ");
  const bad = await wh.query(
    `SELECT ${cols}, COUNT(*) AS n_rows FROM ${d.quoteRelation(stage)} GROUP BY ${cols} HAVING COUNT(*) > 1 OR ${anyNull} ORDER BY COUNT(*) DESC LIMIT 10`,
  );
  if (!bad.length) return;
  const describe = (row: Record<string, unknown>) =>
    `${keys.map((k) => `${k}=${row[k] === null ? "NULL" : JSON.stringify(row[k])}`).join(", ")} (${row.n_rows} rows)`;
  throw new ModelRunError(
    `unique_key (${keys.join(", ")}) of ${model.name} must be non-null and unique in the new rows, but is not:\n` +
      bad.map((r) => `      ${describe(r)}`).join("\n") +
      "\n    nothing was written; fix the model's query (deduplicate, filter NULL keys) or its unique_key",
  );
}

/**
 * `incremental`: the first run (or `--full-refresh`) builds the table; later runs render the model
 * with `is_incremental` true, stage the new rows, check them, then append or merge them on
 * `unique_key` in one transaction. The stage is dropped when the run ends, failed or not; a run
 * killed outright leaves it, named with the run's lease, for the next run to remove.
 */
export async function runIncremental(
  wh: Warehouse,
  model: ModelNode,
  render: (isIncremental: boolean) => string,
  fullRefresh: boolean,
  lease?: WorkLease,
): Promise<{ rows: number; message: string }> {
  return withLease(wh, lease, (own) => incremental(wh, model, render, fullRefresh, own));
}

async function incremental(
  wh: Warehouse,
  model: ModelNode,
  render: (isIncremental: boolean) => string,
  fullRefresh: boolean,
  lease: WorkLease,
): Promise<{ rows: number; message: string }> {
  const keys = model.config.unique_key ?? [];
  const existing = await wh.describe(model.relation);
  const rebuild = !existing || existing.kind === "view" || fullRefresh;
  const stage: Relation = await lease.table(model.relation, "stage", "rows");
  try {
    const staged = await wh.replaceTable(stage, render(!rebuild));
    if (keys.length) await checkUniqueKey(wh, stage, keys, model);
    const d = wh.dialect;
    if (rebuild) {
      const built = await wh.replaceTable(model.relation, `SELECT * FROM ${d.quoteRelation(stage)}`);
      return { rows: built.rows, message: fullRefresh && existing ? "rebuilt (full refresh)" : "created" };
    }
    const stageInfo = (await wh.describe(stage))!;
    const have = new Set(existing.columns.map((c) => c.name));
    const added = stageInfo.columns.filter((c) => !have.has(c.name));
    let columns = stageInfo.columns.map((c) => c.name);
    if (added.length) {
      const names = added.map((c) => c.name).join(", ");
      switch (model.config.on_schema_change) {
        case "fail":
          throw new ModelRunError(
            `the query of ${model.name} has new columns (${names}) that the table lacks; ` +
              `run with --full-refresh to rebuild it, or set on_schema_change="append_new_columns"`,
          );
        case "append_new_columns":
          await wh.addColumns(model.relation, added);
          break;
        case "ignore":
          columns = columns.filter((c) => have.has(c));
          break;
      }
    }
    const strategy = model.config.incremental_strategy ?? (keys.length ? "merge" : "append");
    if (strategy === "merge") {
      const merged = await wh.mergeInto(model.relation, stage, keys, columns);
      return {
        rows: merged.inserted + merged.updated,
        message: `${merged.inserted} inserted, ${merged.updated} updated${added.length && model.config.on_schema_change === "append_new_columns" ? `, added columns ${added.map((c) => c.name).join(", ")}` : ""}`,
      };
    }
    const appended = await wh.insertInto(model.relation, stage, columns);
    return { rows: appended.rows, message: `${appended.rows} appended (of ${staged.rows} staged)` };
  } finally {
    await wh.dropRelation(stage).catch(() => undefined);
  }
}
