import { z } from "zod";
import type { Connector, ConnectorContext, ConnectorOverrides } from "../src/connector-kit/index.ts";
import { file } from "./file/index.ts";
import { googleAds } from "./google-ads/index.ts";
import { googleDataManager } from "./google-data-manager/index.ts";
import { hubspot } from "./hubspot/index.ts";
import { meta } from "./meta/index.ts";
import { salesforce } from "./salesforce/index.ts";
import { webhook } from "./webhook/index.ts";

/**
 * Every destination a sync can name, by `type`. This list is the one place a destination is
 * registered: it feeds both the config schema (`destinationSchema`, a union keyed on `type`) and
 * the factory (`createConnector`). Adding one is a folder copied from `_template/` and a line here.
 */
export const CONNECTORS = [webhook, file, hubspot, salesforce, meta, googleAds, googleDataManager] as const;

/** The schemas of a tuple of definitions, as a tuple (what `z.discriminatedUnion` takes). */
type SchemasOf<T extends readonly { schema: unknown }[]> = { [K in keyof T]: T[K]["schema"] };

/** The config a sync's `destination` may hold: one schema per registered connector. */
export const destinationSchema = z.discriminatedUnion(
  "type",
  CONNECTORS.map((c) => c.schema) as unknown as SchemasOf<typeof CONNECTORS>,
);
export type DestinationConfig = z.output<typeof destinationSchema>;

/** The connector for one sync run, from its (validated) destination config. */
export function createConnector(
  destination: DestinationConfig,
  ctx: ConnectorContext,
  overrides: ConnectorOverrides,
): Connector {
  const definition = CONNECTORS.find((c) => c.type === destination.type);
  if (!definition) throw new Error(`no connector is registered for destination type "${destination.type}"`);
  // The union's member and the definition share their `type`, so the config is the one `connect` takes.
  const connect = definition.connect as (
    config: DestinationConfig,
    ctx: ConnectorContext,
    overrides: ConnectorOverrides,
  ) => Connector;
  return connect(destination, ctx, overrides);
}
