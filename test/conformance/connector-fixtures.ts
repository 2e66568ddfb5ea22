import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SyncRecord } from "../../src/connector-kit/index.ts";
import { startGoogleAdsMock } from "../destinations/google-ads/mock-server.ts";
import { startDataManagerMock } from "../destinations/google-data-manager/mock-server.ts";
import { startHubspotMock } from "../destinations/hubspot/mock-server.ts";
import { startMetaMock } from "../destinations/meta/mock-server.ts";
import { startSalesforceMock } from "../destinations/salesforce/mock-server.ts";
import { startWebhookServer } from "../sync/webhook-server.ts";

/** A destination's stand-in, running, with the config that points a connector at it. */
export interface RunningFixture {
  /** The `destination:` of a sync, as a user writes it (plain values where secrets would be). */
  destination: Record<string, unknown>;
  /** The credentials in `destination`, which must never appear in a message. */
  secrets: string[];
  stop(): Promise<void>;
}

/**
 * What the conformance suite needs of one destination: a stand-in of its API (the contract mocks
 * of `test/destinations/`), rows it accepts, and its batch size as the vendor documents it, with
 * the document. Each value here is written from the vendor's document, never read from the
 * connector's code.
 */
export interface ConnectorFixture {
  /** The default rows per batch, and where that number comes from. */
  batchSize: { rows: number; source: string };
  /** The most rows the API takes in one request, when it caps them (a larger setting is cut). */
  maxBatchSize?: number;
  /** A mode the destination supports, and rows of that mode it delivers. */
  mode: string;
  records(): SyncRecord[];
  start(): Promise<RunningFixture>;
}

const add = (i: number): SyncRecord => ({
  key: String(i),
  op: "add",
  fields: { email: `p${i}@example.com` },
});

const HUBSPOT_TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
const META_TOKEN = "EAAB-system-user-token-0123456789";
const META_AUDIENCE = "23851234567890123";
const SALESFORCE = {
  clientId: "3MVG9mockConsumerKey.0123456789",
  clientSecret: "mock-consumer-secret-9f8e7d6c5b4a",
  refreshToken: "5Aep861mockRefreshToken.abcdefghij0123456789",
};

