import { spawnSync } from "node:child_process";

/** Wall time of a whole process, in seconds, and its peak RSS in MB (from GNU time when available). */
export function timeProcess(args: string[], cwd?: string): { seconds: number; ok: boolean; output: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, ok: r.status === 0, output: r.stdout + r.stderr };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function table(rows: Record<string, string | number>[]): string {
  if (!rows.length) return "";
  const cols = Object.keys(rows[0]!);
  const cell = (v: string | number) =>
    typeof v !== "number" ? v : Number.isInteger(v) ? v.toLocaleString("en-US") : v.toFixed(v < 10 ? 3 : 1);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r[c]!)).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    line(cols),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(cols.map((c) => String(cell(r[c]!))))),
  ].join("\n");
}
