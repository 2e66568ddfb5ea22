import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateProject } from "./generate-project.ts";
import { median, table, timeProcess } from "./measure.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CDP = path.join(ROOT, "bin/cdp.js");
const WORK = path.join(ROOT, "bench/.work");

/**
 * `cdp compile` as a user runs it: a whole process (start-up, config, templates, DAG, compiled SQL
 * and manifest written). Cold = no target/ yet (a freshly generated project per run); warm = the
 * same project compiled again with nothing changed. The floor is `cdp compile` of an empty project
 * in the same run: the fixed cost of starting Node and the CLI.
 */
export function benchCompile(runs: number, sizes: number[]): string {
  // Make sure the CLI bundle is built before timing anything.
  timeProcess([CDP, "--help"]);
  const rows: Record<string, string | number>[] = [];
  const emptyDir = path.join(WORK, "compile-empty");
  generateProject(emptyDir, 0);
  const floor = median(
    Array.from({ length: runs }, () => timeProcess([CDP, "compile", "--project-dir", emptyDir]).seconds),
  );
  const nodeBare = median(Array.from({ length: runs }, () => timeProcess(["-e", ""]).seconds));
  rows.push({
    project: "node -e '' (no cdp)",
    "cold s (median)": nodeBare,
    "warm s (median)": nodeBare,
    "cold vs empty": "-",
  });
  rows.push({
    project: "empty project",
    "cold s (median)": floor,
    "warm s (median)": floor,
    "cold vs empty": "1.00x",
  });
  for (const size of sizes) {
    // Every cold run gets its own freshly generated project, all made before timing starts: on
    // this machine's disk, creating files right after deleting many is several times slower,
    // which would bill the previous run's clean-up to the next compile.
    const dirs = Array.from({ length: runs }, (_, run) => path.join(WORK, `compile-${size}-${run}`));
    for (const dir of dirs) generateProject(dir, size);
    spawnSync("sync");
    const cold: number[] = [];
    const warm: number[] = [];
    for (const dir of dirs) {
      const first = timeProcess([CDP, "compile", "--project-dir", dir]);
      if (!first.ok) throw new Error(`compile of the ${size}-model project failed:\n${first.output}`);
      cold.push(first.seconds);
      warm.push(timeProcess([CDP, "compile", "--project-dir", dir]).seconds);
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    rows.push({
      project: `${size.toLocaleString("en-US")} models`,
      "cold s (median)": median(cold),
      "warm s (median)": median(warm),
      "cold vs empty": `${(median(cold) / floor).toFixed(2)}x`,
    });
  }
  rmSync(emptyDir, { recursive: true, force: true });
  return `## Compile (whole \`cdp compile\` process, ${runs} runs each, random DAG with 0-3 refs per model, one test per model)\n\n${table(rows)}\n`;
}
