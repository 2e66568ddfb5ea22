import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MockBulk } from "./mock-bulk.ts";
import { deleteCollection, upsertCollection } from "./mock-collections.ts";
import { CONTACT, type MockObjectDef, MockOrg, type RecordError } from "./mock-org.ts";
import { ApiFault, runQuery } from "./mock-query.ts";

export interface MockCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Faults the tests switch on and off while the server runs. */
export interface MockFaults {
  /** The next n data API calls answer 403 REQUEST_LIMIT_EXCEEDED. */
  limitExceeded?: number;
  /** The next n data API calls answer 503 SERVER_UNAVAILABLE. */
  unavailable?: number;
  /** External ID values (or record ids) that fail once with UNABLE_TO_LOCK_ROW, then succeed. */
  lock?: Set<string>;
  /** Polls a bulk job answers InProgress before it completes (default 2). */
  jobPolls?: number;
  /** Records per query page before `nextRecordsUrl` (default 2000). */
  queryPageSize?: number;
}

export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  contentType?: string;
  body: string;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/csv; charset=UTF-8" : "application/json;charset=UTF-8";
  res
    .writeHead(status, { "content-type": type, ...headers })
    .end(status === 201 || status === 204 ? "" : text);
};

/**
 * A local Salesforce org for the connector's tests: the OAuth token endpoint, describe, sObject
 * Collections upsert and delete, SOQL query and Bulk API 2.0 ingest, each validating requests
 * against the documented contract (credentials, Bearer token, API version, body shapes, 200
 * records per collection, record types, External IDs, field names and types, email format) and
 * answering with the real API's statuses and error bodies. Records live in memory (`org`).
 */
