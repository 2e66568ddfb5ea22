import { error, type MockAnswer } from "./mock-answer.ts";
import {
  DEFAULT_PROPERTIES,
  type MockObject,
  type MockProperty,
  OBJECT_NAMES,
  OBJECT_TYPE_IDS,
  type ValueProblem,
  valueProblem,
} from "./mock-properties.ts";

export interface MockRecord {
  id: string;
  properties: Record<string, string>;
}

export interface MockList {
  name?: string;
  objectTypeId: string;
  processingType: "MANUAL" | "SNAPSHOT" | "DYNAMIC";
  members: Set<string>;
}

/** HubSpot's batch endpoints take at most 100 inputs. */
export const MAX_INPUTS = 100;

function invalidValues(problems: ValueProblem[]): string {
  return `Property values were not valid: ${JSON.stringify(problems)}`;
}

interface Input {
  id?: unknown;
  idProperty?: unknown;
  properties?: unknown;
}

/**
 * The CRM of the mock portal: records per object, static lists, and the batch endpoints with
 * HubSpot's validation (input count, id property, duplicate ids, known properties, string values,
 * value formats) and answers (200, or 207 with per-input errors naming their ids).
 */
export class MockCrm {
  readonly records: Record<MockObject, Map<string, MockRecord>> = {
    contacts: new Map(),
    companies: new Map(),
  };
  readonly archived: Record<MockObject, Map<string, MockRecord>> = {
    contacts: new Map(),
    companies: new Map(),
  };
  readonly lists = new Map<string, MockList>();
  private nextId = 1001;

  constructor(
    readonly properties: Record<MockObject, MockProperty[]> = DEFAULT_PROPERTIES,
    /** Invalid values: per-input errors in a 207, or the whole batch refused with a 400. */
    public validation: "per-input" | "batch" = "per-input",
  ) {}

  property(object: MockObject, name: string): MockProperty | undefined {
    return this.properties[object].find((p) => p.name === name);
  }

  /** How HubSpot compares values of a property: emails lower-cased. */
  norm(prop: string, value: string): string {
    return prop === "email" ? value.trim().toLowerCase() : value;
  }

  /** The active record whose `prop` is `value`, or whose id is `value` when `prop` is undefined. */
  find(object: MockObject, prop: string | undefined, value: string): MockRecord | undefined {
    if (prop === undefined || prop === "hs_object_id") return this.records[object].get(value);
    const v = this.norm(prop, value);
    for (const r of this.records[object].values()) if (r.properties[prop] === v) return r;
    return undefined;
  }

  private checkInputs(body: unknown): Input[] | MockAnswer {
    const inputs = (body as { inputs?: unknown })?.inputs;
    if (!Array.isArray(inputs)) return error(400, "Invalid input JSON: `inputs` must be an array");
    if (inputs.length === 0) return error(400, "`inputs` must not be empty");
    if (inputs.length > MAX_INPUTS) {
      return error(400, `Batch input size ${inputs.length} exceeds the maximum of ${MAX_INPUTS} inputs`);
    }
    for (const [i, input] of inputs.entries()) {
      if (
        !input ||
        typeof input !== "object" ||
        typeof (input as Input).id !== "string" ||
        !(input as Input).id
      ) {
        return error(400, `Invalid input JSON: inputs[${i}].id must be a non-empty string`);
      }
    }
    return inputs as Input[];
  }

  /** The id property of an input: it must exist and be unique (contacts' email is HubSpot's own). */
  private idPropertyProblem(object: MockObject, name: unknown, forUpdate: boolean): MockAnswer | undefined {
    if (typeof name !== "string") return error(400, "Invalid input JSON: idProperty must be a string");
    const prop = this.property(object, name);
    if (!prop) {
      return error(
        400,
        invalidValues([
          {
            isValid: false,
            message: `Property "${name}" does not exist`,
            error: "PROPERTY_DOESNT_EXIST",
            name,
          },
        ]),
      );
    }
    const native = object === "contacts" && name === "email" && !forUpdate;
    if (!prop.hasUniqueValue && !native) {
      return error(400, `Unable to perform update/upsert by non-unique ${OBJECT_TYPE_IDS[object]} property`);
    }
    return undefined;
  }

