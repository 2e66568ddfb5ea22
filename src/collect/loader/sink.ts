import type { TargetConfig } from "../../warehouse/config.ts";
import { connect } from "../../warehouse/index.ts";
import type { Warehouse } from "../../warehouse/types.ts";
import { LandingSpool, landBatch, landingDir, openLandingWriter, removeTemporaryFiles } from "./landing.ts";
import { StagedBatch } from "./shape.ts";
import { dropLeftoverStaging, loadThroughStaging, STAGE_PREFIX } from "./staging.ts";
import { USERS_PREFIX } from "./users.ts";

/**
 * Where the loader commits a batch: the warehouse itself (Postgres, BigQuery), or DuckDB's
 * landing area, which the next build compacts. When `write` returns, the batch is durable there.
 */
export interface EventSink {
  /** `warehouse`: rows are in the tables on return; `landing`: in a landed file. */
  readonly kind: "warehouse" | "landing";
  /**
   * A batch to shape the next micro-batch into (default: one that keeps its rows in memory).
   * The landing sink's writes its rows to disk as they come; `discard` drops one never written.
   */
  newBatch?(): Promise<StagedBatch>;
  discard?(batch: StagedBatch): Promise<void>;
  /** Commits a batch; returns the rows it added (landing: rows landed). */
  write(batch: StagedBatch): Promise<number>;
  close(): Promise<void>;
}

/** A sink loading into an open warehouse (Postgres through COPY, BigQuery through load jobs). */
export function warehouseSink(
  wh: Warehouse,
  schema: string,
  options: { closeWarehouse?: boolean } = {},
): EventSink {
  let cleaned = false;
  return {
    kind: "warehouse",
    async write(batch) {
      if (!cleaned) {
        await dropLeftoverStaging(wh, schema, [STAGE_PREFIX, USERS_PREFIX]);
        cleaned = true;
      }
      const counts = await loadThroughStaging(wh, schema, batch);
      return Object.values(counts.inserted).reduce((a, b) => a + b, 0);
    },
    close: async () => {
      if (options.closeWarehouse) await wh.close();
    },
  };
}

/** A sink landing Parquet files for DuckDB (the file itself is never opened: `cdp build` holds it). */
export function landingSink(projectDir: string): EventSink {
  const dir = landingDir(projectDir);
  let writer: Promise<Warehouse> | undefined;
  let cleaned = false;
  const spools = new WeakMap<StagedBatch, LandingSpool>();
  // One loader per project: temporary files present before its first batch are a crash's.
  const clean = async () => {
    if (!cleaned) await removeTemporaryFiles(dir);
    cleaned = true;
  };
  return {
    kind: "landing",
    async newBatch() {
      await clean();
      const spool = new LandingSpool(dir);
      const batch = new StagedBatch(spool.add);
      spools.set(batch, spool);
      return batch;
    },
    async discard(batch) {
      await spools.get(batch)?.discard();
    },
    async write(batch) {
      await clean();
      let spool = spools.get(batch);
      if (!spool) {
        // A batch shaped in memory (not from newBatch): spooled now, landed the same way.
        spool = new LandingSpool(dir);
        for (const row of batch.rows) spool.add(row);
      }
      writer ??= openLandingWriter();
      await landBatch(await writer, batch, spool);
      return batch.size;
    },
    async close() {
      if (writer) await (await writer).close();
    },
  };
}

/** The sink for a project's target: landing for DuckDB, the warehouse for the others. */
export async function openSink(
  target: TargetConfig,
  options: { projectDir: string; projectName: string; targetName?: string; schema: string },
): Promise<EventSink> {
  if (target.type === "duckdb") return landingSink(options.projectDir);
  const wh = await connect(target, {
    projectDir: options.projectDir,
    projectName: options.projectName,
    threads: 1,
    targetName: options.targetName,
  });
  return warehouseSink(wh.withLabels?.({ cdp_command: "collect" }) ?? wh, options.schema, {
    closeWarehouse: true,
  });
}
