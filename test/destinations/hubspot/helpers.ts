import { hubspotDestinationSchema } from "../../../connectors/hubspot/config.ts";
import { hubspotConnector } from "../../../connectors/hubspot/index.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import { syncConfigSchema, type UserSyncConfig } from "../../../src/sync/config.ts";
import { runSync } from "../../../src/sync/engine.ts";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import type { HubspotMock } from "./mock-server.ts";

export const TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

/**
 * A clock that only moves when the code under test sleeps: the mock's rate limit windows read it,
 * and retries wait without real time passing.
 */
export function fakeClock() {
  let now = 1_700_000_000_000;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += Math.max(0, ms);
    },
  };
}

export interface HubspotRun {
  wh: Warehouse;
  mock: HubspotMock;
  /** The sync's name; its state tables live in schema `state`. */
  name: string;
  model: string;
  sync: Partial<UserSyncConfig>;
  /** Destination settings as written in cdp.config.ts (parsed by the connector's schema). */
  destination?: Record<string, unknown>;
  sleep?: (ms: number) => Promise<void>;
  /** Connector overrides (the engine passes the sync's maxAttempts too). */
  overrides?: { batchSize?: number; rateLimit?: number; maxAttempts?: number };
  /** Send everything as if the state were empty, past the lost-state guard. */
  fullResync?: boolean;
}

/**
 * Runs one sync with the real engine on DuckDB against the mock. The destination is parsed by
 * the connector's own schema; the sync config carries a stand-in destination until the hubspot
 * type is part of the config union.
 */
export async function runHubspotSync(run: HubspotRun) {
  const sleep = run.sleep ?? (async () => {});
  const config = syncConfigSchema.parse({
    model: run.model,
    primaryKey: "email",
    mode: "upsert",
    destination: { type: "file", dir: "unused" },
    stateSchema: "state",
    ...run.sync,
  });
  const destination = hubspotDestinationSchema.parse({
    type: "hubspot",
    accessToken: TOKEN,
    baseUrl: run.mock.url,
    ...run.destination,
  });
  const redactor = new Redactor();
  const connector = hubspotConnector(
    destination,
    { projectDir: ".", redactor, sleep },
    { rateLimit: 10_000, maxAttempts: config.maxAttempts, ...run.overrides },
  );
  const result = await runSync({
    name: run.name,
    config,
    modelRelation: { schema: "main", name: run.model },
    warehouse: run.wh,
    projectDir: ".",
    connector,
    sleep,
    fullResync: run.fullResync,
  });
  return { result, connector, redactor };
}

/** The rows of a sync's errors table. */
export function syncErrors(wh: Warehouse, name: string) {
  return wh.query<{ key: string; operation: string; error: string }>(
    `SELECT key, operation, error FROM state."${name}__errors" ORDER BY key`,
  );
}

/** The ids sent in the `inputs` of the logged requests to `path`. */
export function sentIds(mock: HubspotMock, pathEnd: string): string[] {
  return mock.requests
    .filter((r) => r.path.endsWith(pathEnd) && r.status < 300)
    .flatMap((r) => ((r.body as { inputs?: { id: string }[] }).inputs ?? []).map((i) => i.id));
}
