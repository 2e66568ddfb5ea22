import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { bundleForBrowser, packageSource } from "../../browser-bundle.ts";
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
  const entry = packageSource("src/collect/snippet/client/index.ts");
  if (!entry) throw new SnippetBuildError("cannot find src/collect/snippet/client of the cdp package");
  return entry;
}

async function build(): Promise<SnippetBundle> {
  let code: string;
  try {
    code = await bundleForBrowser(clientEntry(), {
      define: { __CDP_VERSION__: JSON.stringify(CDP_VERSION) },
    });
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
