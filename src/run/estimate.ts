import { UsageError } from "../errors.ts";
import { openProject, type ProjectOptions } from "../project/open.ts";
import { selectNodes } from "../project/selectors.ts";
import type { ModelNode } from "../project/types.ts";
import type { Warehouse } from "../warehouse/types.ts";

export interface Estimate {
  model: string;
  /** Bytes the model's query would scan, or undefined when the dry run could not tell. */
  bytes?: number;
  /** Why there is no figure (e.g. an upstream table that is not built yet). */
  note?: string;
}

/**
 * What each selected model's query would scan, from the warehouse's dry run (BigQuery). Models
 * whose inputs do not exist yet have no figure, with the reason. Nothing is run.
 */
export async function estimateCosts(
  options: ProjectOptions & { warehouse?: Warehouse },
): Promise<Estimate[]> {
  const { loaded, compilation, warehouse: wh, close } = await openProject({ ...options, threads: () => 1 });
  try {
    if (!wh.estimateBytes) {
      throw new UsageError(
        `target "${loaded.targetName}" (${loaded.target.type}) has no dry run; byte estimates need a BigQuery target`,
      );
    }
    const models = selectNodes(compilation, "run", options).filter(
      (n): n is ModelNode => n.resourceType === "model" && n.config.materialized !== "ephemeral",
    );
    const out: Estimate[] = [];
    for (const model of models) {
      try {
        out.push({ model: model.name, bytes: await wh.estimateBytes(model.compiledSql) });
      } catch (error) {
        out.push({ model: model.name, note: (error as Error).message.split("\n")[0] });
      }
    }
    return out;
  } finally {
    await close();
  }
}
