import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { openSnapshotSource } from "../../src/serve/snapshot-source.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import {
  currentSnapshot,
  hasReaders,
  registerReader,
  snapshotRoot,
} from "../../src/warehouse/duckdb/snapshot.ts";
import { REPO } from "../helpers/project.ts";
import { tempDir } from "../helpers/temp-dir.ts";

async function makeDb(file: string, rows: number): Promise<void> {
  const wh = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 1 });
  await wh.execute(`create or replace table t as select range as i from range(${rows})`);
  await wh.close();
}

/**
 * A writer in another process: opens the file with the project's DuckDB warehouse, says "open",
 * adds a row when told "write" on stdin, and closes (publishing a snapshot) on "close".
 */
function writerProcess(file: string): { child: ChildProcess; opened: Promise<unknown> } {
  const script = path.join(mkdtempSync(path.join(tmpdir(), "cdp-writer-")), "writer.mts");
  writeFileSync(
    script,
    `import { DuckdbWarehouse } from ${JSON.stringify(path.join(REPO, "src/warehouse/duckdb/index.ts"))};
const wh = await DuckdbWarehouse.open({ path: ${JSON.stringify(file)}, schema: "main", connections: 1 });
process.stdout.write("open\\n");
for await (const chunk of process.stdin) {
  for (const command of String(chunk).trim().split("\\n")) {
    if (command === "write") { await wh.execute("insert into t values (1000)"); process.stdout.write("written\\n"); }
    if (command === "close") { await wh.close(); process.stdout.write("closed\\n"); process.exit(0); }
  }
}`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: REPO,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  const opened = new Promise((resolve, reject) => {
    child.stdout!.on("data", (c) => {
      out += c;
      if (out.includes("open")) resolve(undefined);
    });
    child.once("exit", (code) => reject(new Error(`the writer exited with ${code} before opening`)));
  });
  return { child, opened };
}

const count = async (file: string) => {
  const db = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const c = await db.connect();
  const n = Number((await c.runAndReadAll("select count(*) as n from t")).getRowObjectsJson()[0]!.n);
  c.closeSync();
  db.closeSync();
  return n;
};

describe("snapshots of a DuckDB file for readers in other processes", () => {
  it("are published by a writer only while a live reader is registered", async () => {
    const file = path.join(tempDir("cdp-snap-"), "db.duckdb");
    await makeDb(file, 3);
    expect(currentSnapshot(file)).toBeUndefined();
    const unregister = registerReader(file);
    expect(hasReaders(file)).toBe(true);
    await makeDb(file, 5);
    const snap = currentSnapshot(file)!;
    expect(await count(snap.file)).toBe(5);
    unregister();
    // A reader that died without unregistering is forgotten, and costs writers nothing.
    writeFileSync(path.join(snapshotRoot(file), "readers", "999999999"), "");
    expect(hasReaders(file)).toBe(false);
    expect(existsSync(path.join(snapshotRoot(file), "readers", "999999999"))).toBe(false);
    await makeDb(file, 7);
    expect(currentSnapshot(file)!.generation).toBe(snap.generation);
  });

  it("a server starting while another process writes neither fails nor blocks it, and gets its data at the end", async () => {
    const file = path.join(tempDir("cdp-snap-"), "db.duckdb");
    await makeDb(file, 3);
    const writer = writerProcess(file);
    await writer.opened;
    const source = await openSnapshotSource(file, "main");
    try {
      // The writer holds the file: no snapshot could be taken, and none existed.
      expect(source.current()).toBeUndefined();
      let seen = 0;
      source.onChange(async (view) => {
        seen = Number((await view.warehouse.query<{ n: number }>("select count(*) as n from t"))[0]!.n);
      });
      writer.child.stdin!.write("write\n");
      writer.child.stdin!.write("close\n");
      await once(writer.child, "exit");
      expect(writer.child.exitCode).toBe(0);
      await source.refresh();
      expect(seen).toBe(4);
      expect(source.current()).toBeDefined();
    } finally {
      await source.close();
      writer.child.kill();
    }
    // The server holds no lock on the file: a writer opens it at once.
    const wh = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 1 });
    await wh.close();
  }, 60_000);
});
