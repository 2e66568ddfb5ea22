import { createHmac } from "node:crypto";
import {
  type Connector,
  type ConnectorKit,
  type ConnectorParts,
  DroppedValues,
  defineConnector,
  type RowResult,
  type SyncRecord,
  type WriteContext,
} from "../../src/connector-kit/index.ts";
import { type MetaDestinationConfig, metaDestinationSchema } from "./config.ts";
import { checkAudience } from "./get-audience.ts";
import { MatchInfoCollector, type MetaMatchInfo } from "./match-info.ts";
import { metaFieldProblems } from "./schema-keys.ts";
import { staleIdentifiers } from "./stale-identifiers.ts";
import { prepareUsers, updateUsers } from "./update-users.ts";
import { META_VERSIONS } from "./versions.ts";

export { type MetaDestinationConfig, metaDestinationSchema } from "./config.ts";
export type { MetaMatchInfo, MetaOperationCounts } from "./match-info.ts";
export { META_SCHEMA_KEYS, metaFieldProblems } from "./schema-keys.ts";

/** The Meta connector: a Connector plus the match information it collected. */
export interface MetaConnector extends Connector {
  matchInfo(): MetaMatchInfo;
  /** The match information for the sync's results, with the audience it is about. */
  report(): Record<string, unknown>;
}

/**
 * A Meta customer-file Custom Audience: rows added with `POST /{audience_id}/users` and removed
 * with `DELETE /{audience_id}/users`, each value normalised and SHA-256 hashed per Meta's rules.
 * Audience mode only. Contract in README.md.
 */
export const meta = defineConnector<"meta", typeof metaDestinationSchema, MetaConnector>({
  type: "meta",
  schema: metaDestinationSchema,
  // The Custom Audience limit is counted per hour (a few thousand calls for a new app, far more
  // with full Marketing API access): 1 request/s, 10,000 rows each, stays under it.
  defaults: { batchSize: 10_000, rateLimit: 1 },
  versions: META_VERSIONS,
  stopAfterFatal: true,
  create: (config, kit) => metaParts(config, kit),
});

export const metaConnector = meta.connect;

function metaParts(config: MetaDestinationConfig, kit: ConnectorKit): ConnectorParts<MetaConnector> {
  const proof = config.appSecret
    ? createHmac("sha256", config.appSecret).update(config.accessToken).digest("hex")
    : undefined;
  kit.redactor.add(proof);
  const http = kit.http({
    name: "meta",
    baseURL: config.baseUrl.replace(/\/+$/, ""),
    // A header keeps the token out of URLs (and so out of errors and proxy logs).
    headers: { Authorization: `Bearer ${config.accessToken}` },
    timeoutMs: config.timeout * 1000,
  });
  const query = (params: Record<string, string>) => {
    const q = new URLSearchParams(params);
    if (proof) q.set("appsecret_proof", proof);
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const audiencePath = `/${config.apiVersion}/${config.audienceId}`;
  const collected = new MatchInfoCollector();
  // Values not sent because they are not valid (the row went with its other keys).
  const dropped = new DroppedValues();
  /**
   * One request for `records` (all adds or all removes); rows whose key is in `stale` are earlier
   * identifiers of changed rows, sent along with the removals: they have no result of their own.
   */
  async function send(
    op: "add" | "remove",
    records: SyncRecord[],
    wctx: WriteContext,
    stale: ReadonlySet<string> = new Set(),
  ): Promise<RowResult[]> {
    const prepared = prepareUsers(records, config.defaultCountry);
    for (const d of prepared.dropped) if (!stale.has(d.key)) dropped.add(d.field, d.key);
    const refused = prepared.refused.filter((r) => !stale.has(r.key));
    collected.refused(refused.map((r) => r.key));
    if (prepared.data.length === 0) return refused;
    // The rows this session is expected to carry: the plan's count of this operation (the
    // earlier identifiers of changed rows ride along with removals without counting).
    const total = wctx.planned?.[op];
    const own = [...prepared.keys, ...refused.map((r) => r.key)].filter((k) => !stale.has(k));
    const session = collected.nextRequest(wctx.runId, op, own, total);
    const url = `${audiencePath}/users${query({})}`;
    const method = op === "add" ? "POST" : "DELETE";
    const { results, response } = await updateUsers(http, url, method, prepared, session);
    collected.answered(op, response, prepared.keys.filter((k) => stale.has(k)).length);
    return [...refused, ...results.filter((r) => !stale.has(r.key))];
  }
  const matchInfo = () => collected.info();

  return {
    modes: ["audience"],
    removalNeedsFields: true,
    async check() {
      const url = `${audiencePath}${query({ fields: "id,name,subtype,operation_status" })}`;
      await checkAudience(
        http,
        url,
        config.audienceId,
        kit.sleep,
        // A check answers now: fewer attempts than a write's.
        kit.overrides.maxAttempts ?? 3,
      );
    },
    validateFields: (names) => metaFieldProblems(names),
    // Once the token or the audience proved wrong, later writes (batches already queued by the
    // engine) fail the same way without another call (`stopAfterFatal`).
    async write(batch, wctx) {
      // The engine refuses such fields before sending (validateFields); this guards direct callers.
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
      // A changed row's earlier identifiers (an old email) leave the audience with the removals.
      const stale = staleIdentifiers(adds, config.defaultCountry);
      const staleKeys = new Set(stale.map((r) => r.key));
      // Removes first: an identifier that moved from one key to another ends up a member, and a
      // changed row's old and new identifiers matching the same person leave it a member. A
      // failure other than a fatal one sends the batch again whole (adding or removing twice is
      // harmless).
      const removed =
        removes.length || stale.length ? await send("remove", [...removes, ...stale], wctx, staleKeys) : [];
      const added = adds.length ? await send("add", adds, wctx) : [];
      return [...others, ...removed, ...added];
    },
    // An audience that already has members when the sync's state is empty means the state was
    // lost (or another tool fills it): the engine stops unless --full-resync.
    async priorDelivery() {
      const fields = "approximate_count_lower_bound,approximate_count_upper_bound";
      const info = await checkAudience(
        http,
        `${audiencePath}${query({ fields: `id,${fields}` })}`,
        config.audienceId,
        kit.sleep,
        kit.overrides.maxAttempts ?? 3,
      );
      const low = Number(info.approximate_count_lower_bound ?? 0);
      const high = Number(info.approximate_count_upper_bound ?? low);
      if (!(low > 0 || high > 0)) return undefined;
      return `Meta audience ${config.audienceId} holds about ${low === high ? low : `${low} to ${high}`} people`;
    },
    matchInfo,
    report() {
      // Sessions are ours, not something Meta reported: the results keep to Meta's counts.
      const { sessions: _sessions, ...info } = matchInfo();
      return {
        audienceId: config.audienceId,
        ...info,
        ...(dropped.size ? { invalidValuesNotSent: dropped.report() } : {}),
      };
    },
  };
}
