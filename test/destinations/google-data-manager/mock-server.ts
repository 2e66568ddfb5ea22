import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ErrorReason, PATHS, RPC, type RpcCode, SCOPE } from "./contract.ts";
import { process, type StoredRequest, statusAnswer } from "./mock-state.ts";
import { type Violation, validateRequest } from "./validate.ts";

type Json = Record<string, unknown>;

/** A failure the next API call answers with (a `google.rpc.Status`). */
export interface Fault {
  code: RpcCode;
  reason?: string;
  message?: string;
  /** Also a `google.rpc.RetryInfo` with this delay, e.g. "2s". */
  retryDelay?: string;
}

export interface Call {
  method: string;
  path: string;
  body: Json;
  status: number;
}

export interface DataManagerMock {
  url: string;
  tokenUrl: string;
  account: {
    clientId: string;
    clientSecret: string;
    refreshToken: string;
    operatingAccountId: string;
    loginAccountId: string;
    listId: string;
  };
  /** The list's members, as identifier keys (hashes in lowercase hex). */
  members: Set<string>;
  calls: Call[];
  /** Answered, one each, by the next ingest or remove calls. */
  faults: Fault[];
  /** PROCESSING answers of `requestStatus:retrieve` before a request's final status. */
  processingPolls: number;
  /** Every status of a request answers this instead of its processing result. */
  forceStatus?: {
    status: "FAILED" | "PARTIAL_SUCCESS" | "PROCESSING";
    errors: { reason: string; count: number }[];
  };
  /** Revokes the refresh token: the token endpoint answers invalid_grant, access tokens 401. */
  revoke(): void;
  /** Expires the access token in use (the next call answers 401 UNAUTHENTICATED). */
  expireAccessToken(): void;
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });

/** A `google.rpc.Status` error body ("Understand API errors"): ErrorInfo, BadRequest, RequestInfo. */
function rpcError(
  code: RpcCode,
  message: string,
  reason?: string,
  violations: Violation[] = [],
  retryDelay?: string,
): Json {
  const details: Json[] = [];
  if (reason)
    details.push({
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason,
      domain: "datamanager.googleapis.com",
    });
  if (violations.length)
    details.push({ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: violations });
  if (retryDelay) details.push({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay });
  details.push({
    "@type": "type.googleapis.com/google.rpc.RequestInfo",
    requestId: randomBytes(8).toString("hex"),
  });
  return { error: { code: RPC[code], message, status: code, details } };
}

/**
 * A stand-in of the Data Manager API v1's ingestion service and Google's OAuth token endpoint on
 * 127.0.0.1: every request is validated against the published messages (validate.ts), the
 * destination against the account, and failures answer as Google's do (contract.ts).
 */
