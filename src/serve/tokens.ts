import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiConfig } from "./api-config.ts";

/** A configured API token, kept only as its SHA-256 digest. */
export interface ApiToken {
  name: string;
  digest: Buffer;
  /** Targets the token is valid on; undefined: all. */
  targets?: string[];
  rateLimit: { max: number; perSeconds: number };
}

export type AuthResult =
  | { ok: true; token: ApiToken }
  | { ok: false; status: 401 | 403; code: string; message: string };

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** The tokens of `api.tokens` whose secret is set (a token whose variable is unset is left out). */
export function apiTokens(api: ApiConfig): ApiToken[] {
  return Object.entries(api.tokens).flatMap(([name, t]) =>
    typeof t.token === "string"
      ? [{ name, digest: digest(t.token), targets: t.targets, rateLimit: t.rateLimit ?? api.rateLimit }]
      : [],
  );
}

/**
 * Checks an `Authorization: Bearer <token>` header. Every configured token is compared, in
 * constant time over equal-length digests, whatever matched before: the time taken says nothing
 * about which token, or how much of one, was right.
 */
export function authenticate(header: string | undefined, tokens: ApiToken[], target: string): AuthResult {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) {
    return {
      ok: false,
      status: 401,
      code: "unauthorized",
      message: "send the API token as `Authorization: Bearer <token>`",
    };
  }
  const presented = digest(match[1]!);
  let found: ApiToken | undefined;
  for (const t of tokens) {
    if (timingSafeEqual(presented, t.digest) && !found) found = t;
  }
  if (!found) return { ok: false, status: 401, code: "unauthorized", message: "the API token is not valid" };
  if (found.targets && !found.targets.includes(target)) {
    return {
      ok: false,
      status: 403,
      code: "forbidden",
      message: `the API token "${found.name}" is not valid on this environment`,
    };
  }
  return { ok: true, token: found };
}
