import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchError,
  type Connector,
  type RowResult,
  type SyncRecord,
} from "../../src/connector-kit/connector.ts";
import { syncConfigSchema } from "../../src/sync/config.ts";
import { runSync } from "../../src/sync/engine.ts";
import { syncParts } from "../../src/sync/part-rows.ts";
import {
  ensureState,
  foldJournal,
  journalDelivered,
  migrateState,
  stateTables,
} from "../../src/sync/state.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";

/** Acknowledges every row, recording what it was sent and DuckDB's memory limit at the time. */
function recorder(wh: DuckdbWarehouse) {
  const sent: SyncRecord[] = [];
  const limits: string[] = [];
  const connector: Connector = {
    name: "recorder",
    modes: ["upsert", "mirror"],
    batchSize: 2,
    rateLimit: 1000,
    async check() {},
    async write(batch: SyncRecord[], _ctx?: unknown): Promise<RowResult[]> {
      sent.push(...batch);
      const [row] = await wh.query<{ v: string }>("SELECT current_setting('memory_limit') AS v");
      limits.push(row!.v);
      return batch.map((r) => ({ key: r.key, status: "delivered" }));
    },
  };
  return { connector, sent, limits };
}

/** A DuckDB memory size as it prints it ("18.8 GiB", "61.0 MiB"), in GiB. */
function gib(size: string): number {
  const [, n, unit] = /^([\d.]+)\s*(\w+)$/.exec(size) ?? [];
  const scale: Record<string, number> = { KiB: 2 ** -20, MiB: 2 ** -10, GiB: 1, TiB: 2 ** 10 };
  return Number(n) * (scale[unit ?? ""] ?? Number.NaN);
}

