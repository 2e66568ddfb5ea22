import { type MockObjectDef, type MockOrg, type RecordError, typeProblem } from "./mock-org.ts";
import { ApiFault } from "./mock-query.ts";

/** A per-record fault to inject, by External ID value or record id. */
export type RowFault = (match: string) => RecordError | undefined;

/**
 * sObject Collections upsert (`PATCH /composite/sobjects/{Object}/{ExternalIdField}`): the body
 * is `{"allOrNone", "records"}`, at most 200 records, each typed with `attributes.type` equal to
 * the object of the URI and holding only fields of the object with values of their types; the
 * External ID field must be one. Results per record in request order.
 */
export function upsertCollection(
  org: MockOrg,
  rowFault: RowFault,
  def: MockObjectDef,
  extName: string,
  raw: unknown,
) {
  const ext = org.field(def, decodeURIComponent(extName));
  if (!ext) {
    throw new ApiFault(
      404,
      "NOT_FOUND",
      `Provided external ID field does not exist or is not accessible: ${extName}`,
    );
  }
  if (!ext.externalId) {
    throw new ApiFault(
      400,
      "INVALID_FIELD",
      `Field ${ext.name} is not an External ID or indexed field for ${def.name}`,
    );
  }
  const body = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  for (const k of Object.keys(body)) {
    if (k !== "allOrNone" && k !== "records") {
      throw new ApiFault(400, "JSON_PARSER_ERROR", `Unrecognized field "${k}" at [line:1, column:2]`);
    }
  }
  if (body.allOrNone !== undefined && typeof body.allOrNone !== "boolean") {
    throw new ApiFault(400, "JSON_PARSER_ERROR", "allOrNone must be a boolean");
  }
  if (!Array.isArray(body.records))
    throw new ApiFault(400, "JSON_PARSER_ERROR", "records must be a list of sObjects");
  const records = body.records as Record<string, unknown>[];
  if (records.length > 200) {
    throw new ApiFault(
      400,
      "EXCEEDED_ID_LIMIT",
      "record limit reached. cannot submit more than 200 records into this call",
    );
  }
  for (const r of records) {
    const type = (r?.attributes as { type?: unknown } | undefined)?.type;
    if (typeof type !== "string")
      throw new ApiFault(400, "INVALID_TYPE", "Must send a concrete entity type.");
    if (type.toLowerCase() !== def.name.toLowerCase()) {
      throw new ApiFault(
        400,
        "INVALID_TYPE",
        `A ${type} record cannot be upserted as ${def.name}: every record must be of the type in the URI`,
      );
    }
    for (const [name, value] of Object.entries(r)) {
      if (name === "attributes") continue;
      const f = org.field(def, name);
      if (!f)
        throw new ApiFault(400, "INVALID_FIELD", `No such column '${name}' on sobject of type ${def.name}`);
      const problem = typeProblem(f, value);
      if (problem || (f.type === "double" && typeof value === "string")) {
        throw new ApiFault(
          400,
          "JSON_PARSER_ERROR",
          `Cannot deserialize instance of ${f.type} from VALUE_STRING value ${String(value)} or request may be missing a required field`,
        );
      }
    }
  }
  return records.map((r) => {
    const { attributes: _, ...values } = r;
    const match = values[ext.name];
    const fault = match === undefined || match === null ? undefined : rowFault(String(match));
    const result = fault ? { errors: [fault] } : org.upsert(def, ext.name, values);
    return "errors" in result
      ? { success: false, errors: result.errors }
      : { id: result.id, success: true, errors: [], created: result.created };
  });
}

/** sObject Collections delete (`DELETE /composite/sobjects?ids=...`): at most 200 ids, results in order. */
export function deleteCollection(org: MockOrg, rowFault: RowFault, query: URLSearchParams) {
  const ids = (query.get("ids") ?? "").split(",").filter(Boolean);
  if (!ids.length) throw new ApiFault(400, "MISSING_ARGUMENT", "ids parameter is required");
  if (ids.length > 200) {
    throw new ApiFault(
      400,
      "EXCEEDED_ID_LIMIT",
      "record limit reached. cannot submit more than 200 records into this call",
    );
  }
  return ids.map((id) => {
    const fault = rowFault(id);
    const r = fault ? { errors: [fault] } : org.delete(id);
    return "ok" in r ? { id, success: true, errors: [] } : { id, success: false, errors: r.errors };
  });
}
