import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.ts";
import { connectionError, resolveSettings } from "../../src/warehouse/postgres/connection.ts";
import { columnTypesFrom, detectionSql, postgresTypeName } from "../../src/warehouse/postgres/csv.ts";
import { postgresDialect as d } from "../../src/warehouse/postgres/dialect.ts";
import { parseInt8, parseTimestamp } from "../../src/warehouse/postgres/values.ts";

const target = (extra: Record<string, unknown> = {}) => ({
  type: "postgres" as const,
  schema: "demo",
  connectTimeout: 10,
  ...extra,
});

describe("Postgres connection settings", () => {
  it("takes the target's fields first, then DATABASE_URL, then the PG* variables", () => {
    const env = {
      DATABASE_URL: "postgres://url_user:url%20pw@db.example:6543/url_db",
      PGHOST: "env-host",
      PGPORT: "7000",
      PGUSER: "env_user",
      PGPASSWORD: "env_pw",
      PGDATABASE: "env_db",
    };
    expect(resolveSettings(target(), env)).toMatchObject({
      host: "db.example",
      port: 6543,
      user: "url_user",
      password: "url pw",
      database: "url_db",
    });
    expect(resolveSettings(target({ database: "mine", port: 5433 }), env)).toMatchObject({
      host: "db.example",
      port: 5433,
      database: "mine",
    });
    const { DATABASE_URL: _, ...pgOnly } = env;
    expect(resolveSettings(target(), pgOnly)).toMatchObject({
      host: "env-host",
      port: 7000,
      user: "env_user",
      password: "env_pw",
      database: "env_db",
    });
    expect(resolveSettings(target(), {})).toMatchObject({ host: "localhost", port: 5432 });
  });

  it("prefers the target's connectionString to DATABASE_URL and reads socket hosts and sslmode", () => {
    const s = resolveSettings(
      target({ connectionString: "postgresql://u@/warehouse?host=/var/run/postgresql&sslmode=require" }),
      { DATABASE_URL: "postgres://other@elsewhere/other" },
    );
    expect(s).toMatchObject({ host: "/var/run/postgresql", user: "u", database: "warehouse", ssl: true });
  });

  it("rejects a malformed URL without repeating it (it may carry a password)", () => {
    const run = () => resolveSettings(target(), { DATABASE_URL: "mysql://u:hunter2@h/db" });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow("DATABASE_URL must start with postgres://");
    expect(() => run()).not.toThrow(/hunter2/);
  });

  it("words connection failures as one line naming the target and where it points", () => {
    const s = resolveSettings(target({ host: "127.0.0.1", port: 5433, database: "demo" }), {});
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" });
    expect(connectionError("pg", s, refused).message).toBe(
      'cannot connect to Postgres target "pg" (127.0.0.1:5433, database demo): connection refused (is the server running and accepting TCP connections on that port?)',
    );
    const auth = Object.assign(new Error('password authentication failed for user "cdp"'), { code: "28P01" });
    expect(connectionError("pg", s, auth).message).toMatch(
      /: password authentication failed for user "cdp"$/,
    );
    const slow = new Error("Connection terminated due to connection timeout");
    expect(connectionError("pg", s, slow).message).toMatch(/: timed out after 10s$/);
  });
});

describe("Postgres dialect", () => {
  it("writes the portable helpers in PostgreSQL's spelling", () => {
    expect(d.quoteRelation({ schema: "demo", name: 'we"ird' })).toBe('"demo"."we""ird"');
    expect(d.literal("it's \\ fine")).toBe("'it''s \\ fine'");
    expect(d.cast("x", "string")).toBe("CAST(x AS TEXT)");
    expect(d.typeName("json")).toBe("JSONB");
    expect(d.sha256("email")).toBe("encode(sha256(convert_to(email, 'UTF8')), 'hex')");
    expect(d.regexpReplace("phone", "[^0-9]", "")).toBe("regexp_replace(phone, '[^0-9]', '', 'g')");
    expect(d.dateAdd("d", -3, "day")).toBe("(d + INTERVAL '-3 day')");
    expect(d.dateDiff("day", "a", "b")).toBe("CAST(CAST(b AS DATE) - CAST(a AS DATE) AS BIGINT)");
  });

  it("parses BIGINT exactly and TIMESTAMP (without time zone) as UTC", () => {
    expect(parseInt8("9007199254740991")).toBe(9007199254740991);
    expect(parseInt8("9007199254740993")).toBe(9007199254740993n);
    expect(parseInt8("-9223372036854775808")).toBe(-9223372036854775808n);
    expect((parseTimestamp("2026-03-04 05:06:07.123456") as Date).toISOString()).toBe(
      "2026-03-04T05:06:07.123Z",
    );
    expect(parseTimestamp("infinity")).toBe("infinity");
  });
});

describe("Postgres seed column types", () => {
  it("takes the first type every value matches, text otherwise, and the user's overrides", () => {
    const columns = ["flag", "id", "score", "day", "at", "at_tz", "name", "empty", "amount"];
    const sql = detectionSql("t", columns);
    expect(sql).toContain(`bool_and("flag" ~* '^(true|false|t|f)$')`);
    const detection: Record<string, unknown> = {};
    const matches: Record<string, number[]> = {
      flag: [0],
      id: [1, 2],
      score: [2],
      day: [3],
      at: [4],
      at_tz: [5],
      amount: [1, 2],
    };
    columns.forEach((c, i) => {
      for (const t of matches[c] ?? []) detection[`c${i}_${t}`] = true;
    });
    expect(columnTypesFrom(detection, columns, { amount: "DOUBLE" })).toEqual([
      "BOOLEAN",
      "BIGINT",
      "DOUBLE PRECISION",
      "DATE",
      "TIMESTAMP",
      "TIMESTAMPTZ",
      "TEXT",
      "TEXT",
      "DOUBLE PRECISION",
    ]);
    expect(postgresTypeName("DECIMAL(12,2)")).toBe("DECIMAL(12,2)");
    expect(postgresTypeName("string")).toBe("TEXT");
  });
});
