import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayWebEvents } from "../../scripts/demo/replay.ts";
import { type WebEventRow, webEventMessage } from "../../scripts/demo/web-messages.ts";
import { REPO } from "../helpers/project.ts";
import { type RecordingCollector, startRecordingCollector, WRITE_KEY } from "./snippet-fixture.ts";

const SEED = path.join(REPO, "seeds/raw_web_events.csv");
const rows = parse(readFileSync(SEED), { columns: true }) as WebEventRow[];

describe("the demo's web events as Segment calls", () => {
  it("maps every kind of event to the call a storefront makes", () => {
    const byKind = (kind: string, withEmail = false) =>
      rows.find((r) => r.event_type === kind && (!withEmail || r.email))!;
    const page = webEventMessage(byKind("page_view"));
    expect(page).toMatchObject({ type: "page", name: null, messageId: byKind("page_view").event_id });
    expect(page.properties).toEqual({
      url: byKind("page_view").page_url,
      path: new URL(byKind("page_view").page_url).pathname,
      search: new URL(byKind("page_view").page_url).search,
    });
    expect(webEventMessage(byKind("product_view"))).toMatchObject({ type: "page", name: "Product" });
    expect(webEventMessage(byKind("add_to_cart"))).toMatchObject({ type: "track", event: "Product Added" });
    expect(webEventMessage(byKind("checkout"))).toMatchObject({ type: "track", event: "Checkout Started" });
    const login = byKind("login", true);
    expect(webEventMessage(login)).toMatchObject({
      type: "identify",
      userId: login.user_id,
      anonymousId: login.anonymous_id,
      timestamp: login.occurred_at,
      traits: { email: login.email },
    });
    expect(webEventMessage(login).traits).not.toHaveProperty("createdAt");
    const signup = byKind("signup");
    expect(webEventMessage(signup).traits).toMatchObject({ createdAt: signup.occurred_at });
    const utm = rows.find((r) => r.utm_source)!;
    expect(webEventMessage(utm).context).toMatchObject({
      campaign: { source: utm.utm_source, medium: utm.utm_medium },
      page: { url: utm.page_url },
    });
  });

  it("names the row of an event type it does not know", () => {
    expect(() => webEventMessage({ ...rows[0]!, event_type: "hover" })).toThrow(
      `event ${rows[0]!.event_id}: unknown event_type "hover"`,
    );
  });
});

describe("npm run generate -- --replay", () => {
  let collector: RecordingCollector;
  let file: string;
  const sample = rows.slice(0, 1000);

  beforeAll(async () => {
    collector = await startRecordingCollector();
    file = path.join(mkdtempSync(path.join(tmpdir(), "cdp-replay-")), "raw_web_events.csv");
    const header = Object.keys(sample[0]!);
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    writeFileSync(
      file,
      [
        header.join(","),
        ...sample.map((r) => header.map((h) => quote(r[h as keyof WebEventRow])).join(",")),
      ].join("\n"),
    );
  });
  afterAll(() => collector.close());

  it("sends every event once in batches, retrying what the collector asks to retry", async () => {
    collector.failNext(
      { status: 503, headers: { "Retry-After": "0" } },
      { status: 429, headers: { "Retry-After": "0" } },
    );
    const result = await replayWebEvents({
      url: collector.url,
      writeKey: WRITE_KEY,
      file,
      batchSize: 100,
      concurrency: 3,
    });
    expect(result.events).toBe(1000);
    expect(result.requests).toBe(10);
    const accepted = collector.batches.filter((b) => b.status === 200);
    expect(collector.batches.filter((b) => b.status !== 200).map((b) => b.status)).toEqual([503, 429]);
    expect(accepted).toHaveLength(10);
    const ids = accepted.flatMap((b) => b.body.batch.map((e) => e.messageId));
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids)).toEqual(new Set(sample.map((r) => r.event_id)));
    expect(accepted.every((b) => b.body.batch.length === 100 && typeof b.body.sentAt === "string")).toBe(
      true,
    );
    const counts: Record<string, number> = {};
    for (const e of accepted.flatMap((b) => b.body.batch))
      counts[String(e.type)] = (counts[String(e.type)] ?? 0) + 1;
    expect(counts).toEqual(result.byType);
  });

  it("stops with the collector's answer when the write key is wrong", async () => {
    await expect(
      replayWebEvents({ url: collector.url, writeKey: "not-the-key", file, batchSize: 500 }),
    ).rejects.toThrow(/did not take the events .*401/);
  });
});
