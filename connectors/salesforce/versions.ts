import type { ApiVersionTable } from "../../src/connector-kit/index.ts";

const EOL_POLICY = "https://developer.salesforce.com/docs/platform/connect-rest-api/guide/intro_api_eol";

/**
 * Salesforce Platform API versions, one per seasonal release. Salesforce supports each version
 * at least 3 years from its release and announces a retirement at least a year ahead; its
 * End-of-Life Policy lists 41.0 through 68.0 as supported, with no retirement date for them. A
 * retired version answers 410 GONE. Release dates vary by instance (Salesforce's release
 * calendar), so they are left out rather than guessed.
 */
export const SALESFORCE_VERSIONS: ApiVersionTable = {
  default: "68.0",
  versions: [
    ["68.0", "Winter '27"],
    ["67.0", "Summer '26"],
    ["66.0", "Spring '26"],
    ["65.0", "Winter '26"],
    ["64.0", "Summer '25"],
    ["63.0", "Spring '25"],
    ["62.0", "Winter '25"],
  ].map(([version, release]) => ({
    version: version!,
    released: null,
    sunset: null,
    source: EOL_POLICY,
    note: `${release}; release date varies by instance; supported, no retirement announced`,
  })),
};
