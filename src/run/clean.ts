import { compile, type ProjectOptions } from "../api.ts";
import { connect } from "../warehouse/index.ts";
import type { Warehouse } from "../warehouse/types.ts";
import { type OrphanReport, removeOrphans } from "./orphans.ts";

/**
 * `cdp clean --orphans`: drops the work tables that killed runs left in the project's schemas
 * (every model's and seed's, and the target's default), leaving a running run's alone. Also drops
 * work tables named before runs took leases on them; run it while no older `cdp` runs here.
 *
 * @example
 * const { removed, kept } = await cleanOrphans({ projectDir: "." });
 */
export async function cleanOrphans(
  options: ProjectOptions & { warehouse?: Warehouse } = {},
): Promise<OrphanReport> {
  const { loaded, compilation } = await compile(options);
  const wh =
    options.warehouse ??
    (await connect(loaded.target, {
      projectDir: loaded.projectDir,
      projectName: loaded.config.name,
      threads: 1,
      targetName: loaded.targetName,
    }));
  try {
    const schemas = new Set([wh.defaultSchema]);
    for (const node of compilation.nodes.values()) {
      if (node.resourceType !== "test") schemas.add(node.relation.schema);
    }
    return await removeOrphans(wh, schemas, { unowned: true });
  } finally {
    if (!options.warehouse) await wh.close();
  }
}
