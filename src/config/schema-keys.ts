import type { z } from "zod";

/** The parts of zod's schema definitions this walk reads (zod 4's `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A union's options; for a discriminated one (targets, destinations), those the value's `type` names. */
function unionOptions(def: Def, value: unknown): z.ZodType[] {
  const all = def.options ?? [];
  const type = (value as { type?: unknown } | null | undefined)?.type;
  const picked = all.filter((o) => {
    const field = defOf(o).shape?.type;
    return !!field && ((defOf(field) as Def & { values?: unknown[] }).values ?? []).includes(type);
  });
  return picked.length ? picked : all;
}

/** The object schemas `schema` may be at this point, wrappers removed. */
function objects(schema: z.ZodType, value: unknown): Def[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return [def];
    case "union":
      return unionOptions(def, value).flatMap((o) => objects(o, value));
    case "intersection":
      return [...objects(def.left!, value), ...objects(def.right!, value)];
    case "pipe":
      return objects(def.in!, value);
    case "lazy":
      return objects(def.getter!(), value);
    default:
      return def.innerType ? objects(def.innerType, value) : [];
  }
}

/** The schema of `key` under `schema`: an object's field, a record's value, an array's element. */
function child(schema: z.ZodType, value: unknown, key: string | number): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const field = def.shape?.[String(key)];
      return field ? [field] : [];
    }
    case "record":
      return [def.valueType!];
    case "array":
      return [def.element!];
    case "union":
      return unionOptions(def, value).flatMap((o) => child(o, value, key));
    case "intersection":
      return [...child(def.left!, value, key), ...child(def.right!, value, key)];
    case "pipe":
      return child(def.in!, value, key);
    case "lazy":
      return child(def.getter!(), value, key);
    default:
      return def.innerType ? child(def.innerType, value, key) : [];
  }
}

/**
 * The keys the schema allows at `path` of `root` (the value that failed to parse): what a
 * misspelt key is compared with for a did-you-mean, at any depth.
 *
 * @example keysAt(configSchema, config, ["syncs", "crm", "destination"]) // that destination type's keys
 */
export function keysAt(schema: z.ZodType, root: unknown, path: (string | number)[]): string[] {
  let schemas = [schema];
  let value = root;
  for (const key of path) {
    schemas = schemas.flatMap((s) => child(s, value, key));
    value = (value as Record<string | number, unknown> | null | undefined)?.[key];
  }
  const keys = new Set<string>();
  for (const s of schemas) {
    for (const o of objects(s, value)) for (const k of Object.keys(o.shape ?? {})) keys.add(k);
  }
  return [...keys];
}
