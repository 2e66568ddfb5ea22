/**
 * Segment messages as rows of the collector's event tables, in the shape the collector streams
 * agreed on (Segment's warehouse schema: snake_case columns, `context` and properties/traits
 * flattened with `_`, one row per messageId in `tracks`/`pages`/`identifies`/`aliases`...), written
 * into a DuckDB file: what a model reading `{{source "events" ...}}` finds once the loader ran.
 * Built here from the documented shape, not from the loader's code.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

type Row = Record<string, unknown>;

/** The fixed columns of every table, and their types. */
const BASE: Record<string, string> = {
  id: "VARCHAR",
  source: "VARCHAR",
  anonymous_id: "VARCHAR",
  user_id: "VARCHAR",
  received_at: "TIMESTAMP",
  sent_at: "TIMESTAMP",
  original_timestamp: "TIMESTAMP",
  timestamp: "TIMESTAMP",
  uuid_ts: "TIMESTAMP",
};
const FIXED: Record<string, Record<string, string>> = {
  tracks: { event: "VARCHAR", event_text: "VARCHAR" },
  pages: { name: "VARCHAR", category: "VARCHAR" },
  screens: { name: "VARCHAR", category: "VARCHAR" },
  identifies: {},
  groups: { group_id: "VARCHAR" },
  aliases: { previous_id: "VARCHAR" },
};
const TABLE_OF: Record<string, string> = {
  track: "tracks",
  page: "pages",
  screen: "screens",
  identify: "identifies",
  group: "groups",
  alias: "aliases",
};

/** `createdAt` → `created_at`, `Order Completed` → `order_completed`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

function flatten(prefix: string, value: Record<string, unknown>, out: Row): void {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const column = prefix ? `${prefix}_${snakeCase(key)}` : snakeCase(key);
    if (v !== null && typeof v === "object" && !Array.isArray(v))
      flatten(column, v as Record<string, unknown>, out);
    else out[column] = v;
  }
}

/** One message as its table's row (`receivedAt` is the fixture's load time). */
export function eventRow(message: Row, source: string, receivedAt: string): { table: string; row: Row } {
  const table = TABLE_OF[String(message.type)];
  if (!table) throw new Error(`no table for a message of type ${String(message.type)}`);
  const row: Row = {
    id: message.messageId,
    source,
    anonymous_id: message.anonymousId ?? null,
    user_id: message.userId ?? null,
    received_at: receivedAt,
    sent_at: message.sentAt ?? null,
    original_timestamp: message.originalTimestamp ?? null,
    timestamp: message.timestamp ?? receivedAt,
    uuid_ts: receivedAt,
  };
  flatten("context", (message.context as Record<string, unknown>) ?? {}, row);
  if (table === "tracks") {
    row.event = snakeCase(String(message.event));
    row.event_text = message.event;
  }
  if (table === "pages" || table === "screens") {
    row.name = message.name ?? null;
    row.category = message.category ?? null;
  }
  if (table === "groups") row.group_id = message.groupId;
  if (table === "aliases") row.previous_id = message.previousId;
  const extra: Row = {};
  flatten("", ((message.properties ?? message.traits) as Record<string, unknown>) ?? {}, extra);
  for (const [k, v] of Object.entries(extra)) if (!(k in row)) row[k] = v;
  return { table, row };
}

/** `users`: one row per user id, each trait's latest value (by the identify's time). */
function usersRows(identifies: Row[], receivedAt: string): Row[] {
  const users = new Map<string, Row>();
  const ordered = identifies
    .filter((r) => r.user_id)
    .sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
  for (const r of ordered) {
    const user = users.get(String(r.user_id)) ?? {
      id: r.user_id,
      received_at: receivedAt,
      uuid_ts: receivedAt,
    };
    for (const [k, v] of Object.entries(r)) {
      if (!(k in BASE) && !k.startsWith("context_") && v !== null && v !== undefined) user[k] = v;
    }
    users.set(String(r.user_id), user);
  }
  return [...users.values()];
}

/** Creates schema `schema` in the DuckDB file with the base tables (empty or not) holding `messages`. */
export async function writeEventTables(
  file: string,
  schema: string,
  messages: Row[],
  source = "web",
): Promise<void> {
  const receivedAt = "2026-11-01T00:00:00.000Z";
  const rows = new Map<string, Row[]>(Object.values(TABLE_OF).map((t) => [t, []]));
  for (const m of messages) {
    const { table, row } = eventRow(m, source, receivedAt);
    rows.get(table)!.push(row);
  }
  rows.set("users", usersRows(rows.get("identifies")!, receivedAt));
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-events-"));
  const db = await DuckDBInstance.create(file);
  const conn = await db.connect();
  try {
    await conn.run(`create schema if not exists "${schema}"`);
    for (const [table, tableRows] of rows) {
      const columns: Record<string, string> =
        table === "users"
          ? { id: "VARCHAR", received_at: "TIMESTAMP", uuid_ts: "TIMESTAMP" }
          : { ...BASE, ...FIXED[table] };
      for (const r of tableRows) for (const k of Object.keys(r)) columns[k] ??= "VARCHAR";
      const defs = Object.entries(columns).map(([c, t]) => `"${c}" ${t}`);
      await conn.run(`create table "${schema}"."${table}" (${defs.join(", ")})`);
      if (tableRows.length === 0) continue;
      const json = path.join(dir, `${table}.ndjson`);
      writeFileSync(json, tableRows.map((r) => JSON.stringify(r)).join("\n"));
      const spec = Object.entries(columns)
        .map(([c, t]) => `'${c}': '${t}'`)
        .join(", ");
      await conn.run(
        `insert into "${schema}"."${table}" by name select * from read_json('${json}', format = 'newline_delimited', columns = {${spec}})`,
      );
    }
  } finally {
    conn.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
