import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type MockAccount, type MockFaults, MockJobs } from "./mock-jobs.ts";
import { errorBody, type MockErrorItem, MockFailure } from "./mock-rules.ts";

/**
 * The Google Ads API versions the mock serves and the day each stops (null: no sunset published
 * yet), from Google's own documents, never from the connector: v26 from "Announcing v26 of the
 * Google Ads API" (Ads Developer Blog, 2026-10-14); v23-v25 from the protos in
 * googleapis/googleapis (google/ads/googleads/v23..v25); v22 "will sunset on October 7, 2026"
 * (Ads Developer Blog, "Google Ads API v22 sunset reminder"). A version past its sunset, or not
 * listed, answers 404 as Google's endpoint does.
 */
export const GOOGLE_ADS_MOCK_VERSIONS: Record<string, string | null> = {
  v26: null,
  v25: null,
  v24: null,
  v23: null,
  v22: "2026-10-07",
};

function versionServed(version: string, today: Date): boolean {
  if (!(version in GOOGLE_ADS_MOCK_VERSIONS)) return false;
  const sunset = GOOGLE_ADS_MOCK_VERSIONS[version];
  return !sunset || today.getTime() < Date.parse(`${sunset}T00:00:00Z`);
}

export type { MockAccount, MockFaults } from "./mock-jobs.ts";

