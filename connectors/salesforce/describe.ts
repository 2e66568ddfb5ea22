import { HttpError } from "../../src/connector-kit/index.ts";
import type { SalesforceApi } from "./client.ts";
import { classify, SalesforceSetupError } from "./errors.ts";

/** The part of a describe result's field the connector reads. */
export interface FieldInfo {
  name: string;
  /** `string`, `email`, `double`, `int`, `boolean`, `date`, `datetime`, `picklist`, `id`, ... */
  type: string;
  externalId?: boolean;
  createable?: boolean;
  updateable?: boolean;
}

/** An object's fields, looked up by API name without regard to case (as Salesforce does). */
export class ObjectInfo {
  private readonly byName: Map<string, FieldInfo>;

  constructor(
    readonly name: string,
    readonly fields: FieldInfo[],
  ) {
    this.byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  }

  field(name: string): FieldInfo | undefined {
    return this.byName.get(name.toLowerCase());
  }

  externalIdFields(): string[] {
    return this.fields.filter((f) => f.externalId).map((f) => f.name);
  }

  /**
   * Why a field of the sync's mapping cannot be written, or undefined. Checked once per batch, so
   * a mapping mistake is reported by name instead of costing a request per row.
   */
  writeProblem(name: string): string | undefined {
    const f = this.field(name);
    if (!f) {
      return `${this.name} has no field "${name}": fix the sync's fields (Salesforce API names; custom fields end in __c)`;
    }
    if (f.createable === false && f.updateable === false) {
      return `${this.name}.${f.name} is read-only (a formula, roll-up or system field): remove it from the sync's fields`;
    }
    return undefined;
  }
}

/**
 * `GET /sobjects/{Object}/describe`: one call that proves the token works, the object exists and
 * the user can see it. Errors become one line saying what to fix.
 */
export async function describeObject(api: SalesforceApi, object: string): Promise<ObjectInfo> {
  let body: { name?: unknown; fields?: unknown };
  try {
    const res = await api.request({
      method: "GET",
      path: `/sobjects/${encodeURIComponent(object)}/describe`,
    });
    body = (res.body && typeof res.body === "object" ? res.body : {}) as typeof body;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      const failure = classify(error);
      throw new SalesforceSetupError(
        `Salesforce has no object "${object}" this user can see at API v${api.apiVersion} (${failure.message}): check destination.object (the API name, e.g. Contact, Account or Member__c), the integration user's permissions and destination.apiVersion`,
      );
    }
    throw error;
  }
  if (!Array.isArray(body.fields)) {
    throw new Error(`Salesforce's describe of ${object} has no fields list: check destination.apiVersion`);
  }
  const fields = (body.fields as Record<string, unknown>[]).map((f) => ({
    name: String(f.name),
    type: String(f.type ?? "string"),
    externalId: f.externalId === true,
    createable: f.createable !== false,
    updateable: f.updateable !== false,
  }));
  return new ObjectInfo(typeof body.name === "string" ? body.name : object, fields);
}

/** Throws one clear message when the external id field is missing or not an External ID. */
export function checkExternalIdField(info: ObjectInfo, fieldName: string): void {
  const f = info.field(fieldName);
  const others = info.externalIdFields();
  const hint = others.length
    ? `External ID fields on ${info.name}: ${others.join(", ")}`
    : `${info.name} has no External ID field yet: create one (e.g. a Text field marked External ID and Unique)`;
  if (!f) {
    throw new SalesforceSetupError(
      `Salesforce object ${info.name} has no field "${fieldName}": check destination.externalIdField (the API name; custom fields end in __c). ${hint}`,
    );
  }
  if (!f.externalId) {
    throw new SalesforceSetupError(
      `${info.name}.${f.name} is not an External ID field, so records cannot be upserted by it: mark it "External ID" in Setup (Object Manager → ${info.name} → Fields & Relationships) or choose another field. ${hint}`,
    );
  }
}
