import type { EventType } from "../log-format.ts";
import type { ValueKind } from "./kinds.ts";
import type { BaseTable } from "./names.ts";

/** A column every row of a table has, with its fixed kind. */
export interface FixedColumn {
  name: string;
  kind: ValueKind;
}

const s = (name: string): FixedColumn => ({ name, kind: "string" });
const t = (name: string): FixedColumn => ({ name, kind: "timestamp" });

/** Segment's columns on every event table (`context_*` come on top, from each event). */
export const COMMON_COLUMNS: FixedColumn[] = [
  s("id"),
  s("source"),
  s("anonymous_id"),
  s("user_id"),
  t("received_at"),
  t("sent_at"),
  t("original_timestamp"),
  t("timestamp"),
  t("uuid_ts"),
];

export const TRACK_COLUMNS: FixedColumn[] = [...COMMON_COLUMNS, s("event"), s("event_text")];

/** The fixed columns of each base table. */
export const BASE_COLUMNS: Record<BaseTable, FixedColumn[]> = {
  tracks: TRACK_COLUMNS,
  identifies: COMMON_COLUMNS,
  users: [s("id"), t("received_at"), t("uuid_ts")],
  pages: [...COMMON_COLUMNS, s("name"), s("category")],
  screens: [...COMMON_COLUMNS, s("name"), s("category")],
  groups: [...COMMON_COLUMNS, s("group_id")],
  aliases: [...COMMON_COLUMNS, s("previous_id")],
};

/** The base table each event type lands in (a track also lands in its own event table). */
export const TABLE_OF: Record<EventType, Exclude<BaseTable, "users">> = {
  track: "tracks",
  identify: "identifies",
  page: "pages",
  screen: "screens",
  group: "groups",
  alias: "aliases",
};

/** The fixed columns of any table the loader writes: a base table's, or a track event table's. */
export function fixedColumns(table: string): FixedColumn[] {
  return (BASE_COLUMNS as Record<string, FixedColumn[]>)[table] ?? TRACK_COLUMNS;
}
