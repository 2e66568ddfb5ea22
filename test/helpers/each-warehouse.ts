import { afterAll, beforeAll, describe } from "vitest";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { bigqueryTarget } from "../bigquery/target.ts";
import { type ConformanceTarget, duckdbTarget, postgresTarget } from "../conformance/targets.ts";

/** What a suite declared by `describeEachWarehouse` gets: its warehouse, and why it cannot run. */
export interface WarehouseSuite {
  /** The open warehouse (its default schema is `schema`). */
  wh(): Warehouse;
  /** Why this warehouse is not available here; each test returns early when set. */
  skipped(): string | undefined;
  schema: string;
}

/**
 * One `describe` per warehouse (DuckDB, Postgres, the BigQuery stand-in, or the `targets` given),
 * each with a fresh schema opened before and dropped after; a warehouse that is not available is
 * skipped loudly.
 */
export function describeEachWarehouse(
  what: string,
  prefix: string,
  body: (suite: WarehouseSuite) => void,
  targets: ConformanceTarget[] = [duckdbTarget, postgresTarget, bigqueryTarget],
): void {
  for (const target of targets) {
    describe(`${what} on ${target.name}`, () => {
      let wh: Warehouse | undefined;
      let reason: string | undefined;
      const schema = `${prefix}_${process.pid}`;
      beforeAll(async () => {
        reason = await target.unavailable();
        if (reason) {
          console.warn(`\n*** SKIPPED: ${what} on ${target.name}: ${reason} ***\n`);
          return;
        }
        wh = await target.open(schema);
      });
      afterAll(async () => {
        if (!wh) return;
        await target.cleanup?.(wh, schema);
        await wh.close();
      });
      body({ wh: () => wh!, skipped: () => reason, schema });
    });
  }
}
