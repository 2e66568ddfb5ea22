import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CdpError } from "../../errors.ts";
import { CDP_VERSION } from "../../project/artifacts.ts";

/** The snippet could not be built (its sources are missing or do not compile). */
export class SnippetBuildError extends CdpError {
  constructor(message: string) {
    super(message);
    this.name = "SnippetBuildError";
  }
}

export interface SnippetBundle {
  /** Minified IIFE. */
  code: string;
  /** The same, gzipped once, for clients that accept gzip. */
  gzipped: Buffer;
  /** A strong ETag: the code's hash. */
  etag: string;
}

/** `src/collect/snippet/client/` of this package, from the sources or from the CLI's bundle. */
function clientEntry(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "src/collect/snippet/client/index.ts");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new SnippetBuildError("cannot find src/collect/snippet/client of the cdp package");
    dir = parent;
  }
}

async function build(): Promise<SnippetBundle> {
  const esbuild = await import("esbuild");
  let code: string;
  try {
    const out = await esbuild.build({
      entryPoints: [clientEntry()],
      bundle: true,
      write: false,
      minify: true,
      format: "iife",
      // Browsers from 2020 on: all have sendBeacon, fetch keepalive and URLSearchParams.
      target: "es2020",
      platform: "browser",
      legalComments: "none",
      define: { __CDP_VERSION__: JSON.stringify(CDP_VERSION) },
      logLevel: "silent",
    });
    code = out.outputFiles[0]!.text;
  } catch (error) {
    throw new SnippetBuildError(`building cdp.js failed: ${(error as Error).message}`);
  }
  return {
    code,
    gzipped: gzipSync(code, { level: 9 }),
    etag: `"${createHash("sha256").update(code).digest("base64url").slice(0, 27)}"`,
  };
}

let cached: Promise<SnippetBundle> | undefined;

/** cdp.js, built on first use and kept for the life of the process (a failed build is retried). */
export function snippetBundle(): Promise<SnippetBundle> {
  if (!cached) {
    cached = build();
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}
