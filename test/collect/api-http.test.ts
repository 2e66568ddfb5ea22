import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_KEY, basic, post, type TestCollector, testCollector, WEB_KEY } from "./collector.ts";

// Limits pinned from Segment's HTTP API documentation ("Max request size", "Errors"):
// https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/
// 32 KB per call and per event in a batch, 500 KB per batch, 400 beyond.
const SEGMENT_EVENT_LIMIT = 32 * 1024;
const SEGMENT_BATCH_LIMIT = 500 * 1024;

describe("collector: the Segment HTTP Tracking API", () => {
  let c: TestCollector;
  const auth = { authorization: basic(WEB_KEY) };
  beforeAll(async () => {
    c = await testCollector({ allowedOrigins: ["http://shop.example"] });
  });
  afterAll(() => c.close());
  const since = () => {
    const n = c.events().length;
    return () => c.events().slice(n);
  };

  it("accepts each call type on /v1/<call> and the short path, from the write key's source", async () => {
    const added = since();
    const calls: [string, Record<string, unknown>][] = [
      ["track", { userId: "u1", event: "Order Completed", properties: { total: 12.5 } }],
      ["t", { anonymousId: "a1", event: "Clicked" }],
      ["identify", { userId: "u1", traits: { email: "u1@example.com" } }],
      ["i", { anonymousId: "a1", traits: { plan: "pro" } }],
      ["page", { anonymousId: "a1", name: "Home", category: "Docs", properties: { path: "/" } }],
      ["p", { anonymousId: "a1" }],
      ["screen", { userId: "u1", name: "Settings" }],
      ["s", { userId: "u1" }],
      ["group", { userId: "u1", groupId: "g1", traits: { name: "Acme" } }],
      ["g", { userId: "u1", groupId: "g2" }],
      ["alias", { userId: "u1", previousId: "a1" }],
      ["a", { userId: "u2", previousId: "u1" }],
    ];
    for (const [path, body] of calls) {
      const r = await post(`${c.url}/v1/${path}`, body, auth);
      expect(r.status, path).toBe(200);
      expect(r.json).toEqual({ success: true });
    }
    const events = added();
    expect(events.map((e) => e.type)).toEqual([
      ...["track", "track", "identify", "identify", "page", "page"],
      ...["screen", "screen", "group", "group", "alias", "alias"],
    ]);
    expect(events.every((e) => e.source === "web")).toBe(true);
    expect(events[0]).toMatchObject({
      event: "Order Completed",
      properties: { total: 12.5 },
      userId: "u1",
      anonymousId: null,
    });
    expect(events[2]).toMatchObject({ traits: { email: "u1@example.com" } });
    expect(events[4]).toMatchObject({ name: "Home", category: "Docs", properties: { path: "/" } });
    expect(events[8]).toMatchObject({ groupId: "g1", traits: { name: "Acme" } });
    expect(events[10]).toMatchObject({ previousId: "a1", userId: "u1" });
  });

  it("takes the write key from the body, names the source by its key, and refuses unknown keys with 401", async () => {
    const added = since();
    expect((await post(`${c.url}/v1/track`, { writeKey: APP_KEY, userId: "u", event: "E" })).status).toBe(
      200,
    );
    expect(added()[0]!.source).toBe("app");
    for (const headers of [{ authorization: basic("not-a-key-at-all") }, {} as Record<string, string>]) {
      const r = await post(`${c.url}/v1/track`, { userId: "u", event: "E" }, headers);
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ success: false, reason: "unauthorized" });
    }
    const wrongBody = await post(`${c.url}/v1/track`, { writeKey: `${WEB_KEY}x`, userId: "u", event: "E" });
    expect(wrongBody.status).toBe(401);
    expect(added()).toHaveLength(1);
  });

  it("keeps messageId, assigns one when missing, refuses one over 100 characters", async () => {
    const added = since();
    await post(`${c.url}/v1/track`, { userId: "u", event: "E", messageId: "m-1" }, auth);
    await post(`${c.url}/v1/track`, { userId: "u", event: "E" }, auth);
    const long = await post(
      `${c.url}/v1/track`,
      { userId: "u", event: "E", messageId: "x".repeat(101) },
      auth,
    );
    expect(long.status).toBe(400);
    expect(long.json.reason).toBe("message_id_too_long");
    const ok100 = await post(
      `${c.url}/v1/track`,
      { userId: "u", event: "E", messageId: "y".repeat(100) },
      auth,
    );
    expect(ok100.status).toBe(200);
    const [a, b, d] = added();
    expect(a!.messageId).toBe("m-1");
    expect(b!.messageId).toMatch(/^cdp-[0-9a-f-]{36}$/);
    expect(d!.messageId).toBe("y".repeat(100));
  });

  it("sets receivedAt and corrects timestamp for the client's clock: receivedAt − (sentAt − originalTimestamp)", async () => {
    const added = since();
    // The client's clock is 1 hour ahead; the event happened 10 s before it was sent.
    const before = Date.now();
    await post(
      `${c.url}/v1/track`,
      { userId: "u", event: "E", timestamp: "2030-01-01T01:00:00.000Z", sentAt: "2030-01-01T01:00:10.000Z" },
      auth,
    );
    const after = Date.now();
    const e = added()[0]!;
    const received = Date.parse(e.receivedAt);
    expect(received).toBeGreaterThanOrEqual(before - 1);
    expect(received).toBeLessThanOrEqual(after + 1);
    expect(Date.parse(e.timestamp)).toBe(received - 10_000);
    expect(e.originalTimestamp).toBe("2030-01-01T01:00:00.000Z");
    expect(e.sentAt).toBe("2030-01-01T01:00:10.000Z");
    // A batch's sentAt applies to its events; without sentAt the client's timestamp stands.
    const added2 = since();
    await post(
      `${c.url}/v1/batch`,
      {
        sentAt: "2030-01-01T00:00:05.000Z",
        batch: [
          { type: "track", userId: "u", event: "E", timestamp: "2030-01-01T00:00:00.000Z" },
          {
            type: "track",
            userId: "u",
            event: "E",
            timestamp: "2020-05-05T00:00:00.000Z",
            sentAt: "2020-05-05T00:00:00.000Z",
          },
        ],
      },
      auth,
    );
    const [x, y] = added2();
    expect(Date.parse(x!.timestamp)).toBe(Date.parse(x!.receivedAt) - 5_000);
    expect(y!.timestamp).toBe(y!.receivedAt);
    const added3 = since();
    await post(`${c.url}/v1/track`, { userId: "u", event: "E", timestamp: "2020-05-05T00:00:00.000Z" }, auth);
    expect(added3()[0]!.timestamp).toBe("2020-05-05T00:00:00.000Z");
  });

  it("refuses events without userId or anonymousId, a track without event, with the reason", async () => {
    const added = since();
    const noId = await post(`${c.url}/v1/track`, { event: "E" }, auth);
    expect(noId).toMatchObject({ status: 400, json: { reason: "missing_identity" } });
    const noEvent = await post(`${c.url}/v1/track`, { userId: "u" }, auth);
    expect(noEvent).toMatchObject({ status: 400, json: { reason: "missing_event" } });
    const noGroup = await post(`${c.url}/v1/group`, { userId: "u" }, auth);
    expect(noGroup).toMatchObject({ status: 400, json: { reason: "missing_field" } });
    const badJson = await post(`${c.url}/v1/track`, Buffer.from("{nope"), auth);
    expect(badJson).toMatchObject({ status: 400, json: { reason: "invalid_json" } });
    expect(added()).toHaveLength(0);
  });

  it("extends each event's context with the batch's context", async () => {
    const added = since();
    const r = await post(
      `${c.url}/v1/batch`,
      {
        context: { library: { name: "importer" }, locale: "de-DE" },
        batch: [
          { type: "track", userId: "u", event: "E" },
          { type: "track", userId: "u", event: "E", context: { locale: "fr-FR" } },
        ],
      },
      auth,
    );
    expect(r.status).toBe(200);
    const [a, b] = added();
    expect(a!.context).toMatchObject({ library: { name: "importer" }, locale: "de-DE" });
    expect(b!.context).toMatchObject({ library: { name: "importer" }, locale: "fr-FR" });
  });

  it("refuses a whole batch for one malformed event, naming it; nothing of it is written", async () => {
    const added = since();
    const r = await post(
      `${c.url}/v1/batch`,
      {
        batch: [
          { type: "track", userId: "u", event: "Fine" },
          { type: "identify", userId: "u" },
          { type: "track", anonymousId: "a" },
          { type: "track", userId: "u", event: "Also fine" },
        ],
      },
      auth,
    );
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ reason: "missing_event", index: 2 });
    expect(String(r.json.message)).toContain("event 2");
    const badType = await post(`${c.url}/v1/batch`, { batch: [{ type: "bogus", userId: "u" }] }, auth);
    expect(badType).toMatchObject({ status: 400, json: { reason: "invalid_type", index: 0 } });
    expect(await post(`${c.url}/v1/batch`, { events: [] }, auth)).toMatchObject({
      status: 400,
      json: { reason: "invalid_batch" },
    });
    expect(added()).toHaveLength(0);
  });

  it("enforces 32 KB per event and 500 KB per batch with 400, and accepts what fits", async () => {
    const added = since();
    const pad = (bytes: number) => "x".repeat(bytes);
    const single = (size: number) => ({ userId: "u", event: "E", properties: { p: pad(size) } });
    const bigSingle = await post(`${c.url}/v1/track`, single(SEGMENT_EVENT_LIMIT), auth);
    expect(bigSingle).toMatchObject({ status: 400, json: { reason: "event_too_large" } });
    expect((await post(`${c.url}/v1/track`, single(SEGMENT_EVENT_LIMIT - 200), auth)).status).toBe(200);

    const inBatch = await post(
      `${c.url}/v1/batch`,
      {
        batch: [
          { type: "track", ...single(100) },
          { type: "track", ...single(SEGMENT_EVENT_LIMIT + 1024) },
        ],
      },
      auth,
    );
    expect(inBatch).toMatchObject({ status: 400, json: { reason: "event_too_large", index: 1 } });
    // Inside a batch an event is measured as stored; the collector's own fields do not count against it.
    const atLimit = { type: "track", ...single(SEGMENT_EVENT_LIMIT - 100) };
    expect((await post(`${c.url}/v1/batch`, { batch: [atLimit] }, auth)).status).toBe(200);

    const events = (n: number, size: number) =>
      Array.from({ length: n }, () => ({ type: "track", ...single(size) }));
    const bigBatch = await post(`${c.url}/v1/batch`, { batch: events(20, 26 * 1024) }, auth);
    expect(bigBatch).toMatchObject({ status: 400, json: { reason: "request_too_large" } });
    expect(JSON.stringify({ batch: events(20, 26 * 1024) }).length).toBeGreaterThan(SEGMENT_BATCH_LIMIT);
    const fits = await post(`${c.url}/v1/batch`, { batch: events(15, 30 * 1024) }, auth);
    expect(fits.status).toBe(200);
    expect(added()).toHaveLength(1 + 1 + 15);
  });

  it("accepts gzip bodies, limits them by their inflated size, and reads text/plain as JSON", async () => {
    const added = since();
    const body = gzipSync(JSON.stringify({ batch: [{ type: "track", userId: "gz", event: "Zipped" }] }));
    const r = await post(`${c.url}/v1/batch`, body, { ...auth, "content-encoding": "gzip" });
    expect(r.status).toBe(200);
    // 1 MB of JSON compresses to a few KB: refused for what it inflates to.
    const bomb = gzipSync(
      JSON.stringify({
        batch: [{ type: "track", userId: "u", event: "E", properties: { p: "x".repeat(1 << 20) } }],
      }),
    );
    expect(bomb.length).toBeLessThan(SEGMENT_EVENT_LIMIT);
    expect(await post(`${c.url}/v1/batch`, bomb, { ...auth, "content-encoding": "gzip" })).toMatchObject({
      status: 400,
      json: { reason: "request_too_large" },
    });
    const plain = await post(
      `${c.url}/v1/t`,
      { userId: "tp", event: "Plain" },
      { ...auth, "content-type": "text/plain" },
    );
    expect(plain.status).toBe(200);
    expect(added().map((e) => e.userId)).toEqual(["gz", "tp"]);
  });

  it("answers CORS preflights for allowed origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`${c.url}/v1/t`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const ok = await preflight("http://shop.example");
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://shop.example");
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const other = await preflight("http://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves the settings document analytics.js loads, pointing it at this collector", async () => {
    const res = await fetch(`${c.url}/v1/projects/${WEB_KEY}/settings`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      integrations: Record<string, { apiKey: string; apiHost: string; protocol: string }>;
    };
    expect(doc.integrations["Segment.io"]).toMatchObject({
      apiKey: WEB_KEY,
      apiHost: `${new URL(c.url).host}/v1`,
      protocol: "http",
    });
    expect((await fetch(`${c.url}/v1/projects/unknown-key-123/settings`)).status).toBe(404);
  });

  it("reports health and Prometheus metrics: received by source and type, rejected by reason, log bytes", async () => {
    const health = (await (await fetch(`${c.url}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", accepting: true });
    const text = await (await fetch(`${c.url}/metrics`)).text();
    expect(text).toMatch(/cdp_collect_events_received_total\{source="web",type="track"\} \d+/);
    expect(text).toMatch(/cdp_collect_events_received_total\{source="app",type="track"\} 1\n/);
    expect(text).toMatch(/cdp_collect_requests_rejected_total\{reason="unauthorized"\} 3\n/);
    const bytes = Number(/cdp_collect_log_bytes (\d+)/.exec(text)![1]);
    expect(bytes).toBe(c.writer.stats().bytes);
    expect(bytes).toBeGreaterThan(0);
  });
});

describe("collector: the disk budget", () => {
  it("answers 503 with Retry-After once the log passes its budget, and writes nothing more", async () => {
    const c = await testCollector({ diskBudgetBytes: 2000 });
    try {
      const auth = { authorization: basic(WEB_KEY) };
      let status = 200;
      let sent = 0;
      while (status === 200) {
        status = (
          await post(
            `${c.url}/v1/track`,
            { userId: "u", event: "E", properties: { pad: "x".repeat(300) } },
            auth,
          )
        ).status;
        sent++;
      }
      const r = await post(`${c.url}/v1/track`, { userId: "u", event: "E" }, auth);
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("5");
      expect(r.json).toMatchObject({ reason: "disk_budget" });
      expect(c.events()).toHaveLength(sent - 1);
      expect(c.writer.bytes()).toBeGreaterThanOrEqual(2000);
      expect(((await (await fetch(`${c.url}/health`)).json()) as { accepting: boolean }).accepting).toBe(
        false,
      );
    } finally {
      await c.close();
    }
  });
});