  private duplicates(ids: string[]): MockAnswer | undefined {
    const seen = new Set<string>();
    const dup = new Set<string>();
    for (const id of ids) (seen.has(id) ? dup : seen).add(id);
    return dup.size
      ? error(400, `Duplicate IDs found in batch input: [${[...dup].join(", ")}]. IDs must be unique`)
      : undefined;
  }

  /** Property names and string values; returns the value problems of the input, if any. */
  private checkProperties(object: MockObject, input: Input, i: number): MockAnswer | ValueProblem[] {
    const props = input.properties;
    if (!props || typeof props !== "object" || Array.isArray(props)) {
      return error(400, `Invalid input JSON: inputs[${i}].properties must be an object`);
    }
    const unknown = Object.keys(props).filter((n) => !this.property(object, n));
    if (unknown.length) {
      return error(
        400,
        invalidValues(
          unknown.map((name) => ({
            isValid: false as const,
            message: `Property "${name}" does not exist`,
            error: "PROPERTY_DOESNT_EXIST",
            name,
          })),
        ),
      );
    }
    const problems: ValueProblem[] = [];
    for (const [name, value] of Object.entries(props)) {
      if (typeof value !== "string") {
        return error(
          400,
          `Invalid input JSON: inputs[${i}].properties.${name} must be a string, got ${typeof value}`,
        );
      }
      const p = valueProblem(object, this.property(object, name)!, value);
      if (p) problems.push(p);
    }
    return problems;
  }

  private apply(
    object: MockObject,
    existing: MockRecord | undefined,
    props: Record<string, string>,
  ): MockRecord {
    const record = existing ?? { id: String(this.nextId++), properties: {} };
    for (const [name, value] of Object.entries(props)) {
      if (value === "") delete record.properties[name];
      else record.properties[name] = this.norm(name, value);
    }
    this.records[object].set(record.id, record);
    return record;
  }

  private answer(results: unknown[], errors: unknown[]): MockAnswer {
    const now = new Date().toISOString();
    const base = { status: "COMPLETE", results, startedAt: now, completedAt: now };
    return errors.length
      ? { status: 207, body: { ...base, numErrors: errors.length, errors } }
      : { status: 200, body: base };
  }

  private view(record: MockRecord, isNew?: boolean) {
    return {
      id: record.id,
      properties: { ...record.properties, hs_object_id: record.id },
      archived: false,
      ...(isNew === undefined ? {} : { new: isNew }),
    };
  }

  /**
   * Validates a whole write batch; returns the 400 that refuses it, or each input's value problems.
   * In "batch" validation the first invalid value refuses the whole batch, as HubSpot's batch
   * create and update do.
   */
  private validateWrite(object: MockObject, inputs: Input[], extra: (i: Input) => ValueProblem[]) {
    const problems: ValueProblem[][] = [];
    for (const [i, input] of inputs.entries()) {
      const p = this.checkProperties(object, input, i);
      if (!Array.isArray(p)) return p;
      problems.push([...extra(input), ...p]);
    }
    const first = problems.find((p) => p.length);
    if (first && this.validation === "batch") return error(400, invalidValues(first));
    return problems;
  }

  upsert(object: MockObject, body: unknown): MockAnswer {
    const inputs = this.checkInputs(body);
    if (!Array.isArray(inputs)) return inputs;
    for (const input of inputs) {
      const bad = this.idPropertyProblem(object, input.idProperty, false);
      if (bad) return bad;
    }
    const dup = this.duplicates(inputs.map((i) => this.norm(String(i.idProperty), String(i.id))));
    if (dup) return dup;
    const checked = this.validateWrite(object, inputs, (input) => {
      const idProp = this.property(object, String(input.idProperty))!;
      const p = valueProblem(object, idProp, String(input.id));
      return p ? [p] : [];
    });
    if (!Array.isArray(checked)) return checked;
    const results: unknown[] = [];
    const errors: unknown[] = [];
    inputs.forEach((input, i) => {
      if (checked[i]!.length) {
        errors.push({
          status: "error",
          category: "VALIDATION_ERROR",
          message: invalidValues(checked[i]!),
          context: { ids: [input.id] },
        });
        return;
      }
      const idProperty = String(input.idProperty);
      const existing = this.find(object, idProperty, String(input.id));
      const record = this.apply(object, existing, {
        ...(input.properties as Record<string, string>),
        [idProperty]: String(input.id),
      });
      results.push(this.view(record, !existing));
    });
    return this.answer(results, errors);
  }

