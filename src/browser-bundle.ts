import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A file of this package's sources (e.g. `src/serve/ui/app.ts`), found from wherever this code
 * runs: the sources themselves or the CLI's bundle next to them. Undefined when it is not there.
 */
export function packageSource(relative: string): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * One minified script for browsers from 2020 on (all have sendBeacon, fetch keepalive and
 * URLSearchParams), everything it imports bundled in: the pages and the snippet load nothing else.
 */
export async function bundleForBrowser(
  entry: string,
  options: { define?: Record<string, string>; keepLicenses?: boolean } = {},
): Promise<string> {
  const { build } = await import("esbuild");
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    legalComments: options.keepLicenses ? "inline" : "none",
    define: options.define ?? {},
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}
