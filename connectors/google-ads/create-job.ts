import type { GoogleAdsApi } from "./client.ts";
import type { GoogleAdsDestinationConfig } from "./config.ts";

/** The body of `offlineUserDataJobs:create` for the sync's user list, with its consent. */
export function createJobRequest(config: GoogleAdsDestinationConfig) {
  return {
    job: {
      type: "CUSTOMER_MATCH_USER_LIST",
      customerMatchUserListMetadata: {
        userList: `customers/${config.customerId}/userLists/${config.userListId}`,
        consent: {
          adUserData: config.consent.adUserData,
          adPersonalization: config.consent.adPersonalization,
        },
      },
    },
  };
}

/**
 * `POST /vNN/customers/{cid}/offlineUserDataJobs:create`: a new job in state PENDING, taking
 * operations until it is run. Returns its resource name (`customers/{cid}/offlineUserDataJobs/{id}`).
 */
export async function createJob(api: GoogleAdsApi, config: GoogleAdsDestinationConfig): Promise<string> {
  const body = await api.post(
    `customers/${config.customerId}/offlineUserDataJobs:create`,
    createJobRequest(config),
    "create an offline user data job",
  );
  const name = body.resourceName;
  if (typeof name !== "string" || !/^customers\/\d+\/offlineUserDataJobs\/\d+$/.test(name)) {
    throw new Error(
      `google-ads: the job creation answered no job resource name (${JSON.stringify(body).slice(0, 200)})`,
    );
  }
  return name;
}
