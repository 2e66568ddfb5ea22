import { quoteIdentifier } from "../standard-sql.ts";

/**
 * Jaro-Winkler on PostgreSQL, which has none built in, with exactly DuckDB's values (the
 * definition every warehouse follows, so a match finds the same pairs everywhere):
 * `jaro_winkler_similarity` of DuckDB 1.x (rapidfuzz's algorithm) over characters (DuckDB's own
 * function reads bytes; the DuckDB dialect gives it one byte per character), matching each
 * character of the second string with the first unmatched equal character of the first within
 * max(|a|, |b|) / 2 - 1 positions, counting half-transpositions and halving them rounding down,
 * giving 0 when either string is empty, and adding the prefix boost (up to 4 characters, 0.1
 * each) when the Jaro similarity is above 0.7, in this order of double-precision operations.
 *
 * Two functions in the model's schema:
 * - `cdp_jaro_winkler(a, b)`: that definition in PL/pgSQL (slow: ~60 µs a pair);
 * - `cdp_jaro_winkler(a, b, key_a, key_b, bounds, sides)`: the same decisions against the
 *   thresholds of the comparison's levels at C speed where the server has the `pg_similarity` extension (Debian's
 *   `postgresql-15-similarity`). Its `jarowinkler` differs from DuckDB's in three ways, so it is
 *   only used where they cannot matter: it ignores case (so capitals are first mapped to control
 *   characters, by `cdp_jaro_winkler_key`, and values it would still fold go to the exact
 *   function), it rejects values over 1,024 bytes, and
 *   it adds the three Jaro terms in another order, which moves the last bits of the value: a value
 *   within 1e-6 of a threshold, or of where the boost starts, is computed again exactly. Its matching runs over its first
 *   argument, so it is given the strings swapped to match the same bytes as DuckDB. Without the
 *   extension, the six-argument function calls the exact one.
 */

/** pg_similarity's longest string (PGS_MAX_STR_LEN, in bytes). */
const NATIVE_MAX_BYTES = 1024;
/** How far from a threshold the native value must be to decide alone (it is off by ~1e-16). */
const MARGIN = 1e-6;
/**
 * Where the native value also goes to the exact function: at a Jaro similarity of 0.7 the boost
 * starts, so a last-bit difference there moves the value by up to 0.12; the Jaro-Winkler value
 * is then near 0.7 + 0.03 × the common prefix (0 to 4).
 */
const BOOST_EDGES = [0.7, 0.73, 0.76, 0.79, 0.82];
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** Control characters 0x01-0x1A, which the native function leaves as they are, for A-Z. */
const CONTROLS = `E'${Array.from({ length: 26 }, (_, i) => `\\x${(i + 1).toString(16).padStart(2, "0")}`).join("")}'`;

