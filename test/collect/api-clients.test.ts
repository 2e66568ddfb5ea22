import { createReadStream, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Analytics from "@rudderstack/rudder-sdk-node";
import { Analytics as SegmentAnalytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchBrowser, warnBrowserSkipped } from "../helpers/browser.ts";
import { REPO } from "../helpers/project.ts";
import { APP_KEY, type TestCollector, testCollector, WEB_KEY } from "./collector.ts";

/** Real clients, unchanged, pointed at the collector: what they send must land in the log as sent. */
describe("collector: real Segment and RudderStack clients", () => {
  let c: TestCollector;
  const encodings: string[] = [];
  beforeAll(async () => {
    c = await testCollector({}, {}, async (app) => {
      app.addHook("onRequest", async (req) => {
        encodings.push(`${req.url} ${req.headers["content-encoding"] ?? "identity"}`);
      });
    });
  });
  afterAll(() => c.close());

  it("@segment/analytics-node: track, identify, page, group, alias in batches", async () => {
    const analytics = new SegmentAnalytics({ writeKey: APP_KEY, host: c.url, flushAt: 3, maxRetries: 0 });
    const errors: unknown[] = [];
    analytics.on("error", (e) => errors.push(e));
    analytics.track({
      userId: "n1",
      event: "Order Completed",
      properties: { total: 40, currency: "EUR" },
      messageId: "seg-node-1",
    });
    analytics.identify({ userId: "n1", traits: { email: "n1@example.com" } });
    analytics.page({ anonymousId: "anon-n1", name: "Pricing", properties: { path: "/pricing" } });
    analytics.group({ userId: "n1", groupId: "acme", traits: { plan: "enterprise" } });
    analytics.alias({ userId: "n1", previousId: "anon-n1" });
    await analytics.closeAndFlush({ timeout: 30_000 });
    expect(errors).toEqual([]);
    const mine = c.events().filter((e) => e.userId === "n1" || e.anonymousId === "anon-n1");
    expect(mine.map((e) => e.type).sort()).toEqual(["alias", "group", "identify", "page", "track"]);
    expect(mine.every((e) => e.source === "app")).toBe(true);
    const track = mine.find((e) => e.type === "track")!;
    expect(track).toMatchObject({
      messageId: "seg-node-1",
      event: "Order Completed",
      properties: { total: 40, currency: "EUR" },
    });
    expect(track.context).toMatchObject({ library: { name: "@segment/analytics-node" } });
    expect(track.sentAt).not.toBeNull();
    expect(mine.find((e) => e.type === "alias")).toMatchObject({ previousId: "anon-n1" });
  });

  it("@rudderstack/rudder-sdk-node: gzip batches to /v1/batch", async () => {
    const client = new Analytics(APP_KEY, {
      dataPlaneUrl: c.url,
      flushAt: 2,
      retryCount: 0,
      logLevel: "error",
    });
    client.identify({ userId: "r1", traits: { email: "r1@example.com" } });
    client.track({ userId: "r1", event: "Signed Up", properties: { plan: "pro" } });
    client.screen({ anonymousId: "anon-r1", name: "Home" });
    await client.flush();
    expect(encodings).toContain("/v1/batch gzip");
    const mine = c.events().filter((e) => e.userId === "r1" || e.anonymousId === "anon-r1");
    expect(mine.map((e) => e.type).sort()).toEqual(["identify", "screen", "track"]);
    expect(mine.find((e) => e.type === "track")).toMatchObject({
      event: "Signed Up",
      properties: { plan: "pro" },
    });
    expect(mine.find((e) => e.type === "identify")).toMatchObject({ traits: { email: "r1@example.com" } });
    expect(new Set(mine.map((e) => e.messageId)).size).toBe(3);
  });
});

const BUNDLE_DIR = path.join(REPO, "node_modules/@segment/analytics-next/dist/umd");

/** The page of a site using analytics.js through Segment's snippet, its CDN pointed at the collector. */
function page(cdn: string): string {
  return `<!doctype html><html><head><title>Shop</title><script>
  !function(){var analytics=window.analytics=window.analytics||[];
  analytics.methods=["track","identify","page","group","alias","reset","ready"];
  analytics.factory=function(m){return function(){var a=Array.prototype.slice.call(arguments);a.unshift(m);analytics.push(a);return analytics}};
  for(var i=0;i<analytics.methods.length;i++){var k=analytics.methods[i];analytics[k]=analytics.factory(k)}
  analytics._writeKey=${JSON.stringify(WEB_KEY)};analytics._cdn=${JSON.stringify(cdn)};
  analytics.page();
  analytics.identify("b1",{email:"b1@example.com"});
  analytics.track("Added To Cart",{sku:"SKU-1",price:9.5});
  }();</script>
  <script async src="${cdn}/analytics.js/v1/${WEB_KEY}/analytics.min.js"></script></head><body>shop</body></html>`;
}

describe("collector: @segment/analytics-next in headless chromium", () => {
  const missing = chromiumMissing();
  let c: TestCollector;
  let site: Server;
  let siteUrl: string;
  beforeAll(async () => {
    if (missing) return warnBrowserSkipped("analytics-next browser test");
    // The site is another origin than the collector: the browser's posts go through CORS.
    site = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(page(cdn));
    });
    await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    let cdn = "";
    c = await testCollector(
      { allowedOrigins: [siteUrl] },
      {},
      // The CDN's static files (analytics.js and its lazily loaded chunks) come from the package.
      async (app) => {
        app.get("/analytics.js/v1/:key/analytics.min.js", (_req, reply) =>
          reply.type("application/javascript").send(createReadStream(path.join(BUNDLE_DIR, "standalone.js"))),
        );
        app.get<{ Params: { file: string } }>("/analytics-next/bundles/:file", (req, reply) => {
          const file = path.join(BUNDLE_DIR, path.basename(req.params.file));
          if (!existsSync(file)) return reply.code(404).send();
          return reply.type("application/javascript").send(createReadStream(file));
        });
      },
    );
    cdn = c.url;
  });
  afterAll(async () => {
    await c?.close();
    await new Promise<void>((r) => (site ? site.close(() => r()) : r()));
  });

  it.skipIf(!!missing)(
    "loads its settings from the collector and sends page, identify, track to it",
    async () => {
      const browser = await launchBrowser();
      try {
        const { page: tab, errors } = await browser.page();
        const outside: string[] = [];
        tab.on("request", (r) => {
          if (!r.url().startsWith(c.url) && !r.url().startsWith(siteUrl)) outside.push(r.url());
        });
        const acked: string[] = [];
        const allAcked = new Promise<void>((resolve) => {
          tab.on("response", (r) => {
            if (/\/v1\/[tip]$/.test(r.url()) && r.status() === 200) acked.push(r.url());
            if (acked.length === 3) resolve();
          });
        });
        await tab.goto(`${siteUrl}/`);
        await allAcked;
        const mine = c.events().filter((e) => e.source === "web");
        expect(mine.map((e) => e.type).sort()).toEqual(["identify", "page", "track"]);
        const track = mine.find((e) => e.type === "track")!;
        expect(track).toMatchObject({
          userId: "b1",
          event: "Added To Cart",
          properties: { sku: "SKU-1", price: 9.5 },
        });
        expect(track.anonymousId).toMatch(/^[0-9a-f-]{36}$/);
        expect(mine.every((e) => e.anonymousId === track.anonymousId)).toBe(true);
        expect(track.context).toMatchObject({
          library: { name: "analytics.js" },
          page: { url: `${siteUrl}/` },
        });
        expect(mine.find((e) => e.type === "identify")).toMatchObject({
          traits: { email: "b1@example.com" },
        });
        expect(mine.find((e) => e.type === "page")?.properties).toMatchObject({
          url: `${siteUrl}/`,
          title: "Shop",
        });
        expect(outside).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
