import type { ApiVersionTable } from "../../src/connector-kit/index.ts";

const SUNSET_PAGE = "https://developers.google.com/google-ads/api/docs/sunset-dates";
const PROTOS = "https://github.com/googleapis/googleapis/tree/master/google/ads/googleads";

/**
 * Google Ads API major versions (minor versions share their major's URL and sunset). Google keeps
 * a major version about 12 months and publishes each sunset date on its deprecation page and in
 * a reminder on the Ads Developer Blog; a call to a sunset version fails. The default is the
 * newest release.
 */
export const GOOGLE_ADS_VERSIONS: ApiVersionTable = {
  default: "v26",
  versions: [
    {
      version: "v26",
      released: "2026-10-14",
      sunset: null,
      source: "https://developers.google.com/ads/blog/posts/2026/10/announcing-v26-of-google-ads-api",
      note: `sunset not yet published (about 12 months after release, ${SUNSET_PAGE})`,
    },
    {
      version: "v25",
      released: null,
      sunset: null,
      source: `${PROTOS}/v25`,
      note: "protos published 2026-07-22 (googleapis commit eecf37ae63); release and sunset dates not verified",
    },
    {
      version: "v24",
      released: null,
      sunset: null,
      source: `${PROTOS}/v24`,
      note: "protos published 2026-04-22 (googleapis commit cf027ac51c); release and sunset dates not verified",
    },
    {
      version: "v23",
      released: null,
      sunset: null,
      source: `${PROTOS}/v23`,
      note: "protos published 2026-01-28 (googleapis commit dd93652414); release and sunset dates not verified",
    },
    {
      version: "v22",
      released: null,
      sunset: "2026-10-07",
      source: "https://developers.google.com/ads/blog/posts/2026/09/google-ads-api-v22-sunset-reminder",
      note: "release date not verified; listed so a config still naming it is told it is sunset",
    },
  ],
};
