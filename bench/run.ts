import os from "node:os";
import { parseArgs } from "node:util";
import { benchCompile } from "./compile.ts";

/**
 * `npm run bench [-- --only compile] [--runs N]`: benchmarks print their figures as tables.
 * Figures are medians of several runs, each next to a baseline measured in the same run.
 */
const { values } = parseArgs({
  options: { only: { type: "string" }, runs: { type: "string", default: "5" } },
});
const runs = Number(values.runs);
console.log(
  `# cdp benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}\n`,
);
const suites: Record<string, () => string> = {
  compile: () => benchCompile(runs, [1_000, 10_000]),
};
for (const [name, run] of Object.entries(suites)) {
  if (values.only && values.only !== name) continue;
  console.log(run());
}
