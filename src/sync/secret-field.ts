import { z } from "zod";
import type { SecretRef } from "../config/secrets.ts";

/**
 * A config field holding a credential: written in `cdp.config.ts` as `secret("ENV_VAR")` (or a
 * plain value), validated as `schema` once the loader has resolved it, and redacted everywhere.
 * The types accept `SecretRef` where users write the field.
 */
export function secretField<T extends z.ZodType<string>>(
  schema: T,
): z.ZodType<z.output<T>, z.output<T> | SecretRef> {
  return z.preprocess((value) => value, schema) as unknown as z.ZodType<z.output<T>, z.output<T> | SecretRef>;
}
