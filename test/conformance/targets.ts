import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { bigqueryTarget } from "../bigquery/target.ts";
import { openPostgres, postgresServer } from "../helpers/postgres.ts";

/**
 * The warehouses the conformance suite runs against. Each entry opens a fresh, empty schema and
 * says why it cannot run when its server or credentials are missing (the suite then reports
 * that loudly instead of passing silently).
 */
export interface ConformanceTarget {
  name: string;
  /** Undefined when usable; otherwise the reason it is skipped. */
  unavailable(): Promise<string | undefined>;
  /** A warehouse whose default schema is `schema`, created empty for the test. */
  open(schema: string): Promise<Warehouse>;
  /** Drops what `open` created. */
  cleanup?(wh: Warehouse, schema: string): Promise<void>;
}

export const duckdbTarget: ConformanceTarget = {
  name: "duckdb",
  unavailable: async () => undefined,
  open: async (schema) => {
    const wh = await DuckdbWarehouse.open({ path: ":memory:", schema, connections: 4 });
    await wh.ensureSchema(schema);
    return wh;
  },
};

/** The server test/setup/postgres.ts started, or the one `DATABASE_URL` names. */
export const postgresTarget: ConformanceTarget = {
  name: "postgres",
  unavailable: async () => postgresServer().unavailable,
  open: (schema) => openPostgres(postgresServer().url!, schema),
  cleanup: async (wh, schema) => {
    await wh.execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(schema)} CASCADE`);
  },
};

export const TARGETS: ConformanceTarget[] = [duckdbTarget, postgresTarget, bigqueryTarget];
