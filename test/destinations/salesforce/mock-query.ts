import type { MockOrg, MockRecord } from "./mock-org.ts";

/** A REST error: HTTP status and the body `[{"message", "errorCode"}]`. */
export class ApiFault extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
  body() {
    return [{ message: this.message, errorCode: this.errorCode }];
  }
}

const ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
  '"': '"',
  "'": "'",
  "\\": "\\",
};

/** `'a', 'b\'c', 42` → values; throws MALFORMED_QUERY on anything else. */
export function parseLiterals(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const bad = (why: string) => new ApiFault(400, "MALFORMED_QUERY", `unexpected token in IN list: ${why}`);
  skip();
  while (i < text.length) {
    if (text[i] === "'") {
      let s = "";
      i++;
      for (;;) {
        if (i >= text.length) throw bad("unterminated string");
        const c = text[i]!;
        if (c === "\\") {
          const e = ESCAPES[text[i + 1] ?? ""];
          if (e === undefined) throw bad(`invalid escape \\${text[i + 1] ?? ""}`);
          s += e;
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else if (c === "\n" || c === "\r") {
          throw bad("line break in a string literal");
        } else {
          s += c;
          i++;
        }
      }
      out.push(s);
    } else {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!m) throw bad(text.slice(i, i + 20));
      out.push(Number(m[0]));
      i += m[0].length;
    }
    skip();
    if (i < text.length) {
      if (text[i] !== ",") throw bad(text.slice(i, i + 20));
      i++;
      skip();
    }
  }
  return out;
}

const QUERY = /^\s*SELECT\s+([\w\s,]+?)\s+FROM\s+(\w+)\s+WHERE\s+(\w+)\s+IN\s*\(([\s\S]*)\)\s*$/i;

/**
 * The one SOQL shape the connector sends: `SELECT Id, F FROM Object WHERE F IN (...)`. Anything
 * else is MALFORMED_QUERY; unknown objects and fields are refused like the real API does.
 */
export function runQuery(org: MockOrg, soql: string): { object: string; records: MockRecord[] } {
  if (soql.length > 100_000)
    throw new ApiFault(400, "MALFORMED_QUERY", "SOQL statements cannot exceed 100000 characters");
  const m = QUERY.exec(soql);
  if (!m) throw new ApiFault(400, "MALFORMED_QUERY", `unsupported query: ${soql.slice(0, 80)}`);
  const def = org.object(m[2]!);
  if (!def) throw new ApiFault(400, "INVALID_TYPE", `sObject type '${m[2]}' is not supported.`);
  const select = m[1]!.split(",").map((s) => s.trim());
  for (const name of [...select, m[3]!]) {
    if (!org.field(def, name)) {
      throw new ApiFault(400, "INVALID_FIELD", `No such column '${name}' on entity '${def.name}'.`);
    }
  }
  const where = org.field(def, m[3]!)!;
  const values = parseLiterals(m[4]!);
  if (!values.length) throw new ApiFault(400, "MALFORMED_QUERY", "unexpected token: ')'");
  for (const v of values) {
    if (where.type === "double" && typeof v !== "number") {
      throw new ApiFault(
        400,
        "INVALID_QUERY_FILTER_OPERATOR",
        `invalid number: '${v}' for field ${where.name}`,
      );
    }
  }
  const seen = new Set<string>();
  const out: MockRecord[] = [];
  for (const v of values) {
    for (const r of org.findByExternalId(def, where.name, v)) {
      if (seen.has(r.Id)) continue;
      seen.add(r.Id);
      const row: MockRecord = { Id: r.Id };
      for (const s of select) {
        const f = org.field(def, s)!;
        row[f.name] = r[f.name] ?? null;
      }
      out.push(row);
    }
  }
  return { object: def.name, records: out };
}
