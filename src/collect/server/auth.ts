import { createHash, timingSafeEqual } from "node:crypto";

/** Write keys by source name, resolved from their secrets. */
export type WriteKeys = Record<string, string>;

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * Finds the source a write key belongs to. Every key is compared, in constant time, on its
 * SHA-256 (equal lengths, so neither the key's length nor a common prefix shows in the timing).
 */
export function sourceResolver(keys: WriteKeys): (candidate: string | undefined) => string | undefined {
  const entries = Object.entries(keys).map(([source, key]) => ({ source, digest: digest(key) }));
  return (candidate) => {
    if (!candidate) return undefined;
    const d = digest(candidate);
    let found: string | undefined;
    for (const e of entries) if (timingSafeEqual(d, e.digest) && found === undefined) found = e.source;
    return found;
  };
}

/**
 * The write key of a request, as Segment's clients send it: the user name of HTTP Basic
 * authentication (password empty), else `writeKey` in the JSON body.
 */
export function writeKeyOf(authorization: string | undefined, body: unknown): string | undefined {
  if (authorization) {
    const m = /^Basic\s+(.+)$/i.exec(authorization.trim());
    if (m) {
      const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      const user = colon < 0 ? decoded : decoded.slice(0, colon);
      if (user) return user;
    }
  }
  if (typeof body === "object" && body !== null && "writeKey" in body) {
    const key = (body as { writeKey: unknown }).writeKey;
    if (typeof key === "string" && key) return key;
  }
  return undefined;
}
