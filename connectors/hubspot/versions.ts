import type { ApiVersionTable } from "../../src/connector-kit/index.ts";

const VERSIONING = "https://developers.hubspot.com/docs/developer-tooling/platform/versioning";
const SPECS =
  "https://github.com/HubSpot/HubSpot-public-api-spec-collection (PublicApiSpecs/CRM/{Objects,Lists,Properties})";

/**
 * HubSpot REST API versions. Since 2026-03 HubSpot releases a date version every March and
 * September (`/crm/objects/2026-09/...`); each is Current for 6 months, Supported to 18 months,
 * then Unsupported (calls may still work, with no fixes) — that date is the `sunset` here. The
 * legacy `v3` paths go unsupported in September 2027. Every call this connector makes (objects
 * batch read/upsert/update/archive, a property, a list and its memberships) is in the spec
 * collection for each date version listed.
 */
export const HUBSPOT_VERSIONS: ApiVersionTable = {
  default: "2026-09",
  versions: [
    {
      version: "2026-09",
      released: "2026-09-08",
      sunset: "2028-03-08",
      source: `${VERSIONING}; paths: ${SPECS}`,
      note: "release: HubSpot changelog (write validation, /2026-09/ shipping September 8, 2026); unsupported 18 months after release",
    },
    {
      version: "2026-03",
      released: "2026-03-30",
      sunset: "2027-09-30",
      source: `${VERSIONING}; paths: ${SPECS}`,
      note: "release: HubSpot's legacy migration guide (date-based versions from March 30th 2026); unsupported 18 months after release",
    },
    {
      version: "v3",
      released: null,
      sunset: null,
      source:
        "https://developers.hubspot.com/changelog/legacy-apis-and-legacy-apps-whats-going-unsupported-and-when",
      note: "legacy; unsupported from September 2027 (no day given)",
    },
  ],
};
