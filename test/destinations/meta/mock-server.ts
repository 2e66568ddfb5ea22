import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Keys of Meta's multi-key customer file schema ("Custom Audience Users" reference). */
const KEYS = new Set([
  "EXTERN_ID",
  "EMAIL",
  "PHONE",
  "GEN",
  "DOBY",
  "DOBM",
  "DOBD",
  "LN",
  "FN",
  "FI",
  "CT",
  "ST",
  "ZIP",
  "MADID",
  "COUNTRY",
]);
/** Single-key schemas, whose `data` is a flat list. */
const SINGLE = new Map([
  ["EMAIL_SHA256", "EMAIL"],
  ["PHONE_SHA256", "PHONE"],
  ["MOBILE_ADVERTISER_ID", "MADID"],
]);
const UNHASHED = new Set(["EXTERN_ID", "MADID"]);
const SHA256 = /^[0-9a-f]{64}$/;
const MAX_ROWS = 10_000;

/** Faults to inject; the object can be changed between runs. */
export interface MetaFaults {
  /**
   * For the n-th `/users` request (1-based), a throttling error code (4, 17, 32, 613, 80003,
   * 80004) and status; with `regainMinutes`, the answer carries Meta's `X-Business-Use-Case-Usage`
   * header with that `estimated_time_to_regain_access`.
   */
  throttle?: (n: number) => { code: number; status?: number; regainMinutes?: number } | undefined;
  /** Answer 500 with a transient Graph error to every `/users` request whose number is a multiple of this. */
  every5xx?: number;
  /** Refuse a whole request (code 100, invalid parameter) when one of its rows holds one of these values. */
  refuseValues?: Map<string, string>;
  /** Count rows holding one of these values as invalid entries (reason as the map's value). */
  invalidValues?: Map<string, string>;
  /** Every call fails with code 190, subcode 463 (session expired). */
  expiredToken?: boolean;
  /**
   * From the n-th `/users` request on (1-based), every `/users` request fails with this Graph
   * error: a token expiring, permissions revoked or the audience deleted during a run.
   */
  failFrom?: { call: number; status?: number; code: number; error_subcode?: number; message: string };
}

export interface RecordedRequest {
  method: string;
  schema: string[];
  rows: string[][];
  session: { session_id: number; batch_seq: number; last_batch_flag: boolean; estimated_num_total?: number };
}

export interface MetaMockOptions {
  token: string;
  audienceId: string;
  /** When set, every call must carry `appsecret_proof` = HMAC-SHA256(token, appSecret). */
  appSecret?: string;
  audience?: { name?: string; subtype?: string; operation_status?: { code: number; description: string } };
  faults?: MetaFaults;
  /** The day versions are judged on (default today). */
  today?: Date;
}

