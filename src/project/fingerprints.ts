import type { SourceConfig } from "../config/schema.ts";
import { checksum } from "./compile-nodes.ts";

/** `{{> name}}` and `{{#> name}}`, with Handlebars' optional `~` whitespace control. */
const PARTIAL_CALL = /\{\{~?#?>\s*([A-Za-z0-9_./-]+)/g;

/**
 * The partials a template includes, directly or through the partials it includes, sorted: what
 * `state:modified.partials` compares. Read from the source text, so it holds on both render paths
 * (the fast path and Handlebars) and for partials inside branches not taken on this render.
 */
export function partialResolver(sources: ReadonlyMap<string, string>): (raw: string) => string[] {
  const direct = (text: string) => [...text.matchAll(PARTIAL_CALL)].map((m) => m[1]!);
  const closure = new Map<string, string[]>();
  const of = (name: string, seen: Set<string>): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const source = sources.get(name);
    if (source !== undefined) for (const inner of direct(source)) of(inner, seen);
  };
  return (raw) => {
    const seen = new Set<string>();
    for (const name of direct(raw)) {
      const cached = closure.get(name);
      if (cached) for (const n of cached) seen.add(n);
      else {
        const mine = new Set<string>();
        of(name, mine);
        closure.set(name, [...mine]);
        for (const n of mine) seen.add(n);
      }
    }
    return [...seen].sort();
  };
}

export interface Fingerprints {
  partials: Record<string, string>;
  vars: Record<string, string>;
  /** Per `source.<source>.<table>`: of the relation it names. */
  sources: Record<string, string>;
}

/**
 * A checksum per partial (of its source), per var (of its value as JSON) and per source table (of
 * the relation it resolves to).
 */
export function fingerprints(
  partials: ReadonlyMap<string, string>,
  vars: Record<string, unknown>,
  sources: Record<string, SourceConfig>,
): Fingerprints {
  const out: Fingerprints = { partials: {}, vars: {}, sources: {} };
  for (const [name, source] of Object.entries(sources)) {
    const tables = Array.isArray(source.tables)
      ? Object.fromEntries(source.tables.map((t) => [t, t]))
      : source.tables;
    for (const [table, real] of Object.entries(tables)) {
      out.sources[`source.${name}.${table}`] = checksum(
        JSON.stringify({ database: source.database ?? null, schema: source.schema, name: real }),
      );
    }
  }
  for (const [name, source] of [...partials].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.partials[name] = checksum(source);
  }
  for (const name of Object.keys(vars).sort()) out.vars[name] = checksum(JSON.stringify(vars[name]) ?? "");
  return out;
}
