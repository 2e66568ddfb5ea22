import { defineConnector } from "../../src/connector-kit/index.ts";
import { checkDestination } from "./check.ts";
import { createHubspotApi } from "./client.ts";
import { hubspotDestinationSchema } from "./config.ts";
import { readListSize } from "./list-size.ts";
import type { HubspotTarget } from "./upsert-records.ts";
import { HUBSPOT_VERSIONS } from "./versions.ts";
import { writeBatch } from "./write-batch.ts";

export { type HubspotDestinationConfig, hubspotDestinationSchema } from "./config.ts";

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
export const hubspot = defineConnector({
  type: "hubspot",
  schema: hubspotDestinationSchema,
  versions: HUBSPOT_VERSIONS,
  defaults: {
    batchSize: HUBSPOT_MAX_BATCH,
    maxBatchSize: HUBSPOT_MAX_BATCH,
    rateLimit: HUBSPOT_DEFAULT_RATE,
  },
  create(config, kit) {
    const idProperty = config.idProperty ?? (config.object === "contacts" ? "email" : undefined);
    if (idProperty === undefined) {
      throw new Error(
        `the hubspot destination writing ${config.object} needs idProperty: a ${config.object} property created with unique values, whose value is the sync's primary key`,
      );
    }
    const target: HubspotTarget = { object: config.object, idProperty };
    const api = createHubspotApi(config, kit);
    return {
      modes: ["upsert", "update", "mirror", "audience"],
      check: () => checkDestination(api, target, config.listId),
      write: (batch) => writeBatch(api, target, config.listId, batch),
      // An audience sync whose state is empty, sent to a list that already has members, lost its
      // state: the engine stops unless --full-resync (records of upsert syncs are not counted).
      async priorDelivery() {
        if (config.listId === undefined) return undefined;
        const size = await readListSize(api, config.listId);
        return size ? `HubSpot list ${config.listId} already holds ${size} ${config.object}` : undefined;
      },
    };
  },
});

export const hubspotConnector = hubspot.connect;
