import { ConfigError, WarehouseError } from "../../errors.ts";
import { redactor } from "../../redactor.ts";
import type { PostgresTargetConfig } from "./config.ts";
import { type TypeParsers, typeParsers } from "./values.ts";

/**
 * Connection settings and the pool. Only the slice of knex and pg used here is typed, so the rest
 * of the code base depends on neither.
 */

export interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/** A query object pg runs on its own (a cursor, a COPY): pg hands it the wire connection. */
export interface Submittable {
  submit(connection: unknown): void;
}

/** One pg client, checked out of the pool. */
export interface PgClient {
  query(text: string, values?: unknown[]): Promise<PgResult | PgResult[]>;
  query<S extends Submittable>(submittable: S): S;
}

export interface ConnectionSettings {
  host: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  ssl?: boolean;
  /** Seconds before a connection attempt gives up. */
  connectTimeout: number;
}

/** Where a target points, for messages: never the password. */
export function describeSettings(s: ConnectionSettings): string {
  const at = s.host.startsWith("/") ? `socket ${s.host}, port ${s.port}` : `${s.host}:${s.port}`;
  return `${at}, database ${s.database ?? s.user ?? "(default)"}`;
}

type Partial_ = Partial<Omit<ConnectionSettings, "connectTimeout">>;

function sslMode(mode: string | undefined): boolean | undefined {
  if (!mode) return undefined;
  // "prefer" and "allow" try plain text first; pg has no fallback, so they mean no TLS here.
  return !["disable", "allow", "prefer"].includes(mode);
}

