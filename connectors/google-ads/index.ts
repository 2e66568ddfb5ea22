import {
  BatchError,
  type Connector,
  type ConnectorKit,
  type ConnectorParts,
  defineConnector,
  deliverBatch,
  type RowResult,
  TokenBucket,
  type WriteContext,
} from "../../src/connector-kit/index.ts";
import { GoogleAdsApiError, googleAccessTokens } from "./auth.ts";
import { GoogleAdsApi } from "./client.ts";
import { type GoogleAdsDestinationConfig, googleAdsDestinationSchema } from "./config.ts";
import { INLINE_WAIT_MAX_MS, retryInPlace } from "./errors.ts";
import { googleAdsFieldProblems } from "./identifiers.ts";
import { type GoogleAdsRunReport, RunStats } from "./report.ts";
import { RunUpload } from "./run-upload.ts";
import { uploadBatch } from "./upload-batch.ts";
import { readUserList, readUserListSize, type UserListInfo } from "./user-list.ts";
import { GOOGLE_ADS_VERSIONS } from "./versions.ts";

export { type GoogleAdsDestinationConfig, googleAdsDestinationSchema } from "./config.ts";
export { googleAdsFieldProblems } from "./identifiers.ts";
export type { GoogleAdsRunReport } from "./report.ts";

/**
 * Rows per batch the engine hands over. Batches only collect rows for the run's jobs
 * (`run-upload.ts`), so the size matters little; 10,000 rows make one `addOperations` request.
 */
const DEFAULT_BATCH_SIZE = 10_000;
/**
 * Requests per second. Google publishes no fixed rate for these services (limits depend on the
 * developer token's access level and come back as RESOURCE_EXHAUSTED); a job needs a handful of
 * calls plus one status read per poll, so a low steady rate is plenty.
 */
const DEFAULT_RATE_LIMIT = 5;

/** The Google Ads connector: a Connector whose report is typed. */
export interface GoogleAdsConnector extends Connector {
  report(): GoogleAdsRunReport & Record<string, unknown>;
}

/**
 * Members of a Google Ads Customer Match list (audience mode: add who joined the model, remove
 * who left it), uploaded through offline user data jobs. Contract in README.md.
 */
export const googleAds = defineConnector<"google-ads", typeof googleAdsDestinationSchema, GoogleAdsConnector>(
  {
    type: "google-ads",
    schema: googleAdsDestinationSchema,
    defaults: { batchSize: DEFAULT_BATCH_SIZE, rateLimit: DEFAULT_RATE_LIMIT },
    versions: GOOGLE_ADS_VERSIONS,
    stopAfterFatal: true,
    create: (config, kit) => googleAdsParts(config, kit),
  },
);

export const googleAdsConnector = googleAds.connect;

function googleAdsParts(
  config: GoogleAdsDestinationConfig,
  kit: ConnectorKit,
): ConnectorParts<GoogleAdsConnector> {
  const { sleep } = kit;
  const timeoutMs = config.timeout * 1000;
  const stats = new RunStats();
  const tokens = googleAccessTokens(
    kit.http({ name: "google-oauth", timeoutMs, sleep, rateLimit: false }),
    { ...config, customerId: config.customerId },
    kit.redactor,
  );
  // The pace of API calls is kept here, not given to the HTTP client as `rateLimit`: on a 429 the
  // client pauses its bucket for Google's retryDelay on its clock (the real one unless `now` is
  // given), while waits go through the injected sleep, which does not move that clock: with a
  // test's sleep the pause is waited again after the retry's own wait, or spun through. Here a
  // 429 only slows the pace (`throttled()` without a delay) and the retry's wait is the pause.
  const bucket = new TokenBucket(kit.rateLimit ?? DEFAULT_RATE_LIMIT, undefined, sleep);
  const api = new GoogleAdsApi({
    http: kit.http({
      name: "google-ads",
      baseURL: config.baseUrl,
      timeoutMs,
      rateLimit: false,
      backoffBaseMs: 1000,
      // Google's delay is waited in place up to this; `retryInPlace` hands longer ones to the engine.
      maxBackoffMs: INLINE_WAIT_MAX_MS,
      shouldRetry: retryInPlace,
      onRetry: ({ error }) => {
        stats.retries++;
        if (error.status === 429) bucket.throttled();
      },
      // A retry waits its delay, then its turn in the pace like any other call.
      sleep: async (ms) => {
        await sleep(ms);
        await bucket.take();
      },
    }),
    bucket,
    tokens,
    developerToken: config.developerToken,
    loginCustomerId: config.loginCustomerId,
    customerId: config.customerId,
    apiVersion: config.apiVersion,
    redactor: kit.redactor,
  });
  let list: Promise<UserListInfo> | undefined;
  let listInfo: UserListInfo | undefined;
  const userList = () => {
    list ??= readUserList(api, config).then(
      (info) => {
        listInfo = info;
        return info;
      },
      (error) => {
        list = undefined;
        throw error;
      },
    );
    return list;
  };
  // The run's rows wait here for its jobs, one per operation (run-upload.ts). An upload retries
  // the rows of a job that failed in a new job, and isolates rows Google refuses as a request.
  let context: WriteContext = { sync: "", runId: "" };
  const upload = async (records: Parameters<typeof uploadBatch>[1]): Promise<RowResult[]> => {
    const write = async (batch: typeof records) => {
      const { uploadKeyType } = await userList();
      return uploadBatch(api, batch, { config, uploadKeyType, sleep, stats });
    };
    const results = await deliverBatch(
      { write: (batch) => write(batch).catch(fatalAsBatchError) },
      records,
      context,
      { maxAttempts: kit.maxAttempts, sleep },
    );
    return results.filter((r): r is RowResult => r.status !== "pending");
  };
  const run = new RunUpload(upload, config.rowsPerJob);
  return {
    modes: ["audience"],
    removalNeedsFields: true,
    async check() {
      list = undefined;
      await userList();
    },
    validateFields: (names) => googleAdsFieldProblems(names),
    // A list that already has members when the sync's state is empty: the state was lost (or
    // another tool fills the list); the engine stops unless --full-resync.
    async priorDelivery() {
      const size = await readUserListSize(api, config);
      return size ? `Google Ads user list ${config.userListId} holds about ${size} members` : undefined;
    },
    // Once a write met a refusal no batch can get past, the batches the engine already queued
    // fail the same way at once, without another call (`stopAfterFatal`).
    async write(batch, ctx) {
      context = ctx;
      await run.add(batch);
      return batch.map((r) => ({ key: r.key, status: "pending" }));
    },
    settle: (final) => run.settle(final),
    report() {
      const userList = listInfo && {
        id: config.userListId,
        name: listInfo.name,
        uploadKeyType: listInfo.uploadKeyType,
      };
      return { ...stats.report(api.calls, userList) };
    },
  };
}

/** The list gone or closed (read again when check() did not run), refused credentials: fatal. */
function fatalAsBatchError(error: unknown): never {
  throw error instanceof GoogleAdsApiError && error.fatal
    ? new BatchError(error.message, error.retryable, error.retryAfterMs, true)
    : error;
}