  read(object: MockObject, body: unknown): MockAnswer {
    const inputs = this.checkInputs(body);
    if (!Array.isArray(inputs)) return inputs;
    const idProperty = (body as { idProperty?: unknown }).idProperty;
    if (idProperty !== undefined) {
      const bad = this.idPropertyProblem(object, idProperty, false);
      if (bad) return bad;
    }
    // `BatchReadInputSimplePublicObjectId` requires inputs, properties and propertiesWithHistory
    // (objects.json of the spec collection, v3 and every date version).
    for (const field of ["properties", "propertiesWithHistory"] as const) {
      const v = (body as Record<string, unknown>)[field];
      if (!Array.isArray(v) || v.some((p) => typeof p !== "string")) {
        return error(400, `Invalid input JSON: ${field} is required: an array of property names`);
      }
    }
    const wanted = (body as { properties?: unknown }).properties;
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const record = this.find(object, idProperty as string | undefined, String(input.id));
      if (!record) {
        missing.push(String(input.id));
        continue;
      }
      const props: Record<string, string> = { hs_object_id: record.id };
      for (const p of (wanted as string[] | undefined) ?? [])
        if (record.properties[p] !== undefined) props[p] = record.properties[p]!;
      results.push({ id: record.id, properties: props, archived: false });
    }
    const errors = missing.length
      ? [
          {
            status: "error",
            category: "OBJECT_NOT_FOUND",
            message: `Could not get some ${OBJECT_NAMES[object]} objects, they may be deleted or not exist. Check that ids are valid.`,
            context: { ids: missing },
          },
        ]
      : [];
    return this.answer(results, errors);
  }

  update(object: MockObject, body: unknown): MockAnswer {
    const inputs = this.checkInputs(body);
    if (!Array.isArray(inputs)) return inputs;
    for (const input of inputs) {
      if (input.idProperty === undefined) continue;
      const bad = this.idPropertyProblem(object, input.idProperty, true);
      if (bad) return bad;
    }
    const dup = this.duplicates(inputs.map((i) => String(i.id)));
    if (dup) return dup;
    const checked = this.validateWrite(object, inputs, () => []);
    if (!Array.isArray(checked)) return checked;
    const results: unknown[] = [];
    const errors: unknown[] = [];
    const missing: string[] = [];
    inputs.forEach((input, i) => {
      const record = this.find(object, input.idProperty as string | undefined, String(input.id));
      if (!record) missing.push(String(input.id));
      else if (checked[i]!.length) {
        errors.push({
          status: "error",
          category: "VALIDATION_ERROR",
          message: invalidValues(checked[i]!),
          context: { ids: [input.id] },
        });
      } else results.push(this.view(this.apply(object, record, input.properties as Record<string, string>)));
    });
    if (missing.length) {
      errors.push({
        status: "error",
        category: "OBJECT_NOT_FOUND",
        message: `Could not get some ${OBJECT_NAMES[object]} objects, they may be deleted or not exist. Check that ids are valid.`,
        context: { ids: missing },
      });
    }
    return this.answer(results, errors);
  }

  archive(object: MockObject, body: unknown): MockAnswer {
    const inputs = this.checkInputs(body);
    if (!Array.isArray(inputs)) return inputs;
    const bad = inputs.find((i) => !/^[0-9]+$/.test(String(i.id)));
    if (bad) return error(400, `Invalid record id "${bad.id}": batch/archive takes HubSpot record ids`);
    for (const input of inputs) {
      const record = this.records[object].get(String(input.id));
      if (!record) continue; // archiving what is gone is not an error
      this.records[object].delete(record.id);
      this.archived[object].set(record.id, record);
      for (const list of this.lists.values()) list.members.delete(record.id);
    }
    return { status: 204 };
  }
}
