import { existsSync } from "node:fs";
import { BigQuery, type BigQueryOptions } from "@google-cloud/bigquery";
import { WarehouseError } from "../../errors.ts";
import { isRetryableCall } from "./errors.ts";

/** How failed API calls and failed jobs are retried: exponential backoff with jitter. */
export interface RetryPolicy {
  /** Retries after the first attempt, for API calls and for jobs each. */
  maxRetries: number;
  /** First wait before retrying a failed job; doubles each time. */
  initialDelayMs: number;
  /** No wait is longer than this (API calls and jobs). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 5, initialDelayMs: 1000, maxDelayMs: 32_000 };

export interface ClientSettings {
  project: string;
  location: string;
  apiEndpoint?: string;
  /** Environment variable naming a key file; unset means application default credentials. */
  keyFileEnv: string;
  env: NodeJS.ProcessEnv;
  retry: RetryPolicy;
  /** For messages, e.g. `BigQuery target "prod"`. */
  prefix: string;
}

/**
 * The official client, configured from the target. Credentials come from the environment only:
 * the key file named by `keyFileEnv` when that variable is set, otherwise Google's application
 * default credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`,
 * or the metadata server on Google Cloud).
 */
export function createClient(settings: ClientSettings): BigQuery {
  const keyFile = settings.env[settings.keyFileEnv];
  if (keyFile && !existsSync(keyFile)) {
    throw new WarehouseError(
      `${settings.prefix}: the key file ${keyFile} named by ${settings.keyFileEnv} does not exist`,
    );
  }
  const options: BigQueryOptions = {
    projectId: settings.project,
    location: settings.location,
    ...(keyFile ? { keyFilename: keyFile } : {}),
    ...(settings.apiEndpoint ? { apiEndpoint: settings.apiEndpoint } : {}),
    // The client retries each API call (job inserts are idempotent: the job id is chosen before
    // the first attempt); these settings make rate limits and backend errors retried too.
    retryOptions: {
      autoRetry: true,
      maxRetries: settings.retry.maxRetries,
      retryDelayMultiplier: 2,
      maxRetryDelay: settings.retry.maxDelayMs / 1000,
      totalTimeout: 600,
      retryableErrorFn: isRetryableCall,
    },
  };
  return new BigQuery(options);
}