export async function startSalesforceMock(
  credentials: MockCredentials,
  options: { apiVersion?: string; objects?: MockObjectDef[]; usage?: { used: number; max: number } } = {},
) {
  // The org's newest API version: 68.0 (Winter '27), the newest Salesforce's API End-of-Life
  // Policy lists as supported (developer.salesforce.com/docs/platform/connect-rest-api/guide/
  // intro_api_eol). Pinned from that page, not from the connector.
  const apiVersion = options.apiVersion ?? "68.0";
  /** Versions 31.0 up to the org's newest answer; older ones are retired (410 GONE), newer unknown (404). */
  const served = (v: string) => Number(v) >= 31 && Number(v) <= Number(apiVersion);
  const org = new MockOrg(options.objects ?? [CONTACT]);
  const faults: MockFaults = {};
  const usage = { ...(options.usage ?? { used: 0, max: 1_000_000 }) };
  const log: LoggedRequest[] = [];
  const tokens = new Set<string>();
  const cursors = new Map<string, unknown[]>();
  let refreshToken = credentials.refreshToken;
  let tokenRequests = 0;
  let tokenSeq = 0;
  let lastAccessToken = "";
  let cursorSeq = 0;

  const rowFault = (match: string): RecordError | undefined => {
    for (const v of [match, match.toLowerCase()]) {
      if (faults.lock?.delete(v)) {
        return {
          statusCode: "UNABLE_TO_LOCK_ROW",
          message: "unable to obtain exclusive access to this record or 1 records",
          fields: [],
        };
      }
    }
    return undefined;
  };
  const bulk = new MockBulk(org, { apiVersion, pollsUntilDone: () => faults.jobPolls ?? 2, rowFault });

  function token(body: string, contentType: string | undefined): [number, unknown] {
    tokenRequests++;
    if (!/^application\/x-www-form-urlencoded\b/.test(contentType ?? "")) {
      return [
        400,
        {
          error: "invalid_request",
          error_description: "must use Content-Type application/x-www-form-urlencoded",
        },
      ];
    }
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "refresh_token") {
      return [400, { error: "unsupported_grant_type", error_description: "grant type not supported" }];
    }
    if (form.get("client_id") !== credentials.clientId) {
      return [400, { error: "invalid_client_id", error_description: "client identifier invalid" }];
    }
    if (form.get("client_secret") !== credentials.clientSecret) {
      return [400, { error: "invalid_client", error_description: "invalid client credentials" }];
    }
    if (!refreshToken || form.get("refresh_token") !== refreshToken) {
      return [400, { error: "invalid_grant", error_description: "expired access/refresh token" }];
    }
    const access = `00Dmock!${++tokenSeq}.${Math.random().toString(36).slice(2)}`;
    tokens.add(access);
    lastAccessToken = access;
    return [
      200,
      {
        access_token: access,
        signature: "c2lnbmF0dXJl",
        scope: "api refresh_token",
        instance_url: base,
        id: `${base}/id/00D000000000001AAA/005000000000001AAA`,
        token_type: "Bearer",
        issued_at: String(Date.now()),
      },
    ];
  }

  function json(req: LoggedRequest): unknown {
    if (!/^application\/json\b/.test(req.contentType ?? "")) {
      throw new ApiFault(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `MediaType of '${req.contentType}' is not supported by this resource`,
      );
    }
    try {
      return JSON.parse(req.body);
    } catch {
      throw new ApiFault(400, "JSON_PARSER_ERROR", "Unexpected character in the request body");
    }
  }

  function objectOf(name: string): MockObjectDef {
    const def = org.object(decodeURIComponent(name));
    if (!def) throw new ApiFault(404, "NOT_FOUND", "The requested resource does not exist");
    return def;
  }

  function queryPage(records: unknown[]) {
    const size = faults.queryPageSize ?? 2000;
    const page = records.slice(0, size);
    const rest = records.slice(size);
    let next: string | undefined;
    if (rest.length) {
      next = `01gMOCK${++cursorSeq}-${size}`;
      cursors.set(next, rest);
    }
    return {
      totalSize: records.length,
      done: !next,
      ...(next ? { nextRecordsUrl: `/services/data/v${apiVersion}/query/${next}` } : {}),
      records: page,
    };
  }

  /** Routes one data API call under /services/data/vXX.X. */
  function route(req: LoggedRequest, rest: string): [number, unknown] {
    const parts = rest.split("/").filter(Boolean);
    const [a, b, c, d] = parts;
    if (req.method === "GET" && a === "sobjects" && c === "describe" && parts.length === 3) {
      return [200, org.describe(objectOf(b!))];
    }
    if (a === "composite" && b === "sobjects") {
      if (req.method === "PATCH" && parts.length === 4)
        return [200, upsertCollection(org, rowFault, objectOf(c!), d!, json(req))];
      if (req.method === "DELETE" && parts.length === 2)
        return [200, deleteCollection(org, rowFault, req.query)];
    }
    if (req.method === "GET" && a === "query" && parts.length === 1) {
      const found = runQuery(org, req.query.get("q") ?? "");
      const records = found.records.map((r) => ({
        attributes: {
          type: found.object,
          url: `/services/data/v${apiVersion}/sobjects/${found.object}/${r.Id}`,
        },
        ...r,
      }));
      return [200, queryPage(records)];
    }
    if (req.method === "GET" && a === "query" && parts.length === 2) {
      const cursor = cursors.get(b!);
      if (!cursor) throw new ApiFault(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
      cursors.delete(b!);
      return [200, queryPage(cursor)];
    }
    if (a === "jobs" && b === "ingest") {
      if (req.method === "POST" && parts.length === 2) return [200, bulk.create(json(req))];
      if (req.method === "PUT" && parts.length === 4 && d === "batches") {
        bulk.upload(c!, req.contentType, req.body);
        return [201, ""];
      }
      if (req.method === "PATCH" && parts.length === 3) return [200, bulk.patch(c!, json(req))];
      if (req.method === "GET" && parts.length === 3) return [200, bulk.poll(c!)];
      if (req.method === "GET" && parts.length === 4) return [200, bulk.results(c!, d!)];
    }
    throw new ApiFault(404, "NOT_FOUND", "The requested resource does not exist");
  }

  function handle(raw: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(raw.url ?? "/", base);
    const req: LoggedRequest = {
      method: raw.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      contentType: raw.headers["content-type"],
      body,
    };
    log.push(req);
    if (req.path === "/services/oauth2/token" && req.method === "POST") {
      const [status, out] = token(body, req.contentType);
      return send(res, status, out);
    }
    if ((raw.url ?? "").length > 16_384) return send(res, 414, "URI Too Long");
    const m = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(req.path);
    const auth = /^Bearer (.+)$/.exec(raw.headers.authorization ?? "");
    if (!auth || !tokens.has(auth[1]!)) {
      return send(res, 401, [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }]);
    }
    if (m && Number(m[1]) < 31)
      return send(res, 410, [{ errorCode: "GONE", message: "The requested API version has been retired" }]);
    if (!m || !served(m[1]!))
      return send(res, 404, [{ errorCode: "NOT_FOUND", message: "The requested resource does not exist" }]);
    const limitHeader = () => ({ "Sforce-Limit-Info": `api-usage=${usage.used}/${usage.max}` });
    if (faults.unavailable) {
      faults.unavailable--;
      return send(res, 503, [{ errorCode: "SERVER_UNAVAILABLE", message: "Server temporarily unavailable" }]);
    }
    if (faults.limitExceeded || usage.used >= usage.max) {
      if (faults.limitExceeded) faults.limitExceeded--;
      return send(
        res,
        403,
        [{ message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" }],
        limitHeader(),
      );
    }
    usage.used++;
    try {
      const [status, out] = route(req, m[2] ?? "/");
      return send(res, status, out, limitHeader());
    } catch (error) {
      if (error instanceof ApiFault) return send(res, error.status, error.body(), limitHeader());
      return send(res, 500, [{ errorCode: "UNKNOWN_EXCEPTION", message: String((error as Error).message) }]);
    }
  }

  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on("data", (c) => chunks.push(c));
    raw.on("end", () => handle(raw, res, Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dataCalls = () => log.filter((r) => r.path.startsWith("/services/data/"));
  return {
    url: base,
    org,
    bulk,
    faults,
    usage,
    log,
    dataCalls,
    /** Bodies of the sObject Collections upserts received, in order. */
    upserts: () =>
      log
        .filter((r) => r.method === "PATCH" && r.path.includes("/composite/sobjects/"))
        .map((r) => JSON.parse(r.body) as { allOrNone: boolean; records: Record<string, unknown>[] }),
    get tokenRequests() {
      return tokenRequests;
    },
    /** The access token issued last. */
    get lastAccessToken() {
      return lastAccessToken;
    },
    /** Every access token issued so far stops working (sessions time out). */
    expireTokens: () => tokens.clear(),
    /** The refresh token is revoked: the token endpoint answers invalid_grant. */
    revokeRefreshToken: () => {
      refreshToken = "";
    },
    contacts: () => org.records("Contact"),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SalesforceMock = Awaited<ReturnType<typeof startSalesforceMock>>;
