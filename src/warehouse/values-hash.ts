import type { Dialect } from "./types.ts";

/**
 * A 64-bit hash of several values taken together, NULLs told apart from values, for telling a row
 * changed from the hash a last run saved on the same warehouse: the warehouse's native row hash
 * where it has one (`Dialect.rowHash`: DuckDB's `hash`, ~25 times cheaper than MD5), else
 * `portableHash` (MD5) of an unambiguous encoding (each value as its length, ':' and its text; 'N'
 * for NULL). Equal values hash equal; two different rows hashing equal (odds of about changed rows
 * x rows / 2^64 a run) would hide a change until the next full run. A warehouse whose hash changes
 * (an upgrade) sees every row as changed.
 */
export function valuesHashSql(d: Dialect, expressions: string[]): string {
  if (d.rowHash) return d.rowHash(expressions);
  const text = (e: string) => d.cast(e, "string");
  const encoded = expressions.map(
    (e) => `CASE WHEN ${e} IS NULL THEN 'N' ELSE CONCAT(${text(`LENGTH(${text(e)})`)}, ':', ${text(e)}) END`,
  );
  return d.portableHash(`CONCAT(${encoded.join(", ")})`);
}
