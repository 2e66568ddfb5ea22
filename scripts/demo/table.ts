/**
 * A seed table under construction: records are collected with the time they
 * happened and the person they belong to, then sorted by time and given ids
 * the way the source system would have issued them.
 */

export type Row = Record<string, string>;

export interface SeedTable {
  /** Seed file base name, e.g. "raw_orders". */
  name: string;
  /** Primary key column. */
  key: string;
  columns: string[];
  rows: Row[];
  /** The true person behind each row, same order as `rows`. */
  personIds: string[];
}

interface Pending {
  at: number;
  order: number;
  personId: string;
  row: Row;
}

export class TableBuilder {
  private readonly pending: Pending[] = [];

  constructor(
    readonly name: string,
    readonly key: string,
    readonly columns: string[],
  ) {}

  add(at: number, personId: string, row: Row): void {
    this.pending.push({ at, order: this.pending.length, personId, row });
  }

  /** Sorts by time and assigns keys with `makeId(position)`. */
  build(makeId: (position: number) => string): SeedTable {
    const sorted = [...this.pending].sort((a, b) => a.at - b.at || a.order - b.order);
    const rows = sorted.map((entry, i) => {
      const row: Row = { ...entry.row, [this.key]: makeId(i) };
      for (const column of this.columns) {
        if (row[column] === undefined) throw new Error(`${this.name}: missing column ${column}`);
      }
      return row;
    });
    return {
      name: this.name,
      key: this.key,
      columns: this.columns,
      rows,
      personIds: sorted.map((e) => e.personId),
    };
  }
}
