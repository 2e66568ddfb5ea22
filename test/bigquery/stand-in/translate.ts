import { checkSemiJoin } from "./semi-join.ts";
import { isOp, isSignificant, isWord, SqlSyntaxError, type Token, tokenize } from "./tokens.ts";

/**
 * BigQuery SQL → DuckDB SQL, for what cdp's BigQuery dialect and warehouse generate (and the
 * conformance suite sends). Deliberately small: where GoogleSQL and DuckDB agree the text passes
 * through; the differences handled are listed in FUNCTIONS, typeName() and path(). Anything else
 * reaches DuckDB as it is, and fails there as BigQuery would fail on DuckDB's dialect.
 */

export interface RelationRef {
  dataset: string;
  table: string;
}

export type StatementType =
  | "SELECT"
  | "CREATE_TABLE"
  | "CREATE_TABLE_AS_SELECT"
  | "CREATE_VIEW"
  | "INSERT"
  | "MERGE"
  | "UPDATE"
  | "DELETE"
  | "ALTER_TABLE"
  | "DROP_TABLE"
  | "DROP_VIEW"
  | "CREATE_FUNCTION";

/** A JavaScript UDF (`CREATE FUNCTION ... LANGUAGE js AS "..."`), which the engine registers. */
export interface FunctionDefinition {
  dataset: string;
  name: string;
  params: { name: string; type: string }[];
  returns: string;
  body: string;
  orReplace: boolean;
  ifNotExists: boolean;
}

export interface Translation {
  type: StatementType;
  /** DuckDB statements, run in order in one transaction. */
  statements: string[];
  /** The relation a DDL or DML statement creates or changes. */
  target?: RelationRef;
  /** `project.dataset.table` relations the statement names (the target included). */
  relations: RelationRef[];
  /** The function a CREATE_FUNCTION defines. */
  udf?: FunctionDefinition;
}

/**
 * The DuckDB name a persistent UDF `dataset.name` is registered under (DuckDB's functions
 * registered from JavaScript have no schema).
 */
export const udfName = (dataset: string, name: string) => `udf__${dataset}__${name}`;

/** Words after which a dotted name followed by `(` is a table with a column list, not a call. */
const BEFORE_COLUMN_LIST = ["INTO", "TABLE", "VIEW", "FUNCTION", "EXISTS"];

