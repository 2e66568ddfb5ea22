import { quoteIdentifier } from "../standard-sql.ts";

/**
 * Jaro-Winkler on PostgreSQL, which has none built in, with exactly DuckDB's values (the
 * definition every warehouse follows, so a match finds the same pairs everywhere):
 * `jaro_winkler_similarity` of DuckDB 1.x (rapidfuzz's algorithm) works on the UTF-8 bytes,
 * matches each byte of the second string with the first unmatched equal byte of the first within
 * max(|a|, |b|) / 2 - 1 positions, counts half-transpositions and halves them rounding down,
 * gives 0 when either string is empty, and adds the prefix boost (up to 4 bytes, 0.1 each) when
 * the Jaro similarity is above 0.7, in this order of double-precision operations.
 *
 * Two functions in the model's schema:
 * - `cdp_jaro_winkler(a, b)`: that definition in PL/pgSQL (slow: ~60 µs a pair);
 * - `cdp_jaro_winkler(a, b, key_a, key_b, thresholds)`: the same decisions against `thresholds`
 *   (the levels of the comparison) at C speed where the server has the `pg_similarity` extension (Debian's
 *   `postgresql-15-similarity`). Its `jarowinkler` differs from DuckDB's in three ways, so it is
 *   only used where they cannot matter: it ignores case (so capitals are first mapped to control
 *   characters, and values holding a control character or anything outside printable ASCII, where
 *   bytes and case rules differ, go to the exact function), it rejects values over 1,024 bytes, and
 *   it adds the three Jaro terms in another order, which moves the last bits of the value: a value
 *   within 1e-6 of a threshold, or of where the boost starts, is computed again exactly. Its matching runs over its first
 *   argument, so it is given the strings swapped to match the same bytes as DuckDB. Without the
 *   extension, the five-argument function calls the exact one.
 */

/** pg_similarity's longest string (PGS_MAX_STR_LEN, in bytes). */
const NATIVE_MAX_BYTES = 1024;
/** How far from a threshold the native value must be to decide alone (it is off by ~1e-16). */
const MARGIN = "1e-6";
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
  p BYTEA := convert_to(a, 'UTF8'); t BYTEA := convert_to(b, 'UTF8');
  lp INT := length(p); lt INT := length(t); bound INT; i INT; j INT; k INT := 0; pre INT := 0;
  m INT := 0; tr INT := 0; pf BOOLEAN[]; tf BOOLEAN[]; c INT; sim DOUBLE PRECISION;
BEGIN
  IF lp = 0 OR lt = 0 THEN RETURN 0; END IF;
  bound := GREATEST(GREATEST(lp, lt) / 2 - 1, 0);
  pf := array_fill(FALSE, ARRAY[lp]); tf := array_fill(FALSE, ARRAY[lt]);
  FOR j IN 0..lt - 1 LOOP
    c := get_byte(t, j);
    FOR i IN GREATEST(0, j - bound)..LEAST(lp - 1, j + bound) LOOP
      IF NOT pf[i + 1] AND get_byte(p, i) = c THEN pf[i + 1] := TRUE; tf[j + 1] := TRUE; m := m + 1; EXIT; END IF;
    END LOOP;
  END LOOP;
  IF m = 0 THEN RETURN 0; END IF;
  FOR j IN 0..lt - 1 LOOP
    IF tf[j + 1] THEN
      WHILE NOT pf[k + 1] LOOP k := k + 1; END LOOP;
      IF get_byte(t, j) <> get_byte(p, k) THEN tr := tr + 1; END IF;
      k := k + 1;
    END IF;
  END LOOP;
  sim := CAST(m AS DOUBLE PRECISION) / lp;
  sim := sim + CAST(m AS DOUBLE PRECISION) / lt;
  sim := sim + CAST(m - tr / 2 AS DOUBLE PRECISION) / m;
  sim := sim / 3;
  IF sim <= 0.7 THEN RETURN sim; END IF;
  WHILE pre < 4 AND pre < lp AND pre < lt AND get_byte(p, pre) = get_byte(t, pre) LOOP pre := pre + 1; END LOOP;
  RETURN sim + pre * CAST(0.1 AS DOUBLE PRECISION) * (1 - sim);
END
$cdp$`;
}

/**
 * The value of a record the native function reads: printable ASCII up to its limit, capitals
 * mapped to control characters (so its case folding changes nothing); NULL where it cannot serve.
 * Made once per record (`Dialect.jaroWinklerKey`): a translate per pair would cost more than the
 * native function saves.
 */
export function jaroWinklerKey(value: string): string {
  return `CASE WHEN octet_length(${value}) <= ${NATIVE_MAX_BYTES} AND ${value} !~ '[^ -~]' THEN translate(${value}, '${UPPER}', ${CONTROLS}) END`;
}

/**
 * The five-argument function over pg_similarity's `jarowinkler` in `native` (an identifier or a
 * format() placeholder): the native value of the keys unless a key is missing or the value is
 * within the margin of a threshold (`width_bucket` counts the thresholds below a value:
 * `thresholds` ascending). One SQL expression, so the planner inlines it into the query.
 */
function nativeFunction(schema: string, native: string): string {
  const s = quoteIdentifier(schema);
  const v = `${native}.jarowinkler(kb, ka)`;
  const margin = `CAST(${MARGIN} AS DOUBLE PRECISION)`;
  return `CREATE OR REPLACE FUNCTION ${s}.cdp_jaro_winkler(a TEXT, b TEXT, ka TEXT, kb TEXT, thresholds DOUBLE PRECISION[])
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $cdp$
  SELECT CASE WHEN ka IS NOT NULL AND kb IS NOT NULL
    AND width_bucket(${v} - ${margin}, thresholds) = width_bucket(${v} + ${margin}, thresholds)
    THEN ${v} ELSE ${s}.cdp_jaro_winkler(a, b) END
$cdp$`;
}

function fallbackFunction(schema: string): string {
  const s = quoteIdentifier(schema);
  return `CREATE OR REPLACE FUNCTION ${s}.cdp_jaro_winkler(a TEXT, b TEXT, ka TEXT, kb TEXT, thresholds DOUBLE PRECISION[])
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $cdp$
  SELECT ${s}.cdp_jaro_winkler(a, b)
$cdp$`;
}

/**
 * One statement (a DO block, so the server decides) creating both functions in `schema`: the
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
  ELSE
    EXECUTE format(${q(native.replaceAll("%", "%%").replaceAll("%%1$I", "%1$I"))}, ext);
  END IF;
END
$do$`;
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The call: the exact function, or with the levels' thresholds and the records' keys
 * (`jaroWinklerKey`) the five-argument one, which decides the same side of every threshold.
 */
export function jaroWinklerCall(
  a: string,
  b: string,
  schema: string,
  fast?: { thresholds: readonly number[]; keys: readonly [string, string] },
): string {
  const s = quoteIdentifier(schema);
  if (!fast?.thresholds.length) return `${s}.cdp_jaro_winkler(${a}, ${b})`;
  const ascending = [...new Set([...fast.thresholds, ...BOOST_EDGES])].sort((x, y) => x - y).map(String);
  return `${s}.cdp_jaro_winkler(${a}, ${b}, ${fast.keys[0]}, ${fast.keys[1]}, CAST(ARRAY[${ascending.join(", ")}] AS DOUBLE PRECISION[]))`;
}
