import { error, type MockAnswer } from "./mock-answer.ts";

/** A property definition of the mock portal, in the shape `GET /crm/v3/properties` returns. */
export interface MockProperty {
  name: string;
  type: "string" | "number" | "bool" | "enumeration" | "date" | "datetime";
  hasUniqueValue?: boolean;
  options?: string[];
}

export type MockObject = "contacts" | "companies";

export const OBJECT_TYPE_IDS: Record<MockObject, string> = { contacts: "0-1", companies: "0-2" };
export const OBJECT_NAMES: Record<MockObject, string> = { contacts: "CONTACT", companies: "COMPANY" };

/** The mock portal's default properties: a few of HubSpot's own and the custom ones tests use. */
export const DEFAULT_PROPERTIES: Record<MockObject, MockProperty[]> = {
  contacts: [
    { name: "email", type: "string" },
    { name: "firstname", type: "string" },
    { name: "lastname", type: "string" },
    { name: "phone", type: "string" },
    { name: "company", type: "string" },
    {
      name: "lifecyclestage",
      type: "enumeration",
      options: [
        "subscriber",
        "lead",
        "marketingqualifiedlead",
        "salesqualifiedlead",
        "opportunity",
        "customer",
      ],
    },
    { name: "cdp_id", type: "string", hasUniqueValue: true },
    { name: "cdp_tier", type: "string" },
    { name: "total_spend", type: "number" },
    { name: "is_vip", type: "bool" },
    { name: "last_order_date", type: "date" },
    { name: "last_seen_at", type: "datetime" },
  ],
  companies: [
    { name: "name", type: "string" },
    { name: "domain", type: "string" },
    { name: "cdp_company_id", type: "string", hasUniqueValue: true },
    { name: "numberofemployees", type: "number" },
    { name: "industry", type: "string" },
  ],
};

/** A value HubSpot refuses for a property, in the items of "Property values were not valid: [...]". */
export interface ValueProblem {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function instant(v: string): number | undefined {
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** Checks one value (always a string by then) like HubSpot does; "" clears and is always valid. */
export function valueProblem(
  object: MockObject,
  prop: MockProperty,
  value: string,
): ValueProblem | undefined {
  if (value === "") return undefined;
  const problem = (message: string, error: string): ValueProblem => ({
    isValid: false,
    message,
    error,
    name: prop.name,
  });
  if (object === "contacts" && prop.name === "email" && !EMAIL.test(value)) {
    return problem(`Email address ${value} is invalid`, "INVALID_EMAIL");
  }
  switch (prop.type) {
    case "number":
      return NUMBER.test(value) ? undefined : problem(`${value} was not a valid number.`, "INVALID_NUMBER");
    case "bool":
      return value === "true" || value === "false"
        ? undefined
        : problem(`${value} was not a valid boolean: use true or false`, "INVALID_BOOLEAN");
    case "enumeration":
      return prop.options?.includes(value)
        ? undefined
        : problem(
            `${value} was not one of the allowed options: [${(prop.options ?? []).join(", ")}]`,
            "INVALID_OPTION",
          );
    case "date": {
      const t = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : instant(value);
      if (t === undefined || Number.isNaN(t)) return problem(`${value} is not a valid date`, "INVALID_DATE");
      return t % 86_400_000 === 0
        ? undefined
        : problem(`${value} is not at midnight UTC, as date properties require`, "INVALID_DATE");
    }
    case "datetime":
      return instant(value) === undefined
        ? problem(`${value} is not a valid datetime`, "INVALID_DATETIME")
        : undefined;
    default:
      return undefined;
  }
}

/** `GET /crm/v3/properties/{object}/{name}`: the definition, or HubSpot's 404. */
export function getProperty(properties: MockProperty[], object: MockObject, name: string): MockAnswer {
  const prop = properties.find((p) => p.name === name);
  if (!prop) {
    return error(
      404,
      `Unable to find property ${name} for object type ${OBJECT_TYPE_IDS[object]}`,
      "OBJECT_NOT_FOUND",
    );
  }
  const fieldTypes: Record<MockProperty["type"], string> = {
    string: "text",
    number: "number",
    bool: "booleancheckbox",
    enumeration: "select",
    date: "date",
    datetime: "date",
  };
  return {
    status: 200,
    body: {
      name: prop.name,
      label: prop.name,
      type: prop.type === "bool" ? "enumeration" : prop.type,
      fieldType: fieldTypes[prop.type],
      hasUniqueValue: prop.hasUniqueValue ?? false,
      ...(prop.options ? { options: prop.options.map((o) => ({ label: o, value: o })) } : {}),
    },
  };
}
