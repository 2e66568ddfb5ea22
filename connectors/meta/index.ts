import { createHmac } from "node:crypto";
import { createHttpClient } from "../../src/http/client.ts";
import { defaultSleep } from "../../src/http/rate-limit.ts";
import type {
  Connector,
  ConnectorContext,
  RowResult,
  SyncRecord,
  WriteContext,
} from "../../src/sync/connector.ts";
import type { MetaDestinationConfig } from "./config.ts";
import { checkAudience } from "./get-audience.ts";
import { metaFieldProblems } from "./schema-keys.ts";
import { SessionCounter } from "./session.ts";
import { MetaConfigError, prepareUsers, updateUsers } from "./update-users.ts";

export { META_SECRET_FIELDS, type MetaDestinationConfig, metaDestinationSchema } from "./config.ts";
export { META_SCHEMA_KEYS, metaFieldProblems } from "./schema-keys.ts";

/** Counts Meta reported for one operation. */
export interface MetaOperationCounts {
  requests: number;
  /** Rows Meta received (`num_received`). */
  received: number;
  /** Rows Meta could not use (`num_invalid_entries`). */
  invalid: number;
}

/**
 * What Meta reported about the uploads of this connector (one per run in the engine): the match
 * information of the audience as far as the API gives it. Meta does not say how many people
 * matched per request; the audience's size appears later (approximate_count_*), after matching.
 */
export interface MetaMatchInfo {
  add: MetaOperationCounts;
  remove: MetaOperationCounts;
  /** Rows refused before sending (no usable identifier), by reason. */
  refusedBeforeSending: number;
  /** Up to 10 of Meta's invalid entry reasons (never the entries themselves). */
  invalidReasons: string[];
  sessions: { operation: "add" | "remove"; sessionId: number; batches: number }[];
}

/** The Meta connector: a Connector plus the match information it collected. */
export interface MetaConnector extends Connector {
  matchInfo(): MetaMatchInfo;
}

/**
 * A Meta customer-file Custom Audience: rows added with `POST /{audience_id}/users` and removed
 * with `DELETE /{audience_id}/users`, each value normalised and SHA-256 hashed per Meta's rules.
 * Audience mode only. Contract in README.md.
 */
export function metaConnector(
  config: MetaDestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number; rateLimit?: number; maxAttempts?: number } = {},
): MetaConnector {
  ctx.redactor.add(config.accessToken);
  ctx.redactor.add(config.appSecret);
  const proof = config.appSecret
    ? createHmac("sha256", config.appSecret).update(config.accessToken).digest("hex")
    : undefined;
  ctx.redactor.add(proof);
  // The Custom Audience limit is counted per hour (a few thousand calls for a new app, far more
  // with full Marketing API access): 1 request/s, 10,000 rows each, stays under it.
  const rateLimit = overrides.rateLimit ?? config.rateLimit ?? 1;
  const http = createHttpClient({
    name: "meta",
    baseURL: config.baseUrl.replace(/\/+$/, ""),
    // A header keeps the token out of URLs (and so out of errors and proxy logs).
    headers: { Authorization: `Bearer ${config.accessToken}` },
    timeoutMs: config.timeout * 1000,
    rateLimit,
    maxAttempts: overrides.maxAttempts ?? 5,
    redactor: ctx.redactor,
    sleep: ctx.sleep,
  });
  const query = (params: Record<string, string>) => {
    const q = new URLSearchParams(params);
    if (proof) q.set("appsecret_proof", proof);
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const audiencePath = `/${config.apiVersion}/${config.audienceId}`;
  const sessions = new SessionCounter();
  const sessionOps = new Map<number, "add" | "remove">();
  const counts = {
    add: { requests: 0, received: 0, invalid: 0 },
    remove: { requests: 0, received: 0, invalid: 0 },
  };
  let refusedBeforeSending = 0;
  const invalidReasons = new Set<string>();
  // Once the token or the audience proved wrong, every later row fails with the same message
  // without another call: each call would fail the same way.
  let fatal: string | undefined;

  async function send(op: "add" | "remove", records: SyncRecord[], wctx: WriteContext): Promise<RowResult[]> {
    const prepared = prepareUsers(records, config.defaultCountry);
    refusedBeforeSending += prepared.refused.length;
    if (prepared.data.length === 0) return prepared.refused;
    const session = sessions.next(wctx.runId, op);
    sessionOps.set(session.session_id, op);
    counts[op].requests++;
    const url = `${audiencePath}/users${query({})}`;
    const { results, response } = await updateUsers(
      http,
      url,
      op === "add" ? "POST" : "DELETE",
      prepared,
      session,
    );
    counts[op].received += response.num_received;
    counts[op].invalid += response.num_invalid_entries;
    for (const reason of Object.values(response.invalid_entry_samples)) {
      if (invalidReasons.size < 10) invalidReasons.add(reason);
    }
    return [...prepared.refused, ...results];
  }

  return {
    name: "meta",
    modes: ["audience"],
    batchSize: overrides.batchSize ?? config.batchSize ?? 10_000,
    rateLimit,
    removalNeedsFields: true,
    async check() {
      const url = `${audiencePath}${query({ fields: "id,name,subtype,operation_status" })}`;
      await checkAudience(
        http,
        url,
        config.audienceId,
        ctx.sleep ?? defaultSleep,
        overrides.maxAttempts ?? 3,
      );
    },
    async write(batch, wctx) {
      if (fatal) return batch.map((r) => ({ key: r.key, status: "rejected", reason: fatal! }));
      const problems = metaFieldProblems(batch.flatMap((r) => Object.keys(r.fields)));
      if (problems.length) {
        const reason = `the sync's fields do not fit Meta: ${problems.join("; ")}`;
        return batch.map((r) => ({ key: r.key, status: "rejected", reason }));
      }
      const adds = batch.filter((r) => r.op === "add");
      const removes = batch.filter((r) => r.op === "remove");
      const others: RowResult[] = batch
        .filter((r) => r.op !== "add" && r.op !== "remove")
        .map((r) => ({
          key: r.key,
          status: "rejected",
          reason: `Meta audiences take add and remove, not ${r.op}`,
        }));
      try {
        // Removes first: an identifier that moved from one key to another ends up a member.
        const removed = removes.length ? await send("remove", removes, wctx) : [];
        const added = adds.length ? await send("add", adds, wctx) : [];
        return [...others, ...removed, ...added];
      } catch (error) {
        if (error instanceof MetaConfigError) {
          fatal = error.message;
          return batch.map((r) => ({ key: r.key, status: "rejected", reason: error.message }));
        }
        // A batch with both operations is sent again whole: adding or removing twice is harmless.
        throw error;
      }
    },
    matchInfo() {
      return {
        add: { ...counts.add },
        remove: { ...counts.remove },
        refusedBeforeSending,
        invalidReasons: [...invalidReasons],
        sessions: sessions.sessions.map((s) => ({ ...s, operation: sessionOps.get(s.sessionId) ?? "add" })),
      };
    },
  };
}
