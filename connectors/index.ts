import { z } from "zod";
import type {
  ApiVersionTable,
  Connector,
  ConnectorContext,
  ConnectorDefinition,
  ConnectorOverrides,
} from "../src/connector-kit/index.ts";
import { fileDestinationSchema } from "./file/config.ts";
import { googleAdsDestinationSchema } from "./google-ads/config.ts";
import { GOOGLE_ADS_VERSIONS } from "./google-ads/versions.ts";
import { googleDataManagerDestinationSchema } from "./google-data-manager/config.ts";
import { hubspotDestinationSchema } from "./hubspot/config.ts";
import { HUBSPOT_VERSIONS } from "./hubspot/versions.ts";
import { metaDestinationSchema } from "./meta/config.ts";
import { META_VERSIONS } from "./meta/versions.ts";
import { salesforceDestinationSchema } from "./salesforce/config.ts";
import { SALESFORCE_VERSIONS } from "./salesforce/versions.ts";
import { webhookDestinationSchema } from "./webhook/config.ts";

/** One registered destination: its config schema, and how to load its connector when a sync runs. */
export interface RegisteredConnector<S extends z.ZodObject = z.ZodObject> {
  /** The destination's `type`, read from the schema's `type` literal. */
  readonly type: string;
  readonly schema: S;
  /**
   * The connector's definition (`defineConnector`), imported on first use: every command
   * validates the config, and only a sync needs the HTTP client and the connector's code.
   */
  load(): Promise<ConnectorDefinition>;
  /** The API versions it speaks (`versions.ts`), for destinations that call a versioned API. */
  readonly versions?: ApiVersionTable;
}

function register<S extends z.ZodObject>(
  schema: S,
  load: () => Promise<unknown>,
  versions?: ApiVersionTable,
): RegisteredConnector<S> {
  const type = (schema.shape.type as z.ZodLiteral<string>).value;
  return {
    type,
    schema,
    load: load as () => Promise<ConnectorDefinition>,
    ...(versions ? { versions } : {}),
  };
}

/**
 * Every destination a sync can name. This list is the one place a destination is registered: it
 * feeds both the config schema (`destinationSchema`, a union keyed on `type`) and the factory
 * (`createConnector`). Adding one is a folder copied from `_template/` and a line here.
 */
export const CONNECTORS = [
  register(webhookDestinationSchema, async () => (await import("./webhook/index.ts")).webhook),
  register(fileDestinationSchema, async () => (await import("./file/index.ts")).file),
  register(
    hubspotDestinationSchema,
    async () => (await import("./hubspot/index.ts")).hubspot,
    HUBSPOT_VERSIONS,
  ),
  register(
    salesforceDestinationSchema,
    async () => (await import("./salesforce/index.ts")).salesforce,
    SALESFORCE_VERSIONS,
  ),
  register(metaDestinationSchema, async () => (await import("./meta/index.ts")).meta, META_VERSIONS),
  register(
    googleAdsDestinationSchema,
    async () => (await import("./google-ads/index.ts")).googleAds,
    GOOGLE_ADS_VERSIONS,
  ),
  register(
    googleDataManagerDestinationSchema,
    async () => (await import("./google-data-manager/index.ts")).googleDataManager,
  ),
] as const;

/** The schemas of a tuple of registrations, as a tuple (what `z.discriminatedUnion` takes). */
type SchemasOf<T extends readonly { schema: unknown }[]> = { [K in keyof T]: T[K]["schema"] };

/** The config a sync's `destination` may hold: one schema per registered connector. */
export const destinationSchema = z.discriminatedUnion(
  "type",
  CONNECTORS.map((c) => c.schema) as unknown as SchemasOf<typeof CONNECTORS>,
);
export type DestinationConfig = z.output<typeof destinationSchema>;

/** The connector for one sync run, from its (validated) destination config. */
export async function createConnector(
  destination: DestinationConfig,
  ctx: ConnectorContext,
  overrides: ConnectorOverrides,
): Promise<Connector> {
  const registered = CONNECTORS.find((c) => c.type === destination.type);
  if (!registered) throw new Error(`no connector is registered for destination type "${destination.type}"`);
  const definition = await registered.load();
  if (definition.type !== registered.type) {
    throw new Error(
      `connectors/index.ts registers "${registered.type}" with the "${definition.type}" connector`,
    );
  }
  // The union's member and the definition share their `type`, so the config is the one `connect` takes.
  return definition.connect(destination as never, ctx, overrides);
}
