import { sourceFreshness } from "../../api.ts";
import type { LogFormat } from "../reporter.ts";

const LABEL = { pass: "PASS", warn: "WARN", error: "ERROR" } as const;

/** Prints `cdp source freshness`; returns the exit code (1 when a source is past `errorAfter`). */
export async function printFreshness(
  options: { projectDir?: string; target?: string; vars?: Record<string, unknown>; sources?: string[] },
  format: LogFormat,
): Promise<number> {
  const { target, results } = await sourceFreshness(options);
  const errors = results.filter((r) => r.status === "error").length;
  const warnings = results.filter((r) => r.status === "warn").length;
  if (format === "json") {
    process.stdout.write(`${JSON.stringify({ event: "source_freshness", target, results })}\n`);
    return errors ? 1 : 0;
  }
  if (!results.length) {
    process.stdout.write(
      "No source declares freshness (sources.<name>.freshness: { loadedAt, warnAfter, errorAfter } in cdp.config.ts).\n",
    );
    return 0;
  }
  const lines = results.map(
    (r) => `${LABEL[r.status].padEnd(5)} source ${r.source}.${r.table}: ${r.message}`,
  );
  lines.push(
    `\n${results.length} source table${results.length === 1 ? "" : "s"} on target ${target}: ${results.length - errors - warnings} fresh, ${warnings} past warnAfter, ${errors} past errorAfter → target/sources.json`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  return errors ? 1 : 0;
}
