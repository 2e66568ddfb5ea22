import { createHash } from "node:crypto";
import { googleAdsDestinationSchema } from "../../../connectors/google-ads/config.ts";
import { googleAdsConnector } from "../../../connectors/google-ads/index.ts";
import { Redactor } from "../../../src/config/secrets.ts";
import type { Connector, RowResult, SyncRecord, WriteContext } from "../../../src/connector-kit/index.ts";
import type { GoogleAdsMock } from "./mock-server.ts";

/** SHA-256 hex, computed here independently of the connector's code. */
export const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The destination config pointing at the mock, with the mock's credentials. */
export function destinationFor(mock: GoogleAdsMock, extra: Record<string, unknown> = {}) {
  const a = mock.account;
  return googleAdsDestinationSchema.parse({
    type: "google-ads",
    customerId: `${a.customerId.slice(0, 3)}-${a.customerId.slice(3, 6)}-${a.customerId.slice(6)}`,
    userListId: a.userListId,
    developerToken: a.developerToken,
    clientId: a.clientId,
    clientSecret: a.clientSecret,
    refreshToken: a.refreshToken,
    ...(a.loginCustomerId ? { loginCustomerId: a.loginCustomerId } : {}),
    consent: { adUserData: "GRANTED", adPersonalization: "DENIED" },
    defaultPhoneCountry: "US",
    apiVersion: a.apiVersion,
    baseUrl: mock.baseUrl,
    tokenUrl: mock.tokenUrl,
    pollInterval: 5,
    ...extra,
  });
}

/** A connector on the mock, recording every wait instead of waiting. */
export function connectorFor(
  mock: GoogleAdsMock,
  extra: Record<string, unknown> = {},
  overrides: { batchSize?: number; maxAttempts?: number } = {},
) {
  const sleeps: number[] = [];
  const redactor = new Redactor();
  const connector = googleAdsConnector(
    destinationFor(mock, extra),
    {
      projectDir: ".",
      redactor,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    { rateLimit: 10_000, ...overrides },
  );
  return { connector, sleeps, redactor };
}

/** The identifiers sent in every addOperations call of the mock's log, by kind. */
export function sentOperations(mock: GoogleAdsMock, from = 0) {
  const out: { kind: "create" | "remove"; identifiers: Record<string, unknown>[] }[] = [];
  for (const call of mock.calls.slice(from)) {
    if (!call.path.endsWith(":addOperations") || call.status !== 200) continue;
    for (const op of call.body.operations as Record<
      string,
      { userIdentifiers: Record<string, unknown>[] }
    >[]) {
      const kind = op.create ? "create" : "remove";
      out.push({ kind, identifiers: (op.create ?? op.remove)!.userIdentifiers });
    }
  }
  return out;
}

/** `write()` then `settle(true)`: each row's final result, as the engine records it. */
export async function writeAndSettle(
  connector: Connector,
  batch: SyncRecord[],
  ctx: WriteContext,
): Promise<RowResult[]> {
  const written = await connector.write(batch, ctx);
  const settled = new Map(((await connector.settle?.(true)) ?? []).map((r) => [r.key, r]));
  return written.map((r) => (r.status === "pending" ? settled.get(r.key)! : r));
}
