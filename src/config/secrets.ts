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

// The redactor is a leaf module of its own, so the HTTP client and the warehouses need not
// depend on the config loader; it is re-exported here, where secrets are resolved and registered.
export { MIN_REDACTED_LENGTH, Redactor, redactor, secretForms } from "../redactor.ts";

import { MIN_REDACTED_LENGTH, redactor } from "../redactor.ts";

/** A secret a template can write out (one under `vars`) must be at least this long. */
export const MIN_WRITTEN_SECRET_LENGTH = 8;

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
