import { access, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { defineConnector } from "../../src/connector-kit/index.ts";
import { fileDestinationSchema } from "./config.ts";
import { removeStaleTemps, toCsv, toJsonl, writeFileAtomic } from "./write-file.ts";

export { type FileDestinationConfig, fileDestinationSchema } from "./config.ts";

/** A delivered part file, as `write` names it once complete. */
const PART = /^part-\d+\.(csv|jsonl)$/;

/**
 * Files in a directory: each run writes `<dir>/<sync>/<run id>/part-00001.jsonl` (or `.csv`),
 * one file per batch, each appearing whole or not at all. A batch is delivered once its file is
 * renamed into place. Contract in README.md.
 */
export const file = defineConnector({
  type: "file",
  schema: fileDestinationSchema,
  // No API, so no rate limit: a batch is as large as one file should be.
  defaults: { batchSize: 10_000 },
  create(config, kit) {
    const root = path.resolve(kit.projectDir, config.dir);
    let seq = 0;
    let swept: Promise<number> | undefined;
    return {
      modes: ["upsert", "update", "insert", "mirror", "audience"],
      async check() {
        await mkdir(root, { recursive: true });
        await access(root);
      },
      async priorDelivery(sync) {
        // Each run that delivered left a directory of part files under <dir>/<sync>/.
        const runs = await readdir(path.join(root, sync), { withFileTypes: true }).catch(() => []);
        const delivered: string[] = [];
        for (const run of runs
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort()) {
          const files = await readdir(path.join(root, sync, run)).catch(() => [] as string[]);
          if (files.some((f) => PART.test(f))) delivered.push(run);
        }
        if (!delivered.length) return undefined;
        return `${path.relative(kit.projectDir, path.join(root, sync)) || "."} holds ${delivered.length} earlier export${delivered.length === 1 ? "" : "s"} (the last: ${delivered.at(-1)})`;
      },
      async write(batch, wctx) {
        // Before the first file: what killed runs of this sync left half-written goes (writes run
        // under the sync's lock, unlike check(), which `cdp debug` calls too).
        swept ??= removeStaleTemps(path.join(root, wctx.sync));
        await swept;
        const n = ++seq;
        const name = `part-${String(n).padStart(5, "0")}.${config.format}`;
        const target = path.join(root, wctx.sync, wctx.runId, name);
        await writeFileAtomic(target, config.format === "csv" ? toCsv(batch) : toJsonl(batch));
        return batch.map((r) => ({ key: r.key, status: "delivered" as const }));
      },
    };
  },
});

export const fileConnector = file.connect;
