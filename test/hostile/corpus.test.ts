import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdp, makeProject, writeFiles } from "../helpers/project.ts";
import { DUCKDB_CONFIG, type HostileCase } from "./case.ts";
import { CORPUS } from "./cases/index.ts";

/** Every file's text under `dir`, for `never`. */
function artifactText(dir: string): string {
  if (!existsSync(dir)) return "";
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

async function queryDuckdb(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  const wh = await DuckdbWarehouse.open({
    path: path.join(dir, ".cdp/t.duckdb"),
    schema: "main",
    connections: 1,
  });
  try {
    return await wh.query(sql);
  } finally {
    await wh.close();
  }
}

async function play(c: HostileCase): Promise<void> {
  const { "cdp.config.ts": config, ...files } = c.files;
  const dir = makeProject({}, typeof config === "string" ? config : DUCKDB_CONFIG);
  writeFiles(dir, files);
  for (const [link, target] of Object.entries(c.links ?? {})) {
    mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    symlinkSync(target, path.join(dir, link));
  }
  for (const args of c.before ?? []) {
    const r = cdp(dir, args, c.env);
    expect(r.code, `${args.join(" ")} before the case:\n${r.output}`).toBe(0);
  }
  if (c.change) writeFiles(dir, c.change);
  // A path outside the project may be left from a run before a fix: start without it.
  for (const p of c.absent ?? []) rmSync(path.resolve(dir, p), { force: true });
  const r = cdp(dir, c.args, c.env);
  expect(r.code, r.output).toBe(c.code);
  for (const said of c.says ?? []) {
    if (typeof said === "string") expect(r.output).toContain(said);
    else expect(r.output).toMatch(said);
  }
  const artifacts = artifactText(path.join(dir, "target"));
  for (const text of c.never ?? []) {
    expect(r.output).not.toContain(text);
    expect(artifacts).not.toContain(text);
  }
  for (const q of c.rows ?? []) expect(await queryDuckdb(dir, q.sql)).toEqual(q.equals);
  for (const f of c.intact ?? []) {
    expect(readFileSync(path.join(dir, f), "utf8"), f).toBe(String(c.files[f]));
  }
  for (const p of c.absent ?? []) expect(existsSync(path.resolve(dir, p)), p).toBe(false);
}

describe("hostile-input corpus", () => {
  for (const c of CORPUS) it(`${c.found}: ${c.name}`, () => play(c));
});
