import type { FieldInfo } from "./describe.ts";

const NUMERIC = new Set(["double", "int", "long", "currency", "percent"]);

function iso(value: Date, type: string | undefined): string {
  // A date field takes YYYY-MM-DD; a datetime (or an unknown type) the full ISO instant.
  return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
}

/** Field types whose JSON value is text: a number or boolean from the warehouse is sent as text. */
const TEXT = new Set([
  "string",
  "textarea",
  "email",
  "phone",
  "url",
  "picklist",
  "multipicklist",
  "combobox",
  "encryptedstring",
  "reference",
  "id",
]);

/**
 * A warehouse value as the JSON value Salesforce expects for the field: dates as ISO text (a
 * date field gets `YYYY-MM-DD`, also from a timestamp's text), arrays joined with `;`
 * (multi-select picklists), bigints as text, other objects as JSON text, numeric text as a number
 * for number fields, numbers and booleans as text for text fields.
 */
export function jsonValue(value: unknown, field: FieldInfo | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return iso(value, field?.type);
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(String).join(";");
  if (typeof value === "object") return JSON.stringify(value);
  if (!field) return value;
  if (typeof value === "string") {
    if (NUMERIC.has(field.type) && value.trim() !== "") {
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    if (field.type === "date" && /^\d{4}-\d{2}-\d{2}[T ]/.test(value)) return value.slice(0, 10);
    return value;
  }
  if (TEXT.has(field.type)) return String(value);
  return value;
}

/**
 * A warehouse value as a Bulk API 2.0 CSV cell. An empty cell leaves the field unchanged in
 * Bulk API, so NULL (and empty text, which Salesforce stores as NULL anyway) is written `#N/A`,
 * the documented way to clear a field.
 */
export function csvValue(value: unknown, field: FieldInfo | undefined): string {
  const v = jsonValue(value, field);
  if (v === null || v === "") return "#N/A";
  return String(v);
}

/**
 * Why a row's value cannot go into its field, found before sending: text that is not a number
 * for a number field, or not true/false for a checkbox. Salesforce would refuse the whole
 * request for it (JSON_PARSER_ERROR), costing a request per half while the row is isolated.
 */
export function valueProblem(
  object: string,
  fields: Record<string, unknown>,
  info: (name: string) => FieldInfo | undefined,
) {
  for (const [name, value] of Object.entries(fields)) {
    const field = info(name);
    if (!field || value === null || value === undefined || value === "") continue;
    if (NUMERIC.has(field.type) && typeof jsonValue(value, field) !== "number") {
      return `${object}.${field.name} is a number field (${field.type}) but the row has ${JSON.stringify(String(value))}: fix the model or the sync's fields`;
    }
    if (field.type === "boolean" && typeof value !== "boolean" && !/^(true|false)$/i.test(String(value))) {
      return `${object}.${field.name} is a checkbox but the row has ${JSON.stringify(String(value))}: send true or false`;
    }
  }
  return undefined;
}

/** The external id as sent: a number for a numeric External ID field, else the key's text. */
export function externalIdValue(key: string, field: FieldInfo | undefined): string | number {
  return jsonValue(key, field) as string | number;
}
