import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CDP_BIN = path.join(REPO, "bin/cdp.js");

/** Writes a throwaway project (files by relative path) and returns its directory. */
export function makeProject(files: Record<string, string>, config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-test-"));
  const all = {
    "cdp.config.ts":
      config ??
      `export default { name: "t", warehouse: { type: "duckdb", path: ".cdp/t.duckdb" }, threads: 2 };\n`,
    ...files,
  };
  for (const [rel, content] of Object.entries(all)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Runs the real `cdp` executable in a child process (killed after `timeout` ms). */
export function cdp(dir: string, args: string[], env: Record<string, string> = {}, timeout = 120_000) {
  const r = spawnSync(process.execPath, [CDP_BIN, ...args, "--project-dir", dir], {
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
    timeout,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}
