import { createHttpClient } from "../../src/http/client.ts";
import { defaultSleep } from "../../src/http/rate-limit.ts";
import type { Connector, ConnectorContext } from "../../src/sync/connector.ts";
import { GoogleAdsApi } from "./api-client.ts";
import { AccessTokens } from "./auth.ts";
import type { GoogleAdsDestinationConfig } from "./config.ts";
import { uploadBatch } from "./upload-batch.ts";
import { readUserList, type UserListInfo } from "./user-list.ts";

export {
  GOOGLE_ADS_SECRET_FIELDS,
  type GoogleAdsDestinationConfig,
  googleAdsDestinationSchema,
} from "./config.ts";

/**
 * Rows per batch, and so per offline user data job. Google recommends few large jobs over many
 * small ones; the engine holds up to two rounds of batches in memory, and each batch waits for
 * its job (10 minutes to 24 hours). 10,000 rows make one `addOperations` request.
 */
const DEFAULT_BATCH_SIZE = 10_000;
/**
 * Requests per second. Google publishes no fixed rate for these services (limits depend on the
 * developer token's access level and come back as RESOURCE_EXHAUSTED); a job needs a handful of
 * calls plus one status read per poll, so a low steady rate is plenty.
 */
const DEFAULT_RATE_LIMIT = 5;

/**
 * Members of a Google Ads Customer Match list (audience mode: add who joined the model, remove
 * who left it), uploaded through offline user data jobs. Contract in README.md.
 */
export function googleAdsConnector(
  config: GoogleAdsDestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number; rateLimit?: number; maxAttempts?: number } = {},
): Connector {
  const rateLimit = overrides.rateLimit ?? config.rateLimit ?? DEFAULT_RATE_LIMIT;
  const maxAttempts = overrides.maxAttempts ?? 5;
  const sleep = ctx.sleep ?? defaultSleep;
  // Also redacted when the config holds plain values (tests, programmatic use): Google echoes a
  // refused developer token in its message.
  for (const s of [config.developerToken, config.clientSecret, config.refreshToken]) ctx.redactor.add(s);
  const common = { timeoutMs: config.timeout * 1000, redactor: ctx.redactor, sleep };
  const tokens = new AccessTokens(
    createHttpClient({ name: "google-oauth", ...common, maxAttempts }),
    { ...config, customerId: config.customerId },
    ctx.redactor,
  );
  const api = new GoogleAdsApi({
    // One attempt per call: GoogleAdsApi retries, reading Google's delays from the body.
    http: createHttpClient({
      name: "google-ads",
      baseURL: config.baseUrl,
      rateLimit,
      maxAttempts: 1,
      ...common,
    }),
    tokens,
    developerToken: config.developerToken,
    loginCustomerId: config.loginCustomerId,
    customerId: config.customerId,
    apiVersion: config.apiVersion,
    maxAttempts,
    sleep,
    redactor: ctx.redactor,
  });
  let list: Promise<UserListInfo> | undefined;
  const userList = () => {
    list ??= readUserList(api, config).catch((error) => {
      list = undefined;
      throw error;
    });
    return list;
  };
  return {
    name: "google-ads",
    modes: ["audience"],
    batchSize: overrides.batchSize ?? config.batchSize ?? DEFAULT_BATCH_SIZE,
    rateLimit,
    removalNeedsFields: true,
    async check() {
      list = undefined;
      await userList();
    },
    async write(batch) {
      const { uploadKeyType } = await userList();
      return uploadBatch(api, batch, { config, uploadKeyType, sleep });
    },
  };
}
