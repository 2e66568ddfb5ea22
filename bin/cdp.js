#!/usr/bin/env node
// Entry point of the `cdp` command.
//
// The sources are TypeScript. Loading them through a TypeScript loader costs ~0.5 s per
// invocation, so the CLI is bundled once with esbuild into node_modules/.cache and rebuilt only
// when a source file is newer than the bundle. Where the cache cannot be written (a read-only
// install) the loader is used instead.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src/cli/main.ts");
const cacheDir = path.join(root, "node_modules/.cache/cdp");

function newestSource() {
  let newest = 0;
  for (const dir of ["src", "connectors"]) {
    let entries = [];
    try {
      entries = readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isFile() && e.name.endsWith(".ts"))
        newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
    }
  }
  return Math.max(newest, statSync(path.join(root, "package.json")).mtimeMs);
}

/**
 * One bundle folder per state of the sources (named by the newest source's mtime), never changed
 * once in place: a run that started on it can still load its lazy chunks while another run, after
 * an edit, builds the next folder beside it. Folders of other states are removed after an hour.
 */
function removeStaleBundles(current) {
  for (const name of readdirSync(cacheDir)) {
    const dir = path.join(cacheDir, name);
    if (dir === current || !/^(cli-|build-|cli$)/.test(name)) continue;
    try {
      if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
    } catch {}
  }
}

async function loadCli() {
  try {
    const dir = path.join(cacheDir, `cli-${Math.floor(newestSource()).toString(36)}`);
    const bundle = path.join(dir, "main.mjs");
    if (!existsSync(bundle)) {
      const { build } = await import("esbuild");
      mkdirSync(cacheDir, { recursive: true });
      // Built into a fresh folder, then renamed into place, so no run ever sees half a bundle.
      const temp = path.join(cacheDir, `build-${process.pid}-${Date.now()}`);
      await build({
        entryPoints: { main: entry },
        outdir: temp,
        splitting: true,
        entryNames: "[name]",
        outExtension: { ".js": ".mjs" },
        chunkNames: "chunks/[name]-[hash]",
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        // Pure-JS dependencies are bundled (one module instead of hundreds to resolve at start-up);
        // native and lazily loaded ones stay external.
        external: [
          "@duckdb/*",
          "esbuild",
          "handlebars",
          "tsx",
          "knex",
          "pg",
          "@google-cloud/*",
          "libphonenumber-js",
          "axios",
        ],
        // An external map costs nothing unless node runs with --enable-source-maps.
        sourcemap: true,
        // Bundled CommonJS packages call require(); give ES module chunks one.
        banner: {
          js: 'import { createRequire as __cdpCreateRequire } from "node:module"; const require = __cdpCreateRequire(import.meta.url);',
        },
        logLevel: "silent",
      });
      try {
        renameSync(temp, dir);
      } catch {
        // Another run put the same bundle in place first.
        rmSync(temp, { recursive: true, force: true });
      }
      removeStaleBundles(dir);
    }
    return await import(pathToFileURL(bundle).href);
  } catch (error) {
    if (process.argv.includes("--debug"))
      console.error("cdp: running from sources, the bundle is unusable:", error);
    const { register } = await import("tsx/esm/api");
    register();
    return import(pathToFileURL(entry).href);
  }
}

// `cdp ls | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
