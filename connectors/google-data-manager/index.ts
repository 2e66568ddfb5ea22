import {
  BatchError,
  type Connector,
  type ConnectorKit,
  type ConnectorParts,
  defineConnector,
  type RowResult,
  type SyncRecord,
} from "../../src/connector-kit/index.ts";
import { googleAccessTokens } from "./auth.ts";
import { DataManagerApi } from "./client.ts";
import { type GoogleDataManagerDestinationConfig, googleDataManagerDestinationSchema } from "./config.ts";
import { deliver, type Pending } from "./deliver.ts";
import { DataManagerError } from "./errors.ts";
import { hashValue } from "./format-rules.ts";
import { ingestMembers } from "./ingest-members.ts";
import { buildMember, FIELD_NAMES, fieldProblems, staleIdentifiers } from "./members.ts";
import { removeMembers } from "./remove-members.ts";
import { type DataManagerRunReport, RunStats } from "./report.ts";
import { MAX_MEMBERS_PER_REQUEST, REQUESTS_PER_SECOND, requestConsent } from "./request.ts";

export {
  type GoogleDataManagerDestinationConfig,
  googleDataManagerDestinationSchema,
} from "./config.ts";
export type { DataManagerRunReport } from "./report.ts";
export { VERSIONS } from "./versions.ts";

export interface GoogleDataManagerConnector extends Connector {
  report(): DataManagerRunReport & Record<string, unknown>;
}

/**
 * Members of a Customer Match list through Google's Data Manager API v1 (audience mode: add who
 * joined the model, remove who left it). Contract in README.md.
 */
export const googleDataManager = defineConnector<
  "google-data-manager",
  typeof googleDataManagerDestinationSchema,
  GoogleDataManagerConnector
>({
  type: "google-data-manager",
  schema: googleDataManagerDestinationSchema,
  // One request per batch: at most 10,000 members; 300 requests a minute (request.ts cites both).
  defaults: {
    batchSize: MAX_MEMBERS_PER_REQUEST,
    maxBatchSize: MAX_MEMBERS_PER_REQUEST,
    rateLimit: REQUESTS_PER_SECOND,
  },
  stopAfterFatal: true,
  create: (config, kit) => parts(config, kit),
});

export const googleDataManagerConnector = googleDataManager.connect;

const isAdd = (r: SyncRecord) => r.op === "add" || r.op === "upsert" || r.op === "update";

function parts(
  config: GoogleDataManagerDestinationConfig,
  kit: ConnectorKit,
): ConnectorParts<GoogleDataManagerConnector> {
  const timeoutMs = config.timeout * 1000;
  const stats = new RunStats();
  let retries = 0;
  const tokens = googleAccessTokens(
    kit.http({ name: "google-oauth", timeoutMs, rateLimit: false }),
    config,
    kit.redactor,
  );
  const api = new DataManagerApi(
    kit.http({
      name: "google-data-manager",
      baseURL: config.baseUrl.replace(/\/+$/, ""),
      timeoutMs,
      backoffBaseMs: 1000,
      // Not a 401: the client asks for a new access token first (client.ts).
      shouldRetry: (e) => e.retryable && e.status !== 401,
      onRetry: () => {
        retries++;
      },
    }),
    tokens,
    config.apiVersion,
    kit.redactor,
  );
  const o = { encoding: config.encoding, defaultPhoneCountry: config.defaultPhoneCountry };
  const consentDenied = requestConsent(config)?.adUserData === "CONSENT_DENIED";
  const poll = {
    sleep: kit.sleep,
    intervalMs: config.pollInterval * 1000,
    timeoutMs: config.pollTimeout * 60_000,
  };
  const inChunks = async (rows: Pending[], what: "ingest" | "remove"): Promise<RowResult[]> => {
    const out: RowResult[] = [];
    const send = what === "ingest" ? ingestMembers : removeMembers;
    for (let i = 0; i < rows.length; i += MAX_MEMBERS_PER_REQUEST) {
      const chunk = rows.slice(i, i + MAX_MEMBERS_PER_REQUEST);
      out.push(...(await deliver(chunk, { api, what, poll, stats, send: (m) => send(api, m, { config }) })));
    }
    return out;
  };

  return {
    modes: ["audience"],
    removalNeedsFields: true,
    validateFields: (names) => fieldProblems(names),
    /**
     * An ingest request with `validateOnly: true` and one made-up member: Google checks the
     * credentials, the destination, the terms and the encoding, and takes nothing.
     */
    async check() {
      const member = {
        userData: {
          userIdentifiers: [{ emailAddress: hashValue("validate-only@example.com", config.encoding) }],
        },
      };
      try {
        await ingestMembers(api, [member], { config, validateOnly: true });
      } catch (error) {
        throw error instanceof DataManagerError ? new Error(error.message) : error;
      }
    },
    async write(batch) {
      const results: RowResult[] = [];
      const adds: Pending[] = [];
      const removes: Pending[] = [];
      const stale = new Map<string, Pending>();
      for (const r of batch) {
        const built = buildMember(r.fields, o);
        if (isAdd(r)) {
          if (!built.ok) {
            results.push({ key: r.key, status: "rejected", reason: built.reason });
            continue;
          }
          const denied =
            built.member.consent?.adUserData === "CONSENT_DENIED" ||
            (!built.member.consent?.adUserData && consentDenied);
          adds.push({ key: r.key, member: built.member, deniedConsent: denied });
          // A changed identifier (a new email) leaves the old one in the list unless removed.
          const old = r.previous ? staleIdentifiers(r.previous, built.member, o) : [];
          if (old.length)
            stale.set(r.key, {
              key: r.key,
              member: { userData: { userIdentifiers: old } },
              deniedConsent: false,
            });
        } else if (built.ok) {
          removes.push({ key: r.key, member: built.member, deniedConsent: false });
        } else {
          // Nothing was delivered for it that Google could hold: nothing to remove.
          results.push({ key: r.key, status: "delivered" });
        }
      }
      try {
        const removed = await inChunks([...removes, ...stale.values()], "remove");
        // A key is either removed or added in one batch: its removal result is its stale one then.
        const staleResults = new Map(removed.filter((r) => stale.has(r.key)).map((r) => [r.key, r]));
        const removedKeys = new Set(removes.map((p) => p.key));
        results.push(...removed.filter((r) => removedKeys.has(r.key)));
        for (const r of await inChunks(adds, "ingest")) {
          const old = staleResults.get(r.key);
          // The row is done when its old identifiers are gone too; if not, it goes again.
          results.push(r.status === "delivered" && old && old.status !== "delivered" ? old : r);
        }
      } catch (error) {
        if (error instanceof DataManagerError) {
          throw new BatchError(error.message, error.retryable, error.retryAfterMs, error.fatal);
        }
        throw error;
      }
      return results;
    },
    report: () => ({ ...stats.report(api.calls, retries) }),
  };
}

export { FIELD_NAMES };
