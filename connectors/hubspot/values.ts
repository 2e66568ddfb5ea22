/**
 * HubSpot takes every property value as a string. Warehouse values are converted so that HubSpot
 * reads them as meant: numbers in plain decimal, booleans as `true`/`false` (checkbox
 * properties), timestamps in ISO 8601 UTC, dates as `YYYY-MM-DD`, JSON as JSON text. NULL becomes
 * the empty string, which clears the property (HubSpot's documented way to clear a value).
 *
 * @example
 * propertyValue(42.5) // "42.5"
 * propertyValue(new Date(Date.UTC(2024, 0, 8, 13, 52))) // "2024-01-08T13:52:00.000Z"
 * propertyValue(null) // ""
 */
export function propertyValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return JSON.stringify(value);
}

/**
 * The `properties` of one record: every mapped field but the id property, whose value travels as
 * the input's `id` (the sync's key) and must not contradict it.
 */
export function recordProperties(
  fields: Record<string, unknown>,
  idProperty: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name !== idProperty) out[name] = propertyValue(value);
  }
  return out;
}

/**
 * How HubSpot compares values of the id property: emails without case or surrounding spaces
 * (HubSpot stores them lower-cased), other unique properties exactly.
 */
export function idMatchKey(idProperty: string, value: string): string {
  return idProperty === "email" ? value.trim().toLowerCase() : value;
}

/**
 * Splits rows into groups with no two rows for the same HubSpot record (HubSpot refuses a batch
 * naming a record twice); usually there is one group. Keys differing only in an email's case are
 * the same contact: they are sent one after the other, the last one winning.
 */
export function uniqueGroups<T>(rows: T[], matchKey: (row: T) => string): T[][] {
  const groups: T[][] = [];
  const seen: Set<string>[] = [];
  for (const row of rows) {
    const k = matchKey(row);
    let i = 0;
    while (seen[i]?.has(k)) i++;
    if (!groups[i]) {
      groups[i] = [];
      seen[i] = new Set();
    }
    groups[i]!.push(row);
    seen[i]!.add(k);
  }
  return groups;
}
