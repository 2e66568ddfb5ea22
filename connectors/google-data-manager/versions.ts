/**
 * The Data Manager API versions this connector speaks, with what Google publishes about each.
 * Google numbers releases within v1 (v1.0 to v1.5 in the release notes) without changing the
 * URL; it has published no sunset for v1, so none is recorded here.
 */
export interface ApiVersion {
  /** As it appears in the URL. */
  version: string;
  /** When Google made it generally available (YYYY-MM-DD). */
  released: string;
  /** The published sunset date, or null while Google has published none. */
  sunset?: string | null;
  /** The documents the dates come from. */
  source: string;
}

export const VERSIONS: readonly ApiVersion[] = [
  {
    version: "v1",
    released: "2025-10-06",
    sunset: null,
    source:
      'Data Manager API release notes (https://developers.google.com/data-manager/api/reference), "2025-10-06 v1.3: The Data Manager API is now generally available"; service config google/ads/datamanager/v1/datamanager_v1.yaml (googleapis/googleapis): launch_stage GA; no deprecation or sunset published',
  },
];

/** The version a config gets when it names none: the newest. */
export const DEFAULT_VERSION = VERSIONS[VERSIONS.length - 1]!.version;
