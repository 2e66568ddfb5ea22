import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchBrowser, type TestBrowser, warnBrowserSkipped } from "../helpers/browser.ts";
import {
  type RecordedBatch,
  type RecordingCollector,
  startRecordingCollector,
  startSite,
  WRITE_KEY,
} from "./snippet-fixture.ts";

/** An event as the snippet sends it (the fields these tests read). */
interface SentEvent {
  messageId: string;
  anonymousId: string;
  originalTimestamp: string;
  sentAt: string;
  timestamp?: string;
  context: { library: unknown; userAgent: string; page: { url: string; [key: string]: unknown } };
  [key: string]: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.skipIf(!!chromiumMissing())("cdp.js in chromium", () => {
  let browser: TestBrowser;
  let collector: RecordingCollector;
  let site: { url: string; close(): Promise<void> };
  let errors: string[] = [];
  let warnings: string[] = [];
  let page: Page;

  beforeAll(async () => {
    collector = await startRecordingCollector();
    site = await startSite(collector.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await collector?.close();
  });
  afterEach(async () => {
    const seen = errors;
    await page.close();
    await browser.context.clearCookies();
    collector.batches.length = 0;
    expect(seen).toEqual([]);
  });

  async function open(
    name: string,
    load: Record<string, unknown> | undefined,
    calls: unknown[] = [],
    before?: (page: Page) => Promise<void>,
  ) {
    const opened = await browser.page();
    page = opened.page;
    await before?.(page);
    errors = opened.errors;
    warnings = [];
    page.on("console", (m) => {
      if (m.type() === "warning") warnings.push(m.text());
    });
    return goto(name, load, calls);
  }

  async function goto(name: string, load: Record<string, unknown> | undefined, calls: unknown[] = []) {
    const query = new URLSearchParams();
    if (load) query.set("load", JSON.stringify({ writeKey: WRITE_KEY, host: collector.url, ...load }));
    if (calls.length) query.set("calls", JSON.stringify(calls));
    await page.goto(`${site.url}/page/${name}?${query}`);
    await page.waitForFunction(
      () => typeof (window as { cdp?: { track?: unknown } }).cdp?.track === "function",
    );
  }

  const run = (script: string) => page.evaluate(script);
  const events = (): Record<string, unknown>[] => collector.batches.flatMap((b) => b.body.batch);
  const arrived = (n: number) => expect.poll(() => events().length, { timeout: 15_000 }).toBe(n);

  it("sends page, identify and track in Segment's shape, in one batch", async () => {
    await open("home", { flushAt: 3, flushInterval: 600_000 });
    await run(
      `cdp.page(); cdp.identify("u-1", { email: "ada@example.com" }); cdp.track("Order Completed", { total: 42.5 })`,
    );
    await arrived(3);
    expect(collector.batches).toHaveLength(1);
    const batch = collector.batches[0]!;
    expect(batch.status).toBe(200);
    expect(batch.contentType).toMatch(/^text\/plain/);
    expect(batch.body.writeKey).toBe(WRITE_KEY);
    const [pageEvent, identify, track] = batch.body.batch as unknown as SentEvent[];
    const anonymousId = await run("cdp.anonymousId()");
    expect(anonymousId).toMatch(UUID);
    for (const e of [pageEvent, identify, track]) {
      expect(e!.messageId).toMatch(UUID);
      expect(e!.anonymousId).toBe(anonymousId);
      expect(e!.originalTimestamp).toMatch(ISO);
      expect(e!.sentAt).toBe(batch.body.sentAt);
      expect(Date.parse(e!.sentAt)).toBeGreaterThanOrEqual(Date.parse(e!.originalTimestamp));
      expect(e!.timestamp).toBeUndefined();
      expect(e!.context.library).toEqual({ name: "cdp.js", version: expect.any(String) });
      expect(e!.context.userAgent).toMatch(/Chrome/);
      expect(e!.context.page).toMatchObject({ path: "/page/home", title: "Page home" });
      expect(e!.context.page.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/page\/home\?load=/);
    }
    expect(new Set([pageEvent, identify, track].map((e) => e!.messageId)).size).toBe(3);
    expect(pageEvent).toMatchObject({
      type: "page",
      userId: null,
      properties: { path: "/page/home", title: "Page home" },
    });
    expect(identify).toMatchObject({ type: "identify", userId: "u-1", traits: { email: "ada@example.com" } });
    expect(track).toMatchObject({
      type: "track",
      userId: "u-1",
      event: "Order Completed",
      properties: { total: 42.5 },
    });
  });

  it("loads from the script tag's data-write-key and replays calls queued before it arrived", async () => {
    await open("tagged", undefined, [
      ["page", "Docs", "Install", { section: "a" }],
      ["track", "Early"],
    ]);
    await arrived(2);
    const [pageEvent, early] = events() as unknown as SentEvent[];
    expect(collector.batches[0]!.body.writeKey).toBe(WRITE_KEY);
    expect(pageEvent).toMatchObject({
      type: "page",
      category: "Docs",
      name: "Install",
      properties: { section: "a" },
    });
    expect(early).toMatchObject({ type: "track", event: "Early" });
  });

  it("keeps the anonymous id in a first-party cookie across pages, and the user id after identify", async () => {
    await open("first", { flushAt: 1 }, [["page"]]);
    const anonymousId = await run("cdp.anonymousId()");
    await run(`cdp.identify("u-7")`);
    await arrived(2);
    const [cookie] = (await browser.context.cookies(site.url)).filter((c) => c.name === "cdp_anonymous_id");
    expect(cookie).toMatchObject({ value: anonymousId, sameSite: "Lax", path: "/", httpOnly: false });
    // A year, renewed on each page load.
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);
    await goto("second", undefined, [["track", "Second Page"]]);
    await arrived(3);
    const second = events()[2]!;
    expect(second).toMatchObject({ event: "Second Page", anonymousId, userId: "u-7" });
    await run(`cdp.reset()`);
    expect(await run("cdp.anonymousId()")).not.toBe(anonymousId);
    expect(await run("cdp.userId()")).toBeUndefined();
  });

  it("aliases the anonymous visitor to a user id, which later calls carry", async () => {
    await open("alias", { flushAt: 2 });
    const anonymousId = await run("cdp.anonymousId()");
    await run(`cdp.alias("u-9"); cdp.track("After Alias")`);
    await arrived(2);
    expect(events()).toMatchObject([
      { type: "alias", previousId: anonymousId, anonymousId, userId: "u-9" },
      { type: "track", event: "After Alias", userId: "u-9" },
    ]);
  });

  it("sends flushAt events at once, a backlog together, the rest on flush()", async () => {
    await open("batching", { flushAt: 4, flushInterval: 600_000 });
    // The first four leave at once; the six queued meanwhile leave together when they return.
    await run(`for (let i = 0; i < 10; i++) cdp.track("E" + i)`);
    await arrived(10);
    await run(`cdp.track("E10"); cdp.track("E11")`);
    // Two wait for the (10-minute) interval, or an explicit flush.
    await run("cdp.flush()");
    await arrived(12);
    expect(collector.batches.map((b) => b.body.batch.length)).toEqual([4, 6, 2]);
    expect(events().map((e) => e.event)).toEqual(Array.from({ length: 12 }, (_, i) => `E${i}`));
  });

  it("hands what waits to sendBeacon when the visitor leaves the page", async () => {
    await open("leaving", { flushInterval: 600_000 });
    await run(`cdp.track("Clicked Buy"); cdp.track("Left")`);
    expect(collector.batches).toHaveLength(0);
    await page.click("#next");
    await arrived(2);
    const beacon = collector.batches[0] as RecordedBatch;
    // A beacon leaves the page as a no-cors request; fetch() would be `cors`.
    expect(beacon.fetchMode).toBe("no-cors");
    expect(beacon.body.batch.map((e) => e.event)).toEqual(["Clicked Buy", "Left"]);
  });

  it("retries network errors, 503 and 429 with exponential backoff and jitter, honouring Retry-After", async () => {
    // The page's clock is Playwright's: the test moves time forward, nothing sleeps.
    await open("retrying", { flushAt: 1, backoffMin: 1000, backoffMax: 4000 }, [], async (p) => {
      await p.clock.install();
      await p.addInitScript(RECORD_FETCH);
    });
    collector.failNext(
      { status: 503 },
      { status: 0 },
      { status: 503 },
      { status: 502 },
      { status: 429, headers: { "Retry-After": "30" } },
    );
    await run(`cdp.track("Persistent")`);
    for (let i = 0; i < 2000 && collector.batches.length < 6; i++) await page.clock.runFor(100);
    await expect.poll(() => run("window.__requests.filter((r) => r.done !== undefined).length")).toBe(6);
    expect(collector.batches.map((b) => b.status)).toEqual([503, 0, 503, 502, 429, 200]);
    // One event, the same messageId every time; sentAt is stamped anew on each attempt.
    const ids = new Set(collector.batches.map((b) => b.body.batch[0]!.messageId));
    expect(ids.size).toBe(1);
    expect(new Set(collector.batches.map((b) => b.body.sentAt)).size).toBe(6);
    const requests = (await run("window.__requests")) as { sent: number; done: number }[];
    expect(requests).toHaveLength(6);
    const waits = requests.slice(1).map((r, i) => r.sent - requests[i]!.done);
    // Between half and all of 1 s, 2 s, 4 s, then 4 s (the maximum); Retry-After wins over backoff.
    const ceilings = [1000, 2000, 4000, 4000];
    ceilings.forEach((ceiling, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(waits[i]).toBeLessThanOrEqual(ceiling);
    });
    expect(waits[4]).toBe(30_000);
    // Jitter: the waits are not the bare powers of two.
    expect(waits.slice(0, 4)).not.toEqual(ceilings);
    expect(errors.splice(0).every((e) => /Failed to load resource/.test(e))).toBe(true);
  });

  it("drops a batch the collector refuses with 400, with a warning, and goes on", async () => {
    await open("refused", { flushAt: 1 });
    collector.failNext({ status: 400 });
    await run(`cdp.track("Rejected")`);
    await arrived(1);
    // Chromium's own report of the failed request; the snippet's is the warning below.
    await expect.poll(() => errors.length).toBe(1);
    expect(errors.splice(0)).toEqual([expect.stringMatching(/status of 400/)]);
    await expect
      .poll(() => warnings.join("\n"))
      .toMatch(/\[cdp\.js\] dropped 1 events: the collector answered 400/);
    await run(`cdp.track("Accepted")`);
    await arrived(2);
    expect(collector.batches.map((b) => [b.status, b.body.batch.map((e) => e.event)])).toEqual([
      [400, ["Rejected"]],
      [200, ["Accepted"]],
    ]);
  });
});

/** Records, in the page's (fake) time, when each request left and when its answer or error came back. */
const RECORD_FETCH = `(() => {
  const original = window.fetch;
  window.__requests = [];
  window.fetch = (...args) => {
    const entry = { sent: Date.now() };
    window.__requests.push(entry);
    return original(...args).then(
      (r) => { entry.done = Date.now(); entry.status = r.status; return r; },
      (e) => { entry.done = Date.now(); entry.status = 0; throw e; },
    );
  };
})()`;

warnBrowserSkipped("cdp.js in chromium");