/** A postgres:// URL's fields. The URL itself is never put in a message: it carries the password. */
function parseUrl(url: string, name: string): Partial_ {
  let u: URL;
  try {
    // libpq allows an empty host after the user (`postgres://me@/db?host=/run/postgresql`); URL not.
    u = new URL(url.replace(/^([a-z]+:\/\/[^/@]*)@\//i, "$1@localhost/"));
  } catch {
    throw new ConfigError(`${name} is not a valid postgres:// URL`);
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://`);
  }
  const decode = (s: string) => (s ? decodeURIComponent(s) : undefined);
  return {
    // `?host=/var/run/postgresql` names a socket directory.
    host: u.searchParams.get("host") ?? decode(u.hostname),
    port: u.port ? Number(u.port) : undefined,
    user: decode(u.username),
    password: decode(u.password),
    database: decode(u.pathname.replace(/^\//, "")),
    ssl: sslMode(u.searchParams.get("sslmode") ?? undefined),
  };
}

/**
 * The target's own fields win; what they leave out comes from its `connectionString` or else
 * `DATABASE_URL`, then from `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, like psql.
 */
export function resolveSettings(target: PostgresTargetConfig, env: NodeJS.ProcessEnv): ConnectionSettings {
  const url = target.connectionString
    ? parseUrl(target.connectionString, "the target's connectionString")
    : env.DATABASE_URL
      ? parseUrl(env.DATABASE_URL, "DATABASE_URL")
      : {};
  const fromEnv: Partial_ = {
    host: env.PGHOST || undefined,
    port: env.PGPORT ? Number(env.PGPORT) : undefined,
    user: env.PGUSER || undefined,
    password: env.PGPASSWORD || undefined,
    database: env.PGDATABASE || undefined,
    ssl: sslMode(env.PGSSLMODE),
  };
  const pick = <K extends keyof Partial_>(key: K): Partial_[K] =>
    (target[key as keyof PostgresTargetConfig] as Partial_[K]) ?? url[key] ?? fromEnv[key];
  const port = pick("port") ?? 5432;
  if (!Number.isInteger(port) || port <= 0) throw new ConfigError(`the Postgres port is not a number`);
  return {
    host: pick("host") ?? "localhost",
    port,
    user: pick("user") ?? env.USER,
    password: pick("password"),
    database: pick("database"),
    ssl: pick("ssl"),
    connectTimeout: target.connectTimeout,
  };
}

/**
 * Every session reads and writes in UTC (timestamps do not depend on the machine running the
 * job), prints dates as ISO text (the DATE parser relies on it) and treats backslashes in string
 * literals as text (the dialect's literals rely on it). JIT compilation is off: the statements cdp
 * generates are few, long and full of wide CASE expressions, which LLVM takes seconds to compile
 * per worker (14 s of the demo match's 32 s on PostgreSQL 15, measured with auto_explain) and
 * runs barely faster.
 */
const SESSION_SQL =
  "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, YMD'; SET standard_conforming_strings TO on; SET IntervalStyle TO 'postgres'; SET jit TO off";

export interface PgPool {
  readonly parsers: TypeParsers;
  acquire(): Promise<PgClient>;
  release(client: PgClient): void;
  destroy(): Promise<void>;
}

interface KnexSlice {
  client: {
    acquireConnection(): Promise<PgClient>;
    releaseConnection(client: PgClient): Promise<void>;
  };
  destroy(): Promise<void>;
}

const quiet = () => {};

/**
 * A knex pool of raw pg clients. Statements go to the pg client directly rather than through
 * `knex.raw`: knex rewrites every `?` into a bind parameter, which breaks SQL that contains one
 * (a string literal, a JSONB operator).
 */
export async function openPool(settings: ConnectionSettings, size: number): Promise<PgPool> {
  const [{ default: knex }, { default: pg }] = await Promise.all([import("knex"), import("pg")]);
  const parsers = typeParsers(pg.types as TypeParsers);
  const db = knex({
    client: "pg",
    connection: {
      host: settings.host,
      port: settings.port,
      user: settings.user,
      password: settings.password,
      database: settings.database,
      ssl: settings.ssl,
      application_name: "cdp",
      connectionTimeoutMillis: settings.connectTimeout * 1000,
      types: parsers as never,
    },
    pool: {
      min: 0,
      max: size,
      afterCreate: (conn: PgClient, done: (error: unknown, conn: PgClient) => void) => {
        conn.query(SESSION_SQL).then(
          () => done(null, conn),
          (error: unknown) => done(error, conn),
        );
      },
    },
    // Callers never hold more connections than the pool has, so waiting means a long statement
    // elsewhere, not a leak: wait as long as a model may run.
    acquireConnectionTimeout: 6 * 60 * 60 * 1000,
    // knex logs failed acquisitions with their stack; errors reach the caller as one message.
    log: { warn: quiet, error: quiet, debug: quiet, deprecate: quiet },
  }) as unknown as KnexSlice;
  return {
    parsers,
    acquire: () => db.client.acquireConnection(),
    release: (client) => void db.client.releaseConnection(client),
    destroy: () => db.destroy(),
  };
}

/** The cause of a failed connection, in words; the server's own message when it sent one. */
function connectionCause(error: unknown, settings: ConnectionSettings): string {
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  // Node reports "localhost" failing on both ::1 and 127.0.0.1 as one AggregateError.
  const code = e.code ?? e.errors?.[0]?.code;
  const message = (e.message ?? String(error)).trim();
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused (is the server running and accepting TCP connections on that port?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host "${settings.host}" not found`;
    case "ENOENT":
      return "no server socket in that directory (is the server running?)";
    case "ETIMEDOUT":
      return `timed out after ${settings.connectTimeout}s`;
    case "ECONNRESET":
      return "the server closed the connection";
  }
  if (/timeout/i.test(message)) return `timed out after ${settings.connectTimeout}s`;
  if (/client password must be a string/.test(message)) {
    return "the server asks for a password and none is set (password, PGPASSWORD or DATABASE_URL)";
  }
  return message.split("\n")[0] ?? message;
}

/** One line naming the target, where it points and why the connection failed. */
export function connectionError(targetName: string, settings: ConnectionSettings, error: unknown) {
  const text = `cannot connect to Postgres target "${targetName}" (${describeSettings(settings)}): ${connectionCause(error, settings)}`;
  return new WarehouseError(redactor.redact(text), undefined, { cause: error });
}