/** The exact definition, in PL/pgSQL. */
function exactFunction(schema: string): string {
  return `CREATE OR REPLACE FUNCTION ${quoteIdentifier(schema)}.cdp_jaro_winkler(a TEXT, b TEXT)
RETURNS DOUBLE PRECISION LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $cdp$
DECLARE
  p INT[] := ARRAY(SELECT ascii(x.ch) FROM regexp_split_to_table(a, '') WITH ORDINALITY AS x(ch, n) ORDER BY x.n);
  t INT[] := ARRAY(SELECT ascii(x.ch) FROM regexp_split_to_table(b, '') WITH ORDINALITY AS x(ch, n) ORDER BY x.n);
  lp INT := cardinality(p); lt INT := cardinality(t); bound INT; i INT; j INT; k INT := 0; pre INT := 0;
  m INT := 0; tr INT := 0; pf BOOLEAN[]; tf BOOLEAN[]; c INT; sim DOUBLE PRECISION;
BEGIN
  IF lp = 0 OR lt = 0 THEN RETURN 0; END IF;
  bound := GREATEST(GREATEST(lp, lt) / 2 - 1, 0);
  pf := array_fill(FALSE, ARRAY[lp]); tf := array_fill(FALSE, ARRAY[lt]);
  FOR j IN 0..lt - 1 LOOP
    c := t[j + 1];
    FOR i IN GREATEST(0, j - bound)..LEAST(lp - 1, j + bound) LOOP
      IF NOT pf[i + 1] AND p[i + 1] = c THEN pf[i + 1] := TRUE; tf[j + 1] := TRUE; m := m + 1; EXIT; END IF;
    END LOOP;
  END LOOP;
  IF m = 0 THEN RETURN 0; END IF;
  FOR j IN 0..lt - 1 LOOP
    IF tf[j + 1] THEN
      WHILE NOT pf[k + 1] LOOP k := k + 1; END LOOP;
      IF t[j + 1] <> p[k + 1] THEN tr := tr + 1; END IF;
      k := k + 1;
    END IF;
  END LOOP;
  sim := CAST(m AS DOUBLE PRECISION) / lp;
  sim := sim + CAST(m AS DOUBLE PRECISION) / lt;
  sim := sim + CAST(m - tr / 2 AS DOUBLE PRECISION) / m;
  sim := sim / 3;
  IF sim <= 0.7 THEN RETURN sim; END IF;
  WHILE pre < 4 AND pre < lp AND pre < lt AND p[pre + 1] = t[pre + 1] LOOP pre := pre + 1; END LOOP;
  RETURN sim + pre * CAST(0.1 AS DOUBLE PRECISION) * (1 - sim);
END
$cdp$`;
}

/**
 * `cdp_jaro_winkler_key(value)`, the value as the native function reads it (`Dialect.jaroWinklerKey`,
 * made once per record: a translate per pair would cost more than the native function saves):
 * capitals mapped to control characters, so its case folding changes nothing; NULL where it cannot
 * serve (over its limit, holding anything but printable ASCII: it reads bytes, and a similarity
 * counts characters, which are the bytes only in ASCII). Without the extension, no key (the
 * six-argument function ignores it).
 */
function keyFunction(schema: string, kind: "ascii" | "none"): string {
  const pattern = "'[^ -~]'";
  const body =
    kind === "none"
      ? "CAST(NULL AS TEXT)"
      : `CASE WHEN octet_length(v) <= ${NATIVE_MAX_BYTES} AND v !~ ${pattern} THEN translate(v, '${UPPER}', ${CONTROLS}) END`;
  return `CREATE OR REPLACE FUNCTION ${quoteIdentifier(schema)}.cdp_jaro_winkler_key(v TEXT)
RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $cdp$
  SELECT ${body}
$cdp$`;
}

export const jaroWinklerKey = (value: string, schema: string) =>
  `${quoteIdentifier(schema)}.cdp_jaro_winkler_key(${value})`;

/**
 * The six-argument function over pg_similarity's `jarowinkler` in `native` (an identifier or a
 * format() placeholder). It runs the native function once and returns, in place of its value, a
 * value on the same side of every threshold: `bounds` are the edges of the intervals within the
 * margin of a threshold (ascending; `width_bucket` finds where the native value falls) and
 * `sides[bucket + 1]` a value between them, NULL inside an interval, where the exact function
 * decides. Values are only ever held against the thresholds. Without a key the native function
 * gives NULL (it is STRICT), and the exact one decides too. One SQL expression naming each
 * argument once, so the planner inlines it into the query without computing anything twice.
 */
function nativeFunction(schema: string, native: string): string {
  const s = quoteIdentifier(schema);
  return `CREATE OR REPLACE FUNCTION ${s}.cdp_jaro_winkler(a TEXT, b TEXT, ka TEXT, kb TEXT, bounds DOUBLE PRECISION[], sides DOUBLE PRECISION[])
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $cdp$
  SELECT COALESCE(sides[width_bucket(${native}.jarowinkler(kb, ka), bounds) + 1], ${s}.cdp_jaro_winkler(a, b))
$cdp$`;
}

