import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha } from "./helpers.ts";
import { type GoogleAdsMock, startGoogleAdsMock } from "./mock-server.ts";

interface ApiError {
  errorCode: Record<string, string>;
  message: string;
  location?: { fieldPathElements: { fieldName: string; index?: number }[] };
}
interface Answer {
  error?: {
    status?: string;
    message?: string;
    details: ({ errors: ApiError[] } & Record<string, unknown>)[];
  };
  partialFailureError?: { details: { errors: ApiError[] }[] };
  resourceName?: string;
  results?: { offlineUserDataJob: { status: string } }[];
}

/** The mock must refuse what Google refuses, or the connector's tests prove nothing. */
describe("Google Ads mock validates requests like the API", () => {
  let mock: GoogleAdsMock;
  let token: string;
  const accessToken = async () => {
    const a = mock.account;
    const res = await fetch(mock.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: a.clientId,
        client_secret: a.clientSecret,
        refresh_token: a.refreshToken,
      }).toString(),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  beforeEach(async () => {
    mock = await startGoogleAdsMock();
    token = await accessToken();
  });
  afterEach(() => mock.close());

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${mock.baseUrl}/v26/${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "developer-token": mock.account.developerToken,
        "content-type": "application/json",
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const jobBody = (consent: unknown = { adUserData: "GRANTED", adPersonalization: "GRANTED" }) => ({
    job: {
      type: "CUSTOMER_MATCH_USER_LIST",
      customerMatchUserListMetadata: { userList: "customers/1234567890/userLists/7654321", consent },
    },
  });
  const newJob = async () =>
    (await post("customers/1234567890/offlineUserDataJobs:create", jobBody())).body.resourceName as string;
  const codes = (body: Answer) =>
    (body.error ?? body.partialFailureError)!.details[0]!.errors.map((e) => Object.values(e.errorCode)[0]);
  const email = (e: string) => ({ hashedEmail: sha(e) });

  it("OAuth: refuses a revoked refresh token (invalid_grant), a wrong client, and a JSON body", async () => {
    const form = (over: Record<string, string>) =>
      fetch(mock.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          client_id: mock.account.clientId,
          client_secret: mock.account.clientSecret,
          refresh_token: mock.account.refreshToken,
          ...over,
        }).toString(),
      });
    const wrong = await form({ refresh_token: "1//other" });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([400, "invalid_grant"]);
    const client = await form({ client_secret: "nope" });
    expect([client.status, ((await client.json()) as { error: string }).error]).toEqual([
      401,
      "invalid_client",
    ]);
    const asJson = await fetch(mock.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token" }),
    });
    expect(asJson.status).toBe(400);
  });

  it("refuses a missing or expired access token, a wrong developer token, and another customer", async () => {
    const search = {
      query: "SELECT user_list.type, user_list.membership_status FROM user_list WHERE user_list.id = 7654321",
    };
    expect((await post("customers/1234567890/googleAds:search", search, { authorization: "" })).status).toBe(
      401,
    );
    const dev = await post("customers/1234567890/googleAds:search", search, { "developer-token": "other" });
    expect([dev.status, codes(dev.body)]).toEqual([401, ["DEVELOPER_TOKEN_INVALID"]]);
    const other = await post("customers/9999999999/googleAds:search", search);
    expect([other.status, other.body.error?.status, codes(other.body)]).toEqual([
      403,
      "PERMISSION_DENIED",
      ["USER_PERMISSION_DENIED"],
    ]);
    mock.expireAccessTokens();
    const expired = await post("customers/1234567890/googleAds:search", search);
    expect([expired.status, expired.body.error?.status]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("job creation: refuses a bad consent value, an unknown field, another list", async () => {
    const consent = await post(
      "customers/1234567890/offlineUserDataJobs:create",
      jobBody({ adUserData: "YES" }),
    );
    expect([consent.status, consent.body.error?.message]).toEqual([
      400,
      expect.stringContaining(
        "Invalid value at 'job.customer_match_user_list_metadata.consent.ad_user_data'",
      ),
    ]);
    const unknown = await post("customers/1234567890/offlineUserDataJobs:create", {
      ...jobBody(),
      partialFailure: true,
    });
    expect(unknown.body.error?.message).toContain('Unknown name "partialFailure"');
    const body = jobBody();
    body.job.customerMatchUserListMetadata.userList = "customers/1234567890/userLists/1";
    const list = await post("customers/1234567890/offlineUserDataJobs:create", body);
    expect([list.status, codes(list.body)]).toEqual([400, ["INVALID_USER_LIST_ID"]]);
  });

  it("job creation: refuses a removed list, and a developer token Customer Match is closed to", async () => {
    mock.removeList();
    const removed = await post("customers/1234567890/offlineUserDataJobs:create", jobBody());
    expect([removed.status, codes(removed.body)]).toEqual([400, ["INVALID_USER_LIST_ID"]]);
    const search = await post("customers/1234567890/googleAds:search", {
      query: "SELECT user_list.type, user_list.membership_status FROM user_list WHERE user_list.id = 7654321",
    });
    expect(search.body.results).toBeUndefined();
    await mock.close();
    mock = await startGoogleAdsMock({ allowlisted: false });
    token = await accessToken();
    const closed = await post("customers/1234567890/offlineUserDataJobs:create", jobBody());
    expect([closed.status, codes(closed.body)]).toEqual([403, ["CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE"]]);
  });

  it("a job's status read gives its match rate range once it succeeded, when asked for", async () => {
    const job = await newJob();
    await post(`${job}:addOperations`, { operations: [{ create: { userIdentifiers: [email("a@b.co")] } }] });
    await post(`${job}:run`, {});
    const status = async (fields: string) =>
      (
        await post("customers/1234567890/googleAds:search", {
          query: `SELECT ${fields} FROM offline_user_data_job WHERE offline_user_data_job.resource_name = '${job}'`,
        })
      ).body.results![0]!.offlineUserDataJob as Record<string, unknown>;
    expect(await status("offline_user_data_job.status")).toEqual({ resourceName: job, status: "SUCCESS" });
    expect(
      await status("offline_user_data_job.status, offline_user_data_job.operation_metadata.match_rate_range"),
    ).toMatchObject({ status: "SUCCESS", operationMetadata: { matchRateRange: "MATCH_RANGE_61_TO_70" } });
  });

  it("addOperations: unhashed or malformed identifiers are partial failures at their operation index", async () => {
    const job = await newJob();
    const res = await post(`${job}:addOperations`, {
      enablePartialFailure: true,
      operations: [
        { create: { userIdentifiers: [email("ok@example.com")] } },
        { create: { userIdentifiers: [{ hashedEmail: "jane@example.com" }] } },
        { create: { userIdentifiers: [{ hashedPhoneNumber: sha("+14155550123").toUpperCase() }] } },
        {
          create: {
            userIdentifiers: [
              {
                addressInfo: {
                  hashedFirstName: sha("a"),
                  hashedLastName: "doe",
                  countryCode: "us",
                  postalCode: sha("94043"),
                },
              },
            ],
          },
        },
      ],
    });
    expect(res.status).toBe(200);
    const errors = res.body.partialFailureError!.details[0]!.errors.map((e) => [
      e.location!.fieldPathElements[0]!.index,
      Object.values(e.errorCode)[0],
      e.location!.fieldPathElements.at(-1)!.fieldName,
    ]);
    expect(errors).toEqual([
      [1, "INVALID_SHA256_FORMAT", "hashed_email"],
      [2, "INVALID_SHA256_FORMAT", "hashed_phone_number"],
      [3, "INVALID_SHA256_FORMAT", "hashed_last_name"],
      [3, "INVALID_COUNTRY_CODE", "country_code"],
      [3, "INVALID_ENCODING", "postal_code"],
    ]);
    expect(mock.jobs.get(job)!.operations).toHaveLength(1);
    // Without partial failure the same request is refused whole.
    const whole = await post(`${job}:addOperations`, {
      operations: [{ create: { userIdentifiers: [{ hashedEmail: "jane@example.com" }] } }],
    });
    expect([whole.status, codes(whole.body)]).toEqual([400, ["INVALID_SHA256_FORMAT"]]);
  });

  it("addOperations: more than 20 identifiers in an operation, more than 100,000 in a request", async () => {
    const job = await newJob();
    const many = Array.from({ length: 21 }, (_, i) => email(`p${i}@example.com`));
    const op = await post(`${job}:addOperations`, {
      enablePartialFailure: true,
      operations: [{ create: { userIdentifiers: many } }],
    });
    expect(codes(op.body)).toEqual(["TOO_MANY_USER_IDENTIFIERS"]);
    const twenty = Array.from({ length: 20 }, (_, i) => email(`p${i}@example.com`));
    const operations = Array.from({ length: 5_001 }, () => ({ create: { userIdentifiers: twenty } }));
    const big = await post(`${job}:addOperations`, { enablePartialFailure: true, operations });
    expect([big.status, codes(big.body)]).toEqual([400, ["TOO_MANY_USER_IDENTIFIERS"]]);
  });

  it("addOperations: two identifier kinds in one identifier, create mixed with remove, operations after run", async () => {
    const job = await newJob();
    const two = await post(`${job}:addOperations`, {
      operations: [{ create: { userIdentifiers: [{ ...email("a@b.co"), hashedPhoneNumber: sha("+1") }] } }],
    });
    expect([two.status, two.body.error?.message]).toEqual([
      400,
      expect.stringContaining("oneof field 'identifier'"),
    ]);
    const mixed = await post(`${job}:addOperations`, {
      enablePartialFailure: true,
      operations: [
        { create: { userIdentifiers: [email("a@b.co")] } },
        { remove: { userIdentifiers: [email("c@d.co")] } },
      ],
    });
    expect(codes(mixed.body)).toEqual(["CONFLICTING_OPERATION"]);
    expect((await post(`${job}:run`, {})).status).toBe(200);
    const late = await post(`${job}:addOperations`, {
      operations: [{ create: { userIdentifiers: [email("e@f.co")] } }],
    });
    expect([late.status, codes(late.body)]).toEqual([400, ["JOB_ALREADY_STARTED"]]);
  });

  it("keeps membership: a job's members join the list once it succeeds, and a remove job takes them out", async () => {
    const add = await newJob();
    await post(`${add}:addOperations`, {
      operations: [{ create: { userIdentifiers: [email("a@b.co"), email("c@d.co")] } }],
    });
    await post(`${add}:run`, {});
    expect(mock.members.size).toBe(0);
    const status = await post("customers/1234567890/googleAds:search", {
      query: `SELECT offline_user_data_job.status FROM offline_user_data_job WHERE offline_user_data_job.resource_name = '${add}'`,
    });
    expect(status.body.results?.[0]?.offlineUserDataJob.status).toBe("SUCCESS");
    expect([...mock.members]).toEqual([`email:${sha("a@b.co")}`, `email:${sha("c@d.co")}`]);
    const remove = await newJob();
    await post(`${remove}:addOperations`, {
      operations: [{ remove: { userIdentifiers: [email("a@b.co")] } }],
    });
    await post(`${remove}:run`, {});
    await post("customers/1234567890/googleAds:search", {
      query: `SELECT offline_user_data_job.status FROM offline_user_data_job WHERE offline_user_data_job.resource_name = '${remove}'`,
    });
    expect([...mock.members]).toEqual([`email:${sha("c@d.co")}`]);
  });

  it("quota: 429 RESOURCE_EXHAUSTED with the retry delay where Google puts it", async () => {
    mock.faults.quota = 1;
    mock.faults.quotaStyle = "retryInfo";
    mock.faults.quotaRetryDelay = "7s";
    const res = await post("customers/1234567890/offlineUserDataJobs:create", jobBody());
    expect([res.status, res.body.error?.status, res.body.error?.details[1]]).toEqual([
      429,
      "RESOURCE_EXHAUSTED",
      { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "7s" },
    ]);
    expect((await post("customers/1234567890/offlineUserDataJobs:create", jobBody())).status).toBe(200);
  });
});
