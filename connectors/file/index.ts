import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Connector, ConnectorContext } from "../../src/sync/connector.ts";
import type { FileDestinationConfig } from "./config.ts";
import { removeStaleTemps, toCsv, toJsonl, writeFileAtomic } from "./write-file.ts";

export { type FileDestinationConfig, fileDestinationSchema } from "./config.ts";

/**
 * Files in a directory: each run writes `<dir>/<sync>/<run id>/part-00001.jsonl` (or `.csv`),
 * one file per batch, each appearing whole or not at all. A batch is delivered once its file is
 * renamed into place. Contract in README.md.
 */
export function fileConnector(
  config: FileDestinationConfig,
  ctx: ConnectorContext,
  overrides: { batchSize?: number } = {},
): Connector {
  const root = path.resolve(ctx.projectDir, config.dir);
  let seq = 0;
  let swept: Promise<number> | undefined;
  return {
    name: "file",
    modes: ["upsert", "update", "insert", "mirror", "audience"],
    batchSize: overrides.batchSize ?? config.batchSize ?? 10_000,
    rateLimit: 1_000,
    async check() {
      await mkdir(root, { recursive: true });
      await access(root);
    },
    async write(batch, wctx) {
      // Before the first file: what killed runs of this sync left half-written goes (writes run
      // under the sync's lock, unlike check(), which `cdp debug` calls too).
      swept ??= removeStaleTemps(path.join(root, wctx.sync));
      await swept;
      const n = ++seq;
      const file = path.join(
        root,
        wctx.sync,
        wctx.runId,
        `part-${String(n).padStart(5, "0")}.${config.format}`,
      );
      await writeFileAtomic(file, config.format === "csv" ? toCsv(batch) : toJsonl(batch));
      return batch.map((r) => ({ key: r.key, status: "delivered" as const }));
    },
  };
}
