import os from "node:os";
import { parseArgs } from "node:util";
import { benchCollect } from "./collect.ts";
import { benchCompile } from "./compile.ts";
import { benchIdentity } from "./identity.ts";
import { benchIdentityIncremental } from "./identity-incremental.ts";
import { benchMatch } from "./match.ts";
import { benchMatchBlocking } from "./match-blocking.ts";
import { benchMatchWarehouses } from "./match-demo.ts";
import { benchMatchIncremental } from "./match-incremental.ts";
import { benchProfiles } from "./profiles.ts";
import { benchServe } from "./serve.ts";
import { benchSync } from "./sync.ts";

/**
 * `npm run bench [-- --only compile] [--runs N]`: benchmarks print their figures as tables
 * (`--only sync --rows 100000 --scale-rows 0` for a quick sync run; its goals are stated for 1M
 * rows, and its memory is also measured at `--scale-rows`, 10M by default).
 * Figures are medians of several runs, each next to a baseline measured in the same run.
 */
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    runs: { type: "string", default: "5" },
    people: { type: "string", default: "1000000" },
    records: { type: "string", default: "1000000" },
    rows: { type: "string", default: "1000000" },
    "scale-rows": { type: "string", default: "10000000" },
    profiles: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "10" },
    models: { type: "string", default: "10000" },
    /** identity: only the incremental stitch case (the full 1M/10M cases take long). */
    incremental: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
console.log(
  `# cdp benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}\n`,
);
const suites: Record<string, () => string | Promise<string>> = {
  compile: () => benchCompile(runs, [1_000, 10_000]),
  identity: async () =>
    (values.incremental
      ? ""
      : await benchIdentity(Math.min(runs, 3), values.people!.split(",").map(Number), 100_000)) +
    (await benchIdentityIncremental(Number(values.people!.split(",")[0]), Math.min(runs, 3))),
  match: () => benchMatch(Math.min(runs, 3), Number(values.records)),
  "match-blocking": () => benchMatchBlocking(),
  "match-pg": () => benchMatchWarehouses(Math.min(runs, 3)),
  "match-incremental": () => benchMatchIncremental(Number(values.records), Math.min(runs, 3)),
  "identity-profiles": () => benchProfiles(),
  sync: () => benchSync(runs, Number(values.rows), Number(values["scale-rows"])),
  collect: () => benchCollect(Math.min(runs, 3), Math.min(Number(values.seconds), 5)),
  serve: () => benchServe(Number(values.profiles), Number(values.seconds), Number(values.models)),
};
for (const [name, run] of Object.entries(suites)) {
  if (values.only && values.only !== name) continue;
  console.log(await run());
}
