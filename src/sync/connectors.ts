import { fileConnector } from "../../connectors/file/index.ts";
import { googleAdsConnector } from "../../connectors/google-ads/index.ts";
import { hubspotConnector } from "../../connectors/hubspot/index.ts";
import { metaConnector } from "../../connectors/meta/index.ts";
import { salesforceConnector } from "../../connectors/salesforce/index.ts";
import { webhookConnector } from "../../connectors/webhook/index.ts";
import type { DestinationConfig } from "./config.ts";
import type { Connector, ConnectorContext } from "./connector.ts";

/** The built-in connectors by destination `type`. */
export function createConnector(
  destination: DestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number; rateLimit?: number; maxAttempts?: number },
): Connector {
  switch (destination.type) {
    case "file":
      return fileConnector(destination, ctx, overrides);
    case "webhook":
      return webhookConnector(destination, ctx, overrides);
    case "hubspot":
      return hubspotConnector(destination, ctx, overrides);
    case "salesforce":
      return salesforceConnector(destination, ctx, overrides);
    case "meta":
      return metaConnector(destination, ctx, overrides);
    case "google-ads":
      return googleAdsConnector(destination, ctx, overrides);
  }
}
