import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../scripts/demo/random.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/**
 * Jaro-Winkler is defined by DuckDB's `jaro_winkler_similarity` over characters (the DuckDB
 * dialect gives it one byte per character). On Postgres, the exact PL/pgSQL
 * function must give the same values to the bit, and the fast form (pg_similarity's C function
 * where the server has it) the same side of every threshold, on random strings made to hit the
 * awkward cases: capitals of letters the other string has in lower case, multi-byte characters,
 * odd half-transposition counts, Jaro similarities of exactly 0.7 (where the boost starts),
 * values over pg_similarity's 1,024 bytes.
 */

/** A seeded generator (the demo generator's mulberry32): the same values on every run. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const NAMES = ["Grace", "George", "Morris", "Morel", "MARTHA", "Anna", "Zoë", "Müller", "O'Neil", "Dwayne"];
const ALPHABET = ["a", "A", "b", "B", "n", "N", "e", "é", "É", "ü", "Ü", "ß", "ø", "Ø", "r", "-", " ", "o"];

function pairs(): [string, string][] {
  const next = random(19);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const word = () => Array.from({ length: 1 + Math.floor(next() * 9) }, () => pick(ALPHABET)).join("");
  /** `s` with a typo or two: swapped, dropped, doubled or changed characters, or its case. */
  const typo = (s: string) => {
    const c = [...s];
    for (let k = 0; k < 1 + Math.floor(next() * 2); k++) {
      const i = Math.floor(next() * c.length);
      const r = next();
      if (r < 0.25 && i + 1 < c.length) [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
      else if (r < 0.45) c.splice(i, 1);
      else if (r < 0.6) c.splice(i, 0, c[i] ?? "x");
      else if (r < 0.8) c[i] = pick(ALPHABET);
      else
        c[i] = (c[i] ?? "").toUpperCase() === c[i] ? (c[i] ?? "").toLowerCase() : (c[i] ?? "").toUpperCase();
    }
    return c.join("") || "z";
  };
  const out: [string, string][] = [
    ["abcdef", "bcadef"],
    ["Grace", "George"],
    ["Anna", "nan"],
    ["MARTHA", "MARHTA"],
    ["DIXON", "DICKSONX"],
    ["héllo", "hello"],
    ["a", "a"],
    ["ab", "ba"],
    ["x".repeat(1030), `${"x".repeat(1029)}y`],
  ];
  for (let i = 0; i < 1500; i++) out.push([word(), word()]);
  for (let i = 0; i < 1500; i++) {
    const s = next() < 0.5 ? pick(NAMES) : word();
    out.push([s, typo(s)]);
  }
  return out;
}

const THRESHOLDS = [[0.9, 0.8], [0.7], [0.95, 0.85, 0.73], [0.76]];

describe("Jaro-Winkler on Postgres agrees with DuckDB", () => {
  let duck: Warehouse;
  let pg: Warehouse | undefined;
  let reason: string | undefined;
  const schema = `cdp_jw_${process.pid}`;
  const data = pairs();
  const valuesSql = (wh: Warehouse) =>
    `SELECT i, CAST(a AS ${wh.dialect.typeName("string")}) AS a, CAST(b AS ${wh.dialect.typeName("string")}) AS b FROM (VALUES ${data
      .map(([a, b], i) => `(${i}, ${wh.dialect.literal(a)}, ${wh.dialect.literal(b)})`)
      .join(", ")}) AS v(i, a, b)`;

  beforeAll(async () => {
    duck = await duckdbTarget.open(schema);
    reason = await postgresTarget.unavailable();
    if (reason) {
      console.warn(`\n*** SKIPPED: Jaro-Winkler agreement on postgres: ${reason} ***\n`);
      return;
    }
    pg = await postgresTarget.open(schema);
    const d = pg.dialect;
    await pg.execute(d.jaroWinklerFunction(schema)!);
    const key = (x: string) => d.jaroWinklerKey!(x, schema);
    await pg.replaceTable(
      { schema, name: "pairs" },
      `SELECT v.*, ${key("v.a")} AS ka, ${key("v.b")} AS kb FROM (${valuesSql(pg)}) AS v`,
    );
  });
  afterAll(async () => {
    await duck?.close();
    if (pg) {
      await postgresTarget.cleanup!(pg, schema);
      await pg.close();
    }
  });

  const reference = async () => {
    const rows = await duck.query<{ i: number; jw: number }>(
      `SELECT i, ${duck.dialect.jaroWinkler("a", "b", "main")} AS jw FROM (${valuesSql(duck)}) AS v ORDER BY i`,
    );
    return rows.map((r) => Number(r.jw));
  };

  it("the exact function gives DuckDB's values to the bit", async () => {
    if (!pg) return;
    const expected = await reference();
    const rows = await pg.query<{ jw: number }>(
      `SELECT ${pg.dialect.jaroWinkler("a", "b", schema)} AS jw FROM ${pg.dialect.quoteRelation({ schema, name: "pairs" })} ORDER BY i`,
    );
    const got = rows.map((r) => Number(r.jw));
    const differ = data.filter((_, i) => got[i] !== expected[i]).map((p, i) => [...p, got[i], expected[i]]);
    expect(differ).toEqual([]);
    // The cases are awkward ones: boosts at exactly 0.7, odd transpositions, characters (héllo and
    // hello: 0.84 over UTF-8 bytes, as DuckDB's own function reads them).
    expect(expected[0]).toBe(0.9444444444444445);
    expect(expected[1]).toBe(0.7300000000000001);
    expect(expected[5]).toBeGreaterThan(0.86);
  });

  it("the fast function falls on the same side of every threshold", async () => {
    if (!pg) return;
    const expected = await reference();
    const rel = pg.dialect.quoteRelation({ schema, name: "pairs" });
    for (const thresholds of THRESHOLDS) {
      const call = pg.dialect.jaroWinkler("a", "b", schema, { thresholds, keys: ["ka", "kb"] });
      const rows = await pg.query<{ jw: number }>(`SELECT ${call} AS jw FROM ${rel} ORDER BY i`);
      const side = (v: number) => thresholds.map((t) => v >= t);
      const differ = data
        .map((p, i) => ({ pair: p, got: Number(rows[i]!.jw), expected: expected[i]! }))
        .filter((r) => JSON.stringify(side(r.got)) !== JSON.stringify(side(r.expected)));
      expect(differ, `thresholds ${thresholds}`).toEqual([]);
    }
  });

  it("uses pg_similarity where the server has it", async () => {
    if (!pg) return;
    const [available] = await pg.query(
      `SELECT 1 AS x FROM pg_available_extensions WHERE name = 'pg_similarity'`,
    );
    if (!available) {
      console.warn(
        "\n*** pg_similarity is not available on this server: only the exact function was tested ***\n",
      );
      return;
    }
    // Keys of equal values with unequal values: only the native path reads the keys (and says
    // "at or above 0.9" where the exact function gives 0).
    const key = (x: string) => pg!.dialect.jaroWinklerKey!(x, schema);
    const [row] = await pg.query<{ jw: number }>(
      `SELECT ${pg.dialect.jaroWinkler("'abc'", "'xyz'", schema, { thresholds: [0.9], keys: [key("'Same'"), key("'Same'")] })} AS jw`,
    );
    expect(Number(row!.jw)).toBeGreaterThanOrEqual(0.9);
  });
});