/** A member's identity: its non-empty schema values, in a canonical order. */
export function memberKey(values: Record<string, string>): string {
  return JSON.stringify(
    Object.entries(values)
      .filter(([, v]) => v !== "")
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

class GraphFailure {
  constructor(
    readonly status: number,
    readonly error: {
      message: string;
      type: string;
      code: number;
      error_subcode?: number;
      error_user_msg?: string;
      is_transient?: boolean;
    },
    readonly headers: Record<string, string> = {},
  ) {}
}
const invalid = (message: string, error_subcode?: number) =>
  new GraphFailure(400, { message: `(#100) ${message}`, type: "OAuthException", code: 100, error_subcode });

/**
 * Marketing API versions and their expiration, as Meta's "Marketing API version history" table
 * publishes them (developers.facebook.com/documentation/ads-commerce/marketing-api/
 * marketing-api-changelog/versions): a call to a version past its expiration is refused with
 * error 2635 ("You are calling a deprecated version of the Ads API", Meta's blog, 2024-04-16), a
 * version not in the table is unknown. Pinned here from Meta's documents, never from the
 * connector, so a stale connector default fails its tests.
 */
export const META_MOCK_VERSIONS: Record<string, string | null> = {
  "v27.0": null,
  "v26.0": null,
  "v25.0": "2027-02-23",
  "v24.0": "2026-11-10",
  "v23.0": "2026-06-09",
  "v22.0": "2026-02-19",
  "v21.0": "2025-09-09",
};

/** The newest version in Meta's table: what the mock's own tests call. */
export const META_MOCK_LATEST = "v27.0";

function checkVersion(version: string, today: Date): void {
  if (!(version in META_MOCK_VERSIONS))
    throw new GraphFailure(400, { message: "Unknown path components", type: "OAuthException", code: 2500 });
  const expires = META_MOCK_VERSIONS[version];
  if (expires && today.getTime() >= Date.parse(`${expires}T00:00:00Z`)) {
    throw new GraphFailure(400, {
      message: `(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version: ${META_MOCK_LATEST}.`,
      type: "OAuthException",
      code: 2635,
    });
  }
}

/**
 * A local stand-in for the Graph API's Custom Audience endpoints: `GET /{version}/{audience_id}`,
 * `POST` and `DELETE /{version}/{audience_id}/users`. It validates every request as the API
 * documents it (token, appsecret_proof, schema keys, row arity, SHA-256 hex values, at most
 * 10,000 rows, the session object), answers with Meta's error bodies, keeps the audience's
 * members, and injects the faults it is told to.
 */
export async function startMetaMock(options: MetaMockOptions) {
  const faults: MetaFaults = options.faults ?? {};
  const members = new Map<string, Record<string, string>>();
  const requests: RecordedRequest[] = [];
  const refused: { status: number; code: number; message: string }[] = [];
  let usersCalls = 0;

  function authenticate(req: IncomingMessage, url: URL): void {
    const header = req.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : url.searchParams.get("access_token");
    if (!token)
      throw new GraphFailure(400, {
        message: "An active access token must be used to query information about the current user.",
        type: "OAuthException",
        code: 2500,
      });
    if (token !== options.token)
      throw new GraphFailure(400, {
        message: "Invalid OAuth access token - Cannot parse access token",
        type: "OAuthException",
        code: 190,
      });
    if (faults.expiredToken) {
      throw new GraphFailure(400, {
        message: "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.",
        type: "OAuthException",
        code: 190,
        error_subcode: 463,
      });
    }
    if (options.appSecret) {
      const proof = createHmac("sha256", options.appSecret).update(token).digest("hex");
      if (url.searchParams.get("appsecret_proof") !== proof)
        throw invalid("Invalid appsecret_proof provided in the API argument");
    }
  }

  function readAudience(url: URL) {
    const fields = (url.searchParams.get("fields") ?? "id").split(",");
    const node: Record<string, unknown> = {
      id: options.audienceId,
      name: options.audience?.name ?? "CDP audience",
      subtype: options.audience?.subtype ?? "CUSTOM",
      operation_status: options.audience?.operation_status ?? { code: 200, description: "Normal" },
      // Meta reports a range, not the exact size; the mock's range holds its member count.
      approximate_count_lower_bound: members.size,
      approximate_count_upper_bound: members.size,
    };
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (!(f in node))
        throw invalid(`Tried accessing nonexisting field (${f}) on node type (CustomAudience)`);
      out[f] = node[f];
    }
    return out;
  }

  function updateUsers(method: string, raw: string) {
    let body: { payload?: unknown; session?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      throw invalid("The parameter payload is required");
    }
    const payload = body.payload as { schema?: unknown; data?: unknown } | undefined;
    if (!payload || typeof payload !== "object") throw invalid("The parameter payload is required");
    let schema: string[];
    let rows: unknown[][];
    if (typeof payload.schema === "string" && SINGLE.has(payload.schema)) {
      schema = [SINGLE.get(payload.schema)!];
      if (!Array.isArray(payload.data)) throw invalid("payload.data must be an array");
      rows = payload.data.map((v) => [v]);
    } else {
      if (!Array.isArray(payload.schema) || payload.schema.length === 0)
        throw invalid("Invalid schema: expected a key or an array of keys");
      schema = payload.schema.map(String);
      for (const k of schema) if (!KEYS.has(k)) throw invalid(`Invalid schema field: ${k}`);
      if (new Set(schema).size !== schema.length) throw invalid("Invalid schema: a key appears twice");
      if (!Array.isArray(payload.data)) throw invalid("payload.data must be an array");
      rows = payload.data as unknown[][];
    }
    if (rows.length === 0) throw invalid("Empty payload.data");
    if (rows.length > MAX_ROWS)
      throw invalid(`Too many users in one request: ${rows.length}, the maximum is ${MAX_ROWS}`);
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== schema.length) {
        throw invalid(
          `Row ${i} has ${Array.isArray(row) ? row.length : "no"} values; the schema has ${schema.length} keys`,
        );
      }
      row.forEach((v, j) => {
        if (typeof v !== "string") throw invalid(`Row ${i}, ${schema[j]}: values must be strings`);
        if (v !== "" && !UNHASHED.has(schema[j]!) && !SHA256.test(v)) {
          throw invalid(
            `Row ${i}, ${schema[j]}: the value is not a SHA-256 hash; normalise and hash customer data before sending`,
          );
        }
      });
    });
    const session = body.session as RecordedRequest["session"] | undefined;
    if (!session || typeof session !== "object") throw invalid("The parameter session is required");
    const posInt = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
    if (!posInt(session.session_id)) throw invalid("session.session_id must be a positive 64-bit integer");
    if (!posInt(session.batch_seq)) throw invalid("session.batch_seq must be a positive integer");
    if (typeof session.last_batch_flag !== "boolean")
      throw invalid("session.last_batch_flag must be a boolean");
    if (
      session.estimated_num_total !== undefined &&
      !(Number.isSafeInteger(session.estimated_num_total) && session.estimated_num_total >= 0)
    ) {
      throw invalid("session.estimated_num_total must be a non-negative integer");
    }
    const strings = rows as string[][];
    for (const row of strings) {
      for (const v of row) {
        const reason = faults.refuseValues?.get(v);
        if (reason)
          throw new GraphFailure(400, {
            message: "(#100) Invalid parameter",
            type: "OAuthException",
            code: 100,
            error_user_msg: reason,
          });
      }
    }
    const samples: Record<string, string> = {};
    let invalidCount = 0;
    for (const row of strings) {
      const bad = row.find((v) => faults.invalidValues?.has(v));
      if (bad !== undefined || row.every((v) => v === "")) {
        invalidCount++;
        if (bad !== undefined) samples[bad] = faults.invalidValues!.get(bad)!;
        continue;
      }
      const values = Object.fromEntries(schema.map((k, j) => [k, row[j]!]));
      if (method === "POST") members.set(memberKey(values), values);
      else members.delete(memberKey(values));
    }
    requests.push({ method, schema, rows: strings, session });
    return {
      audience_id: options.audienceId,
      session_id: String(session.session_id),
      num_received: rows.length,
      num_invalid_entries: invalidCount,
      invalid_entry_samples: samples,
    };
  }

  function handle(req: IncomingMessage, raw: string): unknown {
    const url = new URL(req.url ?? "/", "http://localhost");
    const m = /^\/(v\d+\.\d+)\/(\d+)(\/users)?\/?$/.exec(url.pathname);
    if (!m)
      throw new GraphFailure(400, { message: "Unknown path components", type: "OAuthException", code: 2500 });
    checkVersion(m[1]!, options.today ?? new Date());
    authenticate(req, url);
    if (m[2] !== options.audienceId) {
      throw invalid(
        `Unsupported ${req.method === "GET" ? "get" : "post"} request. Object with ID '${m[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        33,
      );
    }
    if (!m[3]) {
      if (req.method !== "GET") throw invalid("Unsupported request method");
      return readAudience(url);
    }
    if (req.method !== "POST" && req.method !== "DELETE") throw invalid("Unsupported request method");
    const n = ++usersCalls;
    const f = faults.failFrom;
    if (f && n >= f.call) {
      throw new GraphFailure(f.status ?? 400, {
        message: f.message,
        type: "OAuthException",
        code: f.code,
        error_subcode: f.error_subcode,
      });
    }
    const t = faults.throttle?.(n);
    if (t) {
      // Meta's Business Use Case usage, keyed by the ad account, as the Rate Limits page shows it.
      const usage: Record<string, string> =
        t.regainMinutes === undefined
          ? {}
          : {
              "x-business-use-case-usage": JSON.stringify({
                "1234567890": [
                  {
                    type: "custom_audience",
                    call_count: 100,
                    total_cputime: 12,
                    total_time: 15,
                    estimated_time_to_regain_access: t.regainMinutes,
                  },
                ],
              }),
            };
      throw new GraphFailure(
        t.status ?? 400,
        {
          message:
            t.code === 80003
              ? "There have been too many calls to this ad-account. Wait a bit and try again."
              : "User request limit reached",
          type: "OAuthException",
          code: t.code,
          is_transient: true,
        },
        usage,
      );
    }
    if (faults.every5xx && n % faults.every5xx === 0) {
      throw new GraphFailure(500, {
        message: "An unexpected error has occurred. Please retry your request later.",
        type: "OAuthException",
        code: 2,
        is_transient: true,
      });
    }
    return updateUsers(req.method, raw);
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res
          .writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers })
          .end(JSON.stringify(body));
      try {
        send(200, handle(req, Buffer.concat(chunks).toString("utf8")));
      } catch (e) {
        if (!(e instanceof GraphFailure))
          return send(500, { error: { message: String(e), type: "Exception", code: 1 } });
        refused.push({ status: e.status, code: e.error.code, message: e.error.message });
        send(
          e.status,
          { error: { ...e.error, fbtrace_id: randomBytes(8).toString("base64url") } },
          e.headers,
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    faults,
    members,
    requests,
    refused,
    /** Back to an empty audience with no faults and no request counted (between tests). */
    reset() {
      members.clear();
      requests.length = 0;
      refused.length = 0;
      usersCalls = 0;
      for (const k of Object.keys(faults)) delete faults[k as keyof MetaFaults];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MetaMock = Awaited<ReturnType<typeof startMetaMock>>;
