/**
 * Table and column names as Segment's warehouses spell them: snake_case of the name as sent
 * (Segment uses go-snakecase: `orderId` → `order_id`, `Order Completed` → `order_completed`,
 * `HTTPStatus` → `http_status`), any other character an underscore.
 */

/**
 * The longest name the loader writes. PostgreSQL keeps 63 bytes of an identifier; a conflict
 * column adds `_timestamp` and a staging column a 3-character prefix, so names stop at 48.
 */
export const MAX_NAME_LENGTH = 48;

// Events repeat the same few hundred names: each is converted once (bounded, for hostile input).
const cache = new Map<string, string>();
const CACHE_SIZE = 10_000;

/** snake_case of a name; never empty, never starting with a digit, at most MAX_NAME_LENGTH. */
export function snakeCase(name: string): string {
  let out = cache.get(name);
  if (out === undefined) {
    out = convert(name);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(name, out);
  }
  return out;
}

function convert(name: string): string {
  const words = name
    .normalize("NFKD")
    // Split lower→Upper (`orderId`) and acronym→Word (`HTTPStatus`) boundaries.
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let out = words.join("_") || "_";
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out.slice(0, MAX_NAME_LENGTH);
}

/** The event tables every collect schema has; a track event of one of these names gets `_event`. */
export const BASE_TABLES = [
  "tracks",
  "identifies",
  "users",
  "pages",
  "screens",
  "groups",
  "aliases",
] as const;
export type BaseTable = (typeof BASE_TABLES)[number];

/** The table of a track event: snake_case of its name, kept apart from the base tables. */
export function eventTableName(event: string): string {
  const name = snakeCase(event);
  return (BASE_TABLES as readonly string[]).includes(name) ? `${name}_event` : name;
}
