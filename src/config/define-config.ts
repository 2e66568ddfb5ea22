import type { UserConfig } from "./schema.ts";

/**
 * Identity function that gives `cdp.config.ts` its types.
 *
 * @example
 * import { defineConfig } from "cdp";
 * export default defineConfig({ name: "shop", warehouse: { type: "duckdb", path: ".cdp/shop.duckdb" } });
 */
export function defineConfig<const T extends UserConfig>(config: T): T {
  return config;
}