/** Every registered destination's fixture, by `type`: the suite fails for one that has none. */
export const CONNECTOR_FIXTURES: Record<string, ConnectorFixture> = {
  webhook: {
    batchSize: { rows: 500, source: "connectors/webhook/README.md: our own contract, 500 rows a POST" },
    mode: "upsert",
    records: () => [1, 2, 3].map((i) => ({ key: String(i), op: "upsert", fields: { n: i } })),
    async start() {
      const signingSecret = "whsec-conformance-0123456789";
      const server = await startWebhookServer(signingSecret);
      return {
        destination: { type: "webhook", url: server.url, signingSecret },
        secrets: [signingSecret],
        stop: server.close,
      };
    },
  },
  file: {
    batchSize: { rows: 10_000, source: "connectors/file/README.md: one file per 10,000 rows" },
    mode: "mirror",
    records: () => [
      { key: "1", op: "upsert", fields: { n: 1 } },
      { key: "2", op: "delete", fields: {} },
    ],
    async start() {
      const dir = await mkdtemp(path.join(tmpdir(), "cdp-conformance-"));
      return {
        destination: { type: "file", dir },
        secrets: [],
        stop: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  hubspot: {
    batchSize: { rows: 100, source: "HubSpot CRM API v3, batch endpoints: at most 100 inputs per request" },
    maxBatchSize: 100,
    mode: "upsert",
    records: () =>
      [1, 2, 3].map((i) => ({ key: `p${i}@example.com`, op: "upsert", fields: { firstname: `P${i}` } })),
    async start() {
      const mock = await startHubspotMock({ token: HUBSPOT_TOKEN });
      return {
        destination: { type: "hubspot", accessToken: HUBSPOT_TOKEN, baseUrl: mock.url },
        secrets: [HUBSPOT_TOKEN],
        stop: mock.close,
      };
    },
  },
  salesforce: {
    batchSize: {
      rows: 10_000,
      source: "Salesforce Bulk API 2.0: data is processed in internal batches of 10,000 records",
    },
    mode: "upsert",
    records: () =>
      [1, 2, 3].map((i) => ({ key: `c-${i}`, op: "upsert", fields: { LastName: `Person ${i}` } })),
    async start() {
      const mock = await startSalesforceMock(SALESFORCE);
      return {
        destination: {
          type: "salesforce",
          loginUrl: mock.url,
          ...SALESFORCE,
          object: "Contact",
          externalIdField: "Cdp_Id__c",
        },
        secrets: [SALESFORCE.clientSecret, SALESFORCE.refreshToken],
        stop: mock.close,
      };
    },
  },
  meta: {
    batchSize: {
      rows: 10_000,
      source: 'Meta Marketing API, Custom Audience Users: "only a maximum of 10000 at a time"',
    },
    mode: "audience",
    records: () =>
      [1, 2, 3].map((i) => ({ key: String(i), op: "add", fields: { EMAIL: `p${i}@example.com` } })),
    async start() {
      const mock = await startMetaMock({ token: META_TOKEN, audienceId: META_AUDIENCE });
      return {
        destination: {
          type: "meta",
          accessToken: META_TOKEN,
          audienceId: META_AUDIENCE,
          baseUrl: mock.baseUrl,
        },
        secrets: [META_TOKEN],
        stop: mock.close,
      };
    },
  },
  "google-ads": {
    batchSize: {
      rows: 10_000,
      source:
        "Google Ads API, OfflineUserDataJobService: one AddOfflineUserDataJobOperations request of 10,000 operations",
    },
    mode: "audience",
    records: () => [1, 2, 3].map(add),
    async start() {
      const mock = await startGoogleAdsMock();
      const a = mock.account;
      return {
        destination: {
          type: "google-ads",
          customerId: a.customerId,
          userListId: a.userListId,
          developerToken: a.developerToken,
          clientId: a.clientId,
          clientSecret: a.clientSecret,
          refreshToken: a.refreshToken,
          consent: { adUserData: "GRANTED", adPersonalization: "DENIED" },
          apiVersion: a.apiVersion,
          baseUrl: mock.baseUrl,
          tokenUrl: mock.tokenUrl,
          pollInterval: 5,
        },
        secrets: [a.developerToken, a.clientSecret, a.refreshToken],
        stop: mock.close,
      };
    },
  },
  "google-data-manager": {
    batchSize: {
      rows: 10_000,
      source:
        "Data Manager API, IngestAudienceMembersRequest.audience_members: at most 10000 AudienceMember resources in a single request (ingestion_service.proto; Limits and quotas)",
    },
    maxBatchSize: 10_000,
    mode: "audience",
    records: () => [1, 2, 3].map(add),
    async start() {
      const mock = await startDataManagerMock();
      const a = mock.account;
      return {
        destination: {
          type: "google-data-manager",
          operatingAccount: { type: "GOOGLE_ADS", id: a.operatingAccountId },
          productDestinationId: a.listId,
          clientId: a.clientId,
          clientSecret: a.clientSecret,
          refreshToken: a.refreshToken,
          consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
          customerMatchTermsAccepted: true,
          baseUrl: mock.url,
          tokenUrl: mock.tokenUrl,
        },
        secrets: [a.clientSecret, a.refreshToken],
        stop: mock.close,
      };
    },
  },
};

/**
 * The template folder's destination (`connectors/_template/`), against a stand-in of the API its
 * README describes: a copied template starts out conformant.
 */
export const TEMPLATE_FIXTURE: ConnectorFixture = {
  batchSize: { rows: 100, source: "connectors/_template/README.md: 100 records per request" },
  maxBatchSize: 100,
  mode: "upsert",
  records: () => [1, 2, 3].map((i) => ({ key: `r${i}`, op: "upsert", fields: { name: `R${i}` } })),
  async start() {
    const apiKey = "example-key-0123456789";
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        const send = (status: number, value: unknown) =>
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
        if (req.headers.authorization !== `Bearer ${apiKey}`)
          return send(401, { message: "invalid API key" });
        if (req.method === "GET" && req.url === "/v1/account") return send(200, { id: "acct_1" });
        if (req.method === "POST" && req.url === "/v1/records/batch") {
          const { records } = JSON.parse(body) as { records: { id: string }[] };
          if (records.length > 100) return send(400, { message: "at most 100 records" });
          return send(200, { results: records.map((r) => ({ id: r.id })) });
        }
        send(404, { message: "not found" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      destination: { type: "example", apiKey, baseUrl: `http://127.0.0.1:${port}` },
      secrets: [apiKey],
      stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
};
