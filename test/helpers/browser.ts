import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { REPO } from "./project.ts";

/** Debian's chromium package; CI (.ci/run) installs it. */
export const CHROMIUM = process.env.CDP_CHROMIUM ?? "/usr/bin/chromium";

/**
 * How tests and benchmarks start chromium: headless, no sandbox (root in CI), and none of its own
 * network services (updates, sync, QUIC), which this machine's closed network refuses.
 */
export const CHROMIUM_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1400, height: 900 },
};

/** Where tests leave screenshots: target/test-artifacts/ of the repository. */
export const ARTIFACTS = path.join(REPO, "target/test-artifacts");

/** Why browser tests cannot run here, or undefined; printed loudly by the caller that skips. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `${CHROMIUM} not found: browser tests skipped (apt-get install -y chromium, or set CDP_CHROMIUM)`;
}

export function warnBrowserSkipped(what: string): void {
  const why = chromiumMissing();
  if (why) process.stderr.write(`\n*** SKIPPED ${what}: ${why} ***\n\n`);
}

export interface TestBrowser {
  context: BrowserContext;
  /** A new page that records console errors and uncaught exceptions into `errors`. */
  page(): Promise<{ page: Page; errors: string[] }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile, no network services of its own (no updates, no sync). */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "cdp-chromium-"));
  const context = await chromium.launchPersistentContext(profile, CHROMIUM_OPTIONS);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page: async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      return { page, errors };
    },
    screenshot: async (page, name) => {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
