import { loadProject, type ProjectOptions } from "../../project/open.ts";
import { loaderOptionsFor } from "./index.ts";
import { drain, type LoadStats } from "./load-once.ts";

/**
 * Drains the project's event log into the warehouse once (DuckDB: into the landing area, which
 * the next build compacts) and returns what it loaded: for CI, or after `cdp collect` stopped.
 */
export async function loadCollected(options: ProjectOptions = {}): Promise<LoadStats> {
  const loaded = await loadProject(options);
  const loader = await loaderOptionsFor(loaded);
  try {
    return await drain(loader);
  } finally {
    await loader.sink.close();
  }
}
