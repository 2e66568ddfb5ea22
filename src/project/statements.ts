/**
 * A model is one statement: it is wrapped in `CREATE TABLE ... AS`, a view or a merge, and a
 * second statement smuggled in (by a `var` value, a partial or a typo) would run with the
 * model's rights. This finds a `;` followed by more SQL, skipping what cannot end a statement:
 * string literals ('' doubled, E'' and BigQuery's backslash escapes, BigQuery's triple quotes,
 * Postgres and DuckDB dollar quotes), quoted identifiers and comments.
 */
export interface SecondStatement {
  /** Offset of the `;` ending the first statement. */
  offset: number;
  /** 1-based line of that `;`. */
  line: number;
}

/** Where the first statement ends when another follows; undefined for one statement. */
export function secondStatement(sql: string, dialect: string): SecondStatement | undefined {
  const backslashes = dialect === "bigquery";
  let i = 0;
  let end = -1;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (end >= 0 && !/\s|;/.test(c) && !(c === "-" && next === "-") && !(c === "/" && next === "*")) {
      return { offset: end, line: sql.slice(0, end).split("\n").length };
    }
    if (c === "-" && next === "-") {
      const eol = sql.indexOf("\n", i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === "/" && next === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      const triple = backslashes && c !== "`" && sql.startsWith(c.repeat(3), i);
      const escapes =
        backslashes || (c === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/\w/.test(sql[i - 2] ?? ""));
      i = skipQuoted(sql, i, triple ? c.repeat(3) : c, escapes);
    } else if (c === "$" && !backslashes) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64))?.[0];
      if (tag && !/\w/.test(sql[i - 1] ?? "")) {
        const close = sql.indexOf(tag, i + tag.length);
        i = close < 0 ? n : close + tag.length;
      } else i++;
    } else if (c === ";") {
      if (end < 0) end = i;
      i++;
    } else i++;
  }
  return undefined;
}

/** The offset just past the quoted text opened at `start`; the end of `sql` when it never closes. */
function skipQuoted(sql: string, start: number, quote: string, escapes: boolean): number {
  let i = start + quote.length;
  while (i < sql.length) {
    if (escapes && sql[i] === "\\") {
      i += 2;
    } else if (sql.startsWith(quote, i)) {
      // A doubled quote is one quote character inside the text.
      if (quote.length === 1 && sql[i + 1] === quote) i += 2;
      else return i + quote.length;
    } else i++;
  }
  return sql.length;
}
