import { createHttpClient } from "../../src/http/client.ts";
import { defaultSleep } from "../../src/http/rate-limit.ts";
import { BatchError, type Connector, type ConnectorContext } from "../../src/sync/connector.ts";
import { SalesforceApi } from "./api.ts";
import { SalesforceSession } from "./auth.ts";
import type { SalesforceDestinationConfig } from "./config.ts";
import { checkExternalIdField, describeObject, type ObjectInfo } from "./describe.ts";
import { classify } from "./errors.ts";
import { ApiUsage } from "./limits.ts";
import { writeBatch } from "./write-batch.ts";

export {
  SALESFORCE_SECRET_FIELDS,
  type SalesforceDestinationConfig,
  salesforceDestinationSchema,
} from "./config.ts";

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
export function salesforceConnector(
  config: SalesforceDestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number; rateLimit?: number; maxAttempts?: number } = {},
): SalesforceConnector {
  // Salesforce caps requests per day, not per second: this rate only keeps bursts polite.
  const rateLimit = overrides.rateLimit ?? config.rateLimit ?? 10;
  const clientOptions = {
    name: "salesforce",
    timeoutMs: config.timeout * 1000,
    maxAttempts: overrides.maxAttempts ?? 5,
    redactor: ctx.redactor,
    sleep: ctx.sleep,
  };
  // Plain values (not from secret()) are not registered by the config loader: make sure.
  ctx.redactor.add(config.clientSecret);
  ctx.redactor.add(config.refreshToken);
  const session = new SalesforceSession({
    loginUrl: config.loginUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: config.refreshToken,
    instanceUrl: config.instanceUrl,
    http: createHttpClient(clientOptions),
    redactor: ctx.redactor,
  });
  const http = createHttpClient({ ...clientOptions, rateLimit });
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
      sleep: ctx.sleep ?? defaultSleep,
      maxIntervalMs: config.bulkPollInterval * 1000,
      timeoutMs: config.bulkTimeout * 1000,
    },
    describe,
  };
  const apiUsage = () =>
    usage.used !== undefined && usage.max ? { used: usage.used, max: usage.max } : undefined;
  let fatal: BatchError | undefined;

  return {
    name: "salesforce",
    modes: ["upsert", "update", "insert", "mirror"],
    // Bulk API 2.0 processes data in internal batches of 10,000 records; smaller batches go
    // through sObject Collections, 200 records a request.
    batchSize: overrides.batchSize ?? config.batchSize ?? 10_000,
    rateLimit,
    async check() {
      try {
        checkExternalIdField(await describe(), config.externalIdField);
      } catch (error) {
        const failure = classify(error);
        throw new Error(failure.message);
      }
    },
    validateFields: salesforceFieldProblems,
    async write(batch) {
      // Batches already in flight when one failed fatally fail the same way, without a request.
      if (fatal) throw fatal;
      try {
        return await writeBatch(writer, batch);
      } catch (error) {
        if (error instanceof BatchError && error.fatal) fatal = error;
        throw error;
      }
    },
    apiUsage,
    report: () => ({ ...api.stats, ...(apiUsage() ? { apiUsage: apiUsage() } : {}) }),
  };
}
