import { writeFileSync } from "node:fs";
import path from "node:path";
import { BigQuery } from "@google-cloud/bigquery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WarehouseError } from "../../src/errors.ts";
import type { BigqueryWarehouse } from "../../src/warehouse/bigquery/index.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Relation } from "../../src/warehouse/types.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { openOnStandIn } from "./helpers.ts";
import { StandIn } from "./stand-in/index.ts";

/**
 * The BigQuery warehouse through the official client against the local stand-in: retries,
 * failures, credentials, polling, labels, locations, loads. (The conformance suite covers the
 * contract itself.)
 */

let standIn: StandIn;
let wh: BigqueryWarehouse;
const rel = (name: string, schema = "bq_test"): Relation => ({ schema, name });
const q = (name: string, schema?: string) => wh.dialect.quoteRelation(rel(name, schema));
const JOB_REF = /job standin-project:US\.cdp_[0-9a-f-]{36}/;

/** What the warehouse threw, for assertions on its one-line message. */
async function failure(promise: Promise<unknown>): Promise<WarehouseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WarehouseError);
  const message = (error as WarehouseError).message;
  expect(message).not.toContain("\n");
  expect(message).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return error as WarehouseError;
}

beforeAll(async () => {
  standIn = await StandIn.start();
  wh = await openOnStandIn(standIn, "bq_test", { projectName: "demo", labels: { team: "Data Eng" } });
  await wh.ensureSchema("bq_test");
  await wh.replaceTable(rel("numbers"), "SELECT 1 AS id, 'one' AS name UNION ALL SELECT 2, 'two'");
});

afterAll(async () => {
  await standIn?.close();
});

