import type { CollectedEvent } from "../log-format.ts";
import { stagedName, stageText, stageValue, type ValueKind } from "./kinds.ts";
import { eventTableName, snakeCase } from "./names.ts";
import { fixedColumns, TABLE_OF } from "./tables.ts";

/** The staging column naming the table a staged row belongs to. */
export const TABLE_COLUMN = "_table";

/**
 * A micro-batch shaped into rows of the event tables, every value as text beside its kind:
 * `s__email` holds the strings of `email`, `n__price` the numbers of `price`. The warehouse
 * side decides, per column, what each kind becomes (see merge.ts).
 */
export class StagedBatch {
  /** Staging columns in the order first seen, `_table` first. */
  readonly columns: string[] = [TABLE_COLUMN];
  /** The rows, unless a spool took them as they came (then empty). */
  readonly rows: Record<string, string>[] = [];
  /** How many rows were added. */
  size = 0;
  /** Per table, its staging columns in the order first seen (the first kind of a new column wins). */
  readonly tables = new Map<string, string[]>();
  private readonly known = new Set<string>([TABLE_COLUMN]);
  private readonly tableColumns = new Map<string, Set<string>>();

  /** `spool`: takes each row as it is added, instead of the batch keeping it (see landing.ts). */
  constructor(private readonly spool?: (row: Record<string, string>) => void) {}

  /** The staged values of a row of `table`: staging column name → text. */
  stage(table: string, values: Map<string, unknown>): Record<string, string> {
    const row: Record<string, string> = {};
    const fixed = fixedKinds(table);
    for (const [column, value] of values) {
      // A fixed text column takes the value as sent: an id that looks like a date stays text.
      const staged =
        fixed.get(column) === "string" && value !== null && value !== undefined
          ? { kind: "string" as const, text: stageText(value) }
          : stageValue(value);
      if (staged) row[stagedName(column, staged.kind)] = staged.text;
    }
    return row;
  }

  /** Adds a staged row to `table` (the row is kept, not copied). */
  addRow(table: string, row: Record<string, string>): void {
    let seen = this.tableColumns.get(table);
    if (!seen) {
      seen = new Set();
      this.tableColumns.set(table, seen);
      this.tables.set(table, []);
    }
    for (const name in row) {
      if (seen.has(name)) continue;
      seen.add(name);
      this.tables.get(table)!.push(name);
      if (!this.known.has(name)) {
        this.known.add(name);
        this.columns.push(name);
      }
    }
    row[TABLE_COLUMN] = table;
    this.size++;
    if (this.spool) this.spool(row);
    else this.rows.push(row);
  }

  add(table: string, values: Map<string, unknown>): void {
    this.addRow(table, this.stage(table, values));
  }
}

/**
 * Nested objects flattened with `_` between snake_cased keys (Segment: `context.page.url` →
 * `context_page_url`); arrays and scalars are leaves (stageValue writes arrays as JSON).
 */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      flatten(inner, prefix ? `${prefix}_${snakeCase(key)}` : snakeCase(key), out);
    }
  } else {
    out.set(prefix.slice(0, 48), value);
  }
}

/**
 * Properties and traits become columns beside the fixed ones. Segment drops those named like a
 * reserved column; here they are kept under a prefix (`property_id`, `trait_user_id`), and so
 * are those that would mix with the flattened context.
 */
function addFields(
  row: Map<string, unknown>,
  fields: Record<string, unknown> | undefined,
  reserved: ReadonlyMap<string, unknown>,
  prefix: string,
): void {
  if (!fields) return;
  const flat = new Map<string, unknown>();
  flatten(fields, "", flat);
  for (const [name, value] of flat) {
    const clash = reserved.has(name) || name.startsWith("context_");
    row.set(clash ? `${prefix}_${name}`.slice(0, 48) : name, value);
  }
}

// Keyed by the column list: every track event table shares one.
const kindsOf = new WeakMap<object, Map<string, ValueKind>>();
function fixedKinds(table: string): Map<string, ValueKind> {
  const columns = fixedColumns(table);
  let kinds = kindsOf.get(columns);
  if (!kinds) {
    kinds = new Map(columns.map((c) => [c.name, c.kind]));
    kindsOf.set(columns, kinds);
  }
  return kinds;
}

/** The rows one event adds: one in its base table, and for a track one more in its event's table. */
export function shapeEvent(event: CollectedEvent, loadedAt: string, batch: StagedBatch): void {
  const common = new Map<string, unknown>([
    ["id", event.messageId],
    ["source", event.source],
    ["anonymous_id", event.anonymousId],
    ["user_id", event.userId],
    ["received_at", event.receivedAt],
    ["sent_at", event.sentAt],
    ["original_timestamp", event.originalTimestamp],
    ["timestamp", event.timestamp],
    ["uuid_ts", loadedAt],
  ]);
  if (event.context) flatten(event.context, "context", common);
  const table = TABLE_OF[event.type];
  const row = new Map(common);
  switch (event.type) {
    case "track": {
      const name = event.event ?? "";
      row.set("event", snakeCase(name));
      row.set("event_text", name);
      // The tracks row and the event's own row share their staged values (one table's fixed
      // columns are the other's): staged once, then the properties on top.
      const tracks = batch.stage(table, row);
      const eventTable = eventTableName(name);
      const properties = new Map<string, unknown>();
      addFields(properties, event.properties, fixedKinds(eventTable), "property");
      const own = { ...tracks, ...batch.stage(eventTable, properties) };
      batch.addRow(table, tracks);
      batch.addRow(eventTable, own);
      return;
    }
    case "identify":
      addFields(row, event.traits, fixedKinds(table), "trait");
      break;
    case "page":
    case "screen":
      row.set("name", event.name ?? null);
      row.set("category", event.category ?? null);
      addFields(row, event.properties, fixedKinds(table), "property");
      break;
    case "group":
      row.set("group_id", event.groupId ?? null);
      addFields(row, event.traits, fixedKinds(table), "trait");
      break;
    case "alias":
      row.set("previous_id", event.previousId ?? null);
      break;
  }
  batch.add(table, row);
}
