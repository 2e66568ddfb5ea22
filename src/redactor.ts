/**
 * Secret values are replaced by `***` in every message, log line and artifact, in every form they
 * take on the way out. A leaf module: anything may import it, and it imports nothing.
 */

/**
 * Secrets shorter than this are not redacted: they would mask the same letters in unrelated text
 * and protect nothing. `secret()` refuses them (see `resolveSecrets`).
 */
export const MIN_REDACTED_LENGTH = 4;

/** Text as BigQuery's dialect writes it between `quote`s (see bigquery/dialect.ts). */
function bigqueryEscape(quote: string): (v: string) => string {
  return (v) =>
    v
      .replace(/\\/g, "\\\\")
      .split(quote)
      .join(`\\${quote}`)
      .replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r")
      .replace(/\t/g, "\\t");
}

function strictUriEncode(v: string): string {
  return encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Escapes that may stand between a secret and the text it ends up in. */
const TRANSFORMS: ((v: string) => string)[] = [
  // SQL string literal (standard: quotes doubled) and quoted identifier.
  (v) => v.replace(/'/g, "''"),
  (v) => v.replace(/"/g, '""'),
  // BigQuery string literals and quoted names: backslash escapes.
  bigqueryEscape("'"),
  bigqueryEscape('"'),
  bigqueryEscape("`"),
  // A JSON string (run_results.json, JSON log lines, request bodies).
  (v) => JSON.stringify(v).slice(1, -1),
  // URL-encoded: encodeURIComponent's way, RFC 3986's (also !'()*) and a form's (space as +).
  (v) => encodeURIComponent(v),
  (v) => strictUriEncode(v),
  (v) => new URLSearchParams({ v }).toString().slice(2),
];

/**
 * Every form a secret may take on its way out: as it is, and through up to two escapes (a quoted
 * SQL literal inside a JSON artifact is two).
 */
export function secretForms(value: string): string[] {
  const forms = new Set([value]);
  for (let depth = 0; depth < 2; depth++) {
    for (const form of [...forms]) for (const t of TRANSFORMS) forms.add(t(form));
  }
  return [...forms];
}

/** Replaces secret values, in every form they take (see `secretForms`), by `***` in any text. */
export class Redactor {
  /** Per secret, in the order added, a pattern matching each of its forms (longest first). */
  private readonly patterns = new Map<string, RegExp>();

  add(value: string | undefined): void {
    if (!value || value.length < MIN_REDACTED_LENGTH || this.patterns.has(value)) return;
    const alternatives = secretForms(value)
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    this.patterns.set(value, new RegExp(alternatives.join("|"), "g"));
  }

  redact(text: string): string {
    let out = text;
    // One secret after the other, in the order they were added: a header value and the token
    // inside it (`Bearer tok`, `tok`) leave `Bearer ***` when the token came first.
    for (const pattern of this.patterns.values()) out = out.replace(pattern, "***");
    return out;
  }

  get size(): number {
    return this.patterns.size;
  }
}

/** One redactor per process: secrets are process-wide, like the environment they come from. */
export const redactor = new Redactor();
