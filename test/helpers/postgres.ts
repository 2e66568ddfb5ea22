import pg from "pg";
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

/**
 * A new database on the server of `url` whose default collation is a language's (ICU en-US, where
 * "a" < "B" < "a_b" < "a-b"), not code point order as in DuckDB and BigQuery. Undefined where the
 * server has no ICU collations (built without ICU, or before PostgreSQL 15). `drop` removes it.
 */
export async function languageCollated(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const [icu] = (
      await admin.query(
        "SELECT current_setting('server_version_num')::int >= 150000 AS ok, EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') AS icu",
      )
    ).rows as { ok: boolean; icu: boolean }[];
    if (!icu?.ok || !icu.icu) return undefined;
    const name = `cdp_icu_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
    );
    const u = new URL(url);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}
