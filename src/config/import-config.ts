import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** `src/config/public.ts` of this package, found from wherever this code runs (sources or bundle). */
function publicApiFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "src/config/public.ts");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find src/config/public.ts of the cdp package");
    dir = parent;
  }
}

interface CacheMeta {
  /** Every file the bundle was made from, with the mtime and size it had. */
  inputs: Record<string, [number, number]>;
}

function fingerprint(file: string): [number, number] | undefined {
  try {
    const s = statSync(file);
    return [s.mtimeMs, s.size];
  } catch {
    return undefined;
  }
}

function cacheIsFresh(metaFile: string): boolean {
  try {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as CacheMeta;
    return Object.entries(meta.inputs).every(([file, [mtime, size]]) => {
      const now = fingerprint(file);
      return now !== undefined && now[0] === mtime && now[1] === size;
    });
  } catch {
    return false;
  }
}

/**
 * Imports `cdp.config.ts`. esbuild bundles it with its local imports into one ES module (packages
 * stay external; "warehouse-cdp", or "cdp" for short, resolves to the config helpers), written to `.cdp/cache/` where the
 * project's packages resolve, and reused while none of its input files changed: bundling costs
 * ~80 ms of start-up, a cache hit a few stats.
 */
export async function importConfig(file: string, projectDir: string): Promise<unknown> {
  const cacheDir = path.join(projectDir, ".cdp", "cache");
  const moduleFile = path.join(cacheDir, "cdp.config.mjs");
  const metaFile = path.join(cacheDir, "cdp.config.meta.json");
  if (!cacheIsFresh(metaFile)) {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      metafile: true,
      logLevel: "silent",
      absWorkingDir: projectDir,
      plugins: [
        {
          name: "cdp-config-api",
          setup(b) {
            // The package's name, and the command's for short: both mean this package.
            b.onResolve({ filter: /^(cdp|warehouse-cdp)$/ }, () => ({ path: publicApiFile() }));
          },
        },
      ],
    });
    const inputs: CacheMeta["inputs"] = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const absolute = path.resolve(projectDir, input);
      const fp = fingerprint(absolute);
      if (fp) inputs[absolute] = fp;
    }
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${moduleFile}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0]!.text);
    renameSync(temp, moduleFile);
    writeFileSync(`${metaFile}.${process.pid}.tmp`, JSON.stringify({ inputs } satisfies CacheMeta));
    renameSync(`${metaFile}.${process.pid}.tmp`, metaFile);
  }
  // The query string makes Node load the module again after it was rebuilt in this process.
  const url = `${pathToFileURL(moduleFile).href}?v=${statSync(moduleFile).mtimeMs}`;
  const mod = (await import(url)) as { default?: unknown };
  return mod.default;
}
