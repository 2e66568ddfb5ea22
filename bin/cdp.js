#!/usr/bin/env node
// Entry point of the `cdp` command.
//
// The sources are TypeScript. Loading them through a TypeScript loader costs ~0.5 s per
// invocation, so the CLI is bundled once with esbuild into node_modules/.cache and rebuilt only
// when a source file is newer than the bundle. Where the cache cannot be written (a read-only
// install) the loader is used instead.
import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src/cli/main.ts");
const cacheDir = path.join(root, "node_modules/.cache/cdp");
const bundle = path.join(cacheDir, "cli/main.mjs");

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

async function loadCli() {
  try {
    let fresh = false;
    try {
      fresh = statSync(bundle).mtimeMs >= newestSource();
    } catch {}
    if (!fresh) {
      const { build } = await import("esbuild");
      mkdirSync(cacheDir, { recursive: true });
      // Built into a fresh folder, then swapped in, so a concurrent run never sees half a bundle.
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
      const { renameSync, rmSync } = await import("node:fs");
      const target = path.dirname(bundle);
      const old = `${target}-old-${process.pid}`;
      try {
        renameSync(target, old);
      } catch {}
      try {
        renameSync(temp, target);
      } catch {
        // Another run swapped in its identical bundle first.
        rmSync(temp, { recursive: true, force: true });
      }
      rmSync(old, { recursive: true, force: true });
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
