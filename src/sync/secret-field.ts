import { z } from "zod";
import type { SecretRef } from "../config/secrets.ts";

const unresolved = z.object({ $secret: z.string(), optional: z.boolean().optional() }).strict();

/**
 * A config field holding a credential: written in `cdp.config.ts` as `secret("ENV_VAR")` (or a
 * plain value), validated as `schema` once the loader has resolved it, and redacted everywhere.
 * The types accept `SecretRef` where users write the field.
 *
 * A secret whose variable is not set is left unresolved by the loader (see
 * `LoadedConfig.missingSyncSecrets`) so that the other syncs and commands still work; the sync
 * runner refuses to run such a sync, so a connector only ever sees resolved strings.
 */
export function secretField<T extends z.ZodType<string>>(
  schema: T,
): z.ZodType<z.output<T>, z.output<T> | SecretRef> {
  return z.union([unresolved, schema]) as unknown as z.ZodType<z.output<T>, z.output<T> | SecretRef>;
}
