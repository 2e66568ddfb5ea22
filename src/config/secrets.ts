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

/** Replaces secret values by `***` in any text. */
export class Redactor {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would redact half of every log line and protect nothing.
    if (value && value.length >= 4) this.values.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join("***");
    return out;
  }

  get size(): number {
    return this.values.size;
  }
}

/** One redactor per process: secrets are process-wide, like the environment they come from. */
export const redactor = new Redactor();

/**
 * Walks a config value and replaces every `secret("X")` by the value of `process.env.X`.
 * Missing required secrets are returned as problems instead of thrown, so that all are reported.
 */
export function resolveSecrets(
  value: unknown,
  env: NodeJS.ProcessEnv,
  path: string[] = [],
  missing: { path: string; envVar: string }[] = [],
): { value: unknown; missing: { path: string; envVar: string }[] } {
  if (isSecretRef(value)) {
    const resolved = env[value.$secret];
    if (resolved === undefined || resolved === "") {
      if (!value.optional) missing.push({ path: path.join("."), envVar: value.$secret });
      return { value: undefined, missing };
    }
    redactor.add(resolved);
    return { value: resolved, missing };
  }
  if (Array.isArray(value)) {
    return {
      value: value.map((v, i) => resolveSecrets(v, env, [...path, String(i)], missing).value),
      missing,
    };
  }
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveSecrets(v, env, [...path, k], missing).value;
    return { value: out, missing };
  }
  return { value, missing };
}
