/** The library behind the `cdp` command. */

export type { ProjectOptions, RunCommand, RunOptions, SyncOptions } from "./api.ts";
export { compile, execute, selectNodes, sync } from "./api.ts";
export { defineConfig } from "./config/define-config.ts";
export { loadConfig } from "./config/load.ts";
export type { ProjectConfig, UserConfig } from "./config/schema.ts";
export { env, secret } from "./config/secrets.ts";
export type { Connector, ConnectorContext, RowResult, SyncRecord } from "./connector-kit/connector.ts";
export { BatchError } from "./connector-kit/connector.ts";
export type { DebugCheck, DebugReport } from "./debug.ts";
export { debugProject } from "./debug.ts";
export type { Diagnostic } from "./errors.ts";
export { CdpError, CompileError, ConfigError, UsageError, WarehouseError } from "./errors.ts";
export { PERSON_MATCH_SETTINGS } from "./identity/match/person-settings.ts";
export { cleanOrphans } from "./run/clean.ts";
export type { OrphanReport } from "./run/orphans.ts";
export type { SyncResult, SyncSummary } from "./sync/index.ts";
export { connect, dialectFor } from "./warehouse/index.ts";
export type * from "./warehouse/types.ts";
