import type { z } from "zod";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "../http/client.ts";
import { defaultSleep } from "../http/rate-limit.ts";
import type { Redactor } from "../redactor.ts";
import type { ApiVersionTable } from "./api-versions.ts";
import {
  BatchError,
  type Connector,
  type ConnectorContext,
  type SyncRecord,
  type WriteContext,
} from "./connector.ts";
import { secretValues } from "./secret-field.ts";

/** What a sync may set over its destination's settings (the sync's `batchSize`, `rateLimit`, `maxAttempts`). */
export interface ConnectorOverrides {
  batchSize?: number;
  rateLimit?: number;
  maxAttempts?: number;
}

/** A destination's settings when neither the sync nor the destination's config says otherwise. */
export interface ConnectorDefaults {
  /** Rows per batch, from the API's documented limits. */
  batchSize: number;
  /** The most rows the API takes in one request: a larger setting is cut down to it. */
  maxBatchSize?: number;
  /** Requests per second, from the API's documented limits; absent for a destination with no API. */
  rateLimit?: number;
  /** Attempts per request for failures a retry can help (default 5). */
  maxAttempts?: number;
}

/** The settings of the shared HTTP client a connector may choose; the rest comes from the kit. */
export type KitHttpOptions = Omit<HttpClientOptions, "redactor" | "rateLimit" | "maxAttempts"> & {
  /** Requests per second; default the connector's resolved rate, `false` for an unpaced client. */
  rateLimit?: number | false;
  /** Default: the connector's resolved `maxAttempts`. */
  maxAttempts?: number;
};

/** What `create` receives besides the config: resolved settings and the engine's services. */
export interface ConnectorKit {
  readonly projectDir: string;
  /** Already holds every value of a field the schema marks with `secretField`. */
  readonly redactor: Redactor;
  /** Waits (tests inject one that does not). */
  readonly sleep: (ms: number) => Promise<void>;
  /** The sync's own settings, as it gave them (for defaults that differ per call). */
  readonly overrides: ConnectorOverrides;
  readonly batchSize: number;
  readonly rateLimit: number | undefined;
  readonly maxAttempts: number;
  /** The shared HTTP client (rate limit, retries with backoff, Retry-After, redaction). */
  http(options: KitHttpOptions): HttpClient;
}

/** What `create` returns: the connector without the settings the kit fills in. */
export type ConnectorParts<C extends Connector> = Omit<C, "name" | "batchSize" | "rateLimit" | "apiVersion">;

/** The settings every destination config may carry; the kit reads them. */
interface CommonSettings {
  type: string;
  batchSize?: number;
  rateLimit?: number;
  /** The vendor API version, for destinations declaring `versions`. */
  apiVersion?: string;
}

export interface ConnectorSpec<
  T extends string,
  S extends z.ZodType<CommonSettings & { type: T }>,
  C extends Connector,
> {
  /** The destination's `type` in `cdp.config.ts`, and the connector's name in messages. */
  type: T;
  /** The config schema (`config.ts`), secrets marked with `secretField`. */
  schema: S;
  defaults: ConnectorDefaults;
  /**
   * The vendor API versions the destination supports (its `versions.ts`); its config's
   * `apiVersion` defaults to `versions.default`. The connector then reports the version it uses
   * (`Connector.apiVersion`), which `cdp debug` checks against the sunset dates.
   */
  versions?: ApiVersionTable;
  /**
   * Once a write or settle failed with a fatal `BatchError` (credentials refused, the audience
   * gone), the batches the engine already queued fail the same way at once, without another request.
   */
  stopAfterFatal?: boolean;
  create(config: z.output<S>, kit: ConnectorKit): ConnectorParts<C>;
}

export interface ConnectorDefinition<
  T extends string = string,
  S extends z.ZodType<CommonSettings & { type: T }> = z.ZodType<CommonSettings & { type: T }>,
  C extends Connector = Connector,