describe("BigQuery jobs", () => {
  it("labels every job: the target's labels, cdp_project, and the caller's cdp_command and cdp_model", async () => {
    const labelled = wh.withLabels({ cdp_command: "run", cdp_model: "Stg Orders" });
    await labelled.query(`SELECT COUNT(*) AS n FROM ${q("numbers")}`);
    const jobs = await standIn.jobs();
    expect(jobs.at(-1)!.labels).toEqual({
      cdp_project: "demo",
      team: "data_eng",
      cdp_command: "run",
      cdp_model: "stg_orders",
    });
    expect(jobs.every((j) => j.labels.cdp_project === "demo")).toBe(true);
    expect(jobs.every((j) => j.location === "US")).toBe(true);
  });

  it("runs every job in the target's location, and says so when a dataset lives elsewhere", async () => {
    const eu = await openOnStandIn(standIn, "bq_eu", { location: "EU" });
    await eu.ensureSchema("bq_eu");
    await eu.replaceTable(rel("t", "bq_eu"), "SELECT 1 AS id");
    expect(await eu.query(`SELECT id FROM ${q("t", "bq_eu")}`)).toEqual([{ id: 1 }]);
    expect((await standIn.jobs()).slice(-2).map((j) => j.location)).toEqual(["EU", "EU"]);

    const error = await failure(wh.query(`SELECT id FROM ${q("t", "bq_eu")}`));
    expect(error.message).toMatch(
      /^BigQuery target "test": Not found: Dataset standin-project:bq_eu was not found in location US; check the target's `schema` and `location`/,
    );
    // A dataset cannot be used from another location: ensureSchema refuses rather than guess.
    const wrong = await failure(wh.ensureSchema("bq_eu"));
    expect(wrong.message).toContain(
      "dataset standin-project.bq_eu is in location EU, but the target's location is US",
    );
  });

  it("refuses a dataset with a default collation, which the tables it would create take", async () => {
    // Made as a team would, with the official client: datasets.insert with defaultCollation.
    const client = new BigQuery({
      projectId: standIn.project,
      apiEndpoint: standIn.url,
      keyFilename: standIn.keyFile,
    });
    await client.createDataset("bq_ci", { location: "US", defaultCollation: "und:ci" });
    const error = await failure(wh.ensureSchema("bq_ci"));
    expect(error.message).toBe(
      'BigQuery target "test": dataset standin-project.bq_ci has the default collation "und:ci", which the tables cdp creates in it would take (text compared otherwise than by code point: identifiers and keys that differ in case would be one); use a dataset without a default collation',
    );
    await client.createDataset("bq_cs", { location: "US" });
    await wh.ensureSchema("bq_cs");
  });

  it("caps what a query may bill with maximumBytesBilled", async () => {
    const capped = await openOnStandIn(standIn, "bq_test", { maximumBytesBilled: 1000 });
    const error = await failure(capped.query(`SELECT * FROM ${q("numbers")}`));
    expect(error.message).toMatch(
      /^BigQuery target "test": Query exceeded limit for bytes billed: 1000\. 10485760 or higher required\.; raise `maximumBytesBilled` in the target \(reason bytesBilledLimitExceeded, job /,
    );
    const job = (await standIn.jobs()).at(-1)!;
    expect((job.configuration.query as { maximumBytesBilled: string }).maximumBytesBilled).toBe("1000");
  });

  it("estimates the bytes of a query with a dry run", async () => {
    const before = (await standIn.jobs()).length;
    expect(await wh.estimateBytes(`SELECT * FROM ${q("numbers")}`)).toBeGreaterThan(0);
    // A dry run runs nothing and leaves no job behind.
    expect((await standIn.jobs()).length).toBe(before);
  });

  it("waits for jobs that are still running when first asked (jobComplete: false)", async () => {
    await standIn.configure({ pollsBeforeDone: 3, slowEvery: 1 });
    try {
      const before = (await standIn.calls()).length;
      expect(await wh.query(`SELECT id FROM ${q("numbers")} ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
      const calls = (await standIn.calls()).slice(before);
      expect(calls.filter((c) => c.api === "jobs.getQueryResults" && c.running)).toHaveLength(3);
      expect(calls.filter((c) => c.api === "jobs.getQueryResults" && !c.running)).toHaveLength(1);
    } finally {
      await standIn.configure({ pollsBeforeDone: 0 });
    }
  });

  it("changeStamp follows tables.get lastModifiedTime: a write changes it, a read does not", async () => {
    await wh.replaceTable(rel("stamped"), "SELECT 1 AS id");
    const first = await wh.changeStamp([rel("stamped"), rel("not_there")]);
    expect(first).toMatch(/^bq_test\.stamped@\d+:1,bq_test\.not_there@missing$/);
    await wh.query(`SELECT * FROM ${q("stamped")}`);
    expect(await wh.changeStamp([rel("stamped"), rel("not_there")])).toBe(first);
    await new Promise((r) => setTimeout(r, 5));
    await wh.execute(`INSERT INTO ${q("stamped")} (id) VALUES (2)`);
    expect(await wh.changeStamp([rel("stamped"), rel("not_there")])).not.toBe(first);
  });

  it("reports DML row counts", async () => {
    await wh.replaceTable(rel("scratch"), `SELECT * FROM ${q("numbers")}`);
    expect(await wh.execute(`DELETE FROM ${q("scratch")} WHERE id = 1`)).toEqual({ rowsAffected: 1 });
    expect(await wh.execute(`CREATE OR REPLACE VIEW ${q("scratch_view")} AS SELECT 1 AS x`)).toEqual({});
  });
});

describe("BigQuery retries", () => {
  it("retries an API call refused with rateLimitExceeded (403), then succeeds", async () => {
    await standIn.failNext("rateLimitExceeded", { api: "jobs.insert" });
    const before = (await standIn.calls()).length;
    expect(await wh.query(`SELECT COUNT(*) AS n FROM ${q("numbers")}`)).toEqual([{ n: 2 }]);
    const inserts = (await standIn.calls()).slice(before).filter((c) => c.api === "jobs.insert");
    expect(inserts.map((c) => c.status)).toEqual([403, 200]);
  });

  it("inserts a job once when the answer to its insert is lost and the insert is retried", async () => {
    await wh.replaceTable(rel("copied"), `SELECT * FROM ${q("numbers")}`);
    await standIn.failNext("backendError", { api: "jobs.insert", after: true });
    const before = (await standIn.calls()).length;
    const jobs = (await standIn.jobs()).length;
    expect(await wh.insertInto(rel("copied"), rel("numbers"), ["id", "name"])).toEqual({ rows: 2 });
    // The retried insert finds the job already there (409) and the client carries on with it.
    const inserts = (await standIn.calls()).slice(before).filter((c) => c.api === "jobs.insert");
    expect(inserts.map((c) => c.status)).toEqual([500, 409]);
    expect((await standIn.jobs()).length).toBe(jobs + 1);
    expect(await wh.query(`SELECT COUNT(*) AS n FROM ${q("copied")}`)).toEqual([{ n: 4 }]);
  });

  it("retries backendError (500) on result pages, then succeeds", async () => {
    await standIn.failNext("backendError", { api: "jobs.getQueryResults", times: 2 });
    const before = (await standIn.calls()).length;
    expect(await wh.query(`SELECT COUNT(*) AS n FROM ${q("numbers")}`)).toEqual([{ n: 2 }]);
    const pages = (await standIn.calls()).slice(before).filter((c) => c.api === "jobs.getQueryResults");
    expect(pages.map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it("runs a job that failed with rateLimitExceeded again as a new job", async () => {
    await standIn.failNextJob("rateLimitExceeded", {
      message: "Exceeded rate limits: too many table update operations",
    });
    const before = (await standIn.jobs()).length;
    await wh.replaceTable(rel("retried"), "SELECT 7 AS id");
    const jobs = (await standIn.jobs()).slice(before);
    expect(jobs.map((j) => j.failure?.reason ?? "ok")).toEqual(["rateLimitExceeded", "ok"]);
    expect(jobs[0]!.sql).toBe(jobs[1]!.sql);
    expect(jobs[0]!.jobId).not.toBe(jobs[1]!.jobId);
    expect(await wh.query(`SELECT id FROM ${q("retried")}`)).toEqual([{ id: 7 }]);
  });

  it("runs a job that failed with backendError again, whether it failed at once or while running", async () => {
    await standIn.failNextJob("backendError", { stage: "insert" });
    await standIn.failNextJob("backendError", { stage: "run" });
    const before = (await standIn.jobs()).length;
    expect(await wh.insertInto(rel("retried"), rel("retried"), ["id"])).toEqual({ rows: 1 });
    const jobs = (await standIn.jobs()).slice(before);
    expect(jobs.map((j) => j.failure?.reason ?? "ok")).toEqual(["backendError", "backendError", "ok"]);
    expect(await wh.query(`SELECT COUNT(*) AS n FROM ${q("retried")}`)).toEqual([{ n: 2 }]);
  });

  it("names the job when its result pages keep failing though the job succeeded", async () => {
    await standIn.failNext("backendError", { api: "jobs.getQueryResults", times: 10 });
    try {
      const error = await failure(wh.query("SELECT 1 AS x"));
      expect(error.message).toMatch(
        /^BigQuery target "test": Error encountered during execution\. Retrying may solve the problem\. \(reason backendError, job standin-project:US\.cdp_/,
      );
    } finally {
      await standIn.reset();
    }
  });

  it("gives up after its retries with one line naming the target, the reason and the last job", async () => {
    await standIn.failNextJob("backendError", { times: 10 });
    const before = (await standIn.jobs()).length;
    const error = await failure(wh.query("SELECT 1 AS x"));
    expect(error.message).toMatch(
      /^BigQuery target "test": Error encountered during execution\. Retrying may solve the problem\. \(reason backendError, job standin-project:US\.cdp_[0-9a-f-]{36}\)$/,
    );
    expect((await standIn.jobs()).length - before).toBe(4); // the first attempt and 3 retries
    await standIn.reset();
  });
});

describe("BigQuery failures", () => {
  it("turns a failed job into one line: target, BigQuery's message, reason, job id", async () => {
    const error = await failure(wh.query(`SELECT id FROM ${q("no_such_table")}`));
    expect(error.message).toMatch(
      /^BigQuery target "test": Not found: Table standin-project:bq_test\.no_such_table was not found in location US \(reason notFound, job /,
    );
    expect(error.message).toMatch(JOB_REF);
    expect(error.sql).toContain("no_such_table");
  });

  it("reports a job that fails while running the same way", async () => {
    await standIn.failNextJob("invalidQuery", { message: "Syntax error: Unexpected keyword FROM at [1:8]" });
    const error = await failure(wh.query("SELECT FROM x"));
    expect(error.message).toMatch(
      /^BigQuery target "test": Syntax error: Unexpected keyword FROM at \[1:8\] \(reason invalidQuery, job /,
    );
  });

  it("names a missing dataset", async () => {
    const error = await failure(wh.query(`SELECT * FROM ${q("t", "no_such_dataset")}`));
    expect(error.message).toMatch(
      /^BigQuery target "test": Not found: Dataset standin-project:no_such_dataset was not found in location US; check the target's `schema` and `location`/,
    );
    expect(await wh.describe(rel("t", "no_such_dataset"))).toBeUndefined();
  });

  it("refuses names BigQuery refuses, with BigQuery's message", async () => {
    const error = await failure(wh.replaceTable(rel("x"), "SELECT 1 AS `semi;colon`"));
    expect(error.message).toContain('Invalid field name "semi;colon"');
  });
});

describe("BigQuery credentials", () => {
  it("says when expired or revoked credentials are rejected", async () => {
    const own = await StandIn.start();
    try {
      const other = await openOnStandIn(own, "bq_test");
      await own.expireTokens();
      const error = await failure(other.query("SELECT 1"));
      expect(error.message).toMatch(
        /^BigQuery target "test": the credentials were rejected \(Request had invalid authentication credentials\.\); they may be expired or revoked/,
      );
    } finally {
      await own.close();
    }
  });

  it("says when no access token can be had for the key file", async () => {
    const own = await StandIn.start();
    try {
      await own.rejectCredentials();
      const error = await failure(openOnStandIn(own, "bq_test"));
      expect(error.message).toMatch(
        /^BigQuery target "test": cannot get an access token \(invalid_grant: The provided subject token is invalid or expired\.\)/,
      );
    } finally {
      await own.close();
    }
  });

  it("says when there are no credentials at all", async () => {
    const emptyGcloud = tempDir("gcloud-");
    const saved = { adc: process.env.GOOGLE_APPLICATION_CREDENTIALS, sdk: process.env.CLOUDSDK_CONFIG };
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.CLOUDSDK_CONFIG = emptyGcloud;
    try {
      const error = await failure(openOnStandIn(standIn, "bq_test", { keyFileEnv: "CDP_NO_KEY", env: {} }));
      expect(error.message).toBe(
        'BigQuery target "test": no credentials found: set CDP_NO_KEY to a service-account key file, or run `gcloud auth application-default login`',
      );
    } finally {
      if (saved.adc !== undefined) process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.adc;
      if (saved.sdk === undefined) delete process.env.CLOUDSDK_CONFIG;
      else process.env.CLOUDSDK_CONFIG = saved.sdk;
    }
  });

  it("says when the project does not exist", async () => {
    const error = await failure(openOnStandIn(standIn, "bq_test", { project: "no-such-project" }));
    expect(error.message).toBe(
      'BigQuery target "test": Not found: Project no-such-project; check the target\'s `project` (reason notFound)',
    );
  });

  it("says when the key file named by the variable does not exist", async () => {
    const error = await failure(
      openOnStandIn(standIn, "bq_test", { env: { CDP_BIGQUERY_TEST_KEY: "/nowhere/key.json" } }),
    );
    expect(error.message).toBe(
      'BigQuery target "test": the key file /nowhere/key.json named by CDP_BIGQUERY_TEST_KEY does not exist',
    );
  });
});

describe("BigQuery tables, views and loads", () => {
  it("streams pages shorter than asked (BigQuery's 10 MB cap) in full batches", async () => {
    await wh.replaceTable(rel("series"), "SELECT g AS id FROM UNNEST(GENERATE_ARRAY(1, 1000)) AS g");
    await standIn.configure({ pageBytes: 1500 });
    try {
      const before = (await standIn.calls()).length;
      const sizes: number[] = [];
      for await (const batch of wh.stream(`SELECT id FROM ${q("series")}`, { batchSize: 250 }))
        sizes.push(batch.length);
      expect(sizes).toEqual([250, 250, 250, 250]);
      const pages = (await standIn.calls()).slice(before).filter((c) => c.api === "jobs.getQueryResults");
      expect(pages.length).toBeGreaterThan(4);
    } finally {
      await standIn.configure({ pageBytes: 10 * 1024 * 1024 });
    }
  });

  it("describes views and tables with GoogleSQL type names that ALTER TABLE accepts", async () => {
    await wh.replaceTable(
      rel("typed"),
      "SELECT CAST(1 AS INT64) AS i, CAST('1.5' AS NUMERIC(12, 2)) AS n, 1.5 AS f, TRUE AS b, CURRENT_TIMESTAMP() AS ts",
    );
    const info = await wh.describe(rel("typed"));
    expect(info).toEqual({
      kind: "table",
      columns: [
        { name: "i", type: "INT64" },
        { name: "n", type: "NUMERIC(12, 2)" },
        { name: "f", type: "FLOAT64" },
        { name: "b", type: "BOOL" },
        { name: "ts", type: "TIMESTAMP" },
      ],
    });
    await wh.addColumns(rel("typed"), [
      { name: "n2", type: "NUMERIC(12, 2)" },
      { name: "note", type: "STRING" },
    ]);
    expect((await wh.describe(rel("typed")))?.columns.slice(-2)).toEqual([
      { name: "n2", type: "NUMERIC(12, 2)" },
      { name: "note", type: "STRING" },
    ]);
    await wh.createView(rel("typed_view"), `SELECT i, n FROM ${q("typed")}`);
    expect(await wh.describe(rel("typed_view"))).toEqual({
      kind: "view",
      columns: [
        { name: "i", type: "INT64" },
        { name: "n", type: "NUMERIC(12, 2)" },
      ],
    });
  });

  it("replaces a view by a table and a table by a view", async () => {
    await wh.createView(rel("shape"), "SELECT 1 AS id");
    await wh.replaceTable(rel("shape"), "SELECT 2 AS id");
    expect((await wh.describe(rel("shape")))?.kind).toBe("table");
    await wh.createView(rel("shape"), "SELECT 3 AS id");
    expect((await wh.describe(rel("shape")))?.kind).toBe("view");
    expect(await wh.query(`SELECT id FROM ${q("shape")}`)).toEqual([{ id: 3 }]);
  });

  it("loads a CSV through load jobs: header names, detected types, columnTypes, atomic replace", async () => {
    const dir = tempDir("bq-load-");
    const file = path.join(dir, "people.csv");
    writeFileSync(
      file,
      'id,code,amount,seen_at,note\n1,007,12.5,2026-01-02 03:04:05,"a, ""quoted"" note"\n2,042,3,2026-02-03 00:00:00,\n',
    );
    await standIn.configure({ pollsBeforeDone: 1, slowEvery: 2 });
    const loaded = await wh
      .withLabels({ cdp_command: "seed" })
      .loadCsv(rel("people"), file, { columnTypes: { code: "VARCHAR", amount: "DECIMAL(12,2)" } });
    await standIn.configure({ pollsBeforeDone: 0, slowEvery: 1 });
    expect(loaded).toEqual({ rows: 2 });
    expect((await wh.describe(rel("people")))?.columns).toEqual([
      { name: "id", type: "INT64" },
      { name: "code", type: "STRING" },
      { name: "amount", type: "NUMERIC(12, 2)" },
      { name: "seen_at", type: "TIMESTAMP" },
      { name: "note", type: "STRING" },
    ]);
    expect(await wh.query(`SELECT * FROM ${q("people")} ORDER BY id`)).toEqual([
      {
        id: 1,
        code: "007",
        amount: "12.5",
        seen_at: new Date("2026-01-02T03:04:05Z"),
        note: 'a, "quoted" note',
      },
      { id: 2, code: "042", amount: "3", seen_at: new Date("2026-02-03T00:00:00Z"), note: null },
    ]);
    const loads = (await standIn.jobs()).filter((j) => j.type === "LOAD").slice(-2);
    expect(loads.map((j) => j.labels.cdp_command)).toEqual(["seed", "seed"]);

    // A bad file fails with one line and leaves the table as it was.
    writeFileSync(file, "id,code,amount,seen_at,note\nnot a number,1,1,2026-01-01 00:00:00,x\n");
    const error = await failure(wh.loadCsv(rel("people"), file, { columnTypes: { id: "INT64" } }));
    expect(error.message).toMatch(
      /^BigQuery target "test": Error while reading data, error message: .* \(reason invalid, job /,
    );
    expect(await wh.query(`SELECT COUNT(*) AS n FROM ${q("people")}`)).toEqual([{ n: 2 }]);
    const left = await wh.query(
      "SELECT table_name FROM `bq_test`.INFORMATION_SCHEMA.TABLES WHERE table_name LIKE '%cdp_detect%'",
    );
    expect(left).toEqual([]);
  });

  it("refuses a columnTypes entry that names no column", async () => {
    const dir = tempDir("bq-load-");
    const file = path.join(dir, "x.csv");
    writeFileSync(file, "a,b\n1,2\n");
    const error = await failure(wh.loadCsv(rel("x"), file, { columnTypes: { c: "INT64" } }));
    expect(error.message).toContain('columnTypes names "c", which is not in the header (a, b)');
  });
});

describe("BigQuery date math", () => {
  it("matches DuckDB's date_add and date_diff on dates, month ends and boundaries", async () => {
    const duck = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 1 });
    try {
      const cases = (w: { dialect: typeof wh.dialect }) => {
        const x = w.dialect;
        const date = (s: string) => x.cast(`'${s}'`, "date");
        const ts = (s: string) => x.cast(`'${s}'`, "timestamp");
        return `SELECT
          ${x.cast(x.dateAdd(date("2026-01-31"), 1, "month"), "date")} AS month_end,
          ${x.cast(x.dateAdd(date("2024-02-29"), 1, "year"), "date")} AS leap,
          ${x.cast(x.dateAdd(date("2026-03-01"), -1, "day"), "date")} AS back,
          ${x.dateAdd(ts("2026-01-01T23:30:00Z"), 90, "minute")} AS later,
          ${x.dateAdd(date("2026-01-31"), 1, "day")} AS next_day,
          ${x.dateDiff("day", ts("2026-01-01T23:59:00Z"), ts("2026-01-02T00:01:00Z"))} AS day_boundary,
          ${x.dateDiff("hour", ts("2026-01-01T00:59:00Z"), ts("2026-01-01T01:01:00Z"))} AS hour_boundary,
          ${x.dateDiff("month", date("2026-01-31"), date("2026-02-01"))} AS month_boundary,
          ${x.dateDiff("year", date("2026-12-31"), date("2025-01-01"))} AS years_back,
          ${x.dateDiff("second", ts("2026-01-01T00:00:00.900Z"), ts("2026-01-01T00:00:01.100Z"))} AS second_boundary`;
      };
      const [expected] = await duck.query(cases(duck));
      const [actual] = await wh.query(cases(wh));
      expect(actual).toEqual(expected);
      expect(actual).toMatchObject({
        month_end: "2026-02-28",
        day_boundary: 1,
        hour_boundary: 1,
        years_back: -1,
        next_day: new Date("2026-02-01T00:00:00Z"),
      });
    } finally {
      await duck.close();
    }
  });
});
