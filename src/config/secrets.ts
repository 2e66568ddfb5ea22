/**
 * Secrets are named in `cdp.config.ts` by the environment variable that holds them, never by value:
 *
 * @example
 * vars: { api_salt: secret("CDP_API_SALT") }   // and, for warehouses with credentials, their password fields
 *
 * The loader resolves them after reading `.env`, and every resolved value is registered with the
 * redactor so that no log line or artifact can show it.
 */
export interface SecretRef {
  readonly $secret: string;
  readonly optional?: boolean;
}

export function secret(envVar: string, options: { optional?: boolean } = {}): SecretRef {
  return { $secret: envVar, ...(options.optional ? { optional: true } : {}) };
}

export function isSecretRef(value: unknown): value is SecretRef {
  return typeof value === "object" && value !== null && typeof (value as SecretRef).$secret === "string";
}

/**
 * Secrets shorter than this are not redacted: they would mask the same letters in unrelated text
 * and protect nothing. `secret()` refuses them (see `resolveSecrets`).
 */
export const MIN_REDACTED_LENGTH = 4;
/** A secret a template can write out (one under `vars`) must be at least this long. */
export const MIN_WRITTEN_SECRET_LENGTH = 8;

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

/** A secret whose environment variable is not set, found at `path` of the config. */
export interface MissingSecret {
  path: string;
  envVar: string;
}

/** A config value that cannot be read as plain data: a getter that throws, a cycle. */
export class ConfigValueError extends Error {
  constructor(
    readonly path: string[],
    message: string,
  ) {
    super(message);
    this.name = "ConfigValueError";
  }
}

/** A secret too short to be redacted reliably where it is used. */
export interface ShortSecret {
  path: string;
  envVar: string;
  /** The shortest length accepted there. */
  min: number;
}

/**
 * Walks a config value and replaces every `secret("X")` by the value of `process.env.X`.
 * Missing required secrets are returned as problems instead of thrown, so that all are reported;
 * so are secrets too short to redact: shorter than MIN_REDACTED_LENGTH anywhere, shorter than
 * MIN_WRITTEN_SECRET_LENGTH under `vars`, where templates write them into SQL and artifacts.
 * Where `defer(path)` says so, a missing secret is left in place as its `SecretRef` and listed in
 * `deferred` instead: a sync's credentials are only needed when that sync runs, so one unset
 * variable must not stop every other command.
 */
export function resolveSecrets(
  value: unknown,
  env: NodeJS.ProcessEnv,
  defer: (path: string[]) => boolean = () => false,
): { value: unknown; missing: MissingSecret[]; deferred: MissingSecret[]; short: ShortSecret[] } {
  const missing: MissingSecret[] = [];
  const short: ShortSecret[] = [];
  const deferred: MissingSecret[] = [];
  // The objects on the way from the root to the value being read: a value that is one of them
  // would be walked forever (a `vars` object that holds itself).
  const ancestors = new Map<object, string[]>();
  const walk = (v: unknown, path: string[]): unknown => {
    if (isSecretRef(v)) {
      const resolved = env[v.$secret];
      if (resolved === undefined || resolved === "") {
        if (v.optional) return undefined;
        if (defer(path)) {
          deferred.push({ path: path.join("."), envVar: v.$secret });
          return v;
        }
        missing.push({ path: path.join("."), envVar: v.$secret });
        return undefined;
      }
      const min = path[0] === "vars" ? MIN_WRITTEN_SECRET_LENGTH : MIN_REDACTED_LENGTH;
      if (resolved.length < min) {
        short.push({ path: path.join("."), envVar: v.$secret, min });
        return undefined;
      }
      redactor.add(resolved);
      return resolved;
    }
    const isArray = Array.isArray(v);
    if (!isArray && (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype)) {
      return v;
    }
    const container = v as Record<string, unknown>;
    const seenAt = ancestors.get(container);
    if (seenAt) {
      throw new ConfigValueError(
        path,
        `"${path.join(".")}" refers back to "${seenAt.join(".") || "the config"}" (a cycle): config values must be plain data`,
      );
    }
    ancestors.set(container, path);
    try {
      const keys = Object.keys(container);
      const out: unknown[] | Record<string, unknown> = isArray ? [] : {};
      for (const k of keys) {
        const here = [...path, k];
        let item: unknown;
        try {
          item = container[k];
        } catch (error) {
          // A getter in the config that throws.
          throw new ConfigValueError(
            here,
            `reading "${here.join(".")}" failed: ${(error as Error)?.message ?? String(error)}`,
          );
        }
        (out as Record<string, unknown>)[k] = walk(item, here);
      }
      return out;
    } finally {
      ancestors.delete(container);
    }
  };
  return { value: walk(value, []), missing, deferred, short };
}
