import type { ProjectOptions } from "../../api.ts";
import { cleanOrphans } from "../../run/clean.ts";
import type { LogFormat } from "../reporter.ts";

/** `cdp clean --orphans`: what was dropped and what was left to a running run. */
export async function printClean(options: ProjectOptions, format: LogFormat): Promise<void> {
  const { removed, kept } = await cleanOrphans(options);
  const name = (r: { schema: string; name: string }) => `${r.schema}.${r.name}`;
  if (format === "json") {
    process.stdout.write(
      `${JSON.stringify({ event: "clean", removed: removed.map(name), kept: kept.map((k) => ({ relation: name(k), owner: k.owner })) })}\n`,
    );
    return;
  }
  for (const r of removed) process.stdout.write(`Removed ${name(r)}\n`);
  for (const k of kept) process.stdout.write(`Kept ${name(k)} (its run is alive: ${k.owner})\n`);
  process.stdout.write(
    `${removed.length} orphaned work table${removed.length === 1 ? "" : "s"} removed, ${kept.length} in use left alone\n`,
  );
}
