import type { Connector, ConnectorContext } from "../../src/sync/connector.ts";
import { createHubspotApi } from "./api.ts";
import { checkDestination } from "./check.ts";
import type { HubspotDestinationConfig } from "./config.ts";
import type { HubspotTarget } from "./upsert-records.ts";
import { writeBatch } from "./write-batch.ts";

export {
  HUBSPOT_SECRET_FIELDS,
  type HubspotDestinationConfig,
  hubspotDestinationSchema,
} from "./config.ts";

/** HubSpot refuses batch inputs of more than 100 records. */
export const HUBSPOT_MAX_BATCH = 100;

/**
 * Requests per second by default: 100 per 10 s, the burst limit of private apps on Free and
 * Starter portals (Professional and Enterprise: 190 per 10 s, set `rateLimit: 19`).
 */
export const HUBSPOT_DEFAULT_RATE = 10;

/**
 * HubSpot CRM contacts or companies, upserted by a unique property, optionally kept in a static
 * list (audience mode). Contract, limits and errors in README.md.
 *
 * @example
 * const connector = hubspotConnector(
 *   { type: "hubspot", accessToken: "pat-...", object: "contacts", baseUrl: "https://api.hubapi.com", timeout: 30 },
 *   { projectDir: ".", redactor },
 * );
 */
export function hubspotConnector(
  config: HubspotDestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number; rateLimit?: number; maxAttempts?: number } = {},
): Connector {
  const idProperty = config.idProperty ?? (config.object === "contacts" ? "email" : undefined);
  if (idProperty === undefined) {
    throw new Error(
      `the hubspot destination writing ${config.object} needs idProperty: a ${config.object} property created with unique values, whose value is the sync's primary key`,
    );
  }
  const target: HubspotTarget = { object: config.object, idProperty };
  const rateLimit = overrides.rateLimit ?? config.rateLimit ?? HUBSPOT_DEFAULT_RATE;
  const api = createHubspotApi(config, ctx, { rateLimit, maxAttempts: overrides.maxAttempts ?? 5 });
  return {
    name: "hubspot",
    modes: ["upsert", "update", "mirror", "audience"],
    batchSize: Math.min(HUBSPOT_MAX_BATCH, overrides.batchSize ?? config.batchSize ?? HUBSPOT_MAX_BATCH),
    rateLimit,
    check: () => checkDestination(api, target, config.listId),
    write: (batch) => writeBatch(api, target, config.listId, batch),
  };
}
