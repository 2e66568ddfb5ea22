import { expect } from "vitest";
import {
  type SalesforceConnector,
  salesforceConnector,
  salesforceDestinationSchema,
} from "../../../connectors/salesforce/index.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import { syncConfigSchema, type UserSyncConfig } from "../../../src/sync/config.ts";
import { runSync } from "../../../src/sync/engine.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import type { SalesforceMock } from "./mock-server.ts";

export const CREDENTIALS = {
  clientId: "3MVG9mockConsumerKey.0123456789",
  clientSecret: "mock-consumer-secret-9f8e7d6c5b4a",
  refreshToken: "5Aep861mockRefreshToken.abcdefghij0123456789",
};

/** Waits recorded, none spent: retries and bulk polling run at once. */
export function recordingSleep() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

export function connectorFor(
  mock: SalesforceMock,
  extra: Record<string, unknown> = {},
  opts: { sleep?: (ms: number) => Promise<void>; redactor?: Redactor; maxAttempts?: number } = {},
): SalesforceConnector {
  const config = salesforceDestinationSchema.parse({
    type: "salesforce",
    loginUrl: mock.url,
    ...CREDENTIALS,
    object: "Contact",
    externalIdField: "Cdp_Id__c",
    ...extra,
  });
  return salesforceConnector(
    config,
    { projectDir: ".", redactor: opts.redactor ?? new Redactor(), sleep: opts.sleep ?? (async () => {}) },
    { rateLimit: 10_000, maxAttempts: opts.maxAttempts ?? 3 },
  );
}

/** The demo mapping: model columns to Contact fields. */
export const CONTACT_FIELDS = {
  Email: "email",
  FirstName: "first_name",
  LastName: "last_name",
  Tier__c: "tier",
  Score__c: "score",
  Birthdate: "birthdate",
};

export type Person = {
  id: number;
  email: string | null;
  first: string;
  last: string | null;
  tier: string;
  score: string;
  birth: string | null;
};

export function person(id: number, overrides: Partial<Person> = {}): Person {
  return {
    id,
    email: `user${id}@example.com`,
    first: `First${id}`,
    last: `Last${id}`,
    tier: id % 3 === 0 ? "gold" : "silver",
    score: String((id % 50) + 0.5),
    birth: `19${50 + (id % 50)}-0${1 + (id % 9)}-1${id % 10}`,
    ...overrides,
  };
}

export async function setPeople(wh: Warehouse, table: string, people: Person[]): Promise<void> {
  const d = wh.dialect;
  const values = people
    .map(
      (p) =>
        `(${p.id}, ${d.literal(p.email)}, ${d.literal(p.first)}, ${d.literal(p.last)}, ${d.literal(p.tier)}, ${d.literal(p.score)}, ${d.literal(p.birth)})`,
    )
    .join(", ");
  await wh.replaceTable(
    { schema: "main", name: table },
    `SELECT CAST(id AS INTEGER) AS id, CAST(email AS VARCHAR) AS email, first_name, CAST(last_name AS VARCHAR) AS last_name, tier, score, CAST(birthdate AS VARCHAR) AS birthdate
     FROM (VALUES ${values}) AS t(id, email, first_name, last_name, tier, score, birthdate)`,
  );
}

export function syncConfig(model: string, extra: Partial<UserSyncConfig> = {}) {
  return syncConfigSchema.parse({
    model,
    primaryKey: "id",
    mode: "mirror",
    destination: { type: "file", dir: "unused" },
    fields: CONTACT_FIELDS,
    ...extra,
  });
}

export function sync(
  wh: Warehouse,
  name: string,
  connector: SalesforceConnector,
  extra: Partial<UserSyncConfig> = {},
  sleep: (ms: number) => Promise<void> = async () => {},
) {
  return runSync({
    name,
    config: syncConfig(name, extra),
    modelRelation: { schema: "main", name },
    warehouse: wh,
    projectDir: ".",
    connector,
    sleep,
  });
}

/** The Contacts in the mock are exactly the model's rows, field by field. */
export async function expectContactsEqualModel(wh: Warehouse, table: string, mock: SalesforceMock) {
  const model = await wh.query<{ id: number; email: string | null; first_name: string; last_name: string }>(
    `SELECT id, email, first_name, last_name FROM main.${table} ORDER BY id`,
  );
  const contacts = new Map(mock.contacts().map((c) => [String(c.Cdp_Id__c), c]));
  expect(contacts.size).toBe(model.length);
  for (const row of model) {
    const c = contacts.get(String(row.id));
    expect(c, `contact ${row.id}`).toBeDefined();
    expect(c).toMatchObject({ Email: row.email, FirstName: row.first_name, LastName: row.last_name });
  }
}
