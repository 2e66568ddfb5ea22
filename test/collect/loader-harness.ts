import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compactLanding } from "../../src/collect/loader/compact.ts";
import { landingDir } from "../../src/collect/loader/landing.ts";
import { drain, type LoadStats } from "../../src/collect/loader/load-once.ts";
import { type EventSink, landingSink, warehouseSink } from "../../src/collect/loader/sink.ts";
import type { Row, Warehouse } from "../../src/warehouse/types.ts";
import type { TestLog } from "./log-helper.ts";

/**
 * The loader as each warehouse runs it: DuckDB lands Parquet files and a build compacts them;
 * Postgres and BigQuery load through their bulk paths. `load` ends with the events in the tables.
 */
export class LoaderHarness {
  readonly projectDir = mkdtempSync(path.join(tmpdir(), "cdp-collect-project-"));
  readonly sink: EventSink;

  constructor(
    readonly wh: Warehouse,
    readonly schema: string,
    readonly maxEvents = 1000,
  ) {
    this.sink = wh.dialect.name === "duckdb" ? landingSink(this.projectDir) : warehouseSink(wh, schema);
  }

  get landed(): string {
    return landingDir(this.projectDir);
  }

  /** Drains the log; on DuckDB, also compacts as the next build would. */
  async load(log: TestLog): Promise<LoadStats> {
    const stats = await drain({ logDir: log.dir, sink: this.sink, maxEvents: this.maxEvents });
    if (this.sink.kind === "landing") await compactLanding(this.wh, this.schema, this.landed);
    return stats;
  }

  rows(table: string, columns: string[], order = "id"): Promise<Row[]> {
    const d = this.wh.dialect;
    return this.wh.query(
      `SELECT ${columns.map((c) => d.quoteIdentifier(c)).join(", ")} FROM ${d.quoteRelation({ schema: this.schema, name: table })} ORDER BY ${d.quoteIdentifier(order)}`,
    );
  }

  async count(table: string): Promise<number> {
    const d = this.wh.dialect;
    const [row] = await this.wh.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${d.quoteRelation({ schema: this.schema, name: table })}`,
    );
    return Number(row?.n ?? 0);
  }

  async columns(table: string): Promise<Record<string, string>> {
    const info = await this.wh.describe({ schema: this.schema, name: table });
    return Object.fromEntries((info?.columns ?? []).map((c) => [c.name, c.type]));
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
