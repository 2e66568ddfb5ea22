/**
 * What `cdp.config.ts` may import from "warehouse-cdp" (or "cdp") at run time. The loader resolves it to this
 * small module, so loading a config never pulls in the whole engine.
 */

/** The recommended match settings for person records, to use as they are or spread and adapt. */
export { PERSON_MATCH_SETTINGS } from "../identity/match/person-settings.ts";
export { defineConfig } from "./define-config.ts";
export type { ProjectConfig, UserConfig } from "./schema.ts";
export { env, secret } from "./secrets.ts";
