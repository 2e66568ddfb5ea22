import { randomBytes } from "node:crypto";
import type { Warehouse } from "../../warehouse/types.ts";
import { stagedName } from "./kinds.ts";
import { ensureTable, type StagedSource } from "./merge.ts";
import { TABLE_COLUMN } from "./shape.ts";
import { BASE_COLUMNS, COMMON_COLUMNS } from "./tables.ts";

/** Scratch relations of the refresh; a crash may leave one, which the next loader drops. */
export const USERS_PREFIX = "_cdp_users_";

const IDENTIFY_COLUMNS = new Set(COMMON_COLUMNS.map((c) => c.name));

/**
 * `users`: one row per user_id with the latest value of each trait (Segment's users table). The
 * rows of the users a batch identified are computed again from all their `identifies`: a trait
 * keeps its latest non-null value by event time, whatever order events arrive in, and a batch
 * loaded twice (a replay after a crash) gives the same rows.
 */
export async function refreshUsers(wh: Warehouse, schema: string, source: StagedSource): Promise<number> {
  const d = wh.dialect;
  const q = (name: string) => d.quoteIdentifier(name);
  const users = { schema, name: "users" };
  const identifies = { schema, name: "identifies" };
  await ensureTable(wh, users, BASE_COLUMNS.users, false);
  const staged = source.tables.get("identifies") ?? [];
  const userId = stagedName("user_id", "string");
  if (!staged.includes(userId)) return 0;
  const info = await wh.describe(identifies);
  const traits = (info?.columns ?? []).filter(
    (c) => !IDENTIFY_COLUMNS.has(c.name) && !c.name.startsWith("context_"),
  );
  const have = new Set((await wh.describe(users))?.columns.map((c) => c.name));
  const missing = traits.filter((t) => !have.has(t.name));
  if (missing.length) await wh.addColumns(users, missing);
  const i = (name: string) => `i.${q(name)}`;
  const select = `SELECT ${i("user_id")} AS ${q("id")}, MAX(${i("received_at")}) AS ${q("received_at")}, MAX(${i("uuid_ts")}) AS ${q("uuid_ts")}${traits
    .map((t) => `, ${d.pickBy(i(t.name), i("timestamp"), "desc")} AS ${q(t.name)}`)
    .join("")}
FROM ${d.quoteRelation(identifies)} AS i
WHERE ${i("user_id")} IN (SELECT s.${q(userId)} FROM ${d.quoteRelation(source.relation)} AS s WHERE s.${q(TABLE_COLUMN)} = ${d.literal("identifies")})
GROUP BY ${i("user_id")}`;
  const scratch = { schema, name: `${USERS_PREFIX}${randomBytes(4).toString("hex")}` };
  try {
    await wh.replaceTable(scratch, select);
    const columns = ["id", "received_at", "uuid_ts", ...traits.map((t) => t.name)];
    const { inserted, updated } = await wh.mergeInto(users, scratch, ["id"], columns);
    return inserted + updated;
  } finally {
    await wh.dropRelation(scratch);
  }
}
