import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { ensureBaseTables } from "../../src/collect/loader/compact.ts";
import { kindOfType } from "../../src/collect/loader/kinds.ts";
import { BASE_TABLES } from "../../src/collect/loader/names.ts";
import { BASE_COLUMNS } from "../../src/collect/loader/tables.ts";
import { CHECKPOINT_FILE } from "../../src/collect/log-format.ts";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";
import { LoaderHarness } from "./loader-harness.ts";
import { collected, TestLog } from "./log-helper.ts";

const at = (seconds: number) => new Date(Date.parse("2026-11-02T10:00:00.000Z") + seconds * 1000);

describeEachWarehouse("collected events in Segment's tables", "cdp_collect_tables", (suite) => {
  const harnesses: LoaderHarness[] = [];
  let n = 0;
  /** A loader writing into a schema of its own, so tests do not see each other's rows. */
  const harness = (maxEvents?: number) => {
    const h = new LoaderHarness(suite.wh(), `${suite.schema}_${++n}`, maxEvents);
    harnesses.push(h);
    return h;
  };
  afterAll(async () => {
    if (suite.skipped()) return;
    for (const h of harnesses) {
      await h.close();
      await suite
        .wh()
        .execute(`DROP SCHEMA IF EXISTS ${suite.wh().dialect.quoteIdentifier(h.schema)} CASCADE`)
        .catch(() => undefined);
    }
  });

  it("shapes every call type into its table, context flattened, properties and traits as columns", async () => {
    if (suite.skipped()) return;
    const h = harness();
    const log = new TestLog();
    const order = collected({
      at: 1,
      userId: "u1",
      event: "Order Completed",
      properties: {
        revenue: 12.5,
        coupon: "",
        product: { sku: "A-1", inStock: true },
        items: [1, 2],
        nothing: null,
      },
      context: {
        library: { name: "analytics.js", version: "5.0.0" },
        page: { url: "https://shop.example/cart" },
        userAgent: "Mozilla/5.0",
        ip: "203.0.113.7",
      },
    });
    log.append(
      order,
      collected({
        at: 2,
        type: "identify",
        userId: "u1",
        traits: { email: "ada@example.com", firstName: "Ada" },
      }),
      collected({
        at: 3,
        type: "page",
        name: "Home",
        category: "Docs",
        properties: { url: "https://x.example/", path: "/" },
      }),
      collected({ at: 4, type: "screen", name: "Settings", properties: { title: "S" } }),
      collected({
        at: 5,
        type: "group",
        userId: "u1",
        groupId: "g1",
        traits: { employees: 12, plan: "pro" },
      }),
      collected({ at: 6, type: "alias", userId: "u1", previousId: "anon-1" }),
    );
    const stats = await h.load(log);
    expect(stats.events).toBe(6);

    const [track] = await h.rows("tracks", [
      "id",
      "event",
      "event_text",
      "user_id",
      "anonymous_id",
      "source",
      "received_at",
      "context_page_url",
      "context_user_agent",
      "context_ip",
      "context_library_name",
      "uuid_ts",
    ]);
    expect(track).toMatchObject({
      id: order.messageId,
      event: "order_completed",
      event_text: "Order Completed",
      user_id: "u1",
      anonymous_id: "anon-1",
      source: "web",
      received_at: at(1),
      context_page_url: "https://shop.example/cart",
      context_user_agent: "Mozilla/5.0",
      context_ip: "203.0.113.7",
      context_library_name: "analytics.js",
    });
    expect(track!.uuid_ts).toBeInstanceOf(Date);
    const [own] = await h.rows("order_completed", [
      "id",
      "event",
      "revenue",
      "coupon",
      "product_sku",
      "product_in_stock",
      "items",
      "timestamp",
    ]);
    expect(own).toEqual({
      id: order.messageId,
      event: "order_completed",
      revenue: 12.5,
      // BigQuery's CSV loading reads an empty field as NULL, quoted or not (README: Collect).
      coupon: h.wh.dialect.name === "bigquery" ? null : "",
      product_sku: "A-1",
      product_in_stock: true,
      items: "[1,2]",
      timestamp: at(1),
    });
    // A null value makes no column (Segment creates a column only for a non-null value).
    expect(Object.keys(await h.columns("order_completed"))).not.toContain("nothing");
    expect(await h.rows("identifies", ["user_id", "email", "first_name"])).toEqual([
      { user_id: "u1", email: "ada@example.com", first_name: "Ada" },
    ]);
    expect(await h.rows("pages", ["name", "category", "url", "path"])).toEqual([
      { name: "Home", category: "Docs", url: "https://x.example/", path: "/" },
    ]);
    expect(await h.rows("screens", ["name", "title"])).toEqual([{ name: "Settings", title: "S" }]);
    expect(await h.rows("groups", ["group_id", "employees", "plan"])).toEqual([
      { group_id: "g1", employees: 12, plan: "pro" },
    ]);
    expect(await h.rows("aliases", ["user_id", "previous_id"])).toEqual([
      { user_id: "u1", previous_id: "anon-1" },
    ]);
  });

  it("loads an event once, whatever is replayed: a lost checkpoint, a batch sent twice, a duplicate id", async () => {
    if (suite.skipped()) return;
    const h = harness(3);
    const log = new TestLog();
    const events = Array.from({ length: 7 }, (_, i) =>
      collected({ at: i, event: "Signed Up", properties: { step: i } }),
    );
    log.append(...events.slice(0, 5));
    const checkpoint = path.join(log.dir, CHECKPOINT_FILE);
    await h.load(log);
    expect(await h.count("tracks")).toBe(5);
    // A crash between the warehouse commit and the checkpoint: the next loader starts over.
    const before = readFileSync(checkpoint, "utf8");
    writeFileSync(checkpoint, JSON.stringify({ segment: 0, offset: 0 }));
    const replay = await h.load(log);
    expect(replay.events).toBe(5);
    expect(await h.count("tracks")).toBe(5);
    expect(await h.count("signed_up")).toBe(5);
    expect(readFileSync(checkpoint, "utf8")).toBe(before);
    // A client that retried: the same messageId again, in the log twice, with the new events.
    log.seal().append(events[5]!, events[1]!, events[6]!, events[6]!);
    await h.load(log);
    expect(await h.count("tracks")).toBe(7);
    const ids = (await h.rows("signed_up", ["id", "step"], "step")).map((r) => r.id);
    expect(ids).toEqual(events.map((e) => e.messageId));
  });

  it("adds a column for a new property and keeps the earlier rows", async () => {
    if (suite.skipped()) return;
    const h = harness();
    const log = new TestLog();
    const first = collected({ at: 1, event: "Viewed", properties: { plan: "free" } });
    log.append(first);
    await h.load(log);
    expect(Object.keys(await h.columns("viewed"))).not.toContain("seats");
    const second = collected({
      at: 2,
      event: "Viewed",
      properties: { plan: "pro", seats: 3, trialEndsAt: "2026-12-01T00:00:00Z" },
    });
    log.append(second);
    await h.load(log);
    const columns = await h.columns("viewed");
    expect(kindOfType(columns.seats!)).toBe("number");
    expect(kindOfType(columns.trial_ends_at!)).toBe("timestamp");
    expect(await h.rows("viewed", ["plan", "seats", "trial_ends_at"], "timestamp")).toEqual([
      { plan: "free", seats: null, trial_ends_at: null },
      { plan: "pro", seats: 3, trial_ends_at: new Date("2026-12-01T00:00:00Z") },
    ]);
  });

  it("keeps a value whose type conflicts with its column: as text in a text column, else in <column>_<kind>", async () => {
    if (suite.skipped()) return;
    const h = harness();
    const log = new TestLog();
    log.append(collected({ at: 1, event: "Paid", properties: { price: 10, plan: "pro", gift: true } }));
    await h.load(log);
    // Later batches, and conflicts inside one batch (the first kind seen makes the column).
    log.append(
      collected({ at: 2, event: "Paid", properties: { price: "n/a", plan: 3, gift: "maybe" } }),
      collected({ at: 3, event: "Paid", properties: { price: 12.5, plan: false, gift: 1, note: 7 } }),
      collected({ at: 4, event: "Paid", properties: { note: "x" } }),
    );
    await h.load(log);
    const columns = await h.columns("paid");
    expect(kindOfType(columns.price!)).toBe("number");
    expect(kindOfType(columns.price_string!)).toBe("string");
    expect(kindOfType(columns.gift!)).toBe("boolean");
    expect(kindOfType(columns.gift_number!)).toBe("number");
    expect(
      await h.rows(
        "paid",
        ["price", "price_string", "plan", "gift", "gift_string", "gift_number", "note", "note_string"],
        "timestamp",
      ),
    ).toEqual([
      {
        price: 10,
        price_string: null,
        plan: "pro",
        gift: true,
        gift_string: null,
        gift_number: null,
        note: null,
        note_string: null,
      },
      {
        price: null,
        price_string: "n/a",
        plan: "3",
        gift: null,
        gift_string: "maybe",
        gift_number: null,
        note: null,
        note_string: null,
      },
      {
        price: 12.5,
        price_string: null,
        plan: "false",
        gift: null,
        gift_string: null,
        gift_number: 1,
        note: 7,
        note_string: null,
      },
      {
        price: null,
        price_string: null,
        plan: null,
        gift: null,
        gift_string: null,
        gift_number: null,
        note: null,
        note_string: "x",
      },
    ]);
  });

  it("keeps in users the latest value of each trait per user_id, whatever order events arrive in", async () => {
    if (suite.skipped()) return;
    const h = harness();
    const log = new TestLog();
    log.append(
      collected({ at: 10, type: "identify", userId: "u1", traits: { email: "new@example.com" } }),
      collected({ at: 1, type: "identify", userId: "u2", traits: { email: "b@example.com", plan: "free" } }),
      collected({
        at: 2,
        type: "identify",
        userId: null,
        anonymousId: "anon-9",
        traits: { email: "anon@example.com" },
      }),
    );
    await h.load(log);
    // An older identify of u1 arrives late: its name is kept, its older email is not.
    log.append(
      collected({ at: 5, type: "identify", userId: "u1", traits: { email: "old@example.com", name: "Ada" } }),
      collected({ at: 6, type: "identify", userId: "u2", traits: { plan: "pro", age: 41 } }),
    );
    await h.load(log);
    const expected = [
      { id: "u1", email: "new@example.com", name: "Ada", plan: null, age: null },
      { id: "u2", email: "b@example.com", name: null, plan: "pro", age: 41 },
    ];
    expect(await h.rows("users", ["id", "email", "name", "plan", "age"])).toEqual(expected);
    const [u1] = await h.rows("users", ["id", "received_at"]);
    expect(u1!.received_at).toEqual(at(10));
    // Replayed from the start: the same users.
    writeFileSync(path.join(log.dir, CHECKPOINT_FILE), JSON.stringify({ segment: 0, offset: 0 }));
    await h.load(log);
    expect(await h.rows("users", ["id", "email", "name", "plan", "age"])).toEqual(expected);
  });

  it("makes the base tables with their fixed columns before any event arrived", async () => {
    if (suite.skipped()) return;
    const h = harness();
    await ensureBaseTables(h.wh, h.schema);
    await ensureBaseTables(h.wh, h.schema);
    for (const table of BASE_TABLES) {
      const columns = await h.columns(table);
      expect(Object.keys(columns)).toEqual(BASE_COLUMNS[table].map((c) => c.name));
      for (const c of BASE_COLUMNS[table]) expect(kindOfType(columns[c.name]!)).toBe(c.kind);
      expect(await h.count(table)).toBe(0);
    }
  });
});
