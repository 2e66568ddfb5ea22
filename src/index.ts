/** The library behind the `cdp` command. */

export type { ProjectOptions, RunCommand, RunOptions } from "./api.ts";
export { compile, execute, selectNodes } from "./api.ts";
export { defineConfig } from "./config/define-config.ts";
export { loadConfig } from "./config/load.ts";
export type { ProjectConfig, UserConfig } from "./config/schema.ts";
export { secret } from "./config/secrets.ts";
export type { Diagnostic } from "./errors.ts";
export { CdpError, CompileError, ConfigError, UsageError, WarehouseError } from "./errors.ts";
export { PERSON_MATCH_SETTINGS } from "./identity/match-person-settings.ts";
export { connect, dialectFor } from "./warehouse/index.ts";
export type * from "./warehouse/types.ts";
