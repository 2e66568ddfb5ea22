import { redactor } from "../config/secrets.ts";
import { createHttpClient } from "../http/client.ts";
import type { SyncResult } from "./engine.ts";

/** Statuses that call for a notification: the run failed, or a guard stopped it. */
export function needsNotification(result: SyncResult): boolean {
  return result.status === "failed" || result.status === "error" || result.status === "blocked";
}

/** Slack's incoming webhooks take `{ text }`; other receivers get the same text and the details. */
function isSlack(url: string): boolean {
  try {
    return new URL(url).hostname === "hooks.slack.com";
  } catch {
    return false;
  }
}

/** One line a person reads first: which sync, where, what happened. */
export function notificationText(project: string, result: SyncResult): string {
  const what = {
    failed: "failed",
    error: "failed",
    blocked: "was stopped before sending",
  }[result.status as "failed" | "error" | "blocked"];
  const c = result.counts;
  return `cdp: sync ${result.sync} (project ${project}, target ${result.target ?? "?"}) ${what}: ${result.message ?? "no message"} [run ${result.runId || "-"}; planned ${c.planned}, delivered ${result.delivered}, rejected ${result.rejected}, retryable ${result.failed}]`;
}

export interface NotifyOptions {
  project: string;
  invocationId: string;
  /** Tests: milliseconds to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends the failure notification of one sync run to `url`: a Slack incoming webhook gets
 * `{ text }`, any other URL a JSON object with the text and the run's details. Three attempts
 * with backoff, 10 s each. Never throws: returns what happened, for the sync's results, since a
 * failing notification must not fail the sync (nor hide its real outcome).
 */
export async function notifyFailure(
  url: string,
  result: SyncResult,
  options: NotifyOptions,
): Promise<string> {
  const text = redactor.redact(notificationText(options.project, result));
  const body = isSlack(url)
    ? { text }
    : {
        text,
        project: options.project,
        invocation_id: options.invocationId,
        sync: result.sync,
        target: result.target ?? null,
        run_id: result.runId || null,
        status: result.status,
        message: result.message ? redactor.redact(result.message) : null,
        counts: result.counts,
        delivered: result.delivered,
        rejected: result.rejected,
        failed: result.failed,
        errors: (result.errors ?? []).slice(0, 3),
      };
  const client = createHttpClient({
    name: "notification",
    timeoutMs: 10_000,
    maxAttempts: 3,
    redactor,
    sleep: options.sleep,
  });
  try {
    const response = await client.request({ method: "POST", url, data: body });
    return `sent (HTTP ${response.status})`;
  } catch (error) {
    return `not sent: ${redactor.redact((error as Error).message)}`;
  }
}
