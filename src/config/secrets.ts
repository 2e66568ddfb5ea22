import { redactor } from "../redactor.ts";

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
  /** A value that is not a credential (`env()`): resolved the same way, but never redacted. */
  readonly plain?: boolean;
}

export function secret(envVar: string, options: { optional?: boolean } = {}): SecretRef {
  return { $secret: envVar, ...(options.optional ? { optional: true } : {}) };
}

/**
 * A setting read from the environment that is not a credential (an audience id, a customer id),
 * for destination fields that accept it: like `secret()`, an unset variable leaves the sync
 * unable to run and is named by `cdp debug` with the others; unlike it, the value is not redacted.
 *
 * @example
 * destination: { type: "meta", accessToken: secret("META_ACCESS_TOKEN"), audienceId: env("META_AUDIENCE_ID") }
 */
export function env(envVar: string, options: { optional?: boolean } = {}): SecretRef {
  return { $secret: envVar, plain: true, ...(options.optional ? { optional: true } : {}) };
}

export function isSecretRef(value: unknown): value is SecretRef {
  return typeof value === "object" && value !== null && typeof (value as SecretRef).$secret === "string";
}

// The redactor is a leaf module of its own, so the HTTP client and the warehouses need not
// depend on the config loader; it is re-exported here, where secrets are resolved and registered.
export { Redactor, redactor } from "../redactor.ts";

/** A secret whose environment variable is not set, found at `path` of the config. */
export interface MissingSecret {
  path: string;
  envVar: string;
}

/**
 * Walks a config value and replaces every `secret("X")` by the value of `process.env.X`.
 * Missing required secrets are returned as problems instead of thrown, so that all are reported.
 * Where `defer(path)` says so, a missing secret is left in place as its `SecretRef` and listed in
 * `deferred` instead: a sync's credentials are only needed when that sync runs, so one unset
 * variable must not stop every other command.
 */
export function resolveSecrets(
  value: unknown,
  env: NodeJS.ProcessEnv,
  defer: (path: string[]) => boolean = () => false,
): { value: unknown; missing: MissingSecret[]; deferred: MissingSecret[] } {
  const missing: MissingSecret[] = [];
  const deferred: MissingSecret[] = [];
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
      if (!v.plain) redactor.add(resolved);
      return resolved;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)]));
    if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, [...path, k]);
      return out;
    }
    return v;
  };
  return { value: walk(value, []), missing, deferred };
}