> {
  readonly type: T;
  readonly schema: S;
  readonly defaults: ConnectorDefaults;
  readonly versions?: ApiVersionTable;
  /** Builds the connector for one sync run. */
  connect(config: z.output<S>, ctx: ConnectorContext, overrides?: ConnectorOverrides): C;
}

/**
 * Declares a destination. The kit does what every connector needs, once: a setting is the sync's,
 * else the destination config's, else the API's default (`defaults`), cut to `maxBatchSize`; the
 * values of secret fields go to the redactor before anything is sent; `kit.http()` builds the
 * shared client with the resolved rate limit and attempts; `stopAfterFatal` refuses later batches
 * after a fatal failure.
 *
 * @example
 * export const acme = defineConnector({
 *   type: "acme",
 *   schema: acmeDestinationSchema,
 *   defaults: { batchSize: 100, maxBatchSize: 100, rateLimit: 10 },
 *   create(config, kit) {
 *     const http = kit.http({ name: "acme", baseURL: config.baseUrl, headers: { Authorization: `Bearer ${config.apiKey}` } });
 *     return { modes: ["upsert"], check: () => readAccount(http), write: (batch) => upsertRecords(http, batch) };
 *   },
 * });
 */
export function defineConnector<
  const T extends string,
  S extends z.ZodType<CommonSettings & { type: T }>,
  C extends Connector = Connector,
>(spec: ConnectorSpec<T, S, C>): ConnectorDefinition<T, S, C> {
  return {
    type: spec.type,
    schema: spec.schema,
    defaults: spec.defaults,
    versions: spec.versions,
    connect(config, ctx, overrides = {}) {
      const settings = config as CommonSettings;
      const wanted = overrides.batchSize ?? settings.batchSize ?? spec.defaults.batchSize;
      const batchSize = Math.min(wanted, spec.defaults.maxBatchSize ?? wanted);
      const rateLimit = overrides.rateLimit ?? settings.rateLimit ?? spec.defaults.rateLimit;
      const maxAttempts = overrides.maxAttempts ?? spec.defaults.maxAttempts ?? 5;
      // Plain values (tests, programmatic use) were not registered by the config loader.
      for (const value of secretValues(spec.schema, config as Record<string, unknown>))
        ctx.redactor.add(value);
      const kit: ConnectorKit = {
        projectDir: ctx.projectDir,
        redactor: ctx.redactor,
        sleep: ctx.sleep ?? defaultSleep,
        overrides,
        batchSize,
        rateLimit,
        maxAttempts,
        http: (options) =>
          createHttpClient({
            sleep: ctx.sleep,
            ...options,
            rateLimit: options.rateLimit === false ? undefined : (options.rateLimit ?? rateLimit),
            maxAttempts: options.maxAttempts ?? maxAttempts,
            redactor: ctx.redactor,
          }),
      };
      const parts = spec.create(config, kit);
      const apiVersion =
        spec.versions && settings.apiVersion
          ? { version: settings.apiVersion, table: spec.versions, configKey: "destination.apiVersion" }
          : undefined;
      const connector = { ...parts, name: spec.type, batchSize, rateLimit, apiVersion } as unknown as C;
      if (spec.stopAfterFatal) Object.assign(connector, stopAfterFatal(parts));
      return connector;
    },
  };
}

/**
 * `write` (and `settle`), refusing every call after the first fatal failure of either with that
 * same failure.
 */
function stopAfterFatal(parts: Pick<Connector, "write" | "settle">): Pick<Connector, "write" | "settle"> {
  let fatal: BatchError | undefined;
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (fatal) throw fatal;
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof BatchError && error.fatal) fatal = error;
        throw error;
      }
    };
  const write = parts.write.bind(parts);
  const settle = parts.settle?.bind(parts);
  return {
    write: guarded((batch: SyncRecord[], ctx: WriteContext) => write(batch, ctx)),
    ...(settle ? { settle: guarded((final: boolean) => settle(final)) } : {}),
  };
}
