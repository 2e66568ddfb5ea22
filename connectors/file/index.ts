import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import { defineConnector } from "../../src/connector-kit/index.ts";
import { fileDestinationSchema } from "./config.ts";
import { toCsv, toJsonl, writeFileAtomic } from "./write-file.ts";

export { type FileDestinationConfig, fileDestinationSchema } from "./config.ts";

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
    return {
      modes: ["upsert", "update", "insert", "mirror", "audience"],
      async check() {
        await mkdir(root, { recursive: true });
        await access(root);
      },
      async write(batch, wctx) {
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
