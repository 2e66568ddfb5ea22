import pc from "picocolors";
import { type DebugReport, debugProject } from "../../debug.ts";
import type { LogFormat } from "../reporter.ts";

const MARK = { ok: pc.green("ok  "), fail: pc.red("FAIL"), disabled: pc.dim("off ") };

/** Prints `cdp debug`'s checks; returns the exit code (1 when something an enabled part needs is wrong). */
export async function printDebug(
  options: { projectDir?: string; target?: string; syncs?: string[] },
  format: LogFormat,
): Promise<number> {
  const report: DebugReport = await debugProject(options);
  if (format === "json") {
    process.stdout.write(`${JSON.stringify({ event: "debug", ...report })}\n`);
    return report.ok ? 0 : 1;
  }
  const lines = [`cdp debug — ${report.projectDir}${report.target ? ` (target ${report.target})` : ""}`];
  let kind = "";
  for (const c of report.checks) {
    if (c.kind !== kind) {
      kind = c.kind;
      lines.push(pc.bold({ config: "Config", warehouse: "Warehouse", sync: "Destinations" }[c.kind]));
    }
    const [first, ...rest] = c.detail.split("\n");
    lines.push(
      `  ${MARK[c.status]} ${c.name}: ${first}${c.elapsed >= 0.01 ? pc.dim(` (${c.elapsed.toFixed(2)} s)`) : ""}`,
    );
    for (const r of rest) lines.push(`         ${r}`);
    for (const w of c.warnings ?? []) lines.push(pc.yellow(`     warning: ${w}`));
  }
  const failed = report.checks.filter((c) => c.status === "fail").length;
  lines.push(failed ? pc.red(`${failed} check(s) failed.`) : pc.green("All checks passed."));
  process.stdout.write(`${lines.join("\n")}\n`);
  return report.ok ? 0 : 1;
}
