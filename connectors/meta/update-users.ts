import {
  BatchError,
  type HttpClient,
  HttpError,
  type HttpResponse,
  type RowResult,
  type SyncRecord,
} from "../../src/connector-kit/index.ts";
import { ADVICE, classifyGraphError, describeGraphError, graphError } from "./errors.ts";
import { type MetaKey, prepareRow, schemaFor } from "./schema-keys.ts";
import type { UploadSession } from "./session.ts";
import { MAX_THROTTLE_WAIT_MS, regainAccessMs, THROTTLE_WAIT_MS } from "./usage-headers.ts";

/** The body of `POST`/`DELETE /{audience_id}/users`. */
export interface UsersBody {
  payload: { schema: MetaKey[]; data: string[][] };
  session: UploadSession;
}

/** Rows that can be sent (with their record keys, in `data` order) and rows refused before sending. */
export interface PreparedUsers {
  schema: MetaKey[];
  data: string[][];
  keys: string[];
  refused: RowResult[];
  /** Row keys sent with a value left blank because it was not valid (a phone for its country), per key. */
  dropped: { key: string; field: MetaKey }[];
}

/**
 * Builds the multi-key payload for records of one operation: the schema from their field names
 * (Meta's order), each value normalised and hashed, "" where unknown. Rows with no usable
 * identifier are refused here, with the reason, and never sent.
 */
export function prepareUsers(records: SyncRecord[], defaultCountry?: string): PreparedUsers {
  const schema = schemaFor(records.flatMap((r) => Object.keys(r.fields)));
  const out: PreparedUsers = { schema, data: [], keys: [], refused: [], dropped: [] };
  for (const r of records) {
    if (Object.keys(r.fields).length === 0) {
      out.refused.push({
        key: r.key,
        status: "rejected",
        reason:
          r.op === "remove"
            ? "cannot remove: no record of the data last delivered for this row (Meta removes members by their hashed data, not by key)"
            : "no fields to send",
      });
      continue;
    }
    const row = prepareRow(r.fields, schema, defaultCountry);
    if ("reason" in row) out.refused.push({ key: r.key, status: "rejected", reason: row.reason });
    else {
      out.data.push(row.values);
      out.keys.push(r.key);
      for (const field of row.dropped) out.dropped.push({ key: r.key, field });
    }
  }
  return out;
}

/** Meta's answer to an accepted request. */
export interface UsersResponse {
  audience_id?: string;
  session_id?: string;
  num_received: number;
  num_invalid_entries: number;
  /** Sample invalid entries and why, as Meta reports them (a map entry → reason). */
  invalid_entry_samples: Record<string, string>;
}

export function parseUsersResponse(body: unknown): UsersResponse | undefined {
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  const n = (v: unknown) =>
    typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;
  const received = n(b.num_received);
  if (received === undefined) return undefined;
  const samples: Record<string, string> = {};
  const s = b.invalid_entry_samples;
  if (Array.isArray(s)) for (const v of s) samples[String(v)] = "invalid entry";
  else if (s && typeof s === "object") for (const [k, v] of Object.entries(s)) samples[k] = String(v);
  return {
    audience_id: typeof b.audience_id === "string" ? b.audience_id : undefined,
    session_id: b.session_id === undefined ? undefined : String(b.session_id),
    num_received: received,
    num_invalid_entries: n(b.num_invalid_entries) ?? 0,
    invalid_entry_samples: samples,
  };
}

/**
 * Turns a failed Graph call into what the engine acts on:
 * - a **fatal** `BatchError` when no later request of the run can succeed: the token is expired
 *   or invalid, it lost its permissions, or the audience is gone or restricted. The engine stops
 *   the run with this one message and the rows not sent stay planned for the next run;
 * - a retryable one for throttling, waiting as long as Meta's `X-Business-Use-Case-Usage` header
 *   says (else `THROTTLE_WAIT_MS`), or fatal when that is longer than `MAX_THROTTLE_WAIT_MS`;
 * - a retryable one for temporary failures;
 * - a non-retryable one for a refused request (the engine then splits it to find the rows).
 */
export function toFailure(error: unknown, what: string, url?: string): Error {
  if (!(error instanceof HttpError)) return error as Error;
  const g = graphError(error.body);
  if (!g) return new BatchError(`${what}: ${error.message}`, error.retryable, error.retryAfterMs);
  const kind = classifyGraphError(g, error.status);
  const detail = describeGraphError(g);
  switch (kind) {
    case "version": {
      // The one message of the run: the version the request named, and the key that changes it.
      const version = url ? /^\/(v\d+\.\d+)\//.exec(url)?.[1] : undefined;
      return new BatchError(
        `${what}: Meta refused Marketing API version ${version ?? "(unknown)"} as expired: ${ADVICE.version} (Meta said: ${detail})`,
        false,
        undefined,
        true,
      );
    }
    case "credentials":
    case "permission":
    case "audience":
      return new BatchError(`${what}: ${ADVICE[kind]} (Meta said: ${detail})`, false, undefined, true);
    case "throttled": {
      const regain = regainAccessMs(error.headers);
      if (regain !== undefined && regain > MAX_THROTTLE_WAIT_MS) {
        return new BatchError(
          `${what}: Meta throttles these calls for about ${Math.ceil(regain / 60_000)} more minutes (X-Business-Use-Case-Usage): stopped sending; the rows not sent stay planned for the next run (Meta said: ${detail})`,
          true,
          regain,
          true,
        );
      }
      return new BatchError(
        `${what}: ${ADVICE.throttled} (Meta said: ${detail})`,
        true,
        regain ?? THROTTLE_WAIT_MS,
      );
    }
    case "transient":
      return new BatchError(`${what}: ${ADVICE.transient} (Meta said: ${detail})`, true);
    case "refused":
      return new BatchError(`${what}: ${ADVICE.refused}: ${detail}`, false);
  }
}

/**
 * Sends one request (`POST` adds, `DELETE` removes) and returns one result per sent row: every
 * row delivered, except those Meta names among its invalid entry samples (rejected with Meta's
 * reason). Failures are thrown (see `toFailure`).
 */
export async function updateUsers(
  http: HttpClient,
  url: string,
  method: "POST" | "DELETE",
  prepared: PreparedUsers,
  session: UploadSession,
): Promise<{ results: RowResult[]; response: UsersResponse }> {
  const body: UsersBody = { payload: { schema: prepared.schema, data: prepared.data }, session };
  const what = `${method === "POST" ? "adding" : "removing"} ${prepared.data.length} row(s) ${method === "POST" ? "to" : "from"} the audience`;
  let res: HttpResponse;
  try {
    res = await http.request({
      method,
      url,
      data: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });
  } catch (error) {
    throw toFailure(error, what, url);
  }
  const response = parseUsersResponse(res.body);
  if (!response) {
    // Adding or removing the same hashes twice changes nothing, so sending again is safe.
    throw new BatchError(`${what}: Meta answered ${res.status} without num_received; sending again`, true);
  }
  const invalid = new Map(Object.entries(response.invalid_entry_samples));
  const results: RowResult[] = prepared.keys.map((key, i) => {
    const hit = prepared.data[i]!.find((v) => v !== "" && invalid.has(v));
    return hit === undefined
      ? { key, status: "delivered" }
      : { key, status: "rejected", reason: `Meta counted this row as an invalid entry: ${invalid.get(hit)}` };
  });
  return { results, response };
}
