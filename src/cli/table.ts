/**
 * A plain text table: columns as wide as their widest cell, two spaces apart; the first
 * `leftColumns` columns aligned left (names), the rest right (numbers).
 */
export function textTable(head: string[], rows: string[][], leftColumns: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)];
}