function fallbackFunction(schema: string): string {
  const s = quoteIdentifier(schema);
  return `CREATE OR REPLACE FUNCTION ${s}.cdp_jaro_winkler(a TEXT, b TEXT, ka TEXT, kb TEXT, bounds DOUBLE PRECISION[], sides DOUBLE PRECISION[])
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $cdp$
  SELECT ${s}.cdp_jaro_winkler(a, b)
$cdp$`;
}

/**
 * One statement (a DO block, so the server decides) creating the functions in `schema`: the
 * native path when pg_similarity is installed in the database, or when it is available and this
 * user may create it (it is not a trusted extension: a superuser's job), in `schema`; else the
 * fallback. `CREATE EXTENSION` runs in a block of its own, so a refusal leaves nothing behind.
 */
export function jaroWinklerFunctions(schema: string): string {
  const q = (sql: string) => `$q$${sql}$q$`;
  const native = nativeFunction(schema, "%1$I");
  return `DO $do$
DECLARE ext TEXT;
BEGIN
  EXECUTE ${q(exactFunction(schema))};
  SELECT n.nspname INTO ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_similarity';
  IF ext IS NULL AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_similarity') THEN
    BEGIN
      EXECUTE format('CREATE EXTENSION IF NOT EXISTS pg_similarity SCHEMA %I', ${quoteLiteral(schema)});
      ext := ${quoteLiteral(schema)};
    EXCEPTION WHEN OTHERS THEN
      -- Not allowed, or another session created it at the same moment.
      SELECT n.nspname INTO ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_similarity';
    END;
  END IF;
  IF ext IS NULL THEN
    EXECUTE ${q(fallbackFunction(schema))};
    EXECUTE ${q(keyFunction(schema, "none"))};
  ELSE
    EXECUTE format(${q(native.replaceAll("%", "%%").replaceAll("%%1$I", "%1$I"))}, ext);
    EXECUTE ${q(keyFunction(schema, "ascii"))};
  END IF;
END
$do$`;
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The intervals within the margin of each threshold and of the boost's edges (merged where they
 * overlap), as `bounds` (their edges, ascending) and `sides` (per `width_bucket` of a value plus
 * one: -1 below them all, then NULL inside an interval and its upper edge above it).
 */
function buckets(thresholds: readonly number[]): { bounds: number[]; sides: (number | null)[] } {
  const edges = [...new Set([...thresholds, ...BOOST_EDGES])].sort((x, y) => x - y);
  const intervals: [number, number][] = [];
  for (const t of edges) {
    const last = intervals.at(-1);
    if (last && t - MARGIN <= last[1]) last[1] = t + MARGIN;
    else intervals.push([t - MARGIN, t + MARGIN]);
  }
  return {
    bounds: intervals.flat(),
    sides: [-1, ...intervals.flatMap(([, high]) => [null, high])],
  };
}

const floatArray = (xs: (number | null)[]) =>
  `CAST(ARRAY[${xs.map((x) => (x === null ? "NULL" : String(x))).join(", ")}] AS DOUBLE PRECISION[])`;

/**
 * The call: the exact function, or with the levels' thresholds and the records' keys
 * (`jaroWinklerKey`) the six-argument one, whose value is on the same side of every threshold.
 */
export function jaroWinklerCall(
  a: string,
  b: string,
  schema: string,
  fast?: { thresholds: readonly number[]; keys: readonly [string, string] },
): string {
  const s = quoteIdentifier(schema);
  if (!fast?.thresholds.length) return `${s}.cdp_jaro_winkler(${a}, ${b})`;
  const { bounds, sides } = buckets(fast.thresholds);
  return `${s}.cdp_jaro_winkler(${a}, ${b}, ${fast.keys[0]}, ${fast.keys[1]}, ${floatArray(bounds)}, ${floatArray(sides)})`;
}
