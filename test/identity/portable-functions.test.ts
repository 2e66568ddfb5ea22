import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";

/**
 * The dialect functions a match's result depends on give the same values on every warehouse:
 * the portable hash that picks u's random pairs, and Levenshtein and Jaro-Winkler over
 * characters (accented letters are one character, not two bytes), to the last bit.
 */

/** Reference Levenshtein distance over code points. */
function levenshtein(a: string, b: string): number {
  const [x, y] = [Array.from(a), Array.from(b)];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/**
 * Reference Jaro-Winkler over code points, as DuckDB defines it: half the transpositions rounded
 * down, a prefix of up to 4 weighted 0.1 above a Jaro similarity of 0.7, 0 when a string is empty.
 */
function jaroWinkler(a: string, b: string): number {
  const [x, y] = [Array.from(a), Array.from(b)];
  if (!x.length || !y.length) return 0;
  const window = Math.max(Math.floor(Math.max(x.length, y.length) / 2) - 1, 0);
  const [xm, ym] = [x.map(() => false), y.map(() => false)];
  let m = 0;
  x.forEach((c, i) => {
    for (let j = Math.max(0, i - window); j <= Math.min(y.length - 1, i + window); j++) {
      if (!ym[j] && c === y[j]) {
        xm[i] = ym[j] = true;
        m++;
        break;
      }
    }
  });
  if (!m) return 0;
  let t = 0;
  let k = 0;
  x.forEach((c, i) => {
    if (!xm[i]) return;
    while (!ym[k]) k++;
    if (c !== y[k]) t++;
    k++;
  });
  const jaro = (m / x.length + m / y.length + (m - Math.floor(t / 2)) / m) / 3;
  if (jaro <= 0.7) return jaro;
  let p = 0;
  while (p < 4 && p < x.length && p < y.length && x[p] === y[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

const PAIRS: [string, string][] = [
  ["josé", "jose"],
  ["Müller", "Mueller"],
  ["Müller", "Muller"],
  ["Zoë", "Zoe"],
  ["Gaëlle", "Gaelle"],
  ["François", "Francois"],
  ["straße", "strasse"],
  ["Øyvind", "Oyvind"],
  ["éèê", "êèé"],
  ["martha", "marhta"],
  ["dixon", "dicksonx"],
  ["abcdefgh", "badcfehg"],
  ["Renée", "Renee"],
];

describeEachWarehouse("portable match functions", "portable", ({ wh: warehouse, skipped, schema }) => {
  it("hash the same text to the same number: the first 15 hex digits of its MD5", async () => {
    if (skipped()) return;
    const d = warehouse().dialect;
    const texts = ["0", "12345", "1000003", "-7", "é"];
    const rows = await warehouse().query<{ n: number; h: unknown }>(
      texts.map((t, n) => `SELECT ${n} AS n, ${d.portableHash(d.literal(t))} AS h`).join(" UNION ALL "),
    );
    const got = rows.sort((a, b) => Number(a.n) - Number(b.n)).map((r) => String(r.h));
    const expected = texts.map((t) =>
      BigInt(`0x${createHash("md5").update(t).digest("hex").slice(0, 15)}`).toString(),
    );
    expect(got).toEqual(expected);
  });

  it("compare characters, not bytes, with the same Levenshtein and Jaro-Winkler values", async () => {
    if (skipped()) return;
    const wh = warehouse();
    const d = wh.dialect;
    const ddl = d.jaroWinklerFunction(schema);
    if (ddl) await wh.execute(ddl);
    const s = (v: string) => d.cast(d.literal(v), "string");
    const input = PAIRS.map(([a, b], n) => `SELECT ${n} AS n, ${s(a)} AS a, ${s(b)} AS b`).join(
      " UNION ALL ",
    );
    const rows = await wh.query<{ n: number; lev: unknown; jw: unknown }>(
      `SELECT n, ${d.levenshtein("a", "b")} AS lev, ${d.jaroWinkler("a", "b", schema)} AS jw FROM (${input}) AS t`,
    );
    const got = rows
      .sort((x, y) => Number(x.n) - Number(y.n))
      .map((r) => [PAIRS[Number(r.n)]![0], Number(r.lev), Number(r.jw)]);
    expect(got).toEqual(PAIRS.map(([a, b]) => [a, levenshtein(a, b), jaroWinkler(a, b)]));
  });
});
