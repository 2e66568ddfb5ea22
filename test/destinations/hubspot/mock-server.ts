import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { error, type MockAnswer } from "./mock-answer.ts";
import { MockCrm, type MockList } from "./mock-crm.ts";
import { changeMembers, getList } from "./mock-lists.ts";
import { DEFAULT_PROPERTIES, getProperty, type MockObject, type MockProperty } from "./mock-properties.ts";

export interface MockFaults {
  /** HubSpot's TEN_SECONDLY_ROLLING limit: at most `max` requests per `windowMs` (default 10 s). */
  tenSecondly?: { max: number; windowMs?: number };
  /** Requests the day allows; the ones after get 429 DAILY. */
  dailyLimit?: number;
  /** Answer 502 to every request whose number is a multiple of this. */
  every5xx?: number;
  /** Requests after this many count the token as expired (401 EXPIRED_AUTHENTICATION). */
  expireTokenAfter?: number;
  /** Send the `X-HubSpot-RateLimit-*` headers (default true). */
  rateLimitHeaders?: boolean;
  /** Requests whose path contains `path` get 403 MISSING_SCOPES naming `scope` (a private app without it). */
  missingScope?: { path: string; scope: string };
}

export interface MockOptions {
  /** The valid private app token. */
  token: string;
  properties?: Record<MockObject, MockProperty[]>;
  lists?: Record<string, Omit<MockList, "members"> & { members?: string[] }>;
  faults?: MockFaults;
  /** Invalid values: per-input errors in a 207 (default), or the whole batch refused with a 400. */
  validation?: "per-input" | "batch";
  /** The clock of the rate limit windows; tests advance it from their injected sleep. */
  now?: () => number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

/**
 * The date versions whose CRM paths the mock serves besides the legacy `/crm/v3/...`: those of
 * HubSpot's public API spec collection (github.com/HubSpot/HubSpot-public-api-spec-collection,
 * PublicApiSpecs/CRM/{Objects,Lists,Properties}/Rollouts/<id>/<version>/), where every call below
 * exists at `/crm/{api}/{version}/...` with the same bodies as v3. Pinned here from that
 * collection, not from the connector.
 */
const DATE_VERSIONS = new Set(["2025-09", "2026-03", "2026-09"]);

/** A date-versioned CRM path in its v3 form (same operation, same bodies), or the path as it is. */
function legacyPath(path: string): string | undefined {
  const m = /^\/crm\/(objects|lists|properties)\/(\d{4}-\d{2})(\/.*)$/.exec(path);
  if (!m) return path;
  return DATE_VERSIONS.has(m[2]!) ? `/crm/v3/${m[1]}${m[3]}` : undefined;
}

const ROUTES: [string, RegExp, (crm: MockCrm, m: RegExpMatchArray, body: unknown) => MockAnswer][] = [
  [
    "GET",
    /^\/crm\/v3\/properties\/(contacts|companies)\/([^/]+)$/,
    (c, m) => getProperty(c.properties[m[1] as MockObject], m[1] as MockObject, decodeURIComponent(m[2]!)),
  ],
  [
    "POST",
    /^\/crm\/v3\/objects\/(contacts|companies)\/batch\/upsert$/,
    (c, m, b) => c.upsert(m[1] as MockObject, b),
  ],
  [
    "POST",
    /^\/crm\/v3\/objects\/(contacts|companies)\/batch\/read$/,
    (c, m, b) => c.read(m[1] as MockObject, b),
  ],
  [
    "POST",
    /^\/crm\/v3\/objects\/(contacts|companies)\/batch\/update$/,
    (c, m, b) => c.update(m[1] as MockObject, b),
  ],
  [
    "POST",
    /^\/crm\/v3\/objects\/(contacts|companies)\/batch\/archive$/,
    (c, m, b) => c.archive(m[1] as MockObject, b),
  ],
  ["GET", /^\/crm\/v3\/lists\/([0-9]+)$/, (c, m) => getList(c, m[1]!)],
  [
    "PUT",
    /^\/crm\/v3\/lists\/([0-9]+)\/memberships\/(add|remove)$/,
    (c, m, b) => changeMembers(c, m[1]!, m[2] as "add" | "remove", b),
  ],
];

function rateLimited(
  policyName: "TEN_SECONDLY_ROLLING" | "DAILY",
  headers: Record<string, string>,
): MockAnswer & { headers: Record<string, string> } {
  return {
    status: 429,
    headers,
    body: {
      status: "error",
      message: `You have reached your ${policyName === "DAILY" ? "daily" : "ten_secondly_rolling"} limit.`,
      errorType: "RATE_LIMIT",
      correlationId: randomUUID(),
      policyName,
      requestId: randomUUID(),
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * A local HubSpot: the CRM v3 batch endpoints, properties and Lists v3 memberships the connector
 * uses, validating every request like HubSpot (Bearer token, JSON body shape, at most 100 inputs,
 * no duplicate ids, known properties, string values, value formats) and answering with HubSpot's
 * statuses and error bodies, plus the faults tests ask for: the ten-secondly and daily limits
 * (429 with `errorType: RATE_LIMIT` and `policyName`), 5xx, and an expired token (401).
 */
export async function startHubspotMock(options: MockOptions) {
  const crm = new MockCrm(options.properties ?? DEFAULT_PROPERTIES, options.validation ?? "per-input");
  for (const [id, list] of Object.entries(options.lists ?? {})) {
    crm.lists.set(id, { ...list, members: new Set(list.members ?? []) });
  }
  const faults: MockFaults = { ...options.faults };
  const now = options.now ?? Date.now;
  const requests: LoggedRequest[] = [];
  const window: number[] = [];
  let accepted = 0;

  function handle(req: IncomingMessage, text: string): MockAnswer & { headers?: Record<string, string> } {
    const auth = req.headers.authorization;
    if (auth !== `Bearer ${options.token}`) {
      return error(
        401,
        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
        "INVALID_AUTHENTICATION",
      );
    }
    if (faults.expireTokenAfter !== undefined && accepted >= faults.expireTokenAfter) {
      return error(
        401,
        "The OAuth token used to make this call expired 5 minute(s) ago.",
        "EXPIRED_AUTHENTICATION",
      );
    }
    const windowMs = faults.tenSecondly?.windowMs ?? 10_000;
    while (window.length && window[0]! <= now() - windowMs) window.shift();
    // The usage headers, on accepted and throttled answers alike.
    const limitHeaders = () => {
      const headers: Record<string, string> = {};
      if (faults.dailyLimit !== undefined && faults.rateLimitHeaders !== false) {
        headers["X-HubSpot-RateLimit-Daily"] = String(faults.dailyLimit);
        headers["X-HubSpot-RateLimit-Daily-Remaining"] = String(Math.max(0, faults.dailyLimit - accepted));
      }
      if (faults.tenSecondly && faults.rateLimitHeaders !== false) {
        headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = String(windowMs);
        headers["X-HubSpot-RateLimit-Max"] = String(faults.tenSecondly.max);
        headers["X-HubSpot-RateLimit-Remaining"] = String(
          Math.max(0, faults.tenSecondly.max - window.length),
        );
      }
      return headers;
    };
    if (faults.dailyLimit !== undefined && accepted >= faults.dailyLimit)
      return rateLimited("DAILY", limitHeaders());
    if (faults.tenSecondly && window.length >= faults.tenSecondly.max)
      return rateLimited("TEN_SECONDLY_ROLLING", limitHeaders());
    accepted++;
    window.push(now());
    const headers = limitHeaders();
    if (faults.every5xx && accepted % faults.every5xx === 0) {
      return { ...error(502, "Bad Gateway: the upstream service did not answer", "INTERNAL_ERROR"), headers };
    }
    const asked = (req.url ?? "/").split("?")[0]!;
    const path = legacyPath(asked);
    if (path === undefined) return error(404, `No route for ${req.method} ${asked}`, "OBJECT_NOT_FOUND");
    if (faults.missingScope && path.includes(faults.missingScope.path)) {
      const denied = error(
        403,
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
        "MISSING_SCOPES",
      );
      const body = {
        ...(denied.body as object),
        errors: [
          {
            message: "One or more of the following scopes are required.",
            context: { requiredGranularScopes: [faults.missingScope.scope] },
          },
        ],
      };
      return { status: 403, body, headers };
    }
    const route = ROUTES.find(([method, re]) => method === req.method && re.test(path));
    if (!route) return error(404, `No route for ${req.method} ${path}`, "OBJECT_NOT_FOUND");
    let body: unknown;
    if (req.method !== "GET") {
      if (!/application\/json/i.test(req.headers["content-type"] ?? "")) {
        return error(415, "Content-Type must be application/json", "VALIDATION_ERROR");
      }
      try {
        body = JSON.parse(text);
      } catch (e) {
        return error(400, `Invalid input JSON: ${(e as Error).message}`);
      }
    }
    return { ...route[2](crm, path.match(route[1])!, body), headers };
  }

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((text) => {
        const answer = handle(req, text);
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // logged as sent
        }
        requests.push({
          method: req.method ?? "",
          path: (req.url ?? "/").split("?")[0]!,
          body,
          status: answer.status,
        });
        const headers = {
          ...answer.headers,
          ...(answer.body === undefined ? {} : { "content-type": "application/json" }),
        };
        res
          .writeHead(answer.status, headers)
          .end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      })
      .catch((e: Error) => {
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ message: e.message }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    crm,
    faults,
    requests,
    /** The active records of an object, by the value of `prop` (emails lower-cased). */
    byProperty(object: MockObject, prop: string): Map<string, Record<string, string>> {
      const out = new Map<string, Record<string, string>>();
      for (const r of crm.records[object].values()) {
        const v = r.properties[prop];
        if (v !== undefined) out.set(v, r.properties);
      }
      return out;
    },
    /** The values of `prop` of a list's members. */
    members(listId: string, object: MockObject, prop: string): string[] {
      const ids = crm.lists.get(listId)?.members ?? new Set<string>();
      return [...ids].map((id) => crm.records[object].get(id)?.properties[prop] ?? `?${id}`).sort();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type HubspotMock = Awaited<ReturnType<typeof startHubspotMock>>;
