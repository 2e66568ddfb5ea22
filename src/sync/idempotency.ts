import { createHash } from "node:crypto";

/**
 * A row's idempotency key: a hash of the sync, the key, the operation, the row's content hash
 * (`hash`, NULL for removals) and the hash last acknowledged for the key (`base`, NULL when never
 * delivered). The same change sent again (the outcome of its first send unknown: a timeout, a
 * crash of either side) gets the same key in whatever batch carries it, since the snapshot only
 * moves once it is acknowledged. Content going back to an earlier value starts from another
 * acknowledged state, so it gets a new key.
 */
export function rowIdempotencyKey(
  sync: string,
  key: string,
  op: string,
  hash: unknown,
  base: unknown,
): string {
  const text = (v: unknown) => (v === null || v === undefined ? "\u0001" : String(v));
  return createHash("sha256")
    .update([sync, key, op, text(hash), text(base)].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}
