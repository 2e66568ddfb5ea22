import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  enumValue,
  errorBody,
  googleAdsFailure,
  MAX_IDENTIFIERS_PER_REQUEST,
  type MockErrorItem,
  MockFailure,
  memberKeys,
  type UserDataJson,
  unknownNames,
  validateUserData,
} from "./mock-rules.ts";

export interface MockAccount {
  customerId: string;
  userListId: string;
  developerToken: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** When set, every call must carry it in `login-customer-id` (access through a manager). */
  loginCustomerId?: string;
  apiVersion: string;
  listType: string;
  membershipStatus: string;
  uploadKeyType: string;
  /** Status reads of a running job before it is finished. */
  pollsUntilDone: number;
}

/** Faults to inject; counters go down as they fire. Tests may change them between runs. */
export interface MockFaults {
  /** Refuses the operations holding this identifier (hash or user id), with a Google error. */
  rejectIdentifier?: (value: string) => { code: string; message: string } | undefined;
  /** The next N API calls answer 429 RESOURCE_EXHAUSTED with this retryDelay. */
  quota?: number;
  quotaRetryDelay?: string;
  /** The calls the quota fault hits: "create", "addOperations", "run", "search" (default all). */
  quotaActions?: string[];
  /** Where the delay is: a `google.rpc.RetryInfo` detail, or the quota error's own details. */
  quotaStyle?: "retryInfo" | "quotaError";
  /** The next N addOperations calls answer 400 with databaseError CONCURRENT_MODIFICATION. */
  concurrentModification?: number;
  /** The next N jobs to finish end FAILED, applying nothing. */
  failJobs?: number;
  /** The next N API calls answer 503 UNAVAILABLE. */
  unavailable?: number;
}

interface Job {
  resourceName: string;
  status: "PENDING" | "RUNNING" | "SUCCESS" | "FAILED";
  kind?: "create" | "remove";
  operations: UserDataJson[];
  consent: unknown;
  polls: number;
}

export interface LoggedCall {
  path: string;
  body: Record<string, unknown>;
  status: number;
}

