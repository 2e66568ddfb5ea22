import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/**
 * A new directory under the system's temporary one, removed with its contents when the test that
 * made it ends, passed or failed (after the test's own `finally` blocks: a warehouse closed there
 * no longer holds its file). Call it inside a test; a directory a whole file shares belongs in its
 * `beforeAll`/`afterAll`.
 */
export function tempDir(prefix = "cdp-test-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
