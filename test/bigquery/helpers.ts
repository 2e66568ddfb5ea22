import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { type BigqueryOptions, BigqueryWarehouse } from "../../src/warehouse/bigquery/index.ts";
import type { StandIn } from "./stand-in/index.ts";

/** The environment variable the tests name the stand-in's key file with. */
export const KEY_ENV = "CDP_BIGQUERY_TEST_KEY";

/** Retries without waiting seconds: the stand-in's failures are armed, not real. */
export const FAST_RETRY = { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 5 };

/** Nothing may look for Google's metadata server (a link-local address) during tests. */
export function offline(): void {
  process.env.METADATA_SERVER_DETECTION = "none";
}

/** A BigqueryWarehouse on the stand-in, authenticated with the stand-in's key file. */
export async function openOnStandIn(
  standIn: StandIn,
  schema: string,
  options: Partial<BigqueryOptions> = {},
): Promise<BigqueryWarehouse> {
  offline();
  return BigqueryWarehouse.open({
    project: standIn.project,
    schema,
    location: "US",
    keyFileEnv: KEY_ENV,
    env: { [KEY_ENV]: standIn.keyFile },
    apiEndpoint: standIn.url,
    retry: FAST_RETRY,
    targetName: "test",
    ...options,
  });
}

/**
 * Live mode: real BigQuery when CDP_BIGQUERY_PROJECT is set. Returns why it cannot run when the
 * project is set but no credentials are (the key file of GOOGLE_APPLICATION_CREDENTIALS, or
 * gcloud's application default credentials).
 */
export function liveProject(): { project?: string; problem?: string } {
  const project = process.env.CDP_BIGQUERY_PROJECT;
  if (!project) return {};
  const keyFile = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  const gcloud = path.join(
    process.env.CLOUDSDK_CONFIG ?? path.join(homedir(), ".config", "gcloud"),
    "application_default_credentials.json",
  );
  if (keyFile ? !existsSync(keyFile) : !existsSync(gcloud)) {
    return {
      project,
      problem: `CDP_BIGQUERY_PROJECT is set but no credentials were found (GOOGLE_APPLICATION_CREDENTIALS or ${gcloud})`,
    };
  }
  return { project };
}