interface Context {
  project: string;
  relations: RelationRef[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** GoogleSQL type → DuckDB type; unknown names fail like BigQuery ("Type not found"). */
export function typeName(text: string): string {
  const t = text.trim().replace(/\s+/g, " ").toUpperCase();
  const array = /^ARRAY ?<(.*)>$/.exec(t);
  if (array) return `${typeName(array[1]!)}[]`;
  const struct = /^STRUCT ?<(.*)>$/.exec(t);
  if (struct) {
    const fields = splitTop(struct[1]!).map((f) => {
      const [name, ...type] = f.trim().split(" ");
      return `${quote(name!)} ${typeName(type.join(" "))}`;
    });
    return `STRUCT(${fields.join(", ")})`;
  }
  const param = /^(NUMERIC|DECIMAL|BIGNUMERIC|BIGDECIMAL|STRING|BYTES) ?\((.*)\)$/.exec(t);
  if (param) {
    const [p, s] = param[2]!.split(",").map((x) => Number(x.trim()));
    if (param[1] === "STRING") return "VARCHAR";
    if (param[1] === "BYTES") return "BLOB";
    // DuckDB stops at 38 digits; BIGNUMERIC's 76 cannot be kept (a known gap of the stand-in).
    return `DECIMAL(${Math.min(p!, 38)}, ${Math.min(s ?? 0, 37)})`;
  }
  const simple: Record<string, string> = {
    STRING: "VARCHAR",
    INT64: "BIGINT",
    INT: "BIGINT",
    INTEGER: "BIGINT",
    BIGINT: "BIGINT",
    SMALLINT: "BIGINT",
    TINYINT: "BIGINT",
    BYTEINT: "BIGINT",
    FLOAT64: "DOUBLE",
    NUMERIC: "DECIMAL(38, 9)",
    DECIMAL: "DECIMAL(38, 9)",
    BIGNUMERIC: "DECIMAL(38, 18)",
    BIGDECIMAL: "DECIMAL(38, 18)",
    BOOL: "BOOLEAN",
    BOOLEAN: "BOOLEAN",
    DATE: "DATE",
    DATETIME: "TIMESTAMP",
    TIMESTAMP: "TIMESTAMPTZ",
    TIME: "TIME",
    JSON: "JSON",
    BYTES: "BLOB",
  };
  const mapped = simple[t];
  if (!mapped) throw new SqlSyntaxError(`Type not found: ${text.trim()}`);
  return mapped;
}

/** Splits on commas outside parentheses and angle brackets. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ("(<".includes(text[i]!)) depth++;
    else if (")>".includes(text[i]!)) depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const raw = (tokens: Token[]) =>
  tokens.map((t) => (t.kind === "str" ? literal(t.value) : t.kind === "qid" ? t.value : t.value)).join("");

/** Index of the next significant token at or after `i`. */
function next(tokens: Token[], i: number): number {
  while (i < tokens.length && !isSignificant(tokens[i]!)) i++;
  return i;
}

/** Index of the parenthesis closing the one at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isOp(tokens[i], "(") || isOp(tokens[i], "[")) depth++;
    else if (isOp(tokens[i], ")") || isOp(tokens[i], "]")) {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new SqlSyntaxError("Syntax error: unbalanced parentheses");
}

/** Arguments of a call: token lists split on top-level commas. */
function args(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isOp(t, "(") || isOp(t, "[")) depth++;
    if (isOp(t, ")") || isOp(t, "]")) depth--;
    if (depth === 0 && isOp(t, ",")) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.length === 1 && !out[0]!.some(isSignificant) ? [] : out;
}

const significant = (tokens: Token[]) => tokens.filter(isSignificant);

/** `INTERVAL <n> <UNIT>` → [n, unit]. */
function interval(ctx: Context, tokens: Token[]): [string, string] {
  const sig = significant(tokens);
  if (!isWord(sig[0], "INTERVAL") || sig.length < 3)
    throw new SqlSyntaxError("Syntax error: expected INTERVAL");
  const unit = sig[sig.length - 1]!.value.toUpperCase();
  const start = tokens.indexOf(sig[0]!) + 1;
  const end = tokens.lastIndexOf(sig[sig.length - 1]!);
  return [emit(ctx, tokens.slice(start, end)).trim(), unit];
}

/** An argument, translated, without the whitespace around it. */
const arg = (ctx: Context, tokens: Token[]) => emit(ctx, tokens).trim();

const unitOf = (tokens: Token[]) => significant(tokens)[0]?.value.toLowerCase() ?? "";

type Rewrite = (ctx: Context, a: Token[][]) => string;

const add =
  (sign: "+" | "-", castTo?: string): Rewrite =>
  (ctx, [x, i]) => {
    const [n, unit] = interval(ctx, i!);
    const sum = `(${arg(ctx, x!)} ${sign} INTERVAL (${n}) ${unit})`;
    return castTo ? `CAST(${sum} AS ${castTo})` : sum;
  };

/** Functions whose name or arguments differ; the rest pass through. */
const FUNCTIONS: Record<string, Rewrite> = {
  CURRENT_TIMESTAMP: () => "current_timestamp",
  // Over characters, like BigQuery's (DuckDB's levenshtein counts bytes): see udf.ts.
  EDIT_DISTANCE: (ctx, [a, b]) => `bq_edit_distance(${arg(ctx, a!)}, ${arg(ctx, b!)})`,
  SHA256: (ctx, [x]) => `unhex(sha256(${arg(ctx, x!)}))`,
  // MD5 returns BYTES; DuckDB's md5 the hex text.
  MD5: (ctx, [x]) => `unhex(md5(${arg(ctx, x!)}))`,
  TO_HEX: (ctx, [x]) => {
    // TO_HEX(SHA256(s)) is DuckDB's sha256(s), which already returns hex.
    const sig = significant(x!);
    if (isWord(sig[0], "SHA256") && isOp(sig[1], "(")) {
      const inner = x!.slice(x!.indexOf(sig[1]!) + 1, closing(x!, x!.indexOf(sig[1]!)));
      return `sha256(${arg(ctx, inner)})`;
    }
    return `lower(hex(${arg(ctx, x!)}))`;
  },
  // BigQuery replaces every match; DuckDB only the first without the 'g' flag.
  REGEXP_REPLACE: (ctx, [a, p, r]) =>
    `regexp_replace(${arg(ctx, a!)}, ${arg(ctx, p!)}, ${arg(ctx, r!)}, 'g')`,
  REGEXP_CONTAINS: (ctx, [a, p]) => `regexp_matches(${arg(ctx, a!)}, ${arg(ctx, p!)})`,
  PARSE_JSON: (ctx, [x]) => `CAST(${arg(ctx, x!)} AS JSON)`,
  TO_JSON_STRING: (ctx, [x]) => `CAST(to_json(${arg(ctx, x!)}) AS VARCHAR)`,
  // The typeless constructor STRUCT(x AS a, y AS b): DuckDB's struct_pack(a := x, b := y).
  STRUCT: (ctx, a) => `struct_pack(${a.map((field, i) => structField(ctx, field, i)).join(", ")})`,
  TIMESTAMP_ADD: add("+"),
  DATETIME_ADD: add("+"),
  DATE_ADD: add("+", "DATE"),
  TIMESTAMP_SUB: add("-"),
  DATETIME_SUB: add("-"),
  DATE_SUB: add("-", "DATE"),
  // DATE_DIFF and DATETIME_DIFF count boundaries (DuckDB's date_diff); TIMESTAMP_DIFF counts
  // whole elapsed units (DuckDB's date_sub).
  DATE_DIFF: (ctx, [a, b, u]) => `date_diff('${unitOf(u!)}', ${arg(ctx, b!)}, ${arg(ctx, a!)})`,
  DATETIME_DIFF: (ctx, [a, b, u]) => `date_diff('${unitOf(u!)}', ${arg(ctx, b!)}, ${arg(ctx, a!)})`,
  TIMESTAMP_DIFF: (ctx, [a, b, u]) => `date_sub('${unitOf(u!)}', ${arg(ctx, b!)}, ${arg(ctx, a!)})`,
  TIMESTAMP_TRUNC: (ctx, [x, u]) => `date_trunc('${unitOf(u!)}', ${arg(ctx, x!)})`,
  DATETIME_TRUNC: (ctx, [x, u]) => `date_trunc('${unitOf(u!)}', ${arg(ctx, x!)})`,
  DATE_TRUNC: (ctx, [x, u]) => `CAST(date_trunc('${unitOf(u!)}', ${arg(ctx, x!)}) AS DATE)`,
  // The conversion functions, with the default time zone (UTC) only.
  TIMESTAMP: (ctx, a) => conversion(ctx, a, "TIMESTAMPTZ"),
  DATETIME: (ctx, a) => conversion(ctx, a, "TIMESTAMP"),
  DATE: (ctx, a) => conversion(ctx, a, "DATE"),
  GENERATE_ARRAY: (ctx, [a, b]) => `generate_series(${arg(ctx, a!)}, ${arg(ctx, b!)})`,
  CAST: (ctx, a) => cast(ctx, a, "CAST"),
  // Not Google's fingerprint, but the same kind of value: a well-mixed INT64.
  FARM_FINGERPRINT: (ctx, [x]) =>
    `CAST(CAST(hash(${arg(ctx, x!)}) AS HUGEINT) - 9223372036854775808 AS BIGINT)`,
  ARRAY_AGG: (ctx, a) => arrayAgg(ctx, a),
  SAFE_CAST: (ctx, a) => cast(ctx, a, "TRY_CAST"),
};

/** One field of STRUCT(...): `expression AS name`, or an expression alone (BigQuery names it _field_N). */
function structField(ctx: Context, tokens: Token[], index: number): string {
  const sig = significant(tokens);
  const as = sig.length >= 3 && isWord(sig[sig.length - 2], "AS") ? sig[sig.length - 2] : undefined;
  if (!as) return `"_field_${index + 1}" := ${arg(ctx, tokens)}`;
  const name = sig[sig.length - 1]!.value.replace(/^`|`$/g, "").replaceAll('"', '""');
  return `"${name}" := ${arg(ctx, tokens.slice(0, tokens.indexOf(as)))}`;
}

/** ARRAY_AGG(x [IGNORE NULLS] [ORDER BY ...] [LIMIT n]): DuckDB's array_agg, a filter, a slice. */
function arrayAgg(ctx: Context, a: Token[][]): string {
  // The arguments come split at top-level commas: put the commas back (ORDER BY a, b).
  const tokens = a.flatMap((arg, i) => (i ? [{ kind: "op" as const, value: "," }, ...arg] : arg));
  let depth = 0;
  const at: Record<string, number> = {};
  tokens.forEach((t, i) => {
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (
      depth === 0 &&
      isWord(t, "IGNORE", "RESPECT", "ORDER", "LIMIT") &&
      at[t.value.toUpperCase()] === undefined
    ) {
      at[t.value.toUpperCase()] = i;
    }
  });
  const cuts = Object.values(at).sort((x, y) => x - y);
  const end = (from: number) => cuts.find((c) => c > from) ?? tokens.length;
  const value = emit(ctx, tokens.slice(0, cuts[0] ?? tokens.length)).trim();
  const order = at.ORDER === undefined ? "" : ` ${emit(ctx, tokens.slice(at.ORDER, end(at.ORDER))).trim()}`;
  const limit = at.LIMIT === undefined ? "" : emit(ctx, tokens.slice(at.LIMIT + 1, end(at.LIMIT))).trim();
  const filter = at.IGNORE === undefined ? "" : ` FILTER (WHERE (${value}) IS NOT NULL)`;
  return `(array_agg(${value}${order})${filter})${limit ? `[1:${limit}]` : ""}`;
}

function conversion(ctx: Context, a: Token[][], to: string): string {
  if (a.length !== 1)
    throw new SqlSyntaxError("the stand-in supports this function without a time zone only");
  return `CAST(${arg(ctx, a[0]!)} AS ${to})`;
}

function cast(ctx: Context, a: Token[][], fn: string): string {
  const tokens = a[0] ?? [];
  const as = tokens.findLastIndex((t) => isWord(t, "AS"));
  if (as < 0 || a.length !== 1) throw new SqlSyntaxError("Syntax error: expected CAST(expression AS type)");
  const value = arg(ctx, tokens.slice(0, as));
  const to = typeName(raw(tokens.slice(as + 1)));
  if (to !== "VARCHAR") return `${fn}(${value} AS ${to})`;
  // BigQuery casts only scalars to STRING: an ARRAY or STRUCT casts to its own kind alone ("Invalid
  // cast from ARRAY<INT64> to STRING"; conversion rules,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_rules), where DuckDB
  // writes lists and structs as text. `typeof` is the type DuckDB bound (a constant), so the check
  // costs nothing per row; it fails when a row reaches the cast, where BigQuery refuses the query
  // before it runs (the stand-in knows types only as DuckDB binds them).
  const type = `typeof(${value})`;
  return `CASE WHEN ${type} LIKE '%]' OR ${type} LIKE 'STRUCT(%' THEN error('Invalid cast from ' || ${type} || ' to STRING') ELSE ${fn}(${value} AS VARCHAR) END`;
}

/** Typed literals: `TIMESTAMP '...'` is a TIMESTAMPTZ in DuckDB, `NUMERIC '...'` a DECIMAL. */
const TYPED_LITERALS: Record<string, (text: string) => string> = {
  DATE: (s) => `DATE ${literal(s)}`,
  TIME: (s) => `TIME ${literal(s)}`,
  DATETIME: (s) => `TIMESTAMP ${literal(s)}`,
  TIMESTAMP: (s) => `TIMESTAMPTZ ${literal(s)}`,
  NUMERIC: (s) => `CAST(${literal(s)} AS DECIMAL(38, 9))`,
  BIGNUMERIC: (s) => `CAST(${literal(s)} AS DECIMAL(38, 18))`,
  JSON: (s) => `CAST(${literal(s)} AS JSON)`,
};

/**
 * A dotted name: `project`.`dataset`.`table` becomes "dataset"."table" (this project only),
 * `dataset`.INFORMATION_SCHEMA.TABLES a subquery over DuckDB's information_schema.
 */
function path(ctx: Context, parts: Token[]): string {
  let names = parts.flatMap((p) => (p.kind === "qid" ? p.value.split(".") : [p.value]));
  let quoted = parts.flatMap((p) => (p.kind === "qid" ? p.value.split(".").map(() => true) : [false]));
  if (names.length >= 3 && names[0] === ctx.project) {
    names = names.slice(1);
    quoted = quoted.slice(1);
    if (names.length === 2 && names[1]!.toUpperCase() !== "INFORMATION_SCHEMA") {
      ctx.relations.push({ dataset: names[0]!, table: names[1]! });
    }
  }
  if (names.length === 3 && names[1]!.toUpperCase() === "INFORMATION_SCHEMA") {
    const view = names[2]!.toUpperCase();
    const where = `WHERE table_schema = ${literal(names[0]!)}`;
    const catalog = `${literal(ctx.project)} AS table_catalog`;
    if (view === "TABLES") {
      return `(SELECT ${catalog}, table_schema, table_name, table_type FROM information_schema.tables ${where})`;
    }
    if (view === "COLUMNS") {
      return `(SELECT ${catalog}, table_schema, table_name, column_name, ordinal_position, is_nullable, data_type FROM information_schema.columns ${where})`;
    }
    throw new SqlSyntaxError(`the stand-in has no INFORMATION_SCHEMA.${names[2]}`);
  }
  return names.map((n, i) => (quoted[i] ? quote(n) : n)).join(".");
}

const UNITS = [
  "MICROSECOND",
  "MILLISECOND",
  "SECOND",
  "MINUTE",
  "HOUR",
  "DAY",
  "WEEK",
  "MONTH",
  "QUARTER",
  "YEAR",
];

/** Translates a token list (an expression, a clause or a whole statement). */
function emit(ctx: Context, tokens: Token[]): string {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const after = next(tokens, i + 1);
    if (isOp(t, "[") && isWord(tokens[after], "OFFSET", "SAFE_OFFSET", "ORDINAL", "SAFE_ORDINAL")) {
      // array[OFFSET(i)] counts from 0, DuckDB's list[i] from 1 (out of range gives NULL, like SAFE_).
      const open = next(tokens, after + 1);
      const close = closing(tokens, open);
      const end = next(tokens, close + 1);
      if (!isOp(tokens[open], "(") || !isOp(tokens[end], "]"))
        throw new SqlSyntaxError("Syntax error: bad array subscript");
      const index = emit(ctx, tokens.slice(open + 1, close)).trim();
      out += /OFFSET/i.test(tokens[after]!.value) ? `[(${index}) + 1]` : `[${index}]`;
      i = end;
      continue;
    }
    if (isWord(t, "INTERVAL") && tokens[after]?.kind !== "str") {
      // `INTERVAL -3 DAY`: DuckDB wants the amount in parentheses.
      let depth = 0;
      let unit = after;
      for (; unit < tokens.length; unit++) {
        if (isOp(tokens[unit], "(")) depth++;
        else if (isOp(tokens[unit], ")")) depth--;
        else if (depth === 0 && isWord(tokens[unit], ...UNITS)) break;
      }
      if (unit >= tokens.length) throw new SqlSyntaxError("Syntax error: INTERVAL without a date part");
      out += `INTERVAL (${emit(ctx, tokens.slice(after, unit)).trim()}) ${tokens[unit]!.value.toUpperCase()}`;
      i = unit;
      continue;
    }
    if (t.kind === "id" && isOp(tokens[after], "(")) {
      const close = closing(tokens, after);
      const name = t.value.toUpperCase();
      const inner = tokens.slice(after + 1, close);
      if (name === "EXISTS") checkSemiJoin(inner, isWord(significant(tokens.slice(0, i)).at(-1), "NOT"));
      if (name === "UNNEST") {
        // UNNEST(array) AS x names the column x; DuckDB needs a table alias with a column list.
        let j = next(tokens, close + 1);
        if (isWord(tokens[j], "AS")) j = next(tokens, j + 1);
        const alias = tokens[j];
        const clause = [
          "WITH",
          "ON",
          "WHERE",
          "JOIN",
          "LEFT",
          "RIGHT",
          "INNER",
          "CROSS",
          "FULL",
          "GROUP",
          "ORDER",
        ];
        if (
          alias &&
          (alias.kind === "qid" || (alias.kind === "id" && !isWord(alias, ...clause, "LIMIT", "UNION")))
        ) {
          out += `unnest(${emit(ctx, inner)}) AS _unnest(${alias.kind === "qid" ? quote(alias.value) : alias.value})`;
          i = j;
          continue;
        }
      }
      const rewrite = FUNCTIONS[name];
      const gap = tokens
        .slice(i + 1, after)
        .map((g) => g.value)
        .join("");
      out += rewrite ? rewrite(ctx, args(inner)) : `${t.value}${gap}(${emit(ctx, inner)})`;
      i = close;
      continue;
    }
    if (t.kind === "id" && tokens[after]?.kind === "str" && TYPED_LITERALS[t.value.toUpperCase()]) {
      out += TYPED_LITERALS[t.value.toUpperCase()]!(tokens[after]!.value);
      i = after;
      continue;
    }
    if (t.kind === "id" || t.kind === "qid") {
      const parts = [t];
      let j = i;
      while (isOp(tokens[j + 1], ".") && (tokens[j + 2]?.kind === "id" || tokens[j + 2]?.kind === "qid")) {
        parts.push(tokens[j + 2]!);
        j += 2;
      }
      const before = significant(tokens.slice(0, i)).at(-1);
      if (
        parts.length > 1 &&
        isOp(tokens[next(tokens, j + 1)], "(") &&
        !isWord(before, ...BEFORE_COLUMN_LIST)
      ) {
        // A call of a persistent function: `project`.`dataset`.`fn`(...) or dataset.fn(...).
        let names = parts.flatMap((p) => (p.kind === "qid" ? p.value.split(".") : [p.value]));
        if (names.length === 3 && names[0] === ctx.project) names = names.slice(1);
        if (names.length !== 2) throw new SqlSyntaxError(`Function not found: ${names.join(".")}`);
        out += quote(udfName(names[0]!, names[1]!));
        i = j;
        continue;
      }
      out += path(ctx, parts);
      i = j;
      continue;
    }
    if (t.kind === "str") out += literal(t.value);
    // A decimal literal is a FLOAT64 in BigQuery, a DECIMAL in DuckDB.
    else if (t.kind === "num") out += /[.eE]/.test(t.value) ? `CAST(${t.value} AS DOUBLE)` : t.value;
    else out += t.value;
  }
  return out;
}

