import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { example } from "../../connectors/_template/index.ts";
import { CONNECTORS, destinationSchema } from "../../connectors/index.ts";
import { Redactor } from "../../src/config/secrets.ts";
import type { ConnectorDefinition } from "../../src/connector-kit/index.ts";
import { SYNC_MODES } from "../../src/sync/config.ts";
import {
  CONNECTOR_FIXTURES,
  type ConnectorFixture,
  type RunningFixture,
  TEMPLATE_FIXTURE,
} from "./connector-fixtures.ts";

/**
 * The contract every destination keeps, whatever its API: run against each registered connector
 * (and the template a new one starts from), each on the stand-in of its API.
 */

const ctx = () => ({ projectDir: ".", redactor: new Redactor(), sleep: async () => {} });
const writeCtx = { sync: "conformance", runId: "run-1" };

const loaded = await Promise.all(CONNECTORS.map((c) => c.load()));

it("every registered destination has a fixture here, and every fixture a registered destination", () => {
  expect(Object.keys(CONNECTOR_FIXTURES).sort()).toEqual(CONNECTORS.map((c) => c.type).sort());
  expect(new Set(CONNECTORS.map((c) => c.type)).size).toBe(CONNECTORS.length);
});

it("the registry's schema for each type is the one its connector validates with", () => {
  CONNECTORS.forEach((registered, i) => {
    expect(loaded[i]!.type).toBe(registered.type);
    expect(loaded[i]!.schema).toBe(registered.schema);
  });
});

const cases: [ConnectorDefinition, ConnectorFixture, boolean][] = [
  ...loaded.map((c): [ConnectorDefinition, ConnectorFixture, boolean] => [
    c,
    CONNECTOR_FIXTURES[c.type]!,
    true,
  ]),
  [example as unknown as ConnectorDefinition, TEMPLATE_FIXTURE, false],
];

for (const [definition, fixture, registered] of cases) {
  describe(`connector conformance: ${definition.type}`, () => {
    let running: RunningFixture;
    let config: Record<string, unknown>;
    beforeAll(async () => {
      running = await fixture.start();
      config = definition.schema.parse(running.destination) as unknown as Record<string, unknown>;
    });
    afterAll(() => running?.stop());

    const connect = (overrides = {}, c = ctx()) =>
      definition.connect(config as never, c, { maxAttempts: 2, rateLimit: 1_000, ...overrides });

    it("has a strict config schema, reached through the registry's union when registered", () => {
      expect(definition.schema.safeParse({ ...running.destination, notAKey: 1 }).success).toBe(false);
      const parsed = destinationSchema.safeParse(running.destination);
      expect(parsed.success).toBe(registered);
      if (parsed.success) expect(parsed.data).toEqual(config);
    });

    it("is named after its type and declares sync modes it supports", () => {
      const connector = connect();
      expect(connector.name).toBe(definition.type);
      expect(connector.modes.length).toBeGreaterThan(0);
      for (const mode of connector.modes) expect(SYNC_MODES).toContain(mode);
      expect(connector.modes).toContain(fixture.mode);
    });

    it(`batches as the API documents (${fixture.batchSize.source}), and takes the sync's settings`, () => {
      expect(connect({}).batchSize).toBe(fixture.batchSize.rows);
      expect(connect({ batchSize: 7 }).batchSize).toBe(7);
      if (fixture.maxBatchSize !== undefined) {
        expect(connect({ batchSize: fixture.maxBatchSize + 1 }).batchSize).toBe(fixture.maxBatchSize);
      }
      if (definition.defaults.rateLimit !== undefined) expect(connect({ rateLimit: 3 }).rateLimit).toBe(3);
    });

    it("registers every credential with the redactor before sending anything", () => {
      const c = ctx();
      connect({}, c);
      for (const secret of running.secrets) expect(c.redactor.redact(`a ${secret} b`)).toBe("a *** b");
    });

    it("check() passes against the API, and write() returns one result per row (settle() the pending ones)", async () => {
      const connector = connect();
      await connector.check();
      const records = fixture.records();
      const written = await connector.write(records, writeCtx);
      expect(written).toHaveLength(records.length);
      expect(new Set(written.map((r) => r.key))).toEqual(new Set(records.map((r) => r.key)));
      const pending = written.filter((r) => r.status === "pending");
      if (pending.length)
        expect(connector.settle, "a connector answering pending needs settle()").toBeDefined();
      const settled = (await connector.settle?.(true)) ?? [];
      // Every pending row is settled exactly once, and nothing else is.
      expect(settled.map((r) => r.key).sort()).toEqual(pending.map((r) => r.key).sort());
      const final = [...written.filter((r) => r.status !== "pending"), ...settled];
      expect(final.every((r) => r.status === "delivered")).toBe(true);
      await connector.close?.();
    });
  });
}
