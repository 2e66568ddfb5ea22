/**
 * The data side of the Salesforce mock: objects with typed fields, records in memory, and the
 * per-record validation the real API applies (required fields, email format, read-only fields,
 * External ID matching). The HTTP side lives in mock-server.ts, Bulk jobs in mock-bulk.ts.
 */

export interface MockField {
  name: string;
  type: "id" | "string" | "email" | "double" | "boolean" | "date" | "datetime" | "picklist";
  externalId?: boolean;
  /** Must have a value when a record is created. */
  required?: boolean;
  /** A formula or system field: neither createable nor updateable. */
  readOnly?: boolean;
}

export interface MockObjectDef {
  name: string;
  /** Key prefix of record ids (`003` for Contact). */
  prefix: string;
  fields: MockField[];
}

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type MockRecord = Record<string, unknown> & { Id: string };

export const CONTACT: MockObjectDef = {
  name: "Contact",
  prefix: "003",
  fields: [
    { name: "Id", type: "id", readOnly: true },
    { name: "Cdp_Id__c", type: "string", externalId: true },
    { name: "Legacy_Id__c", type: "double", externalId: true },
    { name: "FirstName", type: "string" },
    { name: "LastName", type: "string", required: true },
    { name: "Name", type: "string", readOnly: true },
    { name: "Email", type: "email" },
    { name: "Tier__c", type: "picklist" },
    { name: "Score__c", type: "double" },
    { name: "Birthdate", type: "date" },
    { name: "HasOptedOutOfEmail", type: "boolean" },
  ],
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Why a value does not fit its field's type, or undefined (values from JSON or CSV text). */
export function typeProblem(field: MockField, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (field.type) {
    case "double":
      return typeof value === "number" || (typeof value === "string" && Number.isFinite(Number(value)))
        ? undefined
        : `value not of required type: ${value}`;
    case "boolean":
      return typeof value === "boolean" || /^(true|false|0|1)$/i.test(String(value))
        ? undefined
        : `value not of required type: ${value}`;
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? undefined : `invalid date: ${value}`;
    case "datetime":
      return Number.isNaN(Date.parse(String(value))) ? `invalid date/time: ${value}` : undefined;
    default:
      return typeof value === "object" ? `value not of required type: ${JSON.stringify(value)}` : undefined;
  }
}

export class MockOrg {
  private readonly defs = new Map<string, MockObjectDef>();
  private readonly data = new Map<string, Map<string, MockRecord>>();
  private readonly deleted = new Set<string>();
  private seq = 0;

  constructor(defs: MockObjectDef[] = [CONTACT]) {
    for (const d of defs) {
      this.defs.set(d.name.toLowerCase(), d);
      this.data.set(d.name, new Map());
    }
  }

  object(name: string): MockObjectDef | undefined {
    return this.defs.get(name.toLowerCase());
  }

  field(def: MockObjectDef, name: string): MockField | undefined {
    return def.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  }

  /** The describe result, in the real API's shape (the attributes the connector reads and a few more). */
  describe(def: MockObjectDef) {
    return {
      name: def.name,
      label: def.name,
      createable: true,
      updateable: true,
      deletable: true,
      keyPrefix: def.prefix,
      fields: def.fields.map((f) => ({
        name: f.name,
        label: f.name,
        type: f.type,
        externalId: !!f.externalId,
        idLookup: !!f.externalId || f.type === "id",
        createable: !f.readOnly,
        updateable: !f.readOnly,
        nillable: !f.required && f.type !== "id",
        unique: false,
      })),
    };
  }

  records(object: string): MockRecord[] {
    return [...(this.data.get(this.object(object)!.name)?.values() ?? [])];
  }

  /** Records whose External ID equals `value` (text compared without case, as Salesforce does). */
  findByExternalId(def: MockObjectDef, field: string, value: unknown): MockRecord[] {
    const f = this.field(def, field)!;
    const norm = (v: unknown) => (f.type === "double" ? String(Number(v)) : String(v).toLowerCase());
    const want = norm(value);
    return this.records(def.name).filter(
      (r) => r[f.name] !== undefined && r[f.name] !== null && norm(r[f.name]) === want,
    );
  }

  /**
   * Upserts one record by External ID. `values` are field → value (JSON values, or CSV text with
   * `null` for `#N/A`); names must exist (the caller checked). Returns the save result.
   */
  upsert(
    def: MockObjectDef,
    externalIdField: string,
    values: Record<string, unknown>,
  ): { id: string; created: boolean } | { errors: RecordError[] } {
    const ext = this.field(def, externalIdField)!;
    const extValue = Object.entries(values).find(([k]) => k.toLowerCase() === ext.name.toLowerCase())?.[1];
    if (extValue === undefined || extValue === null || extValue === "") {
      return {
        errors: [{ statusCode: "MISSING_ARGUMENT", message: `${ext.name} not specified`, fields: [] }],
      };
    }
    const matches = this.findByExternalId(def, ext.name, extValue);
    if (matches.length > 1) {
      return {
        errors: [
          {
            statusCode: "DUPLICATE_EXTERNAL_ID",
            message: `${ext.name}: more than one record found for external id field: [${matches.map((m) => m.Id).join(", ")}]`,
            fields: [ext.name],
          },
        ],
      };
    }
    const existing = matches[0];
    const errors = this.validate(def, values, !existing);
    if (errors.length) return { errors };
    const record: MockRecord = existing ? { ...existing } : { Id: this.newId(def) };
    for (const [name, value] of Object.entries(values)) {
      const f = this.field(def, name)!;
      record[f.name] = coerce(f, value);
    }
    this.data.get(def.name)!.set(record.Id, record);
    return { id: record.Id, created: !existing };
  }

  /** Deletes by record id: `ENTITY_IS_DELETED` when already gone. */
  delete(id: string): { ok: true } | { errors: RecordError[] } {
    for (const records of this.data.values()) {
      if (records.delete(id)) {
        this.deleted.add(id);
        return { ok: true };
      }
    }
    return this.deleted.has(id)
      ? { errors: [{ statusCode: "ENTITY_IS_DELETED", message: "entity is deleted", fields: [] }] }
      : {
          errors: [
            { statusCode: "INVALID_CROSS_REFERENCE_KEY", message: "invalid cross reference id", fields: [] },
          ],
        };
  }

  private validate(def: MockObjectDef, values: Record<string, unknown>, creating: boolean): RecordError[] {
    const errors: RecordError[] = [];
    const readOnly = Object.keys(values)
      .map((n) => this.field(def, n)!)
      .filter((f) => f.readOnly);
    if (readOnly.length) {
      errors.push({
        statusCode: "INVALID_FIELD_FOR_INSERT_UPDATE",
        message: `Unable to create/update fields: ${readOnly.map((f) => f.name).join(", ")}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields: readOnly.map((f) => f.name),
      });
    }
    const missing = def.fields.filter((f) => {
      if (!f.required) return false;
      const v = Object.entries(values).find(([k]) => k.toLowerCase() === f.name.toLowerCase());
      return v ? v[1] === null || v[1] === "" : creating;
    });
    if (missing.length) {
      errors.push({
        statusCode: "REQUIRED_FIELD_MISSING",
        message: `Required fields are missing: [${missing.map((f) => f.name).join(", ")}]`,
        fields: missing.map((f) => f.name),
      });
    }
    for (const [name, value] of Object.entries(values)) {
      const f = this.field(def, name)!;
      if (f.type === "email" && value !== null && value !== "" && !EMAIL.test(String(value))) {
        errors.push({
          statusCode: "INVALID_EMAIL_ADDRESS",
          message: `Email: invalid email address: ${value}`,
          fields: [f.name],
        });
      }
    }
    return errors;
  }

  private newId(def: MockObjectDef): string {
    return `${def.prefix}${String(++this.seq).padStart(12, "0")}AAA`;
  }
}

/** A CSV or JSON value stored with its field's type. */
function coerce(f: MockField, value: unknown): unknown {
  if (value === null || value === "") return null;
  if (f.type === "double") return Number(value);
  if (f.type === "boolean") return typeof value === "boolean" ? value : /^(true|1)$/i.test(String(value));
  return value;
}
