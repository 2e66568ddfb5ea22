import { inject } from "vitest";
import type { PostgresTargetConfig } from "../../src/config/schema.ts";
import { PostgresWarehouse } from "../../src/warehouse/postgres/index.ts";
import type { PostgresTestServer } from "../setup/postgres.ts";

/** The server test/setup/postgres.ts provides (or why there is none). */
export function postgresServer(): PostgresTestServer {
  return inject("postgres") ?? { own: false, unavailable: "the Postgres global setup did not run" };
}

/** Prints the reason Postgres tests are skipped where nobody can miss it. */
export function warnSkipped(what: string, reason: string): void {
  const line = `*** ${what} SKIPPED: ${reason} ***`;
  const bar = "*".repeat(Math.min(line.length, 120));
  console.warn(`\n${bar}\n${line}\n${bar}\n`);
}

export function postgresTarget(url: string, schema: string): PostgresTargetConfig {
  return { type: "postgres", connectionString: url, schema, connectTimeout: 10 };
}

/** A warehouse on the test server whose default schema is `schema` (created). */
export async function openPostgres(url: string, schema: string, poolSize = 4): Promise<PostgresWarehouse> {
  const wh = await PostgresWarehouse.open({
    target: postgresTarget(url, schema),
    targetName: "test",
    poolSize,
  });
  await wh.ensureSchema(schema);
  return wh;
}

/** `url` with one part changed, for connection failure tests. */
export function withUrl(url: string, change: (u: URL) => void): string {
  const u = new URL(url);
  change(u);
  return u.toString();
}
