import { randomBytes } from "node:crypto";
import {
  enumValue,
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
  /**
   * False: the developer token may not upload Customer Match data (Google's rule since April
   * 2026): job creation answers CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE.
   */
  allowlisted: boolean;
  /** The match rate range a job that succeeded reports (`operation_metadata.match_rate_range`). */
  matchRateRange: string;
  /** The day versions are judged on (default today). */
  today?: Date;
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

export interface MockJob {
  resourceName: string;
  status: "PENDING" | "RUNNING" | "SUCCESS" | "FAILED";
  kind?: "create" | "remove";
  operations: UserDataJson[];
  consent: unknown;
  polls: number;
}

const CONSENT = ["UNSPECIFIED", "UNKNOWN", "GRANTED", "DENIED"];

/**
 * The mock's offline user data jobs and user list: job creation, addOperations, run, and the
 * two `googleAds:search` queries the connector makes (the list, a job's status). Validates each
 * body against the contract (mock-rules.ts) and keeps the list's members.
 */
export class MockJobs {
  readonly jobs = new Map<string, MockJob>();
  /** Runs refused because another job on the list was still running. */
  concurrentRunRefused = 0;
  /** The list's members, as identifier keys (see `memberKeys`). */
  readonly members = new Set<string>();
  /** The list was removed in Google Ads: searches do not find it, jobs cannot name it. */
  listRemoved = false;
  private nextId = 1000;

  constructor(
    private readonly a: MockAccount,
    private readonly faults: MockFaults,
  ) {}

  job(customerId: string, id: string): MockJob {
    const job = this.jobs.get(`customers/${customerId}/offlineUserDataJobs/${id}`);
    if (!job) {
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        { family: "mutateError", code: "RESOURCE_NOT_FOUND", message: "Requested resource not found." },
      ]);
    }
    return job;
  }

  create(customerId: string, body: Record<string, unknown>) {
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
      `${this.a.apiVersion}.enums.OfflineUserDataJobTypeEnum.OfflineUserDataJobType`,
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
      meta.userList !== `customers/${customerId}/userLists/${this.a.userListId}` ||
      this.listRemoved
    )
      throw bad("INVALID_USER_LIST_ID", "The user list ID provided for the job is invalid.", "user_list");
    if (this.a.listType !== "CRM_BASED")
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
          `${this.a.apiVersion}.enums.ConsentStatusEnum.ConsentStatus`,
        );
    }
    if (!this.a.allowlisted) {
      throw new MockFailure(403, "PERMISSION_DENIED", "The caller does not have permission", [
        {
          family: "notAllowlistedError",
          code: "CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE",
          message: "Customer is not allowlisted for accessing this feature.",
        },
      ]);
    }
    const resourceName = `customers/${customerId}/offlineUserDataJobs/${this.nextId++}`;
    this.jobs.set(resourceName, { resourceName, status: "PENDING", operations: [], consent, polls: 0 });
    return { resourceName };
  }

  addOperations(job: MockJob, body: Record<string, unknown>) {
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
      const opErrors = validateUserData(o[k], i, k, this.a.uploadKeyType);
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
      if (!opErrors.length && this.faults.rejectIdentifier) {
        for (const [j, id] of data.userIdentifiers.entries()) {
          const value = (id.hashedEmail ?? id.hashedPhoneNumber ?? id.thirdPartyUserId) as string | undefined;
          const refusal = value ? this.faults.rejectIdentifier(value) : undefined;
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
        details: [googleAdsFailure(this.a.apiVersion, errors)],
      },
    };
  }

  run(customerId: string, job: MockJob, body: Record<string, unknown>) {
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
    // Google: running a job while another job on the same list is still running fails with
    // CONCURRENT_MODIFICATION (Customer Match best practices); the mock has one list.
    const other = [...this.jobs.values()].find((j) => j !== job && j.status === "RUNNING");
    if (other) {
      this.concurrentRunRefused++;
      throw new MockFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [
        {
          family: "databaseError",
          code: "CONCURRENT_MODIFICATION",
          message:
            "Multiple requests were attempting to modify the same resource at once. Retry the request.",
        },
      ]);
    }
    job.status = "RUNNING";
    return {
      name: `customers/${customerId}/operations/${randomBytes(6).toString("hex")}`,
      metadata: {
        "@type": `type.googleapis.com/google.ads.googleads.${this.a.apiVersion}.resources.OfflineUserDataJobMetadata`,
      },
    };
  }

  /** A running job finishes after `pollsUntilDone` status reads: its operations are applied. */
  private progress(job: MockJob) {
    if (job.status !== "RUNNING" || ++job.polls < this.a.pollsUntilDone) return;
    if (this.faults.failJobs && this.faults.failJobs > 0) {
      this.faults.failJobs--;
      job.status = "FAILED";
      return;
    }
    for (const data of job.operations) {
      for (const key of memberKeys(data)) {
        if (job.kind === "remove") this.members.delete(key);
        else this.members.add(key);
      }
    }
    job.status = "SUCCESS";
  }

  search(customerId: string, body: Record<string, unknown>) {
    unknownNames(body, ["query", "pageToken", "validateOnly", "searchSettings"], "");
    const query = String(body.query ?? "");
    const list = /FROM user_list WHERE user_list\.id = (\d+)\s*$/.exec(query);
    if (list && /user_list\.type/.test(query) && /user_list\.membership_status/.test(query)) {
      if (list[1] !== this.a.userListId || this.listRemoved)
        return { fieldMask: "userList.id", requestId: "mock" };
      return {
        results: [
          {
            userList: {
              resourceName: `customers/${customerId}/userLists/${this.a.userListId}`,
              id: this.a.userListId,
              name: "Mock customer list",
              type: this.a.listType,
              membershipStatus: this.a.membershipStatus,
              readOnly: false,
              crmBasedUserList: { uploadKeyType: this.a.uploadKeyType },
            },
          },
        ],
        fieldMask: "userList.id,userList.name,userList.type,userList.membershipStatus",
        requestId: "mock",
      };
    }
    const size =
      /^SELECT user_list\.size_for_display, user_list\.size_for_search FROM user_list WHERE user_list\.id = (\d+)\s*$/.exec(
        query,
      );
    if (size) {
      if (size[1] !== this.a.userListId || this.listRemoved)
        return { fieldMask: "userList.sizeForDisplay", requestId: "mock" };
      // int64 as a string, as the REST interface writes it; Google's sizes are estimates.
      const n = String(this.members.size);
      return {
        results: [
          {
            userList: {
              resourceName: `customers/${customerId}/userLists/${this.a.userListId}`,
              sizeForDisplay: n,
              sizeForSearch: n,
            },
          },
        ],
        fieldMask: "userList.sizeForDisplay,userList.sizeForSearch",
        requestId: "mock",
      };
    }
    const jobQuery =
      /FROM offline_user_data_job WHERE offline_user_data_job\.resource_name = '([^']+)'\s*$/.exec(query);
    if (jobQuery && /offline_user_data_job\.status/.test(query)) {
      const job = this.jobs.get(jobQuery[1]!);
      if (!job) return { fieldMask: "offlineUserDataJob.status", requestId: "mock" };
      this.progress(job);
      return {
        results: [
          {
            offlineUserDataJob: {
              resourceName: job.resourceName,
              status: job.status,
              ...(job.status === "FAILED" ? { failureReason: "UNSPECIFIED" } : {}),
              ...(job.status === "SUCCESS" && /operation_metadata\.match_rate_range/.test(query)
                ? { operationMetadata: { matchRateRange: this.a.matchRateRange } }
                : {}),
            },
          },
        ],
        fieldMask:
          "offlineUserDataJob.resourceName,offlineUserDataJob.status,offlineUserDataJob.failureReason,offlineUserDataJob.operationMetadata.matchRateRange",
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
}
