/**
 * The settings document analytics.js (`@segment/analytics-next`) fetches from its CDN at
 * `<cdnURL>/v1/projects/<writeKey>/settings` before it sends anything. Pointing the library's CDN
 * at the collector makes it send here: `integrations["Segment.io"].apiHost` is where its
 * Segment.io plugin posts (`<protocol>://<apiHost>/t`, `/p`, `/i`, ..., or `/b` when batching).
 * No destinations are listed (the warehouse is the destination), remote metrics are off
 * (`sampleRate: 0`: nothing is sent to Segment), and no remote plugins are loaded.
 */
export function settingsDocument(
  writeKey: string,
  apiHost: string,
  protocol: string,
): Record<string, unknown> {
  return {
    integrations: {
      "Segment.io": {
        apiKey: writeKey,
        apiHost,
        protocol,
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}