const CONSENT = ["UNSPECIFIED", "UNKNOWN", "GRANTED", "DENIED"];
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
    ...account,
  };
  const tokens = new Map<string, "valid" | "expired">();
  let refreshRevoked = false;
  const jobs = new Map<string, Job>();
  const members = new Set<string>();
  const calls: LoggedCall[] = [];
  let tokenRequests = 0;
  let nextId = 1000;
  const v = () => a.apiVersion;

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

  function jobOf(customerId: string, id: string): Job {
    const job = jobs.get(`customers/${customerId}/offlineUserDataJobs/${id}`);
    if (!job) {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        { family: "mutateError", code: "RESOURCE_NOT_FOUND", message: "Requested resource not found." },
      ]);
    }
    return job;
  }

  function create(customerId: string, body: Record<string, unknown>) {
    unknownNames(body, ["job", "validateOnly", "enableMatchRateRangePreview"], "");
    unknownNames(body.job, ["type", "customerMatchUserListMetadata", "externalId"], "job");
    const job = body.job as Record<string, unknown>;
    enumValue(
      job.type,
      [
        "CUSTOMER_MATCH_USER_LIST",
        "CUSTOMER_MATCH_WITH_ATTRIBUTES",
        "STORE_SALES_UPLOAD_FIRST_PARTY",
        "STORE_SALES_UPLOAD_THIRD_PARTY",
      ],
      "job.type",
      `${v()}.enums.OfflineUserDataJobTypeEnum.OfflineUserDataJobType`,
    );
    const where = "job.customer_match_user_list_metadata";
    unknownNames(job.customerMatchUserListMetadata, ["userList", "consent"], where);
    const meta = job.customerMatchUserListMetadata as Record<string, unknown>;
    const bad = (code: string, message: string, field: string) =>
      new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "offlineUserDataJobError",
          code,
          message,
          path: [["job"], ["customer_match_user_list_metadata"], [field]],
        },
      ]);
    if (
      job.type !== "CUSTOMER_MATCH_USER_LIST" ||
      meta.userList !== `customers/${customerId}/userLists/${a.userListId}`
    )
      throw bad("INVALID_USER_LIST_ID", "The user list ID provided for the job is invalid.", "user_list");
    if (a.listType !== "CRM_BASED")
      throw bad(
        "INVALID_USER_LIST_TYPE",
        "Type of the user list is not applicable for the job.",
        "user_list",
      );
    // Google requires consent for users in the EEA; the mock requires it always, so a connector
    // that forgets it is caught.
    if (meta.consent === undefined)
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "fieldError",
          code: "REQUIRED",
          message: "The required field was not present.",
          path: [["job"], ["customer_match_user_list_metadata"], ["consent"]],
        },
      ]);
    unknownNames(meta.consent, ["adUserData", "adPersonalization"], `${where}.consent`);
    const consent = meta.consent as Record<string, unknown>;
    for (const [key, name] of [
      ["adUserData", "ad_user_data"],
      ["adPersonalization", "ad_personalization"],
    ] as const) {
      if (consent[key] !== undefined)
        enumValue(
          consent[key],
          CONSENT,
          `${where}.consent.${name}`,
          `${v()}.enums.ConsentStatusEnum.ConsentStatus`,
        );
    }
    const resourceName = `customers/${customerId}/offlineUserDataJobs/${nextId++}`;
    jobs.set(resourceName, { resourceName, status: "PENDING", operations: [], consent, polls: 0 });
    return { resourceName };
  }

  function addOperations(job: Job, body: Record<string, unknown>) {
    unknownNames(body, ["operations", "enablePartialFailure", "enableWarnings", "validateOnly"], "");
    if (job.status !== "PENDING") {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "offlineUserDataJobError",
          code: "JOB_ALREADY_STARTED",
          message: "Once the upload job is started, new operations cannot be added.",
        },
      ]);
    }
    const ops = body.operations;
    if (!Array.isArray(ops) || ops.length === 0) {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "requestError",
          code: "REQUIRED_FIELD_MISSING",
          message: "Required field is missing.",
          path: [["operations"]],
        },
      ]);
    }
    const identifiers = ops.reduce((n: number, op) => {
      const d = (op?.create ?? op?.remove) as { userIdentifiers?: unknown[] } | undefined;
      return n + (Array.isArray(d?.userIdentifiers) ? d.userIdentifiers.length : 0);
    }, 0);
    if (identifiers > MAX_IDENTIFIERS_PER_REQUEST) {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "offlineUserDataJobError",
          code: "TOO_MANY_USER_IDENTIFIERS",
          message:
            "Maximum number of user identifiers allowed per request is 100,000 and per operation is 20.",
        },
      ]);
    }
    const errors: MockErrorItem[] = [];
    const good: { kind: "create" | "remove"; data: UserDataJson }[] = [];
    let kind = job.kind;
    ops.forEach((op: unknown, i) => {
      unknownNames(op, ["create", "remove", "removeAll"], `operations[${i}]`);
      const o = op as Record<string, unknown>;
      const set = ["create", "remove", "removeAll"].filter((k) => o[k] !== undefined);
      if (set.length !== 1) {
        throw new MockFailure(
          400,
          "INVALID_ARGUMENT",
          `Invalid JSON payload received. oneof field 'operation' is already set at 'operations[${i}]'.`,
        );
      }
      if (set[0] === "removeAll") {
        errors.push({
          family: "offlineUserDataJobError",
          code: "INVALID_OPERATION_ORDER",
          message: "the mock does not take removeAll",
          path: [["operations", i]],
        });
        return;
      }
      const k = set[0] as "create" | "remove";
      const opErrors = validateUserData(o[k], i, k, a.uploadKeyType);
      kind ??= k;
      if (k !== kind) {
        opErrors.push({
          family: "offlineUserDataJobError",
          code: "CONFLICTING_OPERATION",
          message: "Mixing creation and removal of offline data in the same job is not allowed.",
          path: [["operations", i]],
        });
      }
      const data = o[k] as UserDataJson;
      if (!opErrors.length && faults.rejectIdentifier) {
        for (const [j, id] of data.userIdentifiers.entries()) {
          const value = (id.hashedEmail ?? id.hashedPhoneNumber ?? id.thirdPartyUserId) as string | undefined;
          const refusal = value ? faults.rejectIdentifier(value) : undefined;
          if (refusal)
            opErrors.push({
              family: "offlineUserDataJobError",
              ...refusal,
              path: [["operations", i], [k], ["user_identifiers", j]],
            });
        }
      }
      if (opErrors.length) errors.push(...opErrors);
      else good.push({ kind: k, data });
    });
    if (errors.length && body.enablePartialFailure !== true) {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", errors);
    }
    if (good.length) job.kind ??= good[0]!.kind;
    for (const g of good) job.operations.push(g.data);
    if (!errors.length) return {};
    return {
      partialFailureError: {
        code: 3,
        message: `Multiple errors in 'details'. First error: ${errors[0]!.message}`,
        details: [googleAdsFailure(v(), errors)],
      },
    };
  }

  function run(customerId: string, job: Job, body: Record<string, unknown>) {
    unknownNames(body, ["validateOnly"], "");
    if (job.status !== "PENDING") {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "offlineUserDataJobError",
          code: "JOB_ALREADY_STARTED",
          message: "Once the upload job is started, new operations cannot be added.",
        },
      ]);
    }
    job.status = "RUNNING";
    return {
      name: `customers/${customerId}/operations/${randomBytes(6).toString("hex")}`,
      metadata: {
        "@type": `type.googleapis.com/google.ads.googleads.${v()}.resources.OfflineUserDataJobMetadata`,
      },
    };
  }

  /** A running job finishes after `pollsUntilDone` status reads: its operations are applied. */
  function progress(job: Job) {
    if (job.status !== "RUNNING" || ++job.polls < a.pollsUntilDone) return;
    if (faults.failJobs && faults.failJobs > 0) {
      faults.failJobs--;
      job.status = "FAILED";
      return;
    }
    for (const data of job.operations) {
      for (const key of memberKeys(data)) {
        if (job.kind === "remove") members.delete(key);
        else members.add(key);
      }
    }
    job.status = "SUCCESS";
  }

  function search(customerId: string, body: Record<string, unknown>) {
    unknownNames(body, ["query", "pageToken", "validateOnly", "searchSettings"], "");
    const query = String(body.query ?? "");
    const list = /FROM user_list WHERE user_list\.id = (\d+)\s*$/.exec(query);
    if (list && /user_list\.type/.test(query) && /user_list\.membership_status/.test(query)) {
      if (list[1] !== a.userListId) return { fieldMask: "userList.id", requestId: "mock" };
      return {
        results: [
          {
            userList: {
              resourceName: `customers/${customerId}/userLists/${a.userListId}`,
              id: a.userListId,
              name: "Mock customer list",
              type: a.listType,
              membershipStatus: a.membershipStatus,
              readOnly: false,
              crmBasedUserList: { uploadKeyType: a.uploadKeyType },
            },
          },
        ],
        fieldMask: "userList.id,userList.name,userList.type,userList.membershipStatus",
        requestId: "mock",
      };
    }
    const jobQuery =
      /FROM offline_user_data_job WHERE offline_user_data_job\.resource_name = '([^']+)'\s*$/.exec(query);
    if (jobQuery && /offline_user_data_job\.status/.test(query)) {
      const job = jobs.get(jobQuery[1]!);
      if (!job) return { fieldMask: "offlineUserDataJob.status", requestId: "mock" };
      progress(job);
      return {
        results: [
          {
            offlineUserDataJob: {
              resourceName: job.resourceName,
              status: job.status,
              ...(job.status === "FAILED" ? { failureReason: "UNSPECIFIED" } : {}),
            },
          },
        ],
        fieldMask:
          "offlineUserDataJob.resourceName,offlineUserDataJob.status,offlineUserDataJob.failureReason",
        requestId: "mock",
      };
    }
    throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
      {
        family: "queryError",
        code: "UNEXPECTED_INPUT",
        message: `The mock answers the user list and job status queries only: ${query}`,
      },
    ]);
  }

  function api(req: IncomingMessage, path: string, raw: string) {
    const m =
      /^\/(v\d+)\/customers\/([^/:]+)\/(offlineUserDataJobs:create|offlineUserDataJobs\/(\d+):(addOperations|run)|googleAds:search)$/.exec(
        path,
      );
    if (!m) throw new MockFailure(404, "NOT_FOUND", `No route for ${req.method} ${path}`);
    if (m[1] !== a.apiVersion) throw new MockFailure(404, "NOT_FOUND", `Version ${m[1]} is not available.`);
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
    if (action === "create") return create(customerId, body);
    if (action === "search") return search(customerId, body);
    const job = jobOf(customerId, m[4]!);
    return action === "run" ? run(customerId, job, body) : addOperations(job, body);
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
    members,
    jobs,
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type GoogleAdsMock = Awaited<ReturnType<typeof startGoogleAdsMock>>;
