import { gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerSnippetRoutes, snippetBundle } from "../../src/collect/snippet/index.ts";

describe("GET /cdp.js", () => {
  const app = Fastify();
  beforeAll(async () => {
    registerSnippetRoutes(app, { maxAgeSeconds: 120 });
    await app.ready();
  });
  afterAll(() => app.close());

  it("serves the minified script as JavaScript, cacheable, with an ETag", async () => {
    const res = await app.inject({ method: "GET", url: "/cdp.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=120");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers["content-encoding"]).toBeUndefined();
    // An IIFE, one line, nothing of the TypeScript left.
    expect(res.body).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(res.body.trim().split("\n")).toHaveLength(1);
    expect(res.body).not.toMatch(/import |export |: string/);
    expect(res.body).toContain("/v1/batch");
  });

  it("answers 304 to a matching If-None-Match, and gzip to clients that accept it", async () => {
    const first = await app.inject({ method: "GET", url: "/cdp.js" });
    const again = await app.inject({
      method: "GET",
      url: "/cdp.js",
      headers: { "if-none-match": String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const gz = await app.inject({
      method: "GET",
      url: "/cdp.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(first.body);
  });

  it("stays small: under 4 KB gzipped", async () => {
    const bundle = await snippetBundle();
    expect(bundle.gzipped.length).toBeLessThan(4096);
    // Built once per process.
    expect(await snippetBundle()).toBe(bundle);
  });
});
