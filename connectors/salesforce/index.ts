import {
  type Connector,
  type ConnectorKit,
  type ConnectorParts,
  defineConnector,
} from "../../src/connector-kit/index.ts";
import { salesforceSession } from "./auth.ts";
import { SalesforceApi } from "./client.ts";
import { type SalesforceDestinationConfig, salesforceDestinationSchema } from "./config.ts";
import { checkExternalIdField, describeObject, type ObjectInfo } from "./describe.ts";
import { classify } from "./errors.ts";
import { ApiUsage } from "./usage-headers.ts";
import { SALESFORCE_VERSIONS } from "./versions.ts";
import { writeBatch } from "./write-batch.ts";

export { type SalesforceDestinationConfig, salesforceDestinationSchema } from "./config.ts";

/** The connector, plus the org's API usage as last reported by Salesforce. */
export interface SalesforceConnector extends Connector {
  /** `{ used, max }` from the latest `Sforce-Limit-Info` header, once a call has returned. */
  apiUsage(): { used: number; max: number } | undefined;
  /** Requests sent, bulk jobs run and the org's API usage, for the sync's results. */
  report(): Record<string, unknown>;
}

/** Field names that cannot be Salesforce API names (spaces, dots, leading digits...). */
export function salesforceFieldProblems(names: string[]): string[] {
  return names
    .filter((n) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(n))
    .map(
      (n) =>
        `"${n}" is not a Salesforce field API name (letters, digits and underscores, starting with a letter; custom fields end in __c)`,
    );
}

/**
 * Salesforce: records of one object upserted by an External ID field (REST sObject Collections,
 * or Bulk API 2.0 for large batches), deleted in mirror mode. Contract in README.md.
 */
export const salesforce = defineConnector<
  "salesforce",
  typeof salesforceDestinationSchema,
  SalesforceConnector
>({
  type: "salesforce",
  schema: salesforceDestinationSchema,
  versions: SALESFORCE_VERSIONS,
  defaults: {
    // Bulk API 2.0 processes data in internal batches of 10,000 records; smaller batches go
    // through sObject Collections, 200 records a request.
    batchSize: 10_000,
    // Salesforce caps requests per day, not per second: this rate only keeps bursts polite.
    rateLimit: 10,
  },
  stopAfterFatal: true,
  create: (config, kit) => salesforceParts(config, kit),
});

export const salesforceConnector = salesforce.connect;

function salesforceParts(
  config: SalesforceDestinationConfig,
  kit: ConnectorKit,
): ConnectorParts<SalesforceConnector> {
  const clientOptions = { name: "salesforce", timeoutMs: config.timeout * 1000 };
  const session = salesforceSession({
    loginUrl: config.loginUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: config.refreshToken,
    instanceUrl: config.instanceUrl,
    http: kit.http({ ...clientOptions, rateLimit: false }),
    redactor: kit.redactor,
  });
  const http = kit.http(clientOptions);
  const usage = new ApiUsage(config.maxApiUsage, http.bucket);
  const api = new SalesforceApi(http, session, config.apiVersion, usage);

  let described: Promise<ObjectInfo> | undefined;
  const describe = () => {
    described ??= describeObject(api, config.object).catch((error) => {
      described = undefined;
      throw error;
    });
    return described;
  };
  const writer = {
    api,
    object: config.object,
    externalIdField: config.externalIdField,
    bulkThreshold: config.bulkThreshold,
    polling: {
      sleep: kit.sleep,
      maxIntervalMs: config.bulkPollInterval * 1000,
      timeoutMs: config.bulkTimeout * 1000,
    },
    describe,
  };
  const apiUsage = () =>
    usage.used !== undefined && usage.max ? { used: usage.used, max: usage.max } : undefined;

  return {
    modes: ["upsert", "update", "insert", "mirror"],
    async check() {
      try {
        checkExternalIdField(await describe(), config.externalIdField);
      } catch (error) {
        const failure = classify(error);
        throw new Error(failure.message);
      }
    },
    validateFields: salesforceFieldProblems,
    // Batches already in flight when one failed fatally fail the same way (`stopAfterFatal`).
    write: (batch) => writeBatch(writer, batch),
    apiUsage,
    report: () => ({ ...api.stats, ...(apiUsage() ? { apiUsage: apiUsage() } : {}) }),
  };
}