/**
 * The dotted name starting at the `index`-th significant token (e.g. the table after CREATE OR
 * REPLACE TABLE): where it ends in `tokens`, its DuckDB text and the relation it names.
 */
function nameAt(project: string, tokens: Token[], index: number) {
  const sig = significant(tokens);
  const first = sig[index];
  if (!first || (first.kind !== "id" && first.kind !== "qid"))
    throw new SqlSyntaxError("Syntax error: expected a name");
  let end = tokens.indexOf(first);
  const parts = [first];
  while (isOp(tokens[end + 1], ".") && tokens[end + 2]) {
    parts.push(tokens[end + 2]!);
    end += 2;
  }
  const ctx: Context = { project, relations: [] };
  const text = path(ctx, parts);
  const names = parts.flatMap((p) => (p.kind === "qid" ? p.value.split(".") : [p.value]));
  const [dataset, table] = names.slice(-2);
  return { end, text, ref: names.length >= 2 ? { dataset: dataset!, table: table! } : undefined };
}

export function translate(sql: string, project: string): Translation {
  let tokens = tokenize(sql);
  while (tokens.length && (!isSignificant(tokens.at(-1)!) || isOp(tokens.at(-1), ";")))
    tokens = tokens.slice(0, -1);
  if (tokens.some((t) => isOp(t, ";"))) throw new SqlSyntaxError("the stand-in runs one statement per job");
  const ctx: Context = { project, relations: [] };
  const words = significant(tokens)
    .slice(0, 6)
    .map((t) => (t.kind === "id" ? t.value.toUpperCase() : t.value));
  const lead = words.join(" ");
  const statements = [emit(ctx, tokens)];
  const done = (type: StatementType, target?: RelationRef): Translation => ({
    type,
    statements,
    relations: ctx.relations,
    ...(target ? { target } : {}),
  });

  if (/^(SELECT|WITH|\()/.test(lead)) return done("SELECT");
  if (/^CREATE (OR REPLACE )?(TEMP |TEMPORARY )?FUNCTION/.test(lead)) return createFunction(project, tokens);
  const create = /^CREATE (OR REPLACE )?(TABLE|VIEW)( IF NOT EXISTS)?/.exec(lead);
  const target = (index: number) => nameAt(project, tokens, index).ref;
  if (create) {
    const at = (create[1] ? 4 : 2) + (create[3] ? 3 : 0);
    if (create[2] === "TABLE" && !significant(tokens).some((t) => isWord(t, "AS"))) {
      // CREATE TABLE with column definitions: BigQuery type names become DuckDB's.
      const name = nameAt(project, tokens, at);
      const rest = tokens.slice(name.end + 1);
      const open = rest.findIndex((t) => isOp(t, "("));
      const close = rest.findLastIndex((t) => isOp(t, ")"));
      const columns = args(rest.slice(open + 1, close)).map((c) => {
        const s = significant(c);
        const column = s[0]!.kind === "qid" ? quote(s[0]!.value) : s[0]!.value;
        // NOT NULL stays a constraint; the rest is the type.
        const definition = raw(c.slice(c.indexOf(s[0]!) + 1)).trim();
        const notNull = /\s+NOT\s+NULL$/i.exec(definition);
        const type = notNull ? definition.slice(0, notNull.index) : definition;
        return `${column} ${typeName(type)}${notNull ? " NOT NULL" : ""}`;
      });
      statements.length = 0;
      statements.push(`CREATE TABLE${create[3] ?? ""} ${name.text} (${columns.join(", ")})`);
      return done("CREATE_TABLE", name.ref);
    }
    const type = create[2] === "TABLE" ? "CREATE_TABLE_AS_SELECT" : "CREATE_VIEW";
    return done(type, target(at));
  }
  if (/^INSERT INTO/.test(lead)) return done("INSERT", target(2));
  if (/^MERGE INTO/.test(lead)) return done("MERGE", target(2));
  if (/^UPDATE/.test(lead)) return done("UPDATE", target(1));
  if (/^DELETE FROM/.test(lead)) return done("DELETE", target(2));
  if (/^DROP (TABLE|VIEW)/.test(lead)) {
    const type = words[1] === "TABLE" ? "DROP_TABLE" : "DROP_VIEW";
    return done(type, target(/^DROP (TABLE|VIEW) IF EXISTS/.test(lead) ? 4 : 2));
  }
  if (/^ALTER TABLE/.test(lead)) {
    // DuckDB takes one change per ALTER TABLE: `ADD COLUMN a T, ADD COLUMN b U` becomes two.
    const name = nameAt(project, tokens, 2);
    statements.length = 0;
    for (const change of args(tokens.slice(name.end + 1))) {
      const s = significant(change);
      if (!isWord(s[0], "ADD") || !isWord(s[1], "COLUMN"))
        throw new SqlSyntaxError("the stand-in supports ADD COLUMN only");
      const nameToken = s[2]!;
      const type = raw(change.slice(change.indexOf(nameToken) + 1));
      const column = nameToken.kind === "qid" ? quote(nameToken.value) : nameToken.value;
      statements.push(`ALTER TABLE ${name.text} ADD COLUMN ${column} ${typeName(type)}`);
    }
    return done("ALTER_TABLE", name.ref);
  }
  throw new SqlSyntaxError(`the stand-in does not run this statement: ${lead}`);
}

/**
 * `CREATE [OR REPLACE] FUNCTION [IF NOT EXISTS] [project.]dataset.name(p T, ...) RETURNS T
 * [DETERMINISTIC | NOT DETERMINISTIC] LANGUAGE js AS "code"`, the grammar of
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#create_function_statement
 * for JavaScript UDFs (a SQL UDF, a temporary one or OPTIONS are not run here). "OR REPLACE"
 * and "IF NOT EXISTS" cannot be used together; RETURNS is required for a JavaScript UDF.
 */
function createFunction(project: string, tokens: Token[]): Translation {
  const sig = significant(tokens);
  let k = 1;
  const orReplace = isWord(sig[k], "OR");
  if (orReplace) k += 2;
  if (isWord(sig[k], "TEMP", "TEMPORARY"))
    throw new SqlSyntaxError("the stand-in runs persistent functions only");
  k++; // FUNCTION
  const ifNotExists = isWord(sig[k], "IF");
  if (ifNotExists) k += 3;
  if (orReplace && ifNotExists)
    throw new SqlSyntaxError("Syntax error: OR REPLACE and IF NOT EXISTS cannot both be specified");
  const name = nameAt(project, tokens, k);
  const rest = tokens.slice(name.end + 1);
  const open = rest.findIndex((t) => isSignificant(t));
  if (!isOp(rest[open], "(")) throw new SqlSyntaxError("Syntax error: expected ( after the function name");
  const close = closing(rest, open);
  const inner = rest.slice(open + 1, close);
  const params = significant(inner).length
    ? args(inner).map((p) => {
        const s = significant(p);
        if (s.length < 2) throw new SqlSyntaxError("Syntax error: a parameter needs a name and a type");
        return {
          name: s[0]!.value,
          type: raw(p.slice(p.indexOf(s[0]!) + 1))
            .trim()
            .toUpperCase(),
        };
      })
    : [];
  const after = significant(rest.slice(close + 1));
  if (!isWord(after[0], "RETURNS"))
    throw new SqlSyntaxError("Syntax error: a JavaScript function needs RETURNS <type>");
  const language = after.findIndex((t) => isWord(t, "LANGUAGE"));
  const as = after.findIndex((t) => isWord(t, "AS"));
  if (language < 0 || !isWord(after[language + 1], "JS"))
    throw new SqlSyntaxError("the stand-in runs JavaScript functions (LANGUAGE js) only");
  const body = after[as + 1];
  if (as < language || body?.kind !== "str" || after.length !== as + 2)
    throw new SqlSyntaxError("Syntax error: expected AS followed by the function's code as a string");
  const returns = after
    .slice(1, language)
    .filter((t) => !isWord(t, "DETERMINISTIC", "NOT"))
    .map((t) => t.value)
    .join(" ")
    .toUpperCase();
  if (!name.ref) throw new SqlSyntaxError("Syntax error: a persistent function needs a dataset");
  for (const t of [...params.map((p) => p.type), returns]) typeName(t);
  return {
    type: "CREATE_FUNCTION",
    statements: [],
    relations: [],
    udf: {
      dataset: name.ref.dataset,
      name: name.ref.table,
      params,
      returns,
      body: body.value,
      orReplace,
      ifNotExists,
    },
  };
}
