import path from "node:path";
import { bigqueryDialect } from "./bigquery/dialect.ts";
import type { TargetConfig } from "./config.ts";
import { duckdbDialect } from "./duckdb/dialect.ts";
import { postgresDialect } from "./postgres/dialect.ts";
import type { Dialect, Warehouse } from "./types.ts";

export type * from "./types.ts";

export interface ConnectOptions {
  projectDir: string;
  projectName: string;
  /** Operations that may run at once. */
  threads: number;
  /** The target's name in `cdp.config.ts`, for messages. */
  targetName?: string;
}

/** The dialect of a target, without connecting: compile needs only this. */
export function dialectFor(target: TargetConfig): Dialect {
  switch (target.type) {
    case "duckdb":
      return duckdbDialect;
    case "postgres":
      return postgresDialect;
    case "bigquery":
      return bigqueryDialect(target.project);
  }
}

/** The database file of a DuckDB target (absolute), or `:memory:`. */
export function duckdbFile(target: { path?: string }, projectDir: string, projectName: string): string {
  if (target.path === ":memory:") return ":memory:";
  return path.resolve(projectDir, target.path ?? path.join(".cdp", `${projectName}.duckdb`));
}

/** Opens the warehouse a target describes. */
export async function connect(target: TargetConfig, options: ConnectOptions): Promise<Warehouse> {
  switch (target.type) {
    case "duckdb": {
      const { DuckdbWarehouse } = await import("./duckdb/index.ts");
      const file = duckdbFile(target, options.projectDir, options.projectName);
      return DuckdbWarehouse.open({
        path: file,
        schema: target.schema,
        connections: options.threads,
        duckdbThreads: target.duckdbThreads,
        memoryLimit: target.memoryLimit,
        syncMemoryLimit: target.syncMemoryLimit,
      });
    }
    case "postgres": {
      const { PostgresWarehouse } = await import("./postgres/index.ts");
      return PostgresWarehouse.open({
        target,
        targetName: options.targetName ?? "default",
        poolSize: target.poolSize ?? options.threads,
      });
    }
    case "bigquery": {
      const { BigqueryWarehouse } = await import("./bigquery/index.ts");
      return BigqueryWarehouse.open({
        project: target.project,
        schema: target.schema,
        location: target.location,
        keyFileEnv: target.keyFileEnv,
        apiEndpoint: target.apiEndpoint,
        maximumBytesBilled: target.maximumBytesBilled,
        labels: target.labels,
        targetName: options.targetName,
        projectName: options.projectName,
      });
    }
  }
}
