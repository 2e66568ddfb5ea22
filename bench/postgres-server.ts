import startPostgres, { type PostgresTestServer } from "../test/setup/postgres.ts";

/**
 * A throwaway PostgreSQL server for a benchmark: the one the tests start (test/setup/postgres.ts,
 * the local initdb/pg_ctl, or DATABASE_URL as it is). `stop` removes it.
 */
export async function benchPostgres(): Promise<{ url?: string; unavailable?: string; stop: () => void }> {
  let server: PostgresTestServer = { own: false, unavailable: "not started" };
  const project = {
    provide: (_key: "postgres", value: PostgresTestServer) => {
      server = value;
    },
  };
  const stop = await startPostgres(project as unknown as Parameters<typeof startPostgres>[0]);
  return { url: server.url, unavailable: server.unavailable, stop: () => stop?.() };
}
