import { z } from "zod";
import type { SecretRef } from "../config/secrets.ts";

const unresolved = z
  .object({ $secret: z.string(), optional: z.boolean().optional(), plain: z.boolean().optional() })
  .strict();

/** The schemas `secretField` made: how `secretValues` finds a connector's credentials. */
const secretSchemas = new WeakSet<z.ZodType>();

/**
 * A config field holding a credential: written in `cdp.config.ts` as `secret("ENV_VAR")` (or a
 * plain value), validated as `schema` once the loader has resolved it, and redacted everywhere.
 * The types accept `SecretRef` where users write the field.
 *
 * A secret whose variable is not set is left unresolved by the loader (see
 * `LoadedConfig.missingSyncSecrets`) so that the other syncs and commands still work; the sync
 * runner refuses to run such a sync, so a connector only ever sees resolved strings.
 *
 * The mark is what `defineConnector` reads to register the field's value with the redactor, so a
 * credential is declared once, here, and never listed again.
 */
export function secretField<T extends z.ZodType<string>>(
  schema: T,
): z.ZodType<z.output<T>, z.output<T> | SecretRef> {
  const field = z.union([unresolved, schema]);
  secretSchemas.add(field);
  return field as unknown as z.ZodType<z.output<T>, z.output<T> | SecretRef>;
}

/**
 * A config field that is not a credential but comes from the environment like one, written
 * `env("META_AUDIENCE_ID")`: unset, it is left unresolved and listed with the sync's missing
 * variables (so `cdp debug` names every variable a destination still needs at once), and the
 * sync does not run; set, it is validated as `schema` and, unlike a secret, never redacted.
 */
export function variableField<T extends z.ZodType<string>>(
  schema: T,
): z.ZodType<z.output<T>, z.input<T> | SecretRef> {
  // Not a union: a wrong value is reported with the field's own message ("audienceId must be the
  // audience's numeric id…"), not zod's "Invalid input" for a union.
  const field = z.unknown().transform((value, ctx) => {
    if (unresolved.safeParse(value).success) return value;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
  return field as unknown as z.ZodType<z.output<T>, z.input<T> | SecretRef>;
}

/** The schema under `.optional()`, `.default()` and `.nullable()` wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

/**
 * The values of `config` held in fields that `schema` marks as secrets (a `secretField`, or a
 * record of them such as a webhook's headers), at the top level of an object schema.
 *
 * @example
 * secretValues(hubspotDestinationSchema, config) // ["pat-na1-..."]
 */
export function secretValues(schema: z.ZodType, config: Record<string, unknown>): string[] {
  const object = unwrapped(schema);
  if (!(object instanceof z.ZodObject)) return [];
  const out: string[] = [];
  for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    const inner = unwrapped(field);
    const value = config[key];
    if (secretSchemas.has(inner)) {
      if (typeof value === "string") out.push(value);
    } else if (inner instanceof z.ZodRecord && secretSchemas.has(unwrapped(inner.valueType as z.ZodType))) {
      if (value && typeof value === "object") {
        for (const v of Object.values(value)) if (typeof v === "string") out.push(v);
      }
    }
  }
  return out;
}
