import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { execute } from "../../src/api.ts";
import { landedFiles, landingDir } from "../../src/collect/loader/landing.ts";
import { loadCollected } from "../../src/collect/loader/one-shot.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import { openPostgres, postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { collectProject, killDuringLoad } from "./collect-project.ts";
import { collected } from "./log-helper.ts";

const DUCKDB = `{ type: "duckdb", path: ".cdp/t.duckdb" }`;

async function counts(wh: Warehouse): Promise<{ n: number; ids: number; people: number }> {
  const [visits] = await wh.query<{ n: number; ids: number }>(`SELECT n, ids FROM "main"."visits"`);
  const [people] = await wh.query<{ n: number }>(`SELECT n FROM "main"."people"`);
  return { n: Number(visits!.n), ids: Number(visits!.ids), people: Number(people!.n) };
}

async function duckdbCounts(dir: string) {
  const wh = await DuckdbWarehouse.open({
    path: path.join(dir, ".cdp/t.duckdb"),
    schema: "main",
    connections: 1,
  });
  try {
    return await counts(wh);
  } finally {
    await wh.close();
  }
}

const events = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    i % 10 === 0
      ? collected({ at: from + i, type: "identify", userId: `u${(from + i) % 7}`, traits: { n: from + i } })
      : collected({ at: from + i, event: "Clicked", properties: { i: from + i } }),
  );
const tracksIn = (list: ReturnType<typeof events>) => list.filter((e) => e.type === "track").length;

describe("collected events and cdp build on DuckDB", () => {
  it("makes the base tables before any event, and compacts landed events at the start of the next build", async () => {
    const { dir, log } = collectProject(DUCKDB);
    const empty = await execute("build", { projectDir: dir });
    expect(empty.success).toBe(true);
    expect(await duckdbCounts(dir)).toEqual({ n: 0, ids: 0, people: 0 });

    const batch = events(120);
    log.append(...batch);
    const loaded = await loadCollected({ projectDir: dir });
    expect(loaded.events).toBe(120);
    expect((await landedFiles(landingDir(dir))).length).toBeGreaterThan(1);
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    expect(await duckdbCounts(dir)).toEqual({ n: tracksIn(batch), ids: tracksIn(batch), people: 7 });
    expect(await landedFiles(landingDir(dir))).toEqual([]);
  });

  it("lands events while the build holds the DuckDB file, and while a build runs", async () => {
    const { dir, log } = collectProject(DUCKDB);
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    // The file is held as a build holds it (one writer): the loader never opens it.
    const holder = await DuckdbWarehouse.open({
      path: path.join(dir, ".cdp/t.duckdb"),
      schema: "main",
      connections: 1,
    });
    const first = events(60);
    log.append(...first);
    try {
      expect((await loadCollected({ projectDir: dir })).events).toBe(60);
    } finally {
      await holder.close();
    }
    // A build and the loader at once: the build compacts what had landed; what lands meanwhile waits.
    const second = events(80, 60);
    log.append(...second);
    const [build, load] = await Promise.all([
      execute("build", { projectDir: dir }),
      loadCollected({ projectDir: dir }),
    ]);
    expect(build.success).toBe(true);
    expect(load.events).toBe(80);
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    const all = [...first, ...second];
    expect(await duckdbCounts(dir)).toEqual({ n: tracksIn(all), ids: tracksIn(all), people: 7 });
  });

  it("holds every event exactly once after the loader is killed several times mid-load", async () => {
    const { dir, log } = collectProject(DUCKDB, 40);
    const all = events(600);
    log
      .append(...all.slice(0, 300))
      .seal()
      .append(...all.slice(300));
    // Killed as soon as a batch landed (before its checkpoint, mostly), at three points of the log.
    const landed = async () => (await landedFiles(landingDir(dir))).length;
    let kills = 0;
    for (const nth of [1, 3, 5]) if (await killDuringLoad(dir, nth, landed)) kills++;
    expect(kills).toBeGreaterThan(0);
    await loadCollected({ projectDir: dir });
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    expect(await duckdbCounts(dir)).toEqual({ n: tracksIn(all), ids: tracksIn(all), people: 7 });
    // Loaded segments are gone, but for the open one.
    expect(readdirSync(log.dir).filter((n) => n.startsWith("segment-"))).toHaveLength(1);
  });
});

describe("collected events and cdp build on Postgres", () => {
  const server = postgresServer();
  const opened: { wh: Warehouse; schema: string }[] = [];
  afterAll(async () => {
    for (const { wh, schema } of opened) {
      for (const s of [schema, `${schema}_events`]) {
        await wh
          .execute(`DROP SCHEMA IF EXISTS ${wh.dialect.quoteIdentifier(s)} CASCADE`)
          .catch(() => undefined);
      }
      await wh.close();
    }
  });
  const project = async (maxEvents?: number) => {
    const schema = `cdp_collect_build_${process.pid}_${opened.length}`;
    const wh = await openPostgres(server.url!, schema, 2);
    opened.push({ wh, schema });
    const target = `{ type: "postgres", connectionString: ${JSON.stringify(server.url)}, schema: ${JSON.stringify(schema)} }`;
    const p = collectProject(target, maxEvents);
    // Each test its own collect schema, so runs at the same time never share tables.
    const config = path.join(p.dir, "cdp.config.ts");
    const { readFileSync, writeFileSync } = await import("node:fs");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replaceAll('"events"', JSON.stringify(`${schema}_events`)),
    );
    return { ...p, wh, schema };
  };
  const pgCounts = async (wh: Warehouse, schema: string) => {
    const [visits] = await wh.query<{ n: number; ids: number }>(`SELECT n, ids FROM "${schema}"."visits"`);
    const [people] = await wh.query<{ n: number }>(`SELECT n FROM "${schema}"."people"`);
    return { n: Number(visits!.n), ids: Number(visits!.ids), people: Number(people!.n) };
  };

  it("loads while a build runs, and the build reads the tables", async () => {
    if (server.unavailable) return warnSkipped("collect + build on Postgres", server.unavailable);
    const { dir, log, wh, schema } = await project();
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    expect(await pgCounts(wh, schema)).toEqual({ n: 0, ids: 0, people: 0 });
    const all = events(150);
    log.append(...all);
    const [build, load] = await Promise.all([
      execute("build", { projectDir: dir }),
      loadCollected({ projectDir: dir }),
    ]);
    expect(build.success).toBe(true);
    expect(load.events).toBe(150);
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    expect(await pgCounts(wh, schema)).toEqual({ n: tracksIn(all), ids: tracksIn(all), people: 7 });
  });

  it("holds every event exactly once after the loader is killed several times mid-load", async () => {
    if (server.unavailable) return warnSkipped("collect crash on Postgres", server.unavailable);
    const { dir, log, wh, schema } = await project(40);
    const all = events(600);
    log
      .append(...all.slice(0, 250))
      .seal()
      .append(...all.slice(250));
    // Killed as soon as a batch's rows are committed (before its checkpoint, mostly).
    await execute("build", { projectDir: dir });
    const committed = async () => {
      const [row] = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${schema}_events"."tracks"`);
      return Number(row!.n);
    };
    let kills = 0;
    for (const nth of [1, 3, 4]) if (await killDuringLoad(dir, nth, committed)) kills++;
    expect(kills).toBeGreaterThan(0);
    await loadCollected({ projectDir: dir });
    expect((await execute("build", { projectDir: dir })).success).toBe(true);
    expect(await pgCounts(wh, schema)).toEqual({ n: tracksIn(all), ids: tracksIn(all), people: 7 });
  });
});
