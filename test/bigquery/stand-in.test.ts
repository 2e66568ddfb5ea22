import { BigQuery, type BigQueryTimestamp } from "@google-cloud/bigquery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offline } from "./helpers.ts";
import { ApiFailure } from "./stand-in/errors.ts";
import { StandIn } from "./stand-in/index.ts";

/**
 * The stand-in itself, through the official client's own calls (not cdp's): wire formats the
 * client parses, jobs.query, BigQuery's error bodies.
 */
let standIn: StandIn;
let client: BigQuery;

beforeAll(async () => {
  offline();
  standIn = await StandIn.start({ project: "wire-test" });
  client = new BigQuery({ projectId: "wire-test", apiEndpoint: standIn.url, keyFilename: standIn.keyFile });
});

afterAll(async () => {
  await standIn?.close();
});

const SQL = `SELECT TIMESTAMP '2026-03-04 05:06:07.123456+00' AS ts, NUMERIC '12345678901234567890.123456789' AS num,
  9007199254740993 AS big, DATE '2026-03-04' AS day, JSON '{"a": [1, 2]}' AS doc, 1.5 AS f, TRUE AS yes, NULL AS nothing`;

describe("BigQuery stand-in", () => {
  it("answers jobs.query (the client's fast path) in the wire format the client parses", async () => {
    const [rows] = await client.query({ query: SQL, wrapIntegers: true, parseJSON: true });
    const row = rows[0];
    expect((row.ts as BigQueryTimestamp).value).toBe("2026-03-04T05:06:07.123456000Z");
    expect(row.num.toFixed()).toBe("12345678901234567890.123456789");
    expect(String(row.big.value)).toBe("9007199254740993");
    expect(row.day.value).toBe("2026-03-04");
    expect(row.doc).toEqual({ a: [1, 2] });
    expect(row).toMatchObject({ f: 1.5, yes: true, nothing: null });
    expect((await standIn.calls()).some((c) => c.api === "jobs.query")).toBe(true);
  });

  it("sends TIMESTAMPs as epoch seconds with a fraction when int64 timestamps are not asked for", async () => {
    const [rows] = await client.query({ query: SQL }, { "formatOptions.useInt64Timestamp": false });
    expect((rows[0].ts as BigQueryTimestamp).value).toBe("2026-03-04T05:06:07.123456000Z");
  });

  it("answers errors in BigQuery's error body", async () => {
    const error = await client
      .dataset("nope")
      .get()
      .then(
        () => undefined,
        (e: { code: number; errors: unknown[]; message: string }) => e,
      );
    expect(error).toMatchObject({
      code: 404,
      message: "Not found: Dataset wire-test:nope",
      errors: [{ reason: "notFound", domain: "global", message: "Not found: Dataset wire-test:nope" }],
    });
    expect(ApiFailure.of("rateLimitExceeded").body()).toEqual({
      error: {
        code: 403,
        message: expect.stringMatching(/^Exceeded rate limits/),
        errors: [
          {
            message: expect.stringMatching(/^Exceeded rate limits/),
            domain: "usageLimits",
            reason: "rateLimitExceeded",
          },
        ],
        status: "PERMISSION_DENIED",
      },
    });
  });

  it("casts scalars to STRING and refuses arrays and structs, as BigQuery's conversion rules do", async () => {
    const [rows] = await client.query({
      query:
        "SELECT CAST(12 AS STRING) AS n, SAFE_CAST(1.5 AS STRING) AS f, CAST(DATE '2026-03-04' AS STRING) AS d",
    });
    expect(rows[0]).toEqual({ n: "12", f: "1.5", d: "2026-03-04" });
    for (const value of ["[1, 2]", "STRUCT(1 AS a)"]) {
      for (const fn of ["CAST", "SAFE_CAST"]) {
        const error = await client.query({ query: `SELECT ${fn}(${value} AS STRING) AS s` }).then(
          () => undefined,
          (e: { errors?: { reason: string; message: string }[] }) => e,
        );
        expect(error?.errors?.[0], `${fn}(${value} AS STRING)`).toMatchObject({
          reason: "invalidQuery",
          message: expect.stringMatching(/^Invalid cast from .+ to STRING$/),
        });
      }
    }
  });

  it("runs a persistent JavaScript function, with NULLs passed in, and refuses to create it twice", async () => {
    await client.createDataset("udfs", { location: "US" });
    const create = (clause: string) =>
      client.query(
        `CREATE FUNCTION ${clause} \`wire-test\`.\`udfs\`.\`tag\`(s STRING, n FLOAT64) RETURNS STRING LANGUAGE js AS r"""
return s === null ? 'none' : s + ':' + (n * 2);
"""`,
      );
    await create("");
    const [rows] = await client.query(
      "SELECT `wire-test`.`udfs`.`tag`('é', 1.5) AS a, udfs.tag(NULL, 1) AS b, EDIT_DISTANCE('é', 'e') AS d",
    );
    expect(rows).toEqual([{ a: "é:3", b: "none", d: 1 }]);
    await expect(create("")).rejects.toMatchObject({
      message: "Already Exists: Function wire-test:udfs.tag",
    });
    await expect(create("IF NOT EXISTS")).resolves.toBeDefined();
  });
});
