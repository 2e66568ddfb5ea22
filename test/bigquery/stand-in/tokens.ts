/**
 * A GoogleSQL tokenizer for the stand-in: strings and backtick identifiers are decoded (BigQuery's
 * backslash escapes), everything else keeps its text.
 */
export type TokenKind = "ws" | "comment" | "str" | "qid" | "id" | "num" | "op";

export interface Token {
  kind: TokenKind;
  /** Decoded value for strings and quoted identifiers; the text otherwise. */
  value: string;
}

export class SqlSyntaxError extends Error {}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "?": "?",
  '"': '"',
  "'": "'",
  "`": "`",
};

function decodeEscapes(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) throw new SqlSyntaxError("Illegal escape sequence at the end of a string");
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (next === "x" || next === "X") {
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === "u") {
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === "U") {
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
    } else if (/[0-7]/.test(next)) {
      out += String.fromCodePoint(Number.parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else throw new SqlSyntaxError(`Illegal escape sequence: \\${next}`);
  }
  return out;
}

/** The end (exclusive) of a quoted token starting at `start` with `quote` (1 or 3 characters). */
function quotedEnd(sql: string, start: number, quote: string, raw: boolean): number {
  for (let i = start + quote.length; i < sql.length; i++) {
    if (!raw && sql[i] === "\\") {
      i++;
      continue;
    }
    if (sql.startsWith(quote, i)) return i + quote.length;
    if (quote.length === 1 && sql[i] === "\n") break;
  }
  throw new SqlSyntaxError(`Unclosed ${quote === "`" ? "identifier" : "string"} literal`);
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      tokens.push({ kind: "ws", value: ws[0] });
      i += ws[0].length;
      continue;
    }
    if (rest.startsWith("--") || rest.startsWith("#")) {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      tokens.push({ kind: "comment", value: sql.slice(i, stop) });
      i = stop;
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) throw new SqlSyntaxError("Unclosed comment");
      tokens.push({ kind: "comment", value: sql.slice(i, end + 2) });
      i = end + 2;
      continue;
    }
    const prefix = /^([rRbB]{0,2})(['"`])/.exec(rest);
    if (prefix && (prefix[1] === "" || /^(r|b|rb|br)$/i.test(prefix[1]!)) && prefix[2] !== "`") {
      const raw = /r/i.test(prefix[1]!);
      const at = i + prefix[1]!.length;
      const triple = sql.startsWith(prefix[2]!.repeat(3), at) ? prefix[2]!.repeat(3) : prefix[2]!;
      const end = quotedEnd(sql, at, triple, raw);
      const body = sql.slice(at + triple.length, end - triple.length);
      tokens.push({ kind: "str", value: raw ? body : decodeEscapes(body) });
      i = end;
      continue;
    }
    if (sql[i] === "`") {
      const end = quotedEnd(sql, i, "`", false);
      tokens.push({ kind: "qid", value: decodeEscapes(sql.slice(i + 1, end - 1)) });
      i = end;
      continue;
    }
    const num = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(rest);
    if (num) {
      tokens.push({ kind: "num", value: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (id) {
      tokens.push({ kind: "id", value: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(\|\||<=|>=|<>|!=|<<|>>|=>)/.exec(rest);
    const text = op ? op[0] : sql[i]!;
    tokens.push({ kind: "op", value: text });
    i += text.length;
  }
  return tokens;
}

export const isSignificant = (t: Token) => t.kind !== "ws" && t.kind !== "comment";
export const isWord = (t: Token | undefined, ...words: string[]) =>
  t?.kind === "id" && words.includes(t.value.toUpperCase());
export const isOp = (t: Token | undefined, op: string) => t?.kind === "op" && t.value === op;
