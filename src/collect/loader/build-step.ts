import type { LoadedConfig } from "../../config/load.ts";
import type { Warehouse } from "../../warehouse/types.ts";
import { type CompactResult, compactLanding, ensureBaseTables } from "./compact.ts";
import { landingDir } from "./landing.ts";

/**
 * The start of a build on a project with `collect:`: the base event tables exist (models can
 * read them with `{{source}}` before any event arrived), and on DuckDB the events the loader
 * landed since the last build are compacted into them, before any model runs.
 */
export async function prepareCollectTables(
  loaded: LoadedConfig,
  wh: Warehouse,
): Promise<CompactResult | undefined> {
  const collect = loaded.config.collect;
  if (!collect) return undefined;
  await ensureBaseTables(wh, collect.schema);
  if (loaded.target.type !== "duckdb") return undefined;
  return compactLanding(wh, collect.schema, landingDir(loaded.projectDir));
}
