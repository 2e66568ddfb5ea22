/**
 * The API versions a destination supports, with the dates its vendor published, so a pinned
 * default cannot silently run past its sunset: a test fails once a connector's default is past
 * it, and `cdp debug` warns in the 90 days before. Every connector with a versioned API keeps
 * one table of this shape in its `versions.ts`, each date beside the document that states it.
 *
 * @example
 * export const META_VERSIONS: ApiVersionTable = {
 *   default: "v26.0",
 *   versions: [{ version: "v26.0", released: "2026-07-29", sunset: null, source: "https://…/versions" }],
 * };
 */
export interface ApiVersion {
  /** As it appears in the URL ("v26.0", "v26", "67.0", "2026-03"). */
  version: string;
  /** Release date (YYYY-MM-DD), or null when the vendor published none we could verify. */
  released: string | null;
  /** The day requests start to fail (YYYY-MM-DD), or null when not yet published. */
  sunset: string | null;
  /** The vendor's document stating these dates. */
  source: string;
  /** Why a date is null or approximate, when it is. */
  note?: string;
}

export interface ApiVersionTable {
  /** The version a destination uses when its config names none: the newest released one. */
  default: string;
  versions: readonly ApiVersion[];
}

/** Days before a sunset from which `cdp debug` warns. */
export const SUNSET_WARNING_DAYS = 90;

const DAY_MS = 86_400_000;

/** The table's entry for `version`, if it lists it. */
export function findVersion(table: ApiVersionTable, version: string): ApiVersion | undefined {
  return table.versions.find((v) => v.version === version);
}

/** Whole days from `today` to the version's sunset (negative once past); undefined with no sunset. */
export function daysToSunset(entry: ApiVersion, today: Date = new Date()): number | undefined {
  if (entry.sunset === null) return undefined;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${entry.sunset}T00:00:00Z`) - start) / DAY_MS);
}

/**
 * What a sync should be told about the version it uses, in one sentence naming the config key
 * that changes it, or undefined when all is well: past its sunset, within `SUNSET_WARNING_DAYS`
 * of it, or not in the table at all (not a version this connector was checked against).
 */
export function versionWarning(
  connector: string,
  table: ApiVersionTable,
  version: string,
  configKey: string,
  today: Date = new Date(),
): string | undefined {
  const entry = findVersion(table, version);
  const fix = `set ${configKey} to "${table.default}" (or leave it unset for the default)`;
  if (!entry) {
    return `${connector} API version ${version} is not one this connector was checked against (${table.versions.map((v) => v.version).join(", ")}): ${fix}`;
  }
  const days = daysToSunset(entry, today);
  if (days === undefined || days > SUNSET_WARNING_DAYS) return undefined;
  if (days <= 0)
    return `${connector} API version ${version} was sunset on ${entry.sunset} (${entry.source}): requests fail; ${fix}`;
  return `${connector} API version ${version} is sunset on ${entry.sunset}, in ${days} days (${entry.source}): ${fix}`;
}
