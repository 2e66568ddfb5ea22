import type { ApiVersionTable } from "../../src/connector-kit/index.ts";

/** Meta's "Marketing API version history" table: release and expiration date of each version. */
const VERSIONS_PAGE =
  "https://developers.facebook.com/documentation/ads-commerce/marketing-api/marketing-api-changelog/versions";

/**
 * Marketing API versions (the `/users` and audience calls are Marketing API). A call to an
 * expired version is refused with error 2635. The default is the newest released version.
 */
export const META_VERSIONS: ApiVersionTable = {
  default: "v27.0",
  versions: [
    {
      version: "v27.0",
      released: "2026-11-04",
      sunset: null,
      source: VERSIONS_PAGE,
      note: "expiration TBD in Meta's table; release also in Meta's blog post of 2026-11-04",
    },
    { version: "v26.0", released: "2026-07-29", sunset: null, source: VERSIONS_PAGE, note: "expiration TBD" },
    { version: "v25.0", released: "2026-02-18", sunset: "2027-02-23", source: VERSIONS_PAGE },
    { version: "v24.0", released: "2025-10-08", sunset: "2026-11-10", source: VERSIONS_PAGE },
    { version: "v23.0", released: "2025-05-29", sunset: "2026-06-09", source: VERSIONS_PAGE },
    { version: "v22.0", released: "2025-01-21", sunset: "2026-02-19", source: VERSIONS_PAGE },
    {
      version: "v21.0",
      released: "2024-10-02",
      sunset: "2025-09-09",
      source: "https://developers.facebook.com/docs/marketing-api/marketing-api-changelog/versions",
    },
  ],
};
