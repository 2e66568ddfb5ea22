import type { Column, Relation, Warehouse } from "../../warehouse/types.ts";
import { KIND_TYPES, kindOfType, parseStagedName, stagedName, type ValueKind } from "./kinds.ts";
import { TABLE_COLUMN } from "./shape.ts";
import { type FixedColumn, fixedColumns } from "./tables.ts";

/**
 * Moves staged rows into the event tables, the same way on every warehouse: the staging relation
 * holds text only (see shape.ts), and here each staged column finds its place in the table.
 *
 * A value whose kind differs from its column's type is kept, never dropped: in a text column it
 * is stored as text; otherwise in a sibling column named `<column>_<kind>` (`price_string` for
 * `"n/a"` in a numeric `price`), created when first needed.
 */

/** Staged rows, and per table the staging columns it uses (first kind seen of a new column first). */
export interface StagedSource {
  relation: Relation;
  tables: Map<string, string[]>;
}

const ID = stagedName("id", "string");

/** `CREATE TABLE IF NOT EXISTS` with the fixed columns: a concurrent creator is no failure. */
export async function ensureTable(
  wh: Warehouse,
  relation: Relation,
  columns: FixedColumn[],
  keyed: boolean,
): Promise<void> {
  const d = wh.dialect;
  const defs = columns.map((c) => `${d.quoteIdentifier(c.name)} ${d.typeName(KIND_TYPES[c.kind])}`);
  // Where keys are enforced (Postgres, DuckDB), the key's index also serves the dedupe's lookups.
  if (keyed && wh.capabilities.enforcedKeys) defs.push(`PRIMARY KEY (${d.quoteIdentifier("id")})`);
  try {
    await wh.execute(`CREATE TABLE IF NOT EXISTS ${d.quoteRelation(relation)} (${defs.join(", ")})`);
  } catch (error) {
    // Postgres: two sessions creating the same table at once; the loser finds it made.
    if (!(await wh.describe(relation))) throw error;
  }
}

interface Target {
  kind: ValueKind | undefined;
  sources: string[];
}

/** Where each staged column of a table goes, and the columns to add first. */
export function placeColumns(
  wh: Warehouse,
  existing: Column[],
  staged: string[],
): { targets: Map<string, Target>; added: Column[] } {
  const d = wh.dialect;
  const kinds = new Map(existing.map((c) => [c.name, kindOfType(c.type)]));
  const targets = new Map<string, Target>();
  const added: Column[] = [];
  for (const name of staged) {
    const parsed = parseStagedName(name);
    if (!parsed) continue;
    const { kind } = parsed;
    let column = parsed.column;
    for (;;) {
      if (!kinds.has(column)) {
        kinds.set(column, kind);
        added.push({ name: column, type: d.typeName(KIND_TYPES[kind]) });
      }
      const has = kinds.get(column);
      if (has === kind || has === "string") {
        const target = targets.get(column) ?? { kind: has, sources: [] };
        target.sources.push(name);
        targets.set(column, target);
        break;
      }
      column = `${column}_${kind}`;
    }
  }
  return { targets, added };
}

/** Inserts a table's staged rows whose id it does not hold yet; returns the rows inserted. */
export async function mergeTable(
  wh: Warehouse,
  schema: string,
  table: string,
  source: StagedSource,
): Promise<number> {
  const d = wh.dialect;
  const relation = { schema, name: table };
  await ensureTable(wh, relation, fixedColumns(table), true);
  const info = await wh.describe(relation);
  const { targets, added } = placeColumns(wh, info?.columns ?? [], source.tables.get(table) ?? []);
  if (added.length) await wh.addColumns(relation, added);
  const q = (name: string) => d.quoteIdentifier(name);
  const columns: string[] = [];
  const values: string[] = [];
  for (const [column, target] of targets) {
    const texts = target.sources.map((s) => {
      const kind = parseStagedName(s)!.kind;
      const ref = `s.${q(s)}`;
      return target.kind === "string" || kind === "string" ? ref : d.cast(ref, KIND_TYPES[kind]);
    });
    columns.push(q(column));
    values.push(texts.length === 1 ? texts[0]! : `COALESCE(${texts.join(", ")})`);
  }
  const rn = q("_cdp_rn");
  const sql = `INSERT INTO ${d.quoteRelation(relation)} (${columns.join(", ")})
SELECT ${values.join(", ")}
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY ${q(ID)}) AS ${rn} FROM ${d.quoteRelation(source.relation)} WHERE ${q(TABLE_COLUMN)} = ${d.literal(table)}) AS s
WHERE s.${rn} = 1 AND NOT EXISTS (SELECT 1 FROM ${d.quoteRelation(relation)} AS t WHERE t.${q("id")} = s.${q(ID)})`;
  return (await wh.execute(sql)).rowsAffected ?? 0;
}