export async function startDataManagerMock(
  o: { loginAccountRequired?: boolean } = {},
): Promise<DataManagerMock> {
  const account = {
    clientId: "1234-dm.apps.googleusercontent.com",
    clientSecret: "GOCSPX-dm-mock-secret-0123456789",
    refreshToken: "1//dm-mock-refresh-token-abcdefghij",
    operatingAccountId: "1234567890",
    loginAccountId: "9876543210",
    listId: "7654321",
  };
  let accessToken = `ya29.${randomBytes(12).toString("hex")}`;
  let revoked = false;
  const requests = new Map<string, StoredRequest>();
  const mock: DataManagerMock = {
    url: "",
    tokenUrl: "",
    account,
    members: new Set(),
    calls: [],
    faults: [],
    processingPolls: 1,
    revoke: () => {
      revoked = true;
      accessToken = `revoked.${randomBytes(4).toString("hex")}`;
    },
    expireAccessToken: () => {
      accessToken = `ya29.${randomBytes(12).toString("hex")}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function destinationProblem(body: Json): [RpcCode, ErrorReason, string] | undefined {
    const d = (body.destinations as Json[])[0]!;
    const op = d.operatingAccount as Json;
    const login = d.loginAccount as Json | undefined;
    if (op.accountId !== account.operatingAccountId || (login && login.accountId !== account.loginAccountId))
      return ["PERMISSION_DENIED", "PERMISSION_DENIED", "The caller does not have permission"];
    if (o.loginAccountRequired && !login)
      return ["PERMISSION_DENIED", "PERMISSION_DENIED", "The caller does not have permission"];
    if (op.accountType !== "GOOGLE_ADS" || (login && login.accountType !== "GOOGLE_ADS"))
      return ["INVALID_ARGUMENT", "INVALID_DESTINATION", "This Destination is not valid."];
    if (d.productDestinationId !== account.listId)
      return ["INVALID_ARGUMENT", "INVALID_USER_LIST_ID", "User list is not valid."];
    return undefined;
  }

  const server = createServer(async (req, res: ServerResponse) => {
    const text = await read(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: Json, parsed: Json = {}) => {
      mock.calls.push({ method: req.method ?? "", path: url.pathname, body: parsed, status });
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    };
    if (url.pathname === "/token") {
      const form = new URLSearchParams(text);
      const ok =
        !revoked &&
        form.get("grant_type") === "refresh_token" &&
        form.get("client_id") === account.clientId &&
        form.get("client_secret") === account.clientSecret &&
        form.get("refresh_token") === account.refreshToken;
      if (!ok)
        return send(400, { error: "invalid_grant", error_description: "Token has been expired or revoked." });
      return send(200, { access_token: accessToken, expires_in: 3599, scope: SCOPE, token_type: "Bearer" });
    }
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return send(401, rpcError("UNAUTHENTICATED", "Request had invalid authentication credentials."));
    }
    if (req.method === "GET" && url.pathname === PATHS.status) {
      const r = requests.get(url.searchParams.get("requestId") ?? "");
      if (!r)
        return send(400, rpcError("INVALID_ARGUMENT", "The request ID is not valid.", "INVALID_REQUEST_ID"));
      const answer = statusAnswer(r);
      if (r.pollsLeft > 0) r.pollsLeft--;
      return send(200, answer);
    }
    const kind =
      url.pathname === PATHS.ingest ? "ingest" : url.pathname === PATHS.remove ? "remove" : undefined;
    if (req.method !== "POST" || !kind)
      return send(404, rpcError("NOT_FOUND", `No route for ${req.method} ${url.pathname}`));
    let body: Json;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      return send(400, rpcError("INVALID_ARGUMENT", "Invalid JSON payload received."));
    }
    const fault = mock.faults.shift();
    if (fault)
      return send(
        RPC[fault.code],
        rpcError(fault.code, fault.message ?? fault.code, fault.reason, [], fault.retryDelay),
        body,
      );
    const violations = validateRequest(body, kind);
    if (violations.length) {
      const reason = violations[0]!.reason;
      return send(
        400,
        rpcError("INVALID_ARGUMENT", "There was a problem with the request.", reason, violations),
        body,
      );
    }
    const problem = destinationProblem(body);
    if (problem) return send(RPC[problem[0]], rpcError(problem[0], problem[2], problem[1]), body);
    // The Customer Match terms must be ACCEPTED when ingesting UserData (terms_of_service.proto).
    const terms = (body.termsOfService as Json | undefined)?.customerMatchTermsOfServiceStatus;
    if (kind === "ingest" && terms !== "ACCEPTED")
      return send(
        400,
        rpcError(
          "INVALID_ARGUMENT",
          "Required terms and conditions are not accepted.",
          "TERMS_AND_CONDITIONS_NOT_SIGNED",
        ),
        body,
      );
    // validate_only: "the request is validated but not executed. Only errors are returned".
    if (body.validateOnly === true) return send(200, {}, body);
    const id = randomBytes(16).toString("hex");
    const result = process(kind, body, mock.members);
    const forced = mock.forceStatus;
    requests.set(id, {
      id,
      kind,
      destination: (body.destinations as Json[])[0]!,
      pollsLeft: forced?.status === "PROCESSING" ? Number.POSITIVE_INFINITY : mock.processingPolls,
      ...result,
      ...(forced && forced.status !== "PROCESSING" ? { status: forced.status, errors: forced.errors } : {}),
    });
    return send(200, { requestId: id }, body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  mock.url = `http://127.0.0.1:${port}`;
  mock.tokenUrl = `${mock.url}/token`;
  return mock;
}
