import type { SyncRecord } from "../../src/connector-kit/index.ts";
import { prepareRow, schemaFor } from "./schema-keys.ts";

/** A row's identifiers as Meta receives them (normalised, hashed, blanks left out), or undefined. */
function identity(fields: Record<string, unknown>, defaultCountry?: string): string | undefined {
  const schema = schemaFor(Object.keys(fields));
  const row = prepareRow(fields, schema, defaultCountry);
  if ("reason" in row) return undefined;
  return JSON.stringify(schema.map((k, i) => [k, row.values[i]]).filter(([, v]) => v !== ""));
}

/**
 * Meta identifies a member by its data, so an `add` with new identifiers (a new email) leaves
 * the old ones in the audience. For each changed row whose `previous` fields (as last delivered)
 * hash to other identifiers than its new fields, this returns a removal of the old tuple: a
 * record with the row's key and the previous fields.
 *
 * Rows are left alone when the change does not reach Meta (the same values once normalised:
 * `Ann@X.com` → `ann@x.com`), and when the new fields have no usable identifier: that row is
 * rejected and the person stays matched by the old data until it is fixed.
 *
 * @example
 * staleIdentifiers([{ key: "7", op: "add", fields: { EMAIL: "new@x.com" }, previous: { EMAIL: "old@x.com" } }])
 * // [{ key: "7", op: "remove", fields: { EMAIL: "old@x.com" } }]
 */
export function staleIdentifiers(adds: SyncRecord[], defaultCountry?: string): SyncRecord[] {
  const out: SyncRecord[] = [];
  for (const r of adds) {
    if (!r.previous || Object.keys(r.previous).length === 0) continue;
    const before = identity(r.previous, defaultCountry);
    const now = identity(r.fields, defaultCountry);
    if (before === undefined || now === undefined || before === now) continue;
    out.push({ key: r.key, op: "remove", fields: r.previous });
  }
  return out;
}