describe("the sync journal on DuckDB", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdp-journal-"));
  let wh: DuckdbWarehouse;
  const model = { schema: "main", name: "people" };
  const config = syncConfigSchema.parse({
    model: "people",
    primaryKey: "id",
    mode: "mirror",
    destination: { type: "file", dir: "unused" },
    fields: { email: "email" },
    // Runs here remove most of a handful of rows on purpose; the guard has its own tests.
    maxRemoved: "100%",
  });
  const sync = (
    connector: Connector,
    dryRun = false,
    overrides: { warehouse?: Warehouse; config?: Partial<typeof config> } = {},
  ) =>
    runSync({
      name: "people",
      config: { ...config, ...overrides.config },
      modelRelation: model,
      warehouse: overrides.warehouse ?? wh,
      projectDir: dir,
      connector,
      dryRun,
      sleep: async () => {},
    });
  const snapshot = async () =>
    Object.fromEntries(
      (await wh.query<{ key: string; hash: string }>("SELECT key, hash FROM cdp_state.people__snapshot")).map(
        (r) => [r.key, r.hash],
      ),
    );
  const journalSize = async () =>
    Number((await wh.query<{ n: number }>("SELECT COUNT(*) AS n FROM cdp_state.people__acks"))[0]!.n);

  beforeAll(async () => {
    wh = await DuckdbWarehouse.open({ path: path.join(dir, "w.duckdb"), schema: "main", connections: 2 });
  });
  afterAll(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("folds the latest acknowledgement of each key into the snapshot, removals included, and empties the journal", async () => {
    const s = stateTables("cdp_state", "fold");
    await ensureState(wh, s);
    await journalDelivered(
      wh,
      s,
      [
        { key: "a", hash: "h1" },
        { key: "b", hash: "h1" },
      ],
      [],
    );
    await journalDelivered(wh, s, [{ key: "a", hash: "h2" }], ["b"]);
    await journalDelivered(wh, s, [{ key: "c", hash: "h1" }], []);
    expect(await foldJournal(wh, s)).toBe(5);
    const rows = await wh.query<{ key: string; hash: string }>(
      "SELECT key, hash FROM cdp_state.fold__snapshot ORDER BY key",
    );
    expect(rows).toEqual([
      { key: "a", hash: "h2" },
      { key: "c", hash: "h1" },
    ]);
    expect(
      Number((await wh.query<{ n: number }>("SELECT COUNT(*) AS n FROM cdp_state.fold__acks"))[0]!.n),
    ).toBe(0);
    expect(await foldJournal(wh, s)).toBe(0);
  });

  it("folds a journal whose keys come once each (the rows as they are) over the snapshot it replaces", async () => {
    const s = stateTables("cdp_state", "fold_once");
    await ensureState(wh, s);
    await journalDelivered(
      wh,
      s,
      [
        { key: "a", hash: "h1" },
        { key: "b", hash: "h1" },
        { key: "c", hash: "h1" },
      ],
      [],
    );
    expect(await foldJournal(wh, s)).toBe(3);
    await journalDelivered(wh, s, [{ key: "a", hash: "h2" }], ["b"]);
    await journalDelivered(wh, s, [{ key: "d", hash: "h1" }], []);
    expect(await foldJournal(wh, s)).toBe(3);
    const rows = await wh.query<{ key: string; hash: string }>(
      "SELECT key, hash FROM cdp_state.fold_once__snapshot ORDER BY key",
    );
    expect(rows).toEqual([
      { key: "a", hash: "h2" },
      { key: "c", hash: "h1" },
      { key: "d", hash: "h1" },
    ]);
    expect(await foldJournal(wh, s)).toBe(0);
  });

  it("folds a first sync's journal as it goes, every syncParts.rows new keys; changed rows wait for the end", async () => {
    const saved = syncParts.rows;
    syncParts.rows = 4;
    // A sync of its own (its own state tables), so the other tests' state stays as they left it.
    const firstModel = { schema: "main", name: "first_people" };
    const run = (connector: Connector) =>
      runSync({
        name: "first_people",
        config: { ...config, model: "first_people", concurrency: 1 },
        modelRelation: firstModel,
        warehouse: wh,
        projectDir: dir,
        connector,
        sleep: async () => {},
      });
    const count = async (table: string) =>
      Number(
        (await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM cdp_state.first_people__${table}`))[0]!.n,
      );
    try {
      await wh.replaceTable(
        firstModel,
        "SELECT range AS id, 'f' || range || '@x.com' AS email FROM range(11)",
      );
      // What the journal held when each batch was sent: it never grows past a part and a batch.
      const journalSeen: number[] = [];
      const first = recorder(wh);
      const watching: Connector = {
        ...first.connector,
        async write(batch, ctx) {
          journalSeen.push(await count("acks").catch(() => 0));
          return first.connector.write(batch, ctx);
        },
      };
      const r = await run(watching);
      expect([r.status, r.delivered]).toEqual(["success", 11]);
      expect(Math.max(...journalSeen)).toBeLessThan(4 + 2);
      expect(journalSeen.filter((n) => n === 0).length).toBeGreaterThan(1);
      expect(await count("snapshot")).toBe(11);
      expect(await count("acks")).toBe(0);

      // Every row changes: their keys are in the snapshot, so the journal is folded at the end only.
      await wh.replaceTable(
        firstModel,
        "SELECT range AS id, 'g' || range || '@x.com' AS email FROM range(11)",
      );
      journalSeen.length = 0;
      const again = await run(watching);
      expect([again.status, again.delivered]).toEqual(["success", 11]);
      expect(journalSeen.at(-1)).toBe(10);
      expect(await count("snapshot")).toBe(11);
      expect(await count("acks")).toBe(0);
      expect((await run(recorder(wh).connector)).counts.planned).toBe(0);
    } finally {
      syncParts.rows = saved;
    }
  });

  it("leaves nothing journaled after a run, and what an interrupted run journaled is neither planned nor sent again", async () => {
    await wh.replaceTable(model, "SELECT range AS id, 'p' || range || '@x.com' AS email FROM range(6)");
    const first = recorder(wh);
    expect((await sync(first.connector)).delivered).toBe(6);
    expect(await journalSize()).toBe(0);
    expect(Object.keys(await snapshot())).toHaveLength(6);

    // Every row changes. A run delivers one batch (two rows), then the destination refuses all
    // further work, and the fold at its end fails too, as if the process died first: the two
    // acknowledgements stay in the journal, the snapshot is as before.
    await wh.replaceTable(model, "SELECT range AS id, 'q' || range || '@x.com' AS email FROM range(6)");
    const before = await snapshot();
    const cut = recorder(wh);
    let batches = 0;
    const failingFold = new Proxy(wh, {
      get(target, prop) {
        if (prop === "executeInTransaction")
          return (statements: string[]) =>
            statements.some((q) => q.includes("people__acks"))
              ? Promise.reject(new Error("the process is gone"))
              : target.executeInTransaction(statements);
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const interrupted = await sync(
      {
        ...cut.connector,
        write: (batch, ctx) =>
          batches++ === 0
            ? cut.connector.write(batch, ctx)
            : Promise.reject(new BatchError("401 revoked", false, undefined, true)),
      },
      false,
      { warehouse: failingFold, config: { concurrency: 1 } },
    );
    expect(interrupted.status).toBe("error");
    expect(interrupted.delivered).toBe(2);
    expect(await journalSize()).toBe(2);
    expect(await snapshot()).toEqual(before);

    // A dry run reads the snapshot with the journal laid over it: four rows left to send.
    const dry = await sync(recorder(wh).connector, true);
    expect(dry.counts.changed).toBe(4);
    expect(await journalSize()).toBe(2);

    // The next run folds the journal first, then sends only the four others.
    const next = recorder(wh);
    const result = await sync(next.connector);
    expect(result.counts.changed).toBe(4);
    expect(next.sent.map((r) => r.key).sort()).toEqual(
      ["0", "1", "2", "3", "4", "5"].filter((k) => !cut.sent.some((r) => r.key === k)),
    );
    expect(await journalSize()).toBe(0);
    expect((await sync(recorder(wh).connector)).counts.planned).toBe(0);
  });

  it("runs syncs under the sync memory limit (delivery under half of it) and restores DuckDB's limit after", async () => {
    const outside = (await wh.query<{ v: string }>("SELECT current_setting('memory_limit') AS v"))[0]!.v;
    await wh.replaceTable(model, "SELECT range AS id, 'r' || range || '@x.com' AS email FROM range(3)");
    const r = recorder(wh);
    await sync(r.connector);
    // Delivery runs on half the 64MB limit (DuckDB prints 64 MB as 61.0 MiB).
    expect(new Set(r.limits)).toEqual(new Set(["30.5 MiB"]));
    const limit = async () =>
      (await wh.query<{ v: string }>("SELECT current_setting('memory_limit') AS v"))[0]!.v;
    const outer = await wh.constrainMemory();
    expect(await limit()).toBe("61.0 MiB");
    const inner = await wh.constrainMemory(0.5);
    expect(await limit()).toBe("30.5 MiB");
    await inner();
    expect(await limit()).toBe("61.0 MiB");
    await outer();
    expect((await wh.query<{ v: string }>("SELECT current_setting('memory_limit') AS v"))[0]!.v).toBe(
      outside,
    );
  });

  it("goes on under DuckDB's own limit when a statement runs out of memory under the sync limit", async () => {
    const tight = await DuckdbWarehouse.open({
      path: path.join(dir, "tight.duckdb"),
      schema: "main",
      connections: 2,
      syncMemoryLimit: "1MB",
    });
    try {
      const outside = (await tight.query<{ v: string }>("SELECT current_setting('memory_limit') AS v"))[0]!.v;
      await tight.replaceTable(
        model,
        "SELECT range AS id, 'big' || range || '@x.com' AS email FROM range(200000)",
      );
      const r = recorder(tight);
      const result = await sync({ ...r.connector, batchSize: 50_000 }, false, {
        warehouse: tight,
        config: { batchSize: 50_000 },
      });
      expect(result.status).toBe("success");
      expect(result.delivered).toBe(200_000);
      expect(gib(r.limits.at(-1)!)).toBeCloseTo(gib(outside), 0);
      const after = (await tight.query<{ v: string }>("SELECT current_setting('memory_limit') AS v"))[0]!.v;
      expect(gib(after)).toBeCloseTo(gib(outside), 0);
    } finally {
      await tight.close();
    }
  });

  it("rebuilds snapshot and errors tables made with a PRIMARY KEY without it, rows unchanged", async () => {
    const s = stateTables("cdp_state", "old");
    await wh.execute(
      "CREATE TABLE cdp_state.old__snapshot (key VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, synced_at TIMESTAMP, fields VARCHAR)",
    );
    await wh.execute(
      "INSERT INTO cdp_state.old__snapshot VALUES ('k1', 'h', NULL, NULL), ('k2', 'h', NULL, '{}')",
    );
    await wh.execute(
      "CREATE TABLE cdp_state.old__errors (key VARCHAR PRIMARY KEY, operation VARCHAR, error VARCHAR, attempts BIGINT, first_seen TIMESTAMP, last_seen TIMESTAMP)",
    );
    await ensureState(wh, s);
    await migrateState(wh, s);
    const constraints = await wh.query<{ table_name: string; constraint_type: string }>(
      "SELECT table_name, constraint_type FROM duckdb_constraints() WHERE table_name LIKE 'old__%' ORDER BY 1, 2",
    );
    expect(constraints.filter((c) => c.constraint_type === "PRIMARY KEY")).toEqual([]);
    // hash stays NOT NULL
    expect(constraints).toContainEqual({ table_name: "old__snapshot", constraint_type: "NOT NULL" });
    expect(await wh.query("SELECT key, hash, fields FROM cdp_state.old__snapshot ORDER BY key")).toEqual([
      { key: "k1", hash: "h", fields: null },
      { key: "k2", hash: "h", fields: "{}" },
    ]);
  });
});
