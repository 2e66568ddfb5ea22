import { createHash } from "node:crypto";
import { googleDataManagerDestinationSchema } from "../../../connectors/google-data-manager/config.ts";
import { googleDataManagerConnector } from "../../../connectors/google-data-manager/index.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import type { DataManagerMock } from "./mock-server.ts";

/** SHA-256 hex, computed here independently of the connector's code. */
export const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The destination config pointing at the mock, with the mock's credentials. */
export function destinationFor(mock: DataManagerMock, extra: Record<string, unknown> = {}) {
  const a = mock.account;
  return googleDataManagerDestinationSchema.parse({
    type: "google-data-manager",
    operatingAccount: {
      type: "GOOGLE_ADS",
      id: `${a.operatingAccountId.slice(0, 3)}-${a.operatingAccountId.slice(3, 6)}-${a.operatingAccountId.slice(6)}`,
    },
    productDestinationId: a.listId,
    clientId: a.clientId,
    clientSecret: a.clientSecret,
    refreshToken: a.refreshToken,
    consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
    customerMatchTermsAccepted: true,
    defaultPhoneCountry: "US",
    baseUrl: mock.url,
    tokenUrl: mock.tokenUrl,
    ...extra,
  });
}

/** A connector on the mock, recording every wait instead of waiting. */
export function connectorFor(
  mock: DataManagerMock,
  extra: Record<string, unknown> = {},
  overrides: { batchSize?: number; maxAttempts?: number } = {},
) {
  const sleeps: number[] = [];
  const redactor = new Redactor();
  const connector = googleDataManagerConnector(
    destinationFor(mock, extra),
    { projectDir: ".", redactor, sleep: async (ms) => void sleeps.push(ms) },
    { rateLimit: 10_000, ...overrides },
  );
  return { connector, sleeps, redactor };
}

/** The bodies of the mock's successful calls to one path (not validateOnly ones), from call `from` on. */
export const bodiesOf = (mock: DataManagerMock, path: string, from = 0) =>
  mock.calls
    .slice(from)
    .filter((c) => c.path === path && c.status === 200 && c.body.validateOnly !== true)
    .map((c) => c.body);