export interface LoggedCall {
  path: string;
  body: Record<string, unknown>;
  status: number;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" }).end(JSON.stringify(body));

/**
 * A local Google Ads API (REST) and OAuth token endpoint for Customer Match, validating every
 * request against the documented contract and answering with Google's statuses and error
 * bodies. It keeps the list's members (as identifier keys, see `memberKeys`) so tests compare
 * the destination with the model, logs every call, and injects the faults it is told to.
 */
export async function startGoogleAdsMock(account: Partial<MockAccount> = {}, faults: MockFaults = {}) {
  const a: MockAccount = {
    customerId: "1234567890",
    userListId: "7654321",
    developerToken: "devtoken-ABCDEFGHIJ",
    clientId: "client-123.apps.googleusercontent.com",
    clientSecret: "client-secret-XYZ",
    refreshToken: "1//refresh-token-abcdef",
    apiVersion: "v26",
    listType: "CRM_BASED",
    membershipStatus: "OPEN",
    uploadKeyType: "CONTACT_INFO",
    pollsUntilDone: 1,
    allowlisted: true,
    matchRateRange: "MATCH_RANGE_61_TO_70",
    ...account,
  };
  const tokens = new Map<string, "valid" | "expired">();
  let refreshRevoked = false;
  const state = new MockJobs(a, faults);
  const calls: LoggedCall[] = [];
  let tokenRequests = 0;

  function oauth(req: IncomingMessage, raw: string, res: ServerResponse) {
    tokenRequests++;
    if (!String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return json(res, 400, { error: "invalid_request", error_description: "Bad Request" });
    }
    const form = new URLSearchParams(raw);
    if (form.get("grant_type") !== "refresh_token")
      return json(res, 400, { error: "unsupported_grant_type", error_description: "Invalid grant_type" });
    if (form.get("client_id") !== a.clientId)
      return json(res, 401, {
        error: "invalid_client",
        error_description: "The OAuth client was not found.",
      });
    if (form.get("client_secret") !== a.clientSecret)
      return json(res, 401, { error: "invalid_client", error_description: "Unauthorized" });
    if (refreshRevoked || form.get("refresh_token") !== a.refreshToken)
      return json(res, 400, {
        error: "invalid_grant",
        error_description: "Token has been expired or revoked.",
      });
    const token = `ya29.mock-${randomBytes(12).toString("hex")}`;
    tokens.set(token, "valid");
    json(res, 200, {
      access_token: token,
      expires_in: 3599,
      scope: "https://www.googleapis.com/auth/adwords",
      token_type: "Bearer",
    });
  }

  /** Authentication and authorisation, in the order Google checks them. */
  function authorise(req: IncomingMessage, customerId: string) {
    const m = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ""));
    const state = m ? tokens.get(m[1]!) : undefined;
    if (state !== "valid") {
      throw new MockFailure(
        401,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        state === "expired"
          ? [
              {
                family: "authenticationError",
                code: "OAUTH_TOKEN_EXPIRED",
                message: "Oauth token is expired.",
              },
            ]
          : [],
      );
    }
    if (req.headers["developer-token"] !== a.developerToken) {
      throw new MockFailure(
        401,
        "UNAUTHENTICATED",
        "Request is missing required authentication credential.",
        [
          {
            family: "authenticationError",
            code: "DEVELOPER_TOKEN_INVALID",
            message: `Developer token ${String(req.headers["developer-token"] ?? "")} is not valid.`,
          },
        ],
      );
    }
    const login = req.headers["login-customer-id"];
    if (login !== undefined && !/^\d{10}$/.test(String(login))) {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "headerError",
          code: "INVALID_LOGIN_CUSTOMER_ID",
          message: "The login customer ID could not be validated.",
        },
      ]);
    }
    if (customerId !== a.customerId || (a.loginCustomerId && login !== a.loginCustomerId)) {
      throw new MockFailure(403, "PERMISSION_DENIED", "The caller does not have permission", [
        {
          family: "authorizationError",
          code: "USER_PERMISSION_DENIED",
          message:
            "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header.",
        },
      ]);
    }
  }

  function injectFaults(action: string) {
    if (faults.unavailable && faults.unavailable > 0) {
      faults.unavailable--;
      throw new MockFailure(503, "UNAVAILABLE", "The service is currently unavailable.");
    }
    if (faults.quota && faults.quota > 0 && (!faults.quotaActions || faults.quotaActions.includes(action))) {
      faults.quota--;
      const delay = faults.quotaRetryDelay ?? "30s";
      const item: MockErrorItem = {
        family: "quotaError",
        code: "RESOURCE_EXHAUSTED",
        message: `Too many requests. Retry in ${delay.replace("s", "")} seconds.`,
      };
      if ((faults.quotaStyle ?? "quotaError") === "quotaError") {
        item.details = {
          quotaErrorDetails: { rateScope: "ACCOUNT", rateName: "Requests per account", retryDelay: delay },
        };
        throw new MockFailure(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", [
          item,
        ]);
      }
      throw new MockFailure(
        429,
        "RESOURCE_EXHAUSTED",
        "Resource has been exhausted (e.g. check quota).",
        [item],
        [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: delay }],
      );
    }
    if (action === "addOperations" && faults.concurrentModification && faults.concurrentModification > 0) {
      faults.concurrentModification--;
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "databaseError",
          code: "CONCURRENT_MODIFICATION",
          message:
            "Multiple requests were attempting to modify the same resource at once. Retry the request.",
        },
      ]);
    }
  }

  function api(req: IncomingMessage, path: string, raw: string) {
    const m =
      /^\/(v\d+)\/customers\/([^/:]+)\/(offlineUserDataJobs:create|offlineUserDataJobs\/(\d+):(addOperations|run)|googleAds:search)$/.exec(
        path,
      );
    if (!m) throw new MockFailure(404, "NOT_FOUND", `No route for ${req.method} ${path}`);
    if (!versionServed(m[1]!, a.today ?? new Date()))
      throw new MockFailure(404, "NOT_FOUND", `Version ${m[1]} is not available.`);
    if (req.method !== "POST") throw new MockFailure(405, "INVALID_ARGUMENT", "Only POST");
    const customerId = m[2]!;
    authorise(req, customerId);
    const action = m[5] ?? (m[3]!.startsWith("googleAds") ? "search" : "create");
    injectFaults(action);
    if (!String(req.headers["content-type"] ?? "").startsWith("application/json"))
      throw new MockFailure(
        400,
        "INVALID_ARGUMENT",
        "Invalid JSON payload received. Expected application/json.",
      );
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || "{}");
    } catch {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token.");
    }
    if (action === "create") return state.create(customerId, body);
    if (action === "search") return state.search(customerId, body);
    const job = state.job(customerId, m[4]!);
    return action === "run" ? state.run(customerId, job, body) : state.addOperations(job, body);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "").split("?")[0]!;
      if (path === "/token") return oauth(req, raw, res);
      let status = 200;
      let answer: unknown;
      try {
        answer = api(req, path, raw);
      } catch (error) {
        if (!(error instanceof MockFailure)) throw error;
        status = error.http;
        answer = errorBody(a.apiVersion, error);
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw || "{}");
      } catch {}
      calls.push({ path, body, status });
      json(res, status, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    tokenUrl: `${base}/token`,
    account: a,
    faults,
    /** The list's members, as identifier keys (`email:<sha256>`, `phone:<sha256>`, ...). */
    members: state.members,
    jobs: state.jobs,
    /** Job runs refused because another job on the list was running (CONCURRENT_MODIFICATION). */
    get concurrentRunRefused() {
      return state.concurrentRunRefused;
    },
    /** Every API call (not the token endpoint), with its JSON body and the status answered. */
    calls,
    get tokenRequests() {
      return tokenRequests;
    },
    /** Every access token issued so far now answers 401 (as after their hour is over). */
    expireAccessTokens() {
      for (const t of tokens.keys()) tokens.set(t, "expired");
    },
    /** The refresh token is revoked: the token endpoint answers invalid_grant. */
    revokeRefreshToken() {
      refreshRevoked = true;
    },
    /** The list is removed in Google Ads (searches miss it, job creation answers INVALID_USER_LIST_ID). */
    removeList() {
      state.listRemoved = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type GoogleAdsMock = Awaited<ReturnType<typeof startGoogleAdsMock>>;
