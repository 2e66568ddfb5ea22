import type { ProjectOptions } from "../../api.ts";
import { estimateCosts } from "../../run/estimate.ts";

function human(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u ? 1 : 0)} ${units[u]}`;
}

/** `cdp compile --estimate`: one line per model with the bytes its query would scan, and the total. */
export async function printEstimates(options: ProjectOptions, format: "text" | "json"): Promise<void> {
  const estimates = await estimateCosts(options);
  const total = estimates.reduce((sum, e) => sum + (e.bytes ?? 0), 0);
  if (format === "json") {
    process.stdout.write(
      `${JSON.stringify({ event: "estimates", total_bytes: total, models: estimates })}\n`,
    );
    return;
  }
  const width = Math.max(...estimates.map((e) => e.model.length), 5);
  for (const e of estimates) {
    process.stdout.write(
      `  ${e.model.padEnd(width)}  ${e.bytes !== undefined ? human(e.bytes).padStart(9) : `n/a (${e.note})`}\n`,
    );
  }
  process.stdout.write(
    `  ${"total".padEnd(width)}  ${human(total).padStart(9)} scanned by one full run (dry run)\n`,
  );
}
